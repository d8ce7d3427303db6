package dev.interviewcoach.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.OutputStream;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The Discord mode, tiny: two people for a second against the coach on JDA and the bare JDA bot. Proves the
 * wiring (interactions and thread messages in, acknowledgements and replies seen at the fake Discord, figures out).
 */
class DiscordLoadBenchmarkSmokeTest {

    private static final PrintStream QUIET = new PrintStream(OutputStream.nullOutputStream());

    @Test
    void twoPeopleForASecondGetEveryReplyFromTheCoachAndEveryAckFromTheBareBot() throws Exception {
        // On a loaded build machine the two interviews may take a while to start: a warm-up of two seconds lets
        // them, so the measured second has answers in it; a reply may be slow too, and the drain waits for it (and
        // ends as soon as all are in).
        SlackLoadBenchmark.LoadOptions options = new SlackLoadBenchmark.LoadOptions(2, 20, Duration.ofSeconds(2),
                Duration.ofSeconds(1), 2, Duration.ofMillis(200), Duration.ofMillis(800), Duration.ofSeconds(20), 1, 2,
                16, DirectChannelIds.RANDOM, false, false, Duration.ZERO, new Sending(4, false), 1, 1, false);

        List<DiscordLoadBenchmark.DiscordRun> runs = DiscordLoadBenchmark.run(options, QUIET);

        DiscordLoadBenchmark.DiscordRun run = runs.getFirst();
        for (PhaseResult phase : List.of(run.coachOpen(), run.coachClosed(), run.bareOpen(), run.bareClosed())) {
            assertThat(phase.sent()).as(phase.target() + " " + phase.phase()).isPositive();
            assertThat(phase.errors()).as(phase.target() + " " + phase.phase() + ": " + phase.refused()
                    + " sends refused, " + phase.missingReplies() + " replies missing").isZero();
            assertThat(phase.completed()).isEqualTo(phase.sent());
        }
        assertThat(run.coachOpen().calls().answers()).as("answers typed in the threads").isPositive();
        assertThat(run.coachAnswerReply().count()).as("typed answers timed").isPositive();
        assertThat(run.coachOpen().reply().count()).isEqualTo(run.coachOpen().sent());
        assertThat(run.coachOpen().calls().byMethod()).containsKey("POST interactions/N/TOKEN/callback")
                .containsKey("POST channels/N/messages");
        assertThat(run.bareOpen().reply().count()).isZero();
        assertThat(run.bareOpen().ack().count()).as("every interaction acknowledged").isEqualTo(run.bareOpen().sent());
        assertThat(run.bareClosed().calls().byMethod()).as("the bare bot only acknowledges")
                .containsOnlyKeys("POST interactions/N/TOKEN/callback");
        assertThat(run.closedRatio()).isPositive();
    }

    @Test
    void aMessageReadsAsItsContentThenItsEmbedsTitles() throws Exception {
        var body = new ObjectMapper().readTree("""
                {"content":"","embeds":[{"title":"Score 3/5","description":"Fine."},
                {"description":"**Question 2 of 5: Why?**"}]}""");

        assertThat(DiscordLoadDriver.text(body)).isEqualTo("Score 3/5\n\nQuestion 2 of 5: Why?**");
        assertThat(SimulatedPerson.turnAfter(DiscordLoadDriver.text(body))).isEqualTo(SimulatedPerson.Turn.ANSWER);
        assertThat(DiscordLoadDriver.route("webhooks/1100000000000000001/aW50ZXJhY3Rpb24/messages/@original"))
                .isEqualTo("webhooks/N/TOKEN/messages/@original");
    }
}
