package dev.interviewcoach.app;

import dev.interviewcoach.app.logging.LogFormat;
import java.io.PrintWriter;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code coach} command line. */
@Command(name = "coach",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = "Interview Coach: practise job interviews with feedback on every answer.",
        subcommands = {ConsoleCommand.class, RunCommand.class, BankCommand.class, ScoreCommand.class, EvalCommand.class,
                ConfigCommand.class, InstallationsCommand.class, BackupCommand.class, RestoreCommand.class,
                CommandLine.HelpCommand.class})
public final class Main implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        // Charts (stats, digests) are drawn in memory; never look for a display.
        System.setProperty("java.awt.headless", "true");
        LogFormat.warnIfUnknown(System.getenv(LogFormat.ENV));
        System.exit(run(args));
    }

    /** Runs the command line on the standard streams and returns its exit code. */
    public static int run(String... args) {
        return run(null, null, args);
    }

    /**
     * Runs the command line, writing what it says to {@code out} and {@code err} (the standard streams when
     * null), and returns its exit code; tests read a command's words without touching the process-wide streams.
     */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cli = new CommandLine(new Main());
        if (out != null) {
            cli.setOut(out);
        }
        if (err != null) {
            cli.setErr(err);
        }
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof StartupFailure) {
                commandLine.getErr().println(e.getMessage());
                return 2;
            }
            if (e instanceof CoachConfig.ConfigException) {
                commandLine.getErr().println("Configuration problem: " + e.getMessage());
                return 2;
            }
            // A file named on the command line that cannot be read: say which and why, in one line.
            if (e instanceof NoSuchFileException missing) {
                commandLine.getErr().println("No such file: " + missing.getFile());
                return 2;
            }
            if (e instanceof AccessDeniedException denied) {
                commandLine.getErr().println("Cannot read " + denied.getFile() + ": permission denied");
                return 2;
            }
            if (e instanceof CharacterCodingException) {
                commandLine.getErr().println("A file given is not UTF-8 text; save it as UTF-8 and run again.");
                return 2;
            }
            // The adapters' start-up failures are one line that names the setting to look at.
            if (e instanceof IllegalStateException && e.getMessage() != null && (e.getMessage().startsWith("Slack")
                    || e.getMessage().startsWith("Discord"))) {
                commandLine.getErr().println(e.getMessage());
                return 2;
            }
            throw e;
        });
        int code = cli.execute(args);
        cli.getOut().flush();
        cli.getErr().flush();
        return code;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The version and commit stamped into the jar at build time. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {BuildInfo.current().line()};
        }
    }
}
