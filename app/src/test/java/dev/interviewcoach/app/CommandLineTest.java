package dev.interviewcoach.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;


import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The coach command line as a person runs it: arguments in, text and an exit code out. */
class CommandLineTest {

    @TempDir
    Path dir;

    final CommandOutput streams = new CommandOutput();
    private final ByteArrayOutputStream out = streams.out;
    private final ByteArrayOutputStream err = streams.err;

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void validateNamesEveryPlantedMistakeWithItsLine() throws Exception {
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, """
                track: demo
                title: Demo
                questions:
                  - id: first
                    kind: technical
                    difficulty: 4
                    question: What is an index?
                    why: Basics.
                    guidance: Define and give an example.
                    talking_points:
                      - id: lookup
                        point: It speeds up lookups.
                        shown_by: [faster lookup]
                    example_answer: An index lets the database find rows without scanning.
                  - id: first
                    kind: technical
                    difficulty: 1
                    question: What is a view?
                    why: Basics.
                    guidance: Define it.
                    talking_points: []
                    example_answer: A stored query.
                    extra: nope
                """);
        int code = streams.run("bank", "validate", bad.toString());
        assertThat(code).isEqualTo(1);
        assertThat(err()).contains(bad + ":6: questions[1].difficulty")
                .contains(bad + ":15: questions[2].id: duplicate id 'first'")
                .contains(bad + ":21: questions[2].talking_points: no talking points")
                .contains(bad + ":23: questions[2].extra: unknown field")
                .contains("4 problems found.");
    }

    @Test
    void validatePassesTheBuiltInBanks() {
        Path banks = Path.of("..", "bot-core", "src", "main", "resources", "banks");
        int code = streams.run("bank", "validate", banks.resolve("python-developer.yaml").toString(),
                banks.resolve("behavioral.yaml").toString(), banks.resolve("java-backend.yaml").toString(),
                banks.resolve("sql-and-data.yaml").toString(), banks.resolve("system-design.yaml").toString());
        assertThat(code).isZero();
        assertThat(out()).contains("ok, track python-developer").contains("ok, track behavioral");
        assertThat(err()).doesNotContain("warning");
    }

    @Test
    void validateWarnsOfPhrasesTheCoachCannotUseButPasses() throws Exception {
        Path bank = dir.resolve("phrases.yaml");
        Files.writeString(bank, """
                track: demo
                title: Demo
                questions:
                  - id: anti-join
                    kind: technical
                    difficulty: 1
                    question: How do you find customers with no orders?
                    why: Basics.
                    guidance: Name the anti-join.
                    talking_points:
                      - id: not-exists
                        point: NOT EXISTS finds rows with no match.
                        shown_by: [not exists, not in]
                      - id: left-join
                        point: A left join keeps every customer and fills the order columns with NULLs.
                        shown_by: [left join]
                        in_other_words:
                          - An inner join with IS NULL on the order id would drop every customer without orders.
                        in_everyday_words:
                          - every customer stays in the list, and the order columns just don't get filled in
                          - every customer stays in the list, and the order columns come back empty for some
                    misconceptions:
                      - claim: An inner join with IS NULL finds them.
                        spotted_by: [inner join with is null, never]
                        correction: An inner join has already dropped them; use NOT EXISTS.
                    example_answer: I use NOT EXISTS against orders for each customer.
                """);
        assertThat(streams.run("bank", "validate", bank.toString())).isZero();
        assertThat(err()).contains(bank + ": questions[1].talking_points[1].shown_by[2]: warning: \"not in\" is only"
                        + " common words and negations")
                .contains(bank + ": questions[1].misconceptions[1].spotted_by[2]: warning: \"never\" reads as no word")
                .contains(bank + ": questions[1].talking_points[2].in_everyday_words[1]: warning: \"every customer"
                        + " stays in the list, and the order columns just don't get filled in\" says the point as a denial")
                .contains(bank + ": questions[1].talking_points[2].in_other_words[1]: warning: \"An inner join with"
                        + " IS NULL on the order id would drop every customer...\" states the claim \"An inner join with"
                        + " IS NULL finds them.\"")
                .doesNotContain("in_everyday_words[2]")
                .doesNotContain("shown_by[1]").doesNotContain("spotted_by[1]");
    }

    @Test
    void validateSaysWhenAFileIsMissing() {
        assertThat(streams.run("bank", "validate", dir.resolve("nope.yaml").toString())).isEqualTo(1);
        assertThat(err()).contains("nope.yaml: cannot read the file");
    }

    @Test
    void listAndShowPrintTheBanks() {
        assertThat(streams.run("bank", "list")).isZero();
        assertThat(out()).contains("python-developer  (Python developer,").contains("gil-and-concurrency");
        assertThat(streams.run("bank", "show", "gil-and-concurrency")).isZero();
        assertThat(out()).contains("Talking points:").contains("Example answer:").contains("Why it is asked:");
        assertThat(streams.run("bank", "show", "no-such-question")).isEqualTo(1);
        assertThat(err()).contains("No question with id 'no-such-question'");
        assertThat(streams.run("bank", "show", "gil-and-concurency")).isEqualTo(1);
        assertThat(err()).contains("Did you mean gil-and-concurrency?");
    }

    @Test
    void showListsTheMisconceptionsAndSearchSpeaksJsonForScripts() throws Exception {
        assertThat(streams.run("bank", "show", "gil-and-concurrency")).isZero();
        assertThat(out()).contains("Misconceptions (an answer that asserts one scores at most 2):").contains("correction:");
        out.reset();
        assertThat(streams.run("bank", "search", "--json", "--limit", "3", "cache invalidation")).isZero();
        var hits = new com.fasterxml.jackson.databind.ObjectMapper().readTree(out());
        assertThat(hits.isArray()).isTrue();
        assertThat(hits).hasSize(3);
        assertThat(hits.get(0).fieldNames()).toIterable().containsExactly("track", "id", "score", "question");
        assertThat(hits.get(0).get("score").asDouble()).isGreaterThanOrEqualTo(hits.get(1).get("score").asDouble());
    }

    @Test
    void scoreWithAMistypedQuestionIdSuggestsTheNearOnes() {
        assertThat(streams.run("score", "--track", "python-developer", "--question", "gil-and-concurency", "--answer", "x"))
                .isEqualTo(1);
        assertThat(err()).contains("No question 'gil-and-concurency' in python-developer. Did you mean"
                + " gil-and-concurrency?");
    }

    @Test
    void anAnswerFileThatCannotBeReadIsNamedInOneLine() throws Exception {
        String missing = dir.resolve("answer.txt").toString();
        assertThat(streams.run("score", "--track", "python-developer", "--question", "gil-and-concurrency",
                "--answer-file", missing)).isEqualTo(2);
        assertThat(err()).isEqualToIgnoringNewLines("No such file: " + missing);
        Path latin1 = Files.write(dir.resolve("latin1.txt"), new byte[] {'c', 'a', 'f', (byte) 0xE9});
        assertThat(streams.run("score", "--track", "python-developer", "--question", "gil-and-concurrency",
                "--answer-file", latin1.toString())).isEqualTo(2);
        assertThat(err()).contains("not UTF-8 text").doesNotContain("Exception");
        assertThat(streams.run("score", "--track", "python-developer", "--question", "gil-and-concurrency",
                "--answer-file", dir.toString())).isEqualTo(2);
        assertThat(err()).contains(dir + " is a folder").doesNotContain("Exception");
    }

    @Test
    void scoreJudgesSubstanceFromTheCommandLine() throws Exception {
        var json = new com.fasterxml.jackson.databind.ObjectMapper();
        assertThat(streams.run("score", "--json", "--track", "python-developer", "--question", "gil-and-concurrency",
                "--answer", "GIL, global interpreter lock, I/O-bound, asyncio, event loop, CPU-bound, multiprocessing, "
                        + "ProcessPoolExecutor, pickling, serialization overhead")).isZero();
        var list = json.readTree(out());
        assertThat(list.get("score").asInt()).isLessThanOrEqualTo(2);
        assertThat(list.at("/signals/form/keywordList").asBoolean()).isTrue();
        out.reset();
        assertThat(streams.run("score", "--json", "--track", "python-developer", "--question", "gil-and-concurrency",
                "--answer", "Since Python 3 the GIL is only held during imports, so threads run in parallel on all cores. "
                        + "For CPU-bound work I use a thread pool with one thread per core, and asyncio for I/O-bound work "
                        + "because the event loop is non-blocking.")).isZero();
        var wrong = json.readTree(out());
        assertThat(wrong.get("score").asInt()).isLessThanOrEqualTo(2);
        assertThat(wrong.get("wrongClaims")).isNotEmpty();
        assertThat(wrong.at("/signals/meaning/read").asBoolean()).isTrue();
        out.reset();
        assertThat(streams.run("score", "--track", "python-developer", "--question", "gil-and-concurrency",
                "--answer", "Since Python 3 the GIL is only held during imports, so threads run in parallel on all cores."))
                .as("as a person reads it, without --json").isZero();
        assertThat(out()).contains("Score ").contains("not right");
    }

    @Test
    void versionAndHelp() {
        assertThat(streams.run("--version")).isZero();
        assertThat(out()).startsWith("Interview Coach ")
                .containsPattern("^Interview Coach \\d\\S* \\(commit ([0-9a-f]{7,40}|unknown)\\)\\R");
        assertThat(streams.run("--help")).isZero();
        assertThat(out()).contains("console").contains("bank");
    }

    @Test
    void aTypoInASubcommandIsExplained() {
        assertThat(streams.run("consol")).isNotZero();
        assertThat(err()).contains("consol");
    }

    @Test
    void configComesFromTheFileThenTheEnvironment() throws Exception {
        Path file = dir.resolve("coach.yaml");
        Files.writeString(file, "database:\n  path: /tmp/x.db\ninterview:\n  defaultQuestions: 7\n");
        CoachConfig cfg = CoachConfig.load(Optional.of(file), Map.of("COACH_INTERVIEW_DEFAULT_QUESTIONS", "3"));
        assertThat(cfg.databasePath()).isEqualTo("/tmp/x.db");
        assertThat(cfg.defaultQuestions()).isEqualTo(3);
        assertThat(cfg.jdbcUrl(Map.of())).isEqualTo("jdbc:sqlite:/tmp/x.db");
        assertThat(cfg.jdbcUrl(Map.of("COACH_DB_URL", "jdbc:postgresql://db/coach"))).isEqualTo("jdbc:postgresql://db/coach");
        assertThat(cfg.joinWithinSeconds()).as("split chat answers are joined by default").isEqualTo(15);
        assertThat(CoachConfig.load(Optional.empty(), Map.of("COACH_INTERVIEW_JOIN_WITHIN_SECONDS", "0"))
                .joinWithinSeconds()).isZero();
        assertThatThrownBy(() -> CoachConfig.load(Optional.empty(), Map.of("COACH_INTERVIEW_JOIN_WITHIN_SECONDS", "-5")))
                .hasMessageContaining("interview.joinWithinSeconds must be a whole number, 0 or more (0: off)");
    }

    @Test
    void aWrongSettingIsNamedWithWhereToFixIt() throws Exception {
        Path file = dir.resolve("coach.yaml");
        Files.writeString(file, "interview:\n  defaultQuestion: 7\n");
        assertThatThrownBy(() -> CoachConfig.load(Optional.of(file), Map.of()))
                .hasMessageContaining("unknown setting interview.defaultQuestion (did you mean interview.defaultQuestions?)");
        Files.writeString(file, "interview:\n  questions: 7\nslack:\n  mode: http\n");
        assertThatThrownBy(() -> CoachConfig.load(Optional.of(file), Map.of()))
                .hasMessageContaining("interview.questions (did you mean interview.maxQuestions or"
                        + " interview.defaultQuestions?)")
                .hasMessageContaining("slack.mode;").hasMessageNotContaining("slack.mode (did you mean");
        assertThatThrownBy(() -> CoachConfig.load(Optional.empty(), Map.of("COACH_INTERVIEW_MAX_QUESTIONS", "lots")))
                .hasMessageContaining("interview.maxQuestions").hasMessageContaining("COACH_INTERVIEW_MAX_QUESTIONS");
        assertThatThrownBy(() -> CoachConfig.load(Optional.of(dir.resolve("missing.yaml")), Map.of()))
                .hasMessageContaining("not found");
    }

    @Test
    void installationsListsTheWorkspacesAndRemovesOneAsAnUninstallWould() throws Exception {
        Path file = dir.resolve("coach.yaml");
        Path db = dir.resolve("coach.db");
        Files.writeString(file, "database:\n  path: " + db + "\n");
        assertThat(streams.run("installations", "--config", file.toString())).isZero();
        assertThat(out()).contains("No workspace has installed the coach");
        try (dev.interviewcoach.store.Database database = dev.interviewcoach.store.Database.sqlite(db)) {
            database.migrate();
            database.jdbi().useHandle(h -> h.createUpdate("""
                    INSERT INTO chat_installation (platform, enterprise_id, team_id, bot_scopes, bot_token, installer_user_id,
                                                   enterprise_install, installed_at)
                    VALUES ('SLACK', '', 'T0ACME1', 'chat:write,commands', 'v1:sealed', 'UINSTALLER', 0, 1796000000000)
                    """).execute());
        }
        out.reset();
        assertThat(streams.run("installations", "--config", file.toString())).isZero();
        assertThat(out()).contains("1 installation:").contains("T0ACME1").contains("by UINSTALLER")
                .contains("scopes: chat:write,commands").doesNotContain("sealed");
        out.reset();
        assertThat(streams.run("installations", "--config", file.toString(), "--remove", "T0ACME1")).isZero();
        assertThat(out()).contains("Removed workspace T0ACME1").contains("deleted in 30 days");
        try (dev.interviewcoach.store.Database database = dev.interviewcoach.store.Database.sqlite(db)) {
            int removed = database.jdbi().withHandle(h -> h.createQuery(
                    "SELECT COUNT(*) FROM tenant_removed WHERE tenant = 'T0ACME1'").mapTo(Integer.class).one());
            assertThat(removed).as("its schedules stop and the grace period starts").isOne();
        }
        assertThat(streams.run("installations", "--config", file.toString(), "--remove", "T0ACME1")).isOne();
        assertThat(err()).contains("No installation for workspace T0ACME1");
        assertThat(streams.run("installations", "--config", file.toString(), "--remove", "acme; drop")).isEqualTo(2);
        assertThat(err()).contains("is not a Slack team id");
    }

    @Test
    void onAndOffInTheFileAreReadAsTheSettingsTakeThemNotAsYamlBooleans() throws Exception {
        java.nio.file.Path file = dir.resolve("coach.yaml");
        java.nio.file.Files.writeString(file, "interview:\n  followUps: on\ndiscord:\n  messageContent: on\n"
                + "feedback:\n  semantic: off\n");
        CoachConfig cfg = CoachConfig.load(Optional.of(file), Map.of());
        assertThat(cfg.discord().messageContent()).as("was refused as 'true'").isEqualTo("on");
        assertThat(cfg.followUps()).isTrue();
        Map<String, String> shown = CoachConfig.effective(Optional.of(file), Map.of());
        assertThat(shown.get("interview.followUps")).as("unchanged: its default").isEqualTo("on   (default)");
        assertThat(shown.get("feedback.semantic")).isEqualTo("off   (from the file)");

        java.nio.file.Path other = dir.resolve("team.yaml");
        java.nio.file.Files.writeString(other, "daily:\n  checkSeconds: 30s\n");
        assertThatThrownBy(() -> CoachConfig.load(Optional.of(other), Map.of())).as("names the file given, not the usual one")
                .hasMessageContaining("fix it in " + other).hasMessageNotContaining("config/coach.yaml");
    }

    @Test
    void aDatabasePasswordMayComeFromAFileAsTheOtherSecretsDo() throws Exception {
        java.nio.file.Path secret = dir.resolve("db-password");
        java.nio.file.Files.writeString(secret, "s3cret\n");
        assertThat(CoachConfig.load(Optional.empty(), Map.of("COACH_DB_PASSWORD_FILE", secret.toString())).databasePassword())
                .isEqualTo("s3cret");
    }

    @Test
    void discordShardIdsAreIdsAndRangesWithinTheShardCount() {
        assertThat(CoachConfig.load(Optional.empty(), Map.of("COACH_DISCORD_SHARDS", "8", "COACH_DISCORD_SHARD_IDS",
                "0-2, 5")).discord().shardIds()).containsExactly(0, 1, 2, 5);
        assertThat(CoachConfig.load(Optional.empty(), Map.of()).discord().shardIds()).as("all of them").isEmpty();
        assertThat(CoachConfig.load(Optional.empty(), Map.of("COACH_DISCORD_SHARD_LEASES", "on")).discord().shardLeases())
                .isTrue();
        // Whether each instance runs the posting jobs for its own servers: only where others may run some shards.
        assertThat(CoachConfig.load(Optional.empty(), Map.of("DISCORD_TOKEN", "t", "COACH_DISCORD_SHARDS", "8",
                "COACH_DISCORD_SHARD_IDS", "0-3")).discord().splitBetweenInstances()).isTrue();
        assertThat(CoachConfig.load(Optional.empty(), Map.of("DISCORD_TOKEN", "t", "COACH_DISCORD_SHARDS", "2",
                "COACH_DISCORD_SHARD_IDS", "0-1")).discord().splitBetweenInstances()).as("all of them").isFalse();
        assertThat(CoachConfig.load(Optional.empty(), Map.of("DISCORD_TOKEN", "t", "COACH_DISCORD_SHARD_LEASES", "on"))
                .discord().splitBetweenInstances()).isTrue();
        assertThat(CoachConfig.load(Optional.empty(), Map.of("DISCORD_TOKEN", "t")).discord().splitBetweenInstances())
                .isFalse();
        assertThatThrownBy(() -> CoachConfig.load(Optional.empty(), Map.of("COACH_DISCORD_SHARDS", "4",
                "COACH_DISCORD_SHARD_IDS", "2-5"))).hasMessageContaining("discord.shardIds").hasMessageContaining("0 to 3")
                .hasMessageContaining("'2-5'");
    }

    @Test
    void slackAdminsComeFromAListInTheFileOrACommaListInTheEnvironment() throws Exception {
        Path file = dir.resolve("coach.yaml");
        Files.writeString(file, "slack:\n  admins: [U012AB3CD, W045EF6GH]\n");
        assertThat(CoachConfig.load(Optional.of(file), Map.of()).slack().admins())
                .containsExactlyInAnyOrder("U012AB3CD", "W045EF6GH");
        assertThat(CoachConfig.load(Optional.of(file), Map.of("COACH_SLACK_ADMINS", " U0AAA1 , ,U0BBB2")).slack().admins())
                .containsExactlyInAnyOrder("U0AAA1", "U0BBB2");
        assertThat(CoachConfig.load(Optional.empty(), Map.of()).slack().admins()).isEmpty();
        assertThatThrownBy(() -> CoachConfig.load(Optional.empty(), Map.of("COACH_SLACK_ADMINS", "@ana")))
                .hasMessageContaining("slack.admins").hasMessageContaining("'@ana'")
                .hasMessageContaining("COACH_SLACK_ADMINS");
    }

    @Test
    void theLanesAreSetFromTheEnvironmentAndANumberOutOfRangeSaysWhichAndWhere() {
        CoachConfig defaults = CoachConfig.load(Optional.empty(), Map.of());
        assertThat(defaults.engine()).isEqualTo(new CoachConfig.Engine(8, 32));
        assertThat(CoachConfig.load(Optional.empty(), Map.of("COACH_ENGINE_LANES", "4", "COACH_ENGINE_DELIVERY_LANES",
                "64")).engine()).isEqualTo(new CoachConfig.Engine(4, 64));
        assertThatThrownBy(() -> CoachConfig.load(Optional.empty(), Map.of("COACH_ENGINE_DELIVERY_LANES", "0")))
                .hasMessageContaining("engine.deliveryLanes").hasMessageContaining("above 0")
                .hasMessageContaining("COACH_ENGINE_DELIVERY_LANES");
        assertThatThrownBy(() -> CoachConfig.load(Optional.empty(), Map.of("COACH_ENGINE_LANES", "8000")))
                .hasMessageContaining("engine.lanes is 8000").hasMessageContaining("256")
                .hasMessageContaining("COACH_ENGINE_LANES");
    }

    @Test
    void theShippedConfigFileIsValid() {
        CoachConfig cfg = CoachConfig.load(Optional.of(Path.of("..", "config", "coach.yaml")), Map.of());
        assertThat(cfg.defaultTrack()).isEqualTo("python-developer");
    }
}
