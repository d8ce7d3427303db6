package dev.interviewcoach.discord;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The pauses before a shard's connection is tried again, the wait between identifies, and the gateway it is told to use. */
class PacedSessionControllerTest {

    @Test
    void theFirstTryDoesNotWaitAndRetriesWaitTwiceAsLongUpToHalfAMinute() {
        assertThat(PacedSessionController.pauseBefore(0)).isZero();
        assertThat(PacedSessionController.pauseBefore(1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(PacedSessionController.pauseBefore(2)).isEqualTo(Duration.ofSeconds(2));
        assertThat(PacedSessionController.pauseBefore(3)).isEqualTo(Duration.ofSeconds(4));
        assertThat(PacedSessionController.pauseBefore(5)).isEqualTo(Duration.ofSeconds(16));
        assertThat(PacedSessionController.pauseBefore(6)).isEqualTo(Duration.ofSeconds(30));
        assertThat(PacedSessionController.pauseBefore(1_000)).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void shardsIdentifyFiveSecondsApartAsDiscordAsksUnlessSetOtherwise() {
        DiscordSettings operator = new DiscordSettings("token", Optional.empty(), 2, Optional.empty(), Optional.empty(),
                DiscordSettings.MessageContent.AUTO);
        assertThat(operator.identifySpacing()).isEqualTo(Duration.ofSeconds(5));
        assertThat(operator.withIdentifySpacing(Duration.ofSeconds(1)).identifySpacing()).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void aConfiguredGatewayIsUsedForEveryShardOtherwiseDiscordsOwn() {
        PacedSessionController fake = new PacedSessionController(Optional.of("ws://127.0.0.1:9"), 4, Duration.ofSeconds(5));
        assertThat(fake.getGateway()).isEqualTo("ws://127.0.0.1:9");
        assertThat(new PacedSessionController(Optional.empty(), 1, Duration.ofSeconds(5)).getGateway()).startsWith("wss://gateway.discord.gg");
    }
}
