package dev.interviewcoach.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interviewcoach.testkit.discord.FakeDiscord;
import dev.interviewcoach.testkit.slack.FakeSlack;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code coach run} as an operator starts it: a separate process, configured only by its environment. */
class RunCommandTest {

    @TempDir
    Path dir;

    private static Process launch(Map<String, String> env, String... args) throws Exception {
        return CoachProcess.launch(env, args);
    }

    private static List<String> readUntil(Process process, String marker, long seconds) throws Exception {
        return CoachProcess.readUntil(process, marker, seconds);
    }

    @Test
    void slackAndDiscordRunInOneProcess() throws Exception {
        try (FakeSlack slack = FakeSlack.start(); FakeDiscord discord = FakeDiscord.start()) {
            Process process = launch(Map.of(
                    "SLACK_BOT_TOKEN", "xoxb-run-test", "SLACK_SIGNING_SECRET", "run-secret",
                    "COACH_SLACK_API_URL", slack.methodsUrl(), "COACH_SLACK_PORT", "0", "COACH_SLACK_HOST", "127.0.0.1",
                    "DISCORD_TOKEN", "discord-run-test", "COACH_DISCORD_API_URL", discord.restUrl(),
                    "COACH_DISCORD_GATEWAY_URL", discord.gatewayUrl(), "COACH_DISCORD_DEV_GUILD_ID", FakeDiscord.GUILD_ID,
                    "COACH_DATABASE_PATH", dir.resolve("coach.db").toString()), "run");
            try {
                List<String> lines = readUntil(process, "Interview Coach ready", 90);
                String log = String.join("\n", lines);
                System.out.println(log); // kept in the test report: start-up time and what was logged
                assertThat(log).contains("Slack: listening on http://127.0.0.1:");
                assertThat(log).contains("Invite the bot with: https://discord.com/oauth2/authorize?client_id="
                        + FakeDiscord.APPLICATION_ID + "&scope=bot+applications.commands&permissions=");
                assertThat(log).contains("Interview Coach ready in");
                assertThat(log).doesNotContain("xoxb-run-test").doesNotContain("run-secret").doesNotContain("discord-run-test");
            } finally {
                // SIGTERM, as docker stop and systemctl stop send; unlike Process.destroy, this keeps
                // the output open to read what the coach says while it stops.
                process.toHandle().destroy();
                assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("stops on SIGTERM").isTrue();
            }
            // It closes the platforms and drains queued work before the JVM exits.
            assertThat(String.join("\n", readUntil(process, "never", 10))).contains("stopping").contains("stopped");
        }
    }

    /** coach run on the fake Slack, in the test's folder, where a JVM that crashed would leave its hs_err_pid file. */
    private Process onSlackInItsOwnFolder(FakeSlack slack) throws Exception {
        return CoachProcess.builder(Map.of("SLACK_BOT_TOKEN", "xoxb-stop-test", "SLACK_SIGNING_SECRET", "stop-secret",
                        "COACH_SLACK_API_URL", slack.methodsUrl(), "COACH_SLACK_PORT", "0", "COACH_SLACK_HOST", "127.0.0.1",
                        "COACH_DATABASE_PATH", dir.resolve("coach.db").toString()), "run")
                .directory(dir.toFile()).redirectErrorStream(true).start();
    }

    /** Its exit code was 0 and it left no crash report; returns what it said while stopping. */
    private String stoppedCleanly(Process process) throws Exception {
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("stops on SIGTERM").isTrue();
        String said = String.join("\n", readUntil(process, "never", 10));
        assertThat(process.exitValue()).as(said).isZero();
        assertThat(said).contains("SIGTERM received");
        try (var files = Files.list(dir)) {
            assertThat(files.map(f -> f.getFileName().toString())).noneMatch(name -> name.startsWith("hs_err"));
        }
        return said;
    }

    @Test
    void aStopAsSoonAsItIsReadyEndsCleanlyWhileJudgingIsBeingReadied() throws Exception {
        try (FakeSlack slack = FakeSlack.start()) {
            Process process = onSlackInItsOwnFolder(slack);
            readUntil(process, "Interview Coach ready", 90);
            // The sentence model starts loading in the background now: stop in the middle of it.
            process.toHandle().destroy();
            assertThat(stoppedCleanly(process)).contains("stopped");
        }
    }

    @Test
    void aStopWhileItIsStartingClosesWhatIsOpenAndEndsCleanly() throws Exception {
        try (FakeSlack slack = FakeSlack.start()) {
            Process process = onSlackInItsOwnFolder(slack);
            readUntil(process, " starting", 90);
            // The database is being opened and migrated now.
            process.toHandle().destroy();
            stoppedCleanly(process);
        }
        // What it had begun is whole: the next start finds the database as a finished start leaves it.
        try (FakeSlack slack = FakeSlack.start()) {
            Process process = onSlackInItsOwnFolder(slack);
            assertThat(String.join("\n", readUntil(process, "Interview Coach ready", 90))).contains("Interview Coach ready");
            process.toHandle().destroy();
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).isZero();
        }
    }

    @Test
    void withNothingConfiguredItSaysWhatToSetAndExitsOne() throws Exception {
        Process process = launch(Map.of("COACH_DATABASE_PATH", dir.resolve("coach.db").toString()), "run");
        List<String> lines = readUntil(process, "never", 60);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isEqualTo(1);
        assertThat(String.join("\n", lines)).contains("SLACK_BOT_TOKEN").contains("DISCORD_TOKEN");
    }

    @Test
    void configCheckMasksSecretsAndListsEveryProblem() throws Exception {
        Process process = launch(Map.of("COACH_DATABASE_PATH", dir.resolve("coach.db").toString(),
                "SLACK_BOT_TOKEN", "not-a-bot-token-secret", "COACH_SLACK_PORT", "99999",
                "COACH_INTERVIEW_MAX_QUESTIONS", "zero", "COACH_INTERVIEW_DEFAULT_TRACK", "cooking"), "config", "check");
        String out = String.join("\n", readUntil(process, "never", 60));
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isEqualTo(1);
        assertThat(out).contains("slack.port = 99999   (from COACH_SLACK_PORT)")
                .contains("SLACK_BOT_TOKEN=****").doesNotContain("not-a-bot-token-secret")
                .contains("5 problems:").contains("interview.maxQuestions must be a whole number")
                .contains("slack.port must be a port number").contains("should be a bot token starting xoxb-")
                .contains("SLACK_APP_TOKEN (Socket Mode) or SLACK_SIGNING_SECRET")
                .contains("interview.defaultTrack cooking is not a track");

        Process fine = launch(Map.of("COACH_DATABASE_PATH", dir.resolve("coach.db").toString(),
                "DISCORD_TOKEN", "a-discord-token"), "config", "check");
        String ok = String.join("\n", readUntil(fine, "never", 60));
        assertThat(fine.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(ok).contains("No problems found.").doesNotContain("a-discord-token");
        assertThat(fine.exitValue()).isZero();
    }

    @Test
    void configCheckReportsASettingItDoesNotKnowAndStillChecksTheRestAndAMisspeltVariable() throws Exception {
        Path file = java.nio.file.Files.writeString(dir.resolve("team.yaml"), """
                interview:
                  defaultQuestions: -3
                  fooBar: 1
                """);
        Process process = launch(Map.of("COACH_DATABASE_PATH", dir.resolve("fresh/coach.db").toString(),
                "DISCORD_TOKEN", "a-discord-token", "COACH_INTERVIEW_MAXQUESTIONS", "9"), "config", "check", "--config",
                file.toString());
        String out = String.join("\n", readUntil(process, "never", 60));
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isEqualTo(1);
        assertThat(out).contains("3 problems:").contains("unknown setting interview.fooBar")
                .contains("interview.defaultQuestions must be a whole number above 0, not '-3'; fix it in " + file)
                .contains("environment variable COACH_INTERVIEW_MAXQUESTIONS is not one the coach reads (did you mean"
                        + " COACH_INTERVIEW_MAX_QUESTIONS?)");
        assertThat(dir.resolve("fresh/coach.db")).as("a check makes no database").doesNotExist();
    }

    /** The output of a run that should fail at start: its exit code, and what it printed. */
    private String failedStart(Map<String, String> env) throws Exception {
        Process process = launch(env, "run");
        String out = String.join("\n", readUntil(process, "never", 90));
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(out).isEqualTo(2);
        assertThat(out).as("one clear line, not a stack trace").doesNotContain("\tat ").doesNotContain("Exception in thread");
        return out;
    }

    @Test
    void anUnreachableDatabaseIsOneLineThatNamesTheSettingAndHidesThePassword() throws Exception {
        String out = failedStart(Map.of("DISCORD_TOKEN", "a-token",
                "COACH_DB_URL", "jdbc:postgresql://127.0.0.1:1/coach?user=coach&password=hunter2"));
        assertThat(out).contains("The database jdbc:postgresql://127.0.0.1:1/coach?user=coach&password=**** cannot be opened")
                .contains("COACH_DB_URL").doesNotContain("hunter2");
    }

    @Test
    void aBadTokenAnUnreachableSlackAndATakenPortAreToldApart() throws Exception {
        try (FakeSlack slack = FakeSlack.start(); java.net.ServerSocket taken = new java.net.ServerSocket(0, 1,
                java.net.InetAddress.getLoopbackAddress())) {
            Map<String, String> env = new java.util.HashMap<>(Map.of("SLACK_BOT_TOKEN", "xoxb-start-test",
                    "SLACK_SIGNING_SECRET", "start-secret", "COACH_SLACK_API_URL", slack.methodsUrl(),
                    "COACH_SLACK_HOST", "127.0.0.1", "COACH_SLACK_PORT", Integer.toString(taken.getLocalPort()),
                    "COACH_DATABASE_PATH", dir.resolve("coach.db").toString()));
            assertThat(failedStart(env)).contains("Slack's HTTP port " + taken.getLocalPort())
                    .contains("COACH_SLACK_PORT");

            for (int i = 0; i < 4; i++) {
                slack.failNext("auth.test", "invalid_auth"); // a wrong token fails every auth.test, the SDK's own too
            }
            assertThat(failedStart(env)).contains("Slack refused the bot token (invalid_auth)")
                    .contains("SLACK_BOT_TOKEN").doesNotContain("xoxb-start-test");

            env.put("COACH_SLACK_API_URL", "http://127.0.0.1:1/api/");
            assertThat(failedStart(env)).contains("Slack could not be reached").contains("slack.apiUrl")
                    .doesNotContain("refused the bot token");
        }
    }

    @Test
    void configCheckShowsTheDatabaseUrlInEffectMaskedAndCatchesMoreDefaultQuestionsThanTheMaximum() throws Exception {
        Process process = launch(Map.of("DISCORD_TOKEN", "a-discord-token",
                "COACH_DB_URL", "jdbc:postgresql://coach:s3cret@127.0.0.1:1/coach",
                "COACH_INTERVIEW_DEFAULT_QUESTIONS", "30"), "config", "check");
        String out = String.join("\n", readUntil(process, "never", 60));
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(out).contains("database.url = jdbc:postgresql://coach:****@127.0.0.1:1/coach   (from COACH_DB_URL)")
                .doesNotContain("s3cret")
                .contains("interview.defaultQuestions (30) is more than interview.maxQuestions (20)");
        assertThat(process.exitValue()).isEqualTo(1);
    }
}
