package dev.interviewcoach.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interviewcoach.testkit.slack.FakeSlack;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code coach run} installed by OAuth in many Slack workspaces, started as an operator would. */
class OAuthRunCommandTest {

    @TempDir
    Path dir;

    @Test
    void withoutTheSecretKeyItRefusesToStartAndSaysWhatToSet() throws Exception {
        Process process = CoachProcess.launch(Map.of("COACH_DATABASE_PATH", dir.resolve("coach.db").toString(),
                "SLACK_CLIENT_ID", "111.222", "SLACK_CLIENT_SECRET", "oauth-client-secret",
                "SLACK_SIGNING_SECRET", "oauth-signing-secret"), "run");
        String out = String.join("\n", CoachProcess.readUntil(process, "never", 60));
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isNotZero();
        assertThat(out).contains("COACH_SECRET_KEY").contains("openssl rand -base64 32")
                .doesNotContain("oauth-client-secret").doesNotContain("oauth-signing-secret");
    }

    @Test
    void aMalformedKeyIsNamedWithoutShowingIt() throws Exception {
        Process process = CoachProcess.launch(Map.of("COACH_DATABASE_PATH", dir.resolve("coach.db").toString(),
                "SLACK_CLIENT_ID", "111.222", "SLACK_CLIENT_SECRET", "oauth-client-secret",
                "SLACK_SIGNING_SECRET", "oauth-signing-secret", "COACH_SECRET_KEY", "c2hvcnQta2V5"), "run");
        String out = String.join("\n", CoachProcess.readUntil(process, "never", 60));
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isNotZero();
        assertThat(out).contains("COACH_SECRET_KEY must be base64 of 32 random bytes").doesNotContain("c2hvcnQta2V5");
    }

    @Test
    void withClientIdSecretAndKeyItServesTheInstallPage() throws Exception {
        String key = Base64.getEncoder().encodeToString(new byte[32]);
        try (FakeSlack slack = FakeSlack.start()) {
            Process process = CoachProcess.launch(Map.of("COACH_DATABASE_PATH", dir.resolve("coach.db").toString(),
                    "SLACK_CLIENT_ID", "111.222", "SLACK_CLIENT_SECRET", "oauth-client-secret",
                    "SLACK_SIGNING_SECRET", "oauth-signing-secret", "COACH_SECRET_KEY", key,
                    "COACH_SLACK_API_URL", slack.methodsUrl(), "COACH_SLACK_PORT", "0", "COACH_SLACK_HOST", "127.0.0.1"),
                    "run");
            try {
                List<String> lines = CoachProcess.readUntil(process, "Interview Coach ready", 90);
                String log = String.join("\n", lines);
                assertThat(log).contains("install page at /slack/install").doesNotContain("oauth-client-secret")
                        .doesNotContain("oauth-signing-secret").doesNotContain(key);
                Matcher port = Pattern.compile("listening on http://127\\.0\\.0\\.1:(\\d+)").matcher(log);
                assertThat(port.find()).isTrue();
                HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port.group(1) + "/slack/install")).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(page.statusCode()).isEqualTo(200);
                assertThat(page.body()).contains("Add to Slack").contains("client_id=111.222")
                        .doesNotContain("oauth-client-secret");
            } finally {
                process.toHandle().destroy();
                assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
            }
        }
    }
}
