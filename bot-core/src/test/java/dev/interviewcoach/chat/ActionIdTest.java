package dev.interviewcoach.chat;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.NumericChars;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

class ActionIdTest {

    @Property
    void encodingRoundTrips(@ForAll @AlphaChars @NumericChars @StringLength(min = 1, max = 20) String feature,
                            @ForAll @AlphaChars @StringLength(min = 1, max = 10) String verb,
                            @ForAll @AlphaChars @NumericChars @StringLength(min = 1, max = 40) String subject,
                            @ForAll @LongRange(min = 0, max = 1_000_000) long version) {
        ActionId id = new ActionId(feature, verb, subject, version);
        assertThat(ActionId.parse(id.encode())).hasValue(id);
        assertThat(id.encode().length()).isLessThanOrEqualTo(100);
    }

    @Property
    void textThatIsNotAnEncodedIdParsesToNothingAndNeverThrows(@ForAll String junk) {
        // Whatever parses must be exactly what encoding that id gives: nothing else gets through.
        ActionId.parse(junk).ifPresent(id -> assertThat(id.encode()).isEqualTo(junk));
        ActionId.parse("coach:" + junk).ifPresent(id -> assertThat(id.encode()).isEqualTo("coach:" + junk));
    }

    @Test
    void rejectsForeignIds() {
        assertThat(ActionId.parse("other:mock:hint:s1:0")).isEmpty();
        assertThat(ActionId.parse("coach:mock:hint:s1")).isEmpty();
        assertThat(ActionId.parse("coach:mock:hint:s1:x")).isEmpty();
        assertThat(ActionId.parse("coach:mock:hint:s 1:1")).isEmpty();
        assertThat(ActionId.parse(null)).isEmpty();
    }
}
