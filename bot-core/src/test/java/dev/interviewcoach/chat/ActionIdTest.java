package dev.interviewcoach.chat;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.IntRange;
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
    void arbitraryTextNeverThrowsAndWhateverParsesEncodesBackToExactlyThatText(@ForAll String junk) {
        ActionId.parse(junk).ifPresent(id -> assertThat(id.encode()).isEqualTo(junk));
        ActionId.parse("coach:" + junk).ifPresent(id -> assertThat(id.encode()).isEqualTo("coach:" + junk));
    }

    @Property
    void anIdWithOneCharacterAddedOrLostIsReadAsExactlyThatTextOrNotAtAll(
            @ForAll @AlphaChars @StringLength(min = 1, max = 12) String feature,
            @ForAll @AlphaChars @StringLength(min = 1, max = 8) String verb,
            @ForAll @AlphaChars @NumericChars @StringLength(min = 1, max = 20) String subject,
            @ForAll @LongRange(min = 0, max = 1_000) long version,
            @ForAll @IntRange(min = 0, max = 60) int at, @ForAll char inserted, @ForAll boolean lose) {
        // Near misses of a real id (a stray colon, a lost separator, a space) are what a forged or
        // damaged button value looks like; random text almost never gets past the prefix.
        String encoded = new ActionId(feature, verb, subject, version).encode();
        int i = at % encoded.length();
        String edited = lose ? encoded.substring(0, i) + encoded.substring(i + 1)
                : encoded.substring(0, i) + inserted + encoded.substring(i);
        ActionId.parse(edited).ifPresent(id -> assertThat(id.encode()).isEqualTo(edited));
        if (edited.chars().filter(c -> c == ':').count() != 4) {
            assertThat(ActionId.parse(edited)).as("not five parts: " + edited).isEmpty();
        }
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
