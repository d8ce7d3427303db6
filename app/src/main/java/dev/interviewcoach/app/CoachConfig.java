package dev.interviewcoach.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import dev.interviewcoach.progress.AnswerRetention;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.time.Duration;
import dev.interviewcoach.feedback.reviewer.ReviewerSettings;
import dev.interviewcoach.text.EditDistance;
import java.net.URI;
import java.net.URISyntaxException;

/**
 * The effective configuration: defaults, then {@code config/coach.yaml} (or the file named by
 * {@code --config} / {@code COACH_CONFIG}), then environment variables, each setting's variable
 * named after its key ({@code database.path} -> {@code COACH_DATABASE_PATH}). Secrets are read
 * only from the environment.
 */
public record CoachConfig(
        String databaseUrl,
        String databasePath,
        String databaseUser,
        String databasePassword,
        Optional<Path> customBanks,
        String defaultTrack,
        int defaultQuestions,
        int maxQuestions,
        boolean followUps,
        int joinWithinSeconds,
        Slack slack,
        Discord discord,
        Daily daily,
        Admin admin,
        Feedback feedback,
        Review review,
        Workspaces workspaces,
        Engine engine,
        Backups backups,
        Privacy privacy) {

    /** How long the words of answers are kept ({@code keepAnswersDays}; 0: until the person deletes them). */
    public record Privacy(int keepAnswersDays) {}

    /**
     * The daily copies {@code coach run} makes of its SQLite database: into {@code folder} (empty: {@code backups}
     * beside the database), the {@code keep} newest kept; 0 makes none. {@code afterCopy}, when set, is a shell command
     * run on each new copy (its path as {@code $1}) to take it off the machine.
     */
    public record Backups(Optional<Path> folder, int keep, Optional<String> afterCopy) {}

    /**
     * How much runs at once: {@code lanes} threads handle events (each conversation's in order, so more
     * lanes only help with more cores), and at most {@code deliveryLanes} threads send replies to the
     * platforms (each place's in order, any free thread taking the next place; a Slack or Discord call
     * mostly waits, 100-300 ms, so these are many).
     */
    public record Engine(int lanes, int deliveryLanes) {}

    /**
     * Serving many workspaces: how long a removed workspace's data is kept in case it installs the
     * coach again ({@code workspaces.graceDays}), and the key that seals stored bot tokens
     * ({@code COACH_SECRET_KEY} or the file {@code COACH_SECRET_KEY_FILE} names: base64 of 32 bytes), with
     * the previous one during a key rotation ({@code COACH_SECRET_KEY_PREVIOUS}, read only).
     */
    public record Workspaces(Duration grace, Optional<String> secretKey, Optional<String> previousSecretKey) {
        @Override
        public String toString() {
            return "Workspaces[grace=" + grace + ", secretKey=" + (secretKey.isPresent() ? "****" : "none")
                    + ", previousSecretKey=" + (previousSecretKey.isPresent() ? "****" : "none") + "]";
        }
    }

    /**
     * The optional language-model reviewer: an OpenAI-compatible base URL ({@code review.llm.url};
     * empty, the default, turns it off), the model, the key (only from {@code COACH_LLM_API_KEY} or
     * the file {@code COACH_LLM_API_KEY_FILE} names), the time one review may take, and how many
     * reviews a workspace may ask for a minute.
     */
    public record Review(Optional<URI> url, String model, Optional<String> apiKey, Duration timeout,
                         int perWorkspacePerMinute) {
        public boolean enabled() {
            return url.isPresent();
        }

        /** The reviewer's settings, when one is configured. */
        public Optional<ReviewerSettings> settings() {
            return url.map(u -> ReviewerSettings.of(u, model, apiKey, timeout, perWorkspacePerMinute));
        }

        @Override
        public String toString() {
            return "Review[" + url.map(u -> endpointOnly(u.toString())).orElse("off") + ", model=" + model + ", key="
                    + (apiKey.isPresent() ? "****" : "none") + "]";
        }
    }

    /**
     * How answers are judged: {@code semantic} adds meaning (a sentence model in-process) to the
     * words; {@code vectorCache} is the folder where the vectors of the banks' texts are kept.
     */
    public record Feedback(boolean semantic, Optional<Path> vectorCache) {}

    /** The operators' port ({@code /healthz}, {@code /readyz}, {@code /metrics}) when no Slack HTTP server carries them. */
    public record Admin(String host, int port) {}

    /** The question of the day: how late a missed post may still go out, and how often to check. */
    public record Daily(Duration grace, Duration checkEvery) {}

    public Duration dailyGrace() {
        return daily.grace();
    }

    /** Discord, when {@code DISCORD_TOKEN} (or {@code DISCORD_TOKEN_FILE}) is given. */
    public record Discord(Optional<String> token, Optional<String> devGuildId, int shards, Optional<String> apiUrl,
                          Optional<String> gatewayUrl, String messageContent, Set<Integer> shardIds, boolean shardLeases) {
        public boolean enabled() {
            return token.isPresent();
        }

        /** Whether other instances may run some of the bot's shards: shared by leases, or this one given a part. */
        public boolean splitBetweenInstances() {
            return enabled() && (shardLeases || !shardIds.isEmpty() && shardIds.size() < shards);
        }
    }

    /**
     * Slack, when a bot token is given: secrets from {@code SLACK_BOT_TOKEN}, {@code SLACK_SIGNING_SECRET}
     * and {@code SLACK_APP_TOKEN} (or {@code *_FILE} naming a file that holds one). {@code admins} are
     * user ids that may manage the bot in any channel, besides the workspace's admins and owners.
     */
    public record Slack(Optional<String> botToken, Optional<String> signingSecret, Optional<String> appToken,
                        String host, int port, String path, Optional<String> apiUrl, Set<String> admins,
                        Optional<String> clientId, Optional<String> clientSecret, Optional<String> redirectUri) {
        public Slack {
            admins = Set.copyOf(admins);
        }

        /** One workspace: a bot token, and neither client id nor secret. */
        public Slack(Optional<String> botToken, Optional<String> signingSecret, Optional<String> appToken,
                     String host, int port, String path, Optional<String> apiUrl, Set<String> admins) {
            this(botToken, signingSecret, appToken, host, port, path, apiUrl, admins, Optional.empty(), Optional.empty(),
                    Optional.empty());
        }

        /** Slack runs: with one bot token, or installed by OAuth in many workspaces. */
        public boolean enabled() {
            return botToken.isPresent() || oauth();
        }

        /**
         * Many workspaces: {@code SLACK_CLIENT_ID} and {@code SLACK_CLIENT_SECRET} without
         * {@code SLACK_BOT_TOKEN} (a bot token keeps the coach in its one workspace, as before).
         */
        public boolean oauth() {
            return botToken.isEmpty() && clientId.isPresent() && clientSecret.isPresent();
        }

        @Override
        public String toString() {
            return "Slack[" + (oauth() ? "oauth, client " + clientId.orElse("") : botToken.isPresent() ? "bot token ****"
                    : "off") + ", " + host + ":" + port + path + "]";
        }
    }

    /** Every setting the file may hold, with its default. */
    static final Map<String, String> DEFAULTS = defaults();

    private static Map<String, String> defaults() {
        Map<String, String> d = new LinkedHashMap<>();
        d.put("database.url", "");
        d.put("database.path", "data/coach.db");
        d.put("database.backups.folder", "");
        d.put("database.backups.keep", "7");
        d.put("database.backups.afterCopy", "");
        d.put("privacy.keepAnswersDays", "0");
        d.put("banks.customDir", "");
        d.put("interview.defaultTrack", "python-developer");
        d.put("interview.defaultQuestions", "5");
        d.put("interview.maxQuestions", "20");
        d.put("interview.followUps", "on");
        d.put("interview.joinWithinSeconds", "15");
        d.put("slack.host", "0.0.0.0");
        d.put("slack.port", "3000");
        d.put("slack.path", "/slack/events");
        d.put("slack.apiUrl", "");
        d.put("slack.admins", "");
        d.put("slack.redirectUri", "");
        d.put("workspaces.graceDays", "30");
        d.put("discord.devGuildId", "");
        d.put("discord.shards", "1");
        d.put("discord.apiUrl", "");
        d.put("discord.gatewayUrl", "");
        d.put("discord.messageContent", "auto");
        d.put("discord.shardIds", "");
        d.put("discord.shardLeases", "off");
        d.put("admin.host", "127.0.0.1");
        d.put("admin.port", "9090");
        d.put("feedback.semantic", "on");
        d.put("feedback.vectorCache", "data/vectors");
        d.put("daily.graceMinutes", "120");
        d.put("daily.checkSeconds", "30");
        d.put("review.llm.url", "");
        d.put("review.llm.model", "");
        d.put("review.llm.timeoutSeconds", "8");
        d.put("review.llm.perWorkspacePerMinute", "20");
        d.put("engine.lanes", "8");
        d.put("engine.deliveryLanes", "32");
        return d;
    }

    /** A setting that is missing or wrong, with where to fix it. */
    public static final class ConfigException extends RuntimeException {
        private final String key;

        public ConfigException(String message) {
            this(null, message);
        }

        /** @param key the setting at fault ({@code env:NAME} for an environment variable), for a check that goes on */
        public ConfigException(String key, String message) {
            super(message);
            this.key = key;
        }

        public String key() {
            return key;
        }
    }

    public static String envName(String key) {
        return "COACH_" + key.replaceAll("([a-z])([A-Z])", "$1_$2").replace('.', '_').toUpperCase(Locale.ROOT);
    }

    /** Every setting's value as {@link #load} sees it, with where it came from: for {@code coach config check}. */
    public static Map<String, String> effective(Optional<Path> explicitFile, Map<String, String> env) {
        Map<String, String> fromFile = new LinkedHashMap<>(DEFAULTS);
        try {
            fileValues(explicitFile, env, fromFile);
        } catch (ConfigException e) {
            // reported by the check itself
        }
        Map<String, String> shown = new LinkedHashMap<>();
        for (String key : DEFAULTS.keySet()) {
            String fromEnv = env.get(envName(key));
            if (key.equals("review.llm.url")) {
                // where answers would go: the host only, never a path or query that could carry a key
                String url = fromEnv != null ? fromEnv : fromFile.get(key);
                String from = fromEnv != null ? "from " + envName(key) : url.equals(DEFAULTS.get(key)) ? "default" : "from the file";
                shown.put(key, (url.isBlank() ? "(empty: the reviewer is off)" : endpointOnly(url)) + "   (" + from + ")");
            } else if (key.equals("database.url") && env.get("COACH_DB_URL") != null) {
                shown.put(key, maskUrl(env.get("COACH_DB_URL")) + "   (from COACH_DB_URL)");
            } else if (fromEnv != null) {
                shown.put(key, maskUrl(fromEnv) + "   (from " + envName(key) + ")");
            } else if (!fromFile.get(key).equals(DEFAULTS.get(key))) {
                shown.put(key, maskUrl(fromFile.get(key)) + "   (from the file)");
            } else {
                shown.put(key, (DEFAULTS.get(key).isEmpty() ? "(empty)" : DEFAULTS.get(key)) + "   (default)");
            }
        }
        return shown;
    }

    /** The key a {@link ConfigException} for settings the file has and the coach does not know carries. */
    static final String UNKNOWN_SETTINGS = "file:unknown";

    private static void fileValues(Optional<Path> explicitFile, Map<String, String> env, Map<String, String> values) {
        fileValues(explicitFile, env, values, false);
    }

    private static void fileValues(Optional<Path> explicitFile, Map<String, String> env, Map<String, String> values,
                                   boolean ignoreUnknown) {
        Optional<Path> file = explicitFile.or(() -> Optional.ofNullable(env.get("COACH_CONFIG")).map(Path::of));
        if (file.isPresent()) {
            if (!Files.isRegularFile(file.get())) {
                throw new ConfigException("configuration file " + file.get() + " not found; check --config or COACH_CONFIG");
            }
            readFile(file.get(), values, ignoreUnknown);
        } else if (Files.isRegularFile(Path.of("config", "coach.yaml"))) {
            readFile(Path.of("config", "coach.yaml"), values, ignoreUnknown);
        }
    }

    /** Loads the file if there is one (an explicitly named file must exist) and applies the environment. */
    public static CoachConfig load(Optional<Path> explicitFile, Map<String, String> env) {
        try {
            return load(explicitFile, env, false);
        } catch (ConfigException e) {
            // The messages name the usual file; one given with --config or COACH_CONFIG is the one to fix.
            Optional<Path> file = explicitFile.or(() -> Optional.ofNullable(env.get("COACH_CONFIG")).map(Path::of));
            if (file.isEmpty() || e.getMessage() == null || !e.getMessage().contains("config/coach.yaml")) {
                throw e;
            }
            ConfigException named = new ConfigException(e.key(), e.getMessage().replace("config/coach.yaml",
                    file.get().toString()));
            named.setStackTrace(e.getStackTrace());
            throw named;
        }
    }

    /** As {@link #load(Optional, Map)}; with {@code ignoreUnknown}, settings the coach does not know are passed over. */
    static CoachConfig load(Optional<Path> explicitFile, Map<String, String> env, boolean ignoreUnknown) {
        Map<String, String> values = new LinkedHashMap<>(DEFAULTS);
        fileValues(explicitFile, env, values, ignoreUnknown);
        for (String key : DEFAULTS.keySet()) {
            String fromEnv = env.get(envName(key));
            if (fromEnv != null) {
                values.put(key, fromEnv);
            }
        }
        String custom = values.get("banks.customDir").strip();
        int defaultQuestions = positive(values, "interview.defaultQuestions");
        if (defaultQuestions > positive(values, "interview.maxQuestions")) {
            throw new ConfigException("interview.defaultQuestions", "setting interview.defaultQuestions ("
                    + defaultQuestions + ") is more than interview.maxQuestions (" + values.get("interview.maxQuestions").strip()
                    + "); lower it or raise the maximum in config/coach.yaml or " + envName("interview.defaultQuestions"));
        }
        return new CoachConfig(
                values.get("database.url").strip(),
                values.get("database.path").strip(),
                env.get("COACH_DB_USER"),
                secret(env, "COACH_DB_PASSWORD").orElse(null), // or COACH_DB_PASSWORD_FILE, as the other secrets
                custom.isEmpty() ? Optional.empty() : Optional.of(Path.of(custom)),
                values.get("interview.defaultTrack").strip(),
                positive(values, "interview.defaultQuestions"),
                positive(values, "interview.maxQuestions"),
                onOff(values, "interview.followUps"),
                zeroOrMore(values, "interview.joinWithinSeconds", "off"),
                new Slack(secret(env, "SLACK_BOT_TOKEN"), secret(env, "SLACK_SIGNING_SECRET"), secret(env, "SLACK_APP_TOKEN"),
                        values.get("slack.host").strip(), port(values, "slack.port"), path(values, "slack.path"),
                        Optional.of(values.get("slack.apiUrl").strip()).filter(s -> !s.isEmpty()),
                        slackUsers(values, "slack.admins"), Optional.ofNullable(env.get("SLACK_CLIENT_ID"))
                                .map(String::strip).filter(s -> !s.isEmpty()), secret(env, "SLACK_CLIENT_SECRET"),
                        Optional.of(values.get("slack.redirectUri").strip()).filter(s -> !s.isEmpty())),
                new Discord(secret(env, "DISCORD_TOKEN"),
                        Optional.of(values.get("discord.devGuildId").strip()).filter(s -> !s.isEmpty()),
                        positive(values, "discord.shards"),
                        Optional.of(values.get("discord.apiUrl").strip()).filter(s -> !s.isEmpty()),
                        Optional.of(values.get("discord.gatewayUrl").strip()).filter(s -> !s.isEmpty()),
                        messageContent(values), shardIds(values, positive(values, "discord.shards")),
                        onOff(values, "discord.shardLeases")),
                new Daily(Duration.ofMinutes(positive(values, "daily.graceMinutes")),
                        Duration.ofSeconds(positive(values, "daily.checkSeconds"))),
                new Admin(values.get("admin.host").strip(), port(values, "admin.port")),
                new Feedback(onOff(values, "feedback.semantic"),
                        Optional.of(values.get("feedback.vectorCache").strip()).filter(s -> !s.isEmpty()).map(Path::of)),
                review(values, env),
                new Workspaces(Duration.ofDays(positive(values, "workspaces.graceDays")), secret(env, "COACH_SECRET_KEY"),
                        secret(env, "COACH_SECRET_KEY_PREVIOUS")),
                new Engine(atMost(values, "engine.lanes", 256), atMost(values, "engine.deliveryLanes", 1024)),
                new Backups(Optional.of(values.get("database.backups.folder").strip()).filter(s -> !s.isEmpty())
                        .map(Path::of), zeroOrMore(values, "database.backups.keep", "no daily backups"),
                        Optional.of(values.get("database.backups.afterCopy").strip()).filter(s -> !s.isEmpty())),
                new Privacy(keepAnswersDays(values)));
    }

    private static Review review(Map<String, String> values, Map<String, String> env) {
        String raw = values.get("review.llm.url").strip();
        String model = values.get("review.llm.model").strip();
        Optional<URI> url = Optional.empty();
        if (!raw.isEmpty()) {
            try {
                URI uri = new URI(raw);
                String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
                if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
                    throw new URISyntaxException(raw, "not http(s) with a host");
                }
                url = Optional.of(uri);
            } catch (URISyntaxException e) {
                throw new ConfigException("review.llm.url", "setting review.llm.url must be the base URL of an"
                        + " OpenAI-compatible server, like http://localhost:11434 (Ollama) or https://api.openai.com, not '"
                        + endpointOnly(raw) + "'; fix it in config/coach.yaml or " + envName("review.llm.url"));
            }
            if (model.isEmpty()) {
                throw new ConfigException("review.llm.model", "setting review.llm.model is needed when review.llm.url is"
                        + " set (the model's name on that server, e.g. llama3.1 or gpt-4o-mini); set it in"
                        + " config/coach.yaml or " + envName("review.llm.model"));
            }
        }
        return new Review(url, model, secret(env, "COACH_LLM_API_KEY"),
                Duration.ofSeconds(positive(values, "review.llm.timeoutSeconds")),
                zeroOrMore(values, "review.llm.perWorkspacePerMinute", "no limit"));
    }

    /** A URL reduced to where it points: scheme, host and port; never a path, query or credentials. */
    public static String endpointOnly(String url) {
        try {
            URI uri = new URI(url.strip());
            if (uri.getHost() != null) {
                return (uri.getScheme() == null ? "" : uri.getScheme() + "://") + uri.getHost()
                        + (uri.getPort() >= 0 ? ":" + uri.getPort() : "");
            }
        } catch (URISyntaxException ignored) {
            // shown masked below
        }
        return "(not a URL)";
    }

    /** 0 (kept until the person deletes them), or at least a week: a shared answer of the day is shown days later. */
    private static int keepAnswersDays(Map<String, String> values) {
        String key = "privacy.keepAnswersDays";
        int days = zeroOrMore(values, key, "answers are kept until the person deletes them");
        if (days > 0 && days < AnswerRetention.LEAST_DAYS) {
            throw new ConfigException(key, "setting " + key + " is " + days + ": answers must be kept at least "
                    + AnswerRetention.LEAST_DAYS + " days (a shared answer of the day is shown with the next question,"
                    + " up to a few days later), or 0 to keep them; fix it in config/coach.yaml or " + envName(key));
        }
        return days;
    }

    /** A whole number of 0 or more; {@code zeroMeans} says what 0 does, for the message. */
    private static int zeroOrMore(Map<String, String> values, String key, String zeroMeans) {
        String raw = values.get(key).strip();
        try {
            int value = Integer.parseInt(raw);
            if (value >= 0) {
                return value;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new ConfigException(key, "setting " + key + " must be a whole number, 0 or more (0: " + zeroMeans + "), not '" + raw
                + "'; fix it in config/coach.yaml or " + envName(key));
    }

    private static boolean onOff(Map<String, String> values, String key) {
        String raw = values.get(key).strip().toLowerCase(Locale.ROOT);
        return switch (raw) {
            case "on", "true", "yes" -> true;
            case "off", "false", "no" -> false;
            default -> throw new ConfigException(key, "setting " + key + " must be on or off, not '" + raw
                    + "'; fix it in config/coach.yaml or " + envName(key));
        };
    }

    /** {@code discord.shardIds}: empty for all, else ids and ranges such as {@code 0-3} or {@code 0,2,4-5}. */
    private static Set<Integer> shardIds(Map<String, String> values, int total) {
        String raw = values.get("discord.shardIds").strip();
        Set<Integer> ids = new TreeSet<>();
        if (raw.isEmpty()) {
            return ids;
        }
        for (String part : raw.split("\\s*,\\s*")) {
            String[] ends = part.split("\\s*-\\s*", -1);
            try {
                int from = Integer.parseInt(ends[0]);
                int to = ends.length == 2 ? Integer.parseInt(ends[1]) : from;
                if (ends.length > 2 || from < 0 || to < from || to >= total) {
                    throw new NumberFormatException();
                }
                for (int id = from; id <= to; id++) {
                    ids.add(id);
                }
            } catch (NumberFormatException e) {
                String example = total == 1 ? "0" : total == 2 ? "0 or 1" : "0-" + (total / 2 - 1) + " or 0," + (total - 1);
                throw new ConfigException("discord.shardIds", "setting discord.shardIds must list shards from 0 to "
                        + (total - 1) + " (discord.shards is " + total + "), such as " + example + "; '" + part
                        + "' is not; fix it (or raise discord.shards to the bot's total) in config/coach.yaml or "
                        + envName("discord.shardIds"));
            }
        }
        return ids;
    }

    private static String messageContent(Map<String, String> values) {
        String raw = values.get("discord.messageContent").strip().toLowerCase(Locale.ROOT);
        if (!List.of("auto", "on", "off").contains(raw)) {
            throw new ConfigException("discord.messageContent", "setting discord.messageContent must be auto, on or off, not '" + raw
                    + "'; fix it in config/coach.yaml or " + envName("discord.messageContent"));
        }
        return raw;
    }

    /** A secret from the environment, or from the file that {@code NAME_FILE} names. */
    static Optional<String> secret(Map<String, String> env, String name) {
        String direct = env.get(name);
        if (direct != null && !direct.isBlank()) {
            return Optional.of(direct.strip());
        }
        String file = env.get(name + "_FILE");
        if (file == null || file.isBlank()) {
            return Optional.empty();
        }
        try {
            String value = Files.readString(Path.of(file)).strip();
            if (value.isEmpty()) {
                throw new ConfigException("env:" + name + "_FILE", name + "_FILE names " + file + ", which is empty");
            }
            return Optional.of(value);
        } catch (IOException e) {
            throw new ConfigException("env:" + name + "_FILE", name + "_FILE names " + file + ", which cannot be read: "
                    + e.getMessage());
        }
    }

    private static final Pattern SLACK_USER = Pattern.compile("[UW][A-Z0-9]{2,}");

    /** A comma list of Slack user ids (a list in the file is joined the same way). */
    private static Set<String> slackUsers(Map<String, String> values, String key) {
        Set<String> users = new LinkedHashSet<>();
        for (String raw : values.get(key).split(",")) {
            String id = raw.strip();
            if (id.isEmpty()) {
                continue;
            }
            if (!SLACK_USER.matcher(id).matches()) {
                throw new ConfigException(key, "setting " + key + " must list Slack member ids like U012AB3CD (on a profile:"
                        + " the three dots, then Copy member ID), not '" + id + "'; fix it in config/coach.yaml or " + envName(key));
            }
            users.add(id);
        }
        return users;
    }

    private static int port(Map<String, String> values, String key) {
        String raw = values.get(key).strip();
        try {
            int value = Integer.parseInt(raw);
            if (value >= 0 && value <= 65535) {
                return value;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new ConfigException(key, "setting " + key + " must be a port number from 0 to 65535, not '" + raw
                + "'; fix it in config/coach.yaml or " + envName(key));
    }

    private static String path(Map<String, String> values, String key) {
        String raw = values.get(key).strip();
        if (!raw.startsWith("/")) {
            throw new ConfigException(key, "setting " + key + " must start with '/', like /slack/events, not '" + raw
                    + "'; fix it in config/coach.yaml or " + envName(key));
        }
        return raw;
    }

    /**
     * A URL fit to show or log: a password in it (user:password@host, or a password= parameter)
     * is masked. Other values come back unchanged.
     */
    public static String maskUrl(String value) {
        if (value == null) {
            return null;
        }
        return value.replaceAll("(?i)(://[^/@:\\s]+:)[^/@\\s]+@", "$1****@")
                .replaceAll("(?i)((?:password|passwd|pwd|sslpassword)=)[^&;\\s]*", "$1****");
    }

    /** The JDBC URL to use: the configured one (also {@code COACH_DB_URL}), else the SQLite file. */
    public String jdbcUrl(Map<String, String> env) {
        String url = env.getOrDefault("COACH_DB_URL", databaseUrl);
        return url == null || url.isBlank() ? "jdbc:sqlite:" + Path.of(databasePath).toAbsolutePath() : url;
    }

    /** The embedded database's file when the coach runs on SQLite (database.path, or a {@code jdbc:sqlite:} URL). */
    public Optional<Path> sqliteFile(Map<String, String> env) {
        String url = jdbcUrl(env);
        if (!url.startsWith("jdbc:sqlite:")) {
            return Optional.empty();
        }
        String path = url.substring("jdbc:sqlite:".length());
        int query = path.indexOf('?');
        if (query >= 0) {
            path = path.substring(0, query);
        }
        if (path.isEmpty() || path.startsWith(":memory:") || path.startsWith("file:")) {
            return Optional.empty();
        }
        return Optional.of(Path.of(path));
    }

    /** A whole number from 1 to {@code most}: a thread count, where a slip of the keyboard must not start thousands. */
    private static int atMost(Map<String, String> values, String key, int most) {
        int value = positive(values, key);
        if (value > most) {
            throw new ConfigException(key, "setting " + key + " is " + value + ", more than the " + most
                    + " it may be; lower it in config/coach.yaml or " + envName(key));
        }
        return value;
    }

    private static int positive(Map<String, String> values, String key) {
        String raw = values.get(key).strip();
        try {
            int value = Integer.parseInt(raw);
            if (value > 0) {
                return value;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new ConfigException(key, "setting " + key + " must be a whole number above 0, not '" + raw
                + "'; fix it in config/coach.yaml or " + envName(key));
    }

    private static void readFile(Path file, Map<String, String> values, boolean ignoreUnknown) {
        JsonNode root;
        try {
            root = new ObjectMapper(new YAMLFactory()).readTree(file.toFile());
        } catch (IOException e) {
            throw new ConfigException("cannot read " + file + ": " + e.getMessage().lines().findFirst().orElse(""));
        }
        if (root == null || root.isNull() || root.isMissingNode()) {
            return;
        }
        List<String> unknown = new ArrayList<>();
        flatten("", root, values, unknown);
        if (!unknown.isEmpty() && !ignoreUnknown) {
            throw new ConfigException(UNKNOWN_SETTINGS, file + ": unknown setting " + String.join(", ", unknown.stream()
                    .map(key -> nearestSettings(key).isEmpty() ? key
                            : key + " (did you mean " + String.join(" or ", nearestSettings(key)) + "?)")
                    .toList()) + "; known settings: " + String.join(", ", DEFAULTS.keySet()));
        }
    }

    /**
     * The known settings an unknown one most likely meant, nearest first, two at most: a typo of one ("slack.prot"),
     * or those of the same section whose names hold the typed name ("interview.questions": interview.maxQuestions or
     * interview.defaultQuestions).
     */
    static List<String> nearestSettings(String unknown) {
        String typed = unknown.toLowerCase(Locale.ROOT);
        int dot = typed.lastIndexOf('.');
        String section = dot < 0 ? "" : typed.substring(0, dot + 1);
        String name = typed.substring(dot + 1);
        return DEFAULTS.keySet().stream()
                .filter(known -> EditDistance.between(typed, known.toLowerCase(Locale.ROOT)) <= 2
                        || name.length() >= 4 && known.toLowerCase(Locale.ROOT).startsWith(section)
                        && known.substring(section.length()).toLowerCase(Locale.ROOT).contains(name))
                .sorted(Comparator.comparingInt(known -> EditDistance.between(typed, known.toLowerCase(Locale.ROOT))))
                .limit(2).toList();
    }

    private static void flatten(String prefix, JsonNode node, Map<String, String> values, List<String> unknown) {
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String key = prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey();
            JsonNode value = field.getValue();
            if (value.isObject()) {
                flatten(key, value, values, unknown);
            } else if (DEFAULTS.containsKey(key) && value.isArray()) {
                // A list in the file reads like the environment's comma list.
                List<String> items = new ArrayList<>();
                value.forEach(item -> items.add(item.asText()));
                values.put(key, String.join(",", items));
            } else if (DEFAULTS.containsKey(key) && value.isBoolean()) {
                // YAML reads a bare on or off as a boolean: kept in the words the settings take, so an unchanged
                // setting reads as its default and "messageContent: on" as on
                values.put(key, value.asBoolean() ? "on" : "off");
            } else if (DEFAULTS.containsKey(key)) {
                values.put(key, value.isNull() ? "" : value.asText());
            } else {
                unknown.add(key);
            }
        }
    }
}
