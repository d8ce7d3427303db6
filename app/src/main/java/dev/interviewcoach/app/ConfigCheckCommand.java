package dev.interviewcoach.app;

import dev.interviewcoach.question.BankReader;
import dev.interviewcoach.question.QuestionBanks;
import dev.interviewcoach.store.Database;
import dev.interviewcoach.text.EditDistance;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code coach config check}: the effective configuration (secrets masked) and every problem
 * found in it, checked as {@code coach run} would use it; exit 1 on any problem.
 */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Print the effective configuration (secrets masked) and every problem found; exit 1 on any.")
final class ConfigCheckCommand implements Callable<Integer> {

    private static final int MAX_ROUNDS = 40;

    @Option(names = "--config", description = "Configuration file (default: config/coach.yaml if present).")
    Path config;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Map<String, String> env = new HashMap<>(System.getenv());
        List<String> problems = new ArrayList<>();
        CoachConfig cfg = loadReportingEach(env, problems);
        out.println("Effective configuration:");
        Map<String, String> shown = CoachConfig.effective(Optional.ofNullable(config), env);
        shown.forEach((key, value) -> out.println("  " + key + " = " + value));
        out.println("  secrets: " + String.join(", ", List.of(masked(env, "SLACK_BOT_TOKEN"),
                masked(env, "SLACK_SIGNING_SECRET"), masked(env, "SLACK_APP_TOKEN"), masked(env, "DISCORD_TOKEN"),
                masked(env, "COACH_DB_PASSWORD"), masked(env, "COACH_LLM_API_KEY"), masked(env, "SLACK_CLIENT_SECRET"),
                masked(env, "COACH_SECRET_KEY"), masked(env, "COACH_SECRET_KEY_PREVIOUS"))));
        if (cfg != null) {
            out.println("  answers: " + whereAnswersGo(cfg.review()));
        }
        if (cfg != null) {
            problems.addAll(checks(cfg, env));
        }
        if (problems.isEmpty()) {
            out.println("No problems found.");
            return 0;
        }
        out.println(problems.size() == 1 ? "1 problem:" : problems.size() + " problems:");
        // The messages name the usual file; this check may have read another one.
        Optional<String> file = Optional.ofNullable(config).map(Path::toString)
                .or(() -> Optional.ofNullable(env.get("COACH_CONFIG")));
        problems.forEach(p -> out.println("  - " + file.map(f -> p.replace("config/coach.yaml", f)).orElse(p)));
        return 1;
    }

    /** Loads the configuration, putting each wrong setting back to its default to find the next. */
    private CoachConfig loadReportingEach(Map<String, String> env, List<String> problems) {
        Map<String, String> trying = new HashMap<>(env);
        Optional<Path> file = Optional.ofNullable(config);
        boolean passOverUnknown = false;
        for (int round = 0; round < MAX_ROUNDS; round++) {
            try {
                return CoachConfig.load(file, trying, passOverUnknown);
            } catch (CoachConfig.ConfigException e) {
                problems.add(e.getMessage());
                String key = e.key();
                if (key == null) {
                    return null;
                } else if (key.equals(CoachConfig.UNKNOWN_SETTINGS)) {
                    passOverUnknown = true; // reported; the settings it does know are checked too
                } else if (key.startsWith("env:")) {
                    trying.remove(key.substring("env:".length()));
                } else {
                    trying.put(CoachConfig.envName(key), CoachConfig.DEFAULTS.get(key));
                }
            }
        }
        return null;
    }

    /** What loading alone cannot tell: platforms, secrets' shapes, the database and the banks. */
    static List<String> checks(CoachConfig cfg, Map<String, String> env) {
        List<String> problems = new ArrayList<>();
        if (!cfg.slack().enabled() && !cfg.discord().enabled()) {
            problems.add("no chat platform is configured: coach run needs SLACK_BOT_TOKEN (with SLACK_APP_TOKEN or"
                    + " SLACK_SIGNING_SECRET) or DISCORD_TOKEN");
        }
        cfg.slack().botToken().filter(t -> !t.startsWith("xoxb-"))
                .ifPresent(t -> problems.add("SLACK_BOT_TOKEN should be a bot token starting xoxb- (OAuth & Permissions)"));
        cfg.slack().appToken().filter(t -> !t.startsWith("xapp-"))
                .ifPresent(t -> problems.add("SLACK_APP_TOKEN should be an app-level token starting xapp- (Basic Information)"));
        if (cfg.slack().enabled() && cfg.slack().appToken().isEmpty() && cfg.slack().signingSecret().isEmpty()) {
            problems.add("Slack needs SLACK_APP_TOKEN (Socket Mode) or SLACK_SIGNING_SECRET (HTTP mode) besides"
                    + " SLACK_BOT_TOKEN");
        }
        if (cfg.slack().oauth()) {
            try {
                RunCommand.secretBox(cfg.workspaces());
            } catch (CoachConfig.ConfigException e) {
                problems.add(e.getMessage());
            }
        }
        if (!cfg.slack().enabled() && (cfg.slack().appToken().isPresent() || cfg.slack().signingSecret().isPresent())) {
            problems.add("SLACK_APP_TOKEN or SLACK_SIGNING_SECRET is set but SLACK_BOT_TOKEN is not: Slack will not run");
        }
        Optional<Path> sqlite = cfg.sqliteFile(env);
        if (sqlite.isPresent() && !Files.exists(sqlite.get())) {
            // Opening it would create it: a check changes nothing, and an empty file is no database to back up.
            unwritableFolder(sqlite.get().toAbsolutePath().getParent()).ifPresent(where -> problems.add("database "
                    + sqlite.get() + " does not exist and cannot be made: " + where));
        } else {
            try (Database db = Database.open(cfg.jdbcUrl(env), cfg.databaseUser(), cfg.databasePassword())) {
                db.ping().ifPresent(p -> problems.add("database " + CoachConfig.maskUrl(cfg.jdbcUrl(env)) + " is " + p));
            } catch (RuntimeException e) {
                problems.add("database " + CoachConfig.maskUrl(cfg.jdbcUrl(env)) + " cannot be opened: "
                        + CoachConfig.maskUrl(e.getMessage()));
            }
        }
        if (!cfg.review().enabled() && cfg.review().apiKey().isPresent()) {
            problems.add("COACH_LLM_API_KEY is set but review.llm.url is not: the language-model reviewer is off");
        }
        cfg.review().settings().filter(s -> !s.loopback() && s.apiKey().isPresent()
                        && s.baseUrl().getScheme().equalsIgnoreCase("http"))
                .ifPresent(s -> problems.add("review.llm.url " + s.where() + " is plain http to another machine: the"
                        + " key and people's answers would travel unencrypted; use https"));
        if (cfg.customBanks().isPresent() && !Files.isDirectory(cfg.customBanks().get())) {
            problems.add("banks.customDir " + cfg.customBanks().get() + " is not a folder");
        }
        try {
            RunCommand.clockStart(env);
        } catch (CoachConfig.ConfigException e) {
            problems.add(e.getMessage());
        }
        if (cfg.daily().checkEvery().compareTo(cfg.daily().grace()) > 0) {
            problems.add("daily.checkSeconds (" + cfg.daily().checkEvery().toSeconds() + ") is longer than"
                    + " daily.graceMinutes (" + cfg.daily().grace().toMinutes() + "): a question of the day whose time"
                    + " falls between two checks would be skipped; check at least once within the grace");
        }
        backupsProblem(cfg, env).ifPresent(problems::add);
        afterCopyProblem(cfg, env).ifPresent(problems::add);
        problems.addAll(unknownVariables(env));
        try {
            QuestionBanks banks = QuestionBanks.load(new BankReader(), cfg.customBanks().filter(Files::isDirectory));
            banks.problems().forEach(p -> problems.add("custom bank: " + p));
            // A bank straight from coach bank import loads, but judges people against its placeholders.
            banks.tracks().forEach(bank -> BankCommand.drafts(bank.source(), bank)
                    .ifPresent(p -> problems.add("custom bank: " + p)));
            if (banks.track(cfg.defaultTrack()).isEmpty()) {
                problems.add("interview.defaultTrack " + cfg.defaultTrack() + " is not a track; tracks: "
                        + String.join(", ", banks.tracks().stream().map(b -> b.track()).toList()));
            }
        } catch (RuntimeException e) {
            problems.add("the banks cannot be loaded: " + e.getMessage());
        }
        return problems;
    }

    /** Daily copies that could not be written: the folder is a file, or the coach may not write where it would be. */
    private static Optional<String> backupsProblem(CoachConfig cfg, Map<String, String> env) {
        Optional<Path> file = cfg.sqliteFile(env);
        if (file.isEmpty() || cfg.backups().keep() == 0) {
            return Optional.empty();
        }
        Path folder = DailyBackups.folderFor(file.get(), cfg.backups().folder());
        return unwritableFolder(folder).map(why -> "database.backups.folder " + folder + " cannot be made: " + why
                + "; the daily copies of the database would fail");
    }

    /** What the coach (and its launcher) read from the environment besides one variable per setting. */
    private static final Set<String> OTHER_VARIABLES = Set.of("COACH_CONFIG", "COACH_DB_URL", "COACH_DB_USER",
            "COACH_DB_PASSWORD", "COACH_DB_PASSWORD_FILE", "COACH_LLM_API_KEY", "COACH_LLM_API_KEY_FILE",
            "COACH_SECRET_KEY", "COACH_SECRET_KEY_FILE", "COACH_SECRET_KEY_PREVIOUS", "COACH_SECRET_KEY_PREVIOUS_FILE",
            "COACH_LOG_FORMAT", "COACH_LOG_LEVEL", "COACH_CLOCK_START", "COACH_CDS", "COACH_CDS_DIR", "COACH_JAVA_OPTS",
            "COACH_BACKUP_FILE");

    /**
     * COACH_ variables the coach does not read: a misspelt one ({@code COACH_INTERVIEW_DEFAULTQUESTIONS}) would
     * otherwise be ignored without a word, and the setting stay at its default.
     */
    static List<String> unknownVariables(Map<String, String> env) {
        Set<String> known = new HashSet<>(OTHER_VARIABLES);
        CoachConfig.DEFAULTS.keySet().forEach(key -> known.add(CoachConfig.envName(key)));
        // Kubernetes gives every pod COACH_SERVICE_HOST, COACH_PORT_3000_TCP and the like for a Service named coach.
        return env.keySet().stream().filter(name -> name.startsWith("COACH_") && !known.contains(name))
                .filter(name -> !name.startsWith("COACH_SERVICE_") && !name.matches("COACH_PORT(_\\d+_(TCP|UDP|SCTP).*)?"))
                .sorted()
                .map(name -> {
                    String squeezed = name.replace("_", "");
                    Optional<String> meant = known.stream().filter(k -> k.replace("_", "").equals(squeezed)
                            || EditDistance.withSwaps(k, name) <= 2).sorted().findFirst();
                    return "environment variable " + name + " is not one the coach reads"
                            + meant.map(m -> " (did you mean " + m + "?)").orElse("") + "; a setting's variable is COACH_"
                            + " and its name in capitals, words apart (interview.defaultQuestions:"
                            + " COACH_INTERVIEW_DEFAULT_QUESTIONS)";
                }).toList();
    }

    /** Why files could not be made in {@code folder} (or the nearest existing folder above it), if they could not. */
    private static Optional<String> unwritableFolder(Path folder) {
        Path existing = folder;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent(); // the coach creates the missing folders
        }
        if (existing == null) {
            return Optional.empty();
        }
        if (!Files.isDirectory(existing)) {
            return Optional.of(existing + " is a file, not a folder");
        }
        return Files.isWritable(existing) ? Optional.empty()
                : Optional.of(existing + " is not writable by this user");
    }

    /** A command to take copies off the machine that would never run, or could not. */
    private static Optional<String> afterCopyProblem(CoachConfig cfg, Map<String, String> env) {
        if (cfg.backups().afterCopy().isEmpty()) {
            return Optional.empty();
        }
        if (cfg.sqliteFile(env).isEmpty()) {
            return Optional.of("database.backups.afterCopy is set, but the database is PostgreSQL, which the coach does"
                    + " not copy: back it up with pg_dump (or the provider's snapshots) and leave afterCopy empty");
        }
        if (cfg.backups().keep() == 0) {
            return Optional.of("database.backups.afterCopy is set, but database.backups.keep is 0, so no daily copy is"
                    + " made for it to send: set keep to 1 or more");
        }
        if (!Files.isExecutable(Path.of("/bin/sh"))) {
            return Optional.of("database.backups.afterCopy needs /bin/sh to run, and this machine has none");
        }
        return Optional.empty();
    }

    /** Where the language-model reviewer would send people's answers: the host only, never the key. */
    static String whereAnswersGo(CoachConfig.Review review) {
        return review.settings().map(s -> "each answer is sent, with its question, to the reviewer model " + s.model()
                + " at " + s.where() + (s.loopback() ? " (this machine)" : " -- answers LEAVE this machine")
                + (s.apiKey().isPresent() ? ", with COACH_LLM_API_KEY" : ", without a key"))
                .orElse("stay on this machine (review.llm.url is empty: no language-model reviewer)");
    }

    /** A secret as the check shows it: whether it is set and from where, never its value. */
    private static String masked(Map<String, String> env, String name) {
        if (env.get(name) != null && !env.get(name).isBlank()) {
            return name + "=****(" + env.get(name).strip().length() + " chars)";
        }
        if (env.get(name + "_FILE") != null) {
            return name + "_FILE=" + env.get(name + "_FILE");
        }
        return name + " not set";
    }
}
