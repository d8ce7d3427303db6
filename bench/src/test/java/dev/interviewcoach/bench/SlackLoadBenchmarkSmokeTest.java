package dev.interviewcoach.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The harness itself, tiny: two people for a second against the coach, the echo bot and the bare app. Proves the wiring (signed requests in, replies seen at the fake Slack, figures out); the
 * real runs are in docs/performance.md.
 */
class SlackLoadBenchmarkSmokeTest {

    private static final PrintStream QUIET = new PrintStream(OutputStream.nullOutputStream());

    @Test
    void twoPeopleForASecondGetEveryReplyFromTheCoachAndTheEchoBotAndEveryAckFromTheBareApp() throws Exception {
        SlackLoadBenchmark.LoadOptions options = new SlackLoadBenchmark.LoadOptions(2, 20, Duration.ofMillis(500),
                Duration.ofSeconds(1), 2, Duration.ofMillis(200), Duration.ofMillis(500), Duration.ofSeconds(5), 1, 2,
                16, DirectChannelIds.RANDOM, false, false, Duration.ZERO, new Sending(4, false), 1, 1, false);

        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        List<SlackLoadBenchmark.LoadRun> runs = SlackLoadBenchmark.load(options,
                new PrintStream(printed, true, StandardCharsets.UTF_8));

        assertThat(printed.toString(StandardCharsets.UTF_8)).as("how busy SQLite's writer was in the closed loop")
                .containsPattern("coach: SQLite write turn held \\d+% of the phase, \\d+ turns/s");
        SlackLoadBenchmark.LoadRun run = runs.getFirst();
        for (PhaseResult phase : List.of(run.coachOpen(), run.coachClosed(), run.echoOpen(), run.echoClosed(),
                run.bareOpen(), run.bareClosed())) {
            assertThat(phase.sent()).as(phase.target() + " " + phase.phase()).isPositive();
            assertThat(phase.errors()).as(phase.target() + " " + phase.phase()).isZero();
            assertThat(phase.completed()).isEqualTo(phase.sent());
            assertThat(phase.ack().count()).isEqualTo(phase.sent());
        }
        assertThat(run.coachAckOnly().sent()).isPositive();
        assertThat(run.coachOpen().reply().count()).isEqualTo(run.coachOpen().sent());
        assertThat(run.bareOpen().reply().count()).isZero();
        assertThat(run.echoOpen().reply().count()).as("every echo timed").isEqualTo(run.echoOpen().sent());
        assertThat(run.echoClosed().calls().byMethod()).as("one post per event")
                .containsOnlyKeys("chat.postMessage");
        assertThat(run.echoClosed().calls().byMethod().get("chat.postMessage"))
                .isEqualTo(run.echoClosed().calls().answers() + run.echoClosed().calls().commands());
        assertThat(run.echoRatio()).isPositive();
        assertThat(run.coachHeapMb()).isPositive();
        assertThat(run.closedRatio()).isPositive();
        assertThat(run.coachClosed().calls().answers()).isPositive();
        assertThat(run.coachClosed().calls().byMethod()).as("nothing but posts").containsOnlyKeys("chat.postMessage");
        assertThat(run.bareClosed().calls().total()).as("the bare app never calls Slack").isZero();
    }

    @Test
    void inPostgresModeTwoInstancesTakingEventsInTurnAnswerEveryoneToo() throws Exception {
        // A Slack that answers late leaves one instance's reply in flight when the person's next event reaches the other.
        SlackLoadBenchmark.LoadOptions options = new SlackLoadBenchmark.LoadOptions(2, 20, Duration.ofMillis(500),
                Duration.ofSeconds(1), 2, Duration.ofMillis(200), Duration.ofMillis(500), Duration.ofSeconds(10), 1, 2,
                16, DirectChannelIds.RANDOM, false, true, Duration.ofMillis(50), new Sending(4, false), 2, 1, false);

        SlackLoadBenchmark.LoadRun run = SlackLoadBenchmark.load(options, QUIET).getFirst();

        for (PhaseResult phase : List.of(run.coachOpen(), run.coachClosed())) {
            assertThat(phase.sent()).as(phase.phase()).isPositive();
            assertThat(phase.errors()).as(phase.phase()).isZero();
            assertThat(phase.reply().count()).as("every reply timed").isEqualTo(phase.sent());
        }
        assertThat(run.echoRatio()).isPositive();
    }

    @Test
    void repliesHeldByARateLimitAllGoOutOnceItIsOver() throws Exception {
        WaitingRepliesDrain.Result drained = WaitingRepliesDrain.run(6, Duration.ofMillis(20), QUIET);

        assertThat(drained.places()).isEqualTo(6);
        assertThat(drained.firstDueToLastMillis()).isGreaterThanOrEqualTo(drained.firstDueToMedianMillis());
    }

    @Test
    void aMessageThatEndsWithTheNextQuestionOrTheScorecardTellsThePersonWhatToSendNext() {
        assertThat(SimulatedPerson.turnAfter("Score 3/5. Two of four points.\n\nQuestion 2 of 5: Why?"))
                .isEqualTo(SimulatedPerson.Turn.ANSWER);
        assertThat(SimulatedPerson.turnAfter("Score 3/5. Fine.\n\nA follow-up on question 2 of 5: And then?"))
                .isEqualTo(SimulatedPerson.Turn.ANSWER);
        assertThat(SimulatedPerson.turnAfter("Score 3/5. Fine.\n\nScorecard: 3.0/5 over 5 answered"))
                .isEqualTo(SimulatedPerson.Turn.COMMAND);
        assertThat(SimulatedPerson.turnAfter("Score 3/5. Fine.")).isNull();
    }

    @Test
    void practiceAnswersAreEightyToOneHundredTwentyWords() {
        for (int i = 0; i < PracticeAnswers.count(); i++) {
            assertThat(PracticeAnswers.words(i)).as("answer " + i).isBetween(80, 120);
        }
    }

    @Test
    void percentilesAreNearestRank() {
        Latencies latencies = new Latencies();
        for (int ms = 1; ms <= 100; ms++) {
            latencies.add(ms * 1_000_000L);
        }
        assertThat(latencies.percentileMillis(50)).isEqualTo(50.0);
        assertThat(latencies.percentileMillis(99)).isEqualTo(99.0);
        assertThat(latencies.percentileMillis(100)).isEqualTo(100.0);
    }
}
