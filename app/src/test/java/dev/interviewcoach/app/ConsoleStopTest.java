package dev.interviewcoach.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Stopping {@code coach console} (Ctrl-C, or SIGTERM as here) in the middle of an answer: the answer still gets its
 * feedback, the person is told their interview is kept, the process ends cleanly, and the next start goes on.
 */
class ConsoleStopTest {

    private static final String ANSWER = "The GIL lets one thread run Python bytecode at a time, so for CPU-bound work"
            + " I use processes, and threads for work that waits on the network.";

    @TempDir
    Path dir;

    /** What a console process has written so far, read as it comes (its prompts end without a newline). */
    private static final class Screen {
        private final StringBuffer text = new StringBuffer();

        Screen(InputStream out) {
            Thread.ofPlatform().daemon().start(() -> {
                byte[] buffer = new byte[4096];
                try {
                    for (int n; (n = out.read(buffer)) >= 0; ) {
                        text.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
                    }
                } catch (IOException ended) {
                    // the process is gone
                }
            });
        }

        /** Waits until the screen shows {@code wanted} {@code times} times. */
        void waitFor(String wanted, int times, long seconds) throws InterruptedException {
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
            while (count(wanted) < times) {
                assertThat(System.nanoTime()).as("waiting for \"%s\"; the screen:%n%s", wanted, text).isLessThan(until);
                Thread.sleep(20);
            }
        }

        int count(String wanted) {
            String all = text.toString();
            int count = 0;
            for (int at = all.indexOf(wanted); at >= 0; at = all.indexOf(wanted, at + 1)) {
                count++;
            }
            return count;
        }

        @Override
        public String toString() {
            return text.toString();
        }
    }

    private Process console() throws IOException {
        return CoachProcess.builder(Map.of(), "console", "--db", dir.resolve("coach.db").toString(), "--user", "ann",
                        "--track", "python-developer", "--questions", "3", "--no-followups")
                .directory(dir.toFile()).redirectErrorStream(true).start();
    }

    @Test
    void aStopWhileAnAnswerIsJudgedShowsItsFeedbackKeepsTheInterviewAndEndsCleanly() throws Exception {
        Process process = console();
        Screen screen = new Screen(process.getInputStream());
        OutputStream keys = process.getOutputStream();
        screen.waitFor("Your answer (finish with an empty line):\n> ", 1, 90);
        keys.write((ANSWER + "\n").getBytes(StandardCharsets.UTF_8));
        keys.flush();
        screen.waitFor("\n> > ", 1, 30); // the answer's line was read; the empty line hands it in
        keys.write("\n".getBytes(StandardCharsets.UTF_8));
        keys.flush();
        // The first answer loads the sentence model (a second or more here): stop while it is being judged.
        Thread.sleep(500);
        process.toHandle().destroy();

        assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("ends on SIGTERM").isTrue();
        String shown = screen.toString();
        assertThat(process.exitValue()).as(shown).isEqualTo(143);
        assertThat(shown).as("the answer in hand gets its feedback").contains("== Score ");
        assertThat(shown).contains("Stopped. Your interview is kept: run coach console again to go on where you left off.");
        assertThat(shown.substring(shown.indexOf("Stopped."))).as("nothing after the farewell")
                .doesNotContain("Your answer").doesNotContain("> ");
        try (var files = Files.list(dir)) {
            assertThat(files.map(f -> f.getFileName().toString())).noneMatch(name -> name.startsWith("hs_err"));
        }

        // A stop while an answer is half typed (no empty line yet) shows its lines, to paste again.
        Process typing = console();
        Screen half = new Screen(typing.getInputStream());
        half.waitFor("Your answer (finish with an empty line):\n> ", 1, 90);
        typing.getOutputStream().write("the first line of my second answer\n".getBytes(StandardCharsets.UTF_8));
        typing.getOutputStream().flush();
        half.waitFor("\n> > ", 1, 30);
        typing.toHandle().destroy();
        assertThat(typing.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(half.toString()).contains("Stopped. Your interview is kept").contains("The answer you were typing was"
                + " not sent; here it is, to paste again:\nthe first line of my second answer");

        Process again = console();
        Screen next = new Screen(again.getInputStream());
        next.waitFor("Your answer (finish with an empty line):\n> ", 1, 90);
        assertThat(next.toString()).contains("Welcome back: resuming your python-developer interview at question 2 of 3");
        again.getOutputStream().close(); // Ctrl-D: the scorecard so far
        assertThat(again.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(again.exitValue()).as(next.toString()).isZero();
        assertThat(next.toString()).contains("Scorecard");
    }
}
