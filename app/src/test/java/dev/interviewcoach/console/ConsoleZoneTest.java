package dev.interviewcoach.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** The computer's zone as the console names it in "Days are counted in ...". */
class ConsoleZoneTest {

    @Test
    void aServersUtcIsCalledUtcAndARealZoneKeepsItsName() {
        assertThat(ConsoleChatPort.plainlyNamed(ZoneId.of("Etc/UTC")).getId()).isEqualTo("UTC");
        assertThat(ConsoleChatPort.plainlyNamed(ZoneId.of("GMT")).getId()).isEqualTo("UTC");
        assertThat(ConsoleChatPort.plainlyNamed(ZoneId.of("Z")).getId()).isEqualTo("UTC");
        // London is on UTC only in winter: it keeps its own name
        assertThat(ConsoleChatPort.plainlyNamed(ZoneId.of("Europe/London")).getId()).isEqualTo("Europe/London");
        assertThat(ConsoleChatPort.plainlyNamed(ZoneId.of("Asia/Tokyo")).getId()).isEqualTo("Asia/Tokyo");
    }
}
