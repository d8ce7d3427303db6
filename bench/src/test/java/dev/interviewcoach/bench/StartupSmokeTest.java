package dev.interviewcoach.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The start-up mode once: the real jar started twice, and a first interview after each start answered through. */
class StartupSmokeTest {

    @Test
    void bothStartsAreTimedAndTheFirstInterviewAfterEachIsTimedTurnByTurn() throws Exception {
        // The app module is built before this one, so its runnable jar is there.
        Path jar = Path.of("..", "app", "target", "coach.jar");
        assertThat(jar).as("the runnable jar, built by the app module").isRegularFile();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        SlackLoadBenchmark.startup(jar, List.of(), 1, Duration.ZERO, Duration.ZERO,
                new PrintStream(bytes, true, StandardCharsets.UTF_8));

        String report = bytes.toString(StandardCharsets.UTF_8);
        assertThat(report).doesNotContain("did not stop")
                .containsPattern("start-up 1, new database: +launch to ready line +\\d+ ms")
                .containsPattern("start-up 1, existing database: launch to ready line +\\d+ ms")
                .containsPattern("first interview 0 s after it was ready: its first question in \\d+ ms; the replies to"
                        + " its answers in \\[\\d+(, \\d+){4,}\\] ms")
                .containsPattern("median of 1, existing database, the first interview: its first question in [\\d.]+ ms;"
                        + " the reply to its first answer in [\\d.]+ ms");
    }
}
