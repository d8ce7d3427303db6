package dev.interviewcoach.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code coach score} as a person runs it in a terminal: the score, and no log lines beside it. */
class ScoreCommandProcessTest {

    @TempDir
    Path dir;

    @Test
    void scoringAnAnswerPrintsTheFeedbackWithoutLogLines() throws Exception {
        Process process = CoachProcess.launch(Map.of("COACH_DATABASE_PATH", dir.resolve("coach.db").toString()),
                "score", "--track", "python-developer", "--question", "gil-and-concurrency", "--answer",
                "The GIL lets one thread run Python bytecode at a time, so for CPU-bound work I use processes.");
        String shown = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isZero();
        assertThat(shown).contains("== Score ").as("stdout and stderr together: no INFO line such as the model's load")
                .doesNotContain(" INFO ").doesNotContain("Sentence model loaded");
    }
}
