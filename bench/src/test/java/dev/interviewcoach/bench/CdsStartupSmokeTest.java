package dev.interviewcoach.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The start-up comparison, once each way: the real jar writes an archive, and a start maps it. */
class CdsStartupSmokeTest {

    @Test
    void aFirstStartWritesTheArchiveAndTheComparisonReportsBothWays() throws Exception {
        // The app module is built before this one, so its runnable jar is there.
        Path jar = Path.of("..", "app", "target", "coach.jar");
        assertThat(jar).as("the runnable jar, built by the app module").isRegularFile();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        CdsStartup.compare(jar, 1, new PrintStream(bytes, true, StandardCharsets.UTF_8));

        String report = bytes.toString(StandardCharsets.UTF_8);
        assertThat(report).contains("archive: ").contains("run 1: without archive").contains("with archive")
                .containsPattern("median of 1, existing database: launch to ready \\d+ ms without, \\d+ ms with");
    }
}
