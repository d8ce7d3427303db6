package dev.interviewcoach.app;

import java.io.ByteArrayOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * Runs {@code coach} commands as a person would and keeps what each says on its output and error
 * streams, without touching the process-wide standard streams: test classes using it run side by side.
 */
final class CommandOutput {

    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    /** Runs the command line with these arguments and returns its exit code; what it says is added to out and err. */
    int run(String... args) {
        PrintWriter outWriter = new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), true);
        PrintWriter errWriter = new PrintWriter(new OutputStreamWriter(err, StandardCharsets.UTF_8), true);
        try {
            return Main.run(outWriter, errWriter, args);
        } finally {
            outWriter.flush();
            errWriter.flush();
        }
    }
}
