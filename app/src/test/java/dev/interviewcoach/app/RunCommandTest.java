package dev.interviewcoach.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interviewcoach.testkit.discord.FakeDiscord;
import dev.interviewcoach.testkit.slack.FakeSlack;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
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
}
