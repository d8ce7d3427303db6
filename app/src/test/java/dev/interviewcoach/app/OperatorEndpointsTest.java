package dev.interviewcoach.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.interviewcoach.testkit.discord.FakeDiscord;
import dev.interviewcoach.testkit.slack.FakeSlack;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What an operator sees of a running {@code coach run}: {@code /healthz}, {@code /readyz} and
 * Prometheus {@code /metrics}, on the admin port when only Discord runs, and on the Slack HTTP
 * server's port when Slack runs in HTTP mode.
 */
class OperatorEndpointsTest {

    private static final Pattern ADMIN = Pattern.compile("health and metrics on http://127\\.0\\.0\\.1:(\\d+)");
    private static final Pattern SLACK = Pattern.compile("Slack: listening on http://127\\.0\\.0\\.1:(\\d+)");

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newHttpClient();

    private record Running(Process process, List<String> lines) {}

    private Running launch(Map<String, String> env) throws Exception {
        Map<String, String> withDatabase = new java.util.HashMap<>(env);
        withDatabase.put("COACH_DATABASE_PATH", dir.resolve("coach.db").toString());
        Process process = CoachProcess.launch(withDatabase, "run");
        List<String> lines = new java.util.concurrent.CopyOnWriteArrayList<>();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        CompletableFuture<Void> ready = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try {
                String line;
                while ((line = out.readLine()) != null) {
                    lines.add(line);
                    if (line.contains("Interview Coach ready")) {
                        ready.complete(null);
                    }
                }
            } catch (java.io.IOException ignored) {
                // the process ended
            }
            ready.complete(null);
        });
        reader.setDaemon(true);
        reader.start();
        ready.get(90, TimeUnit.SECONDS);
        return new Running(process, lines);
    }

    private static int port(List<String> lines, Pattern pattern) {
        for (String line : lines) {
            Matcher m = pattern.matcher(line);
            if (m.find()) {
                return Integer.parseInt(m.group(1));
            }
        }
        throw new AssertionError("no " + pattern + " in:\n" + String.join("\n", lines));
    }

    private HttpResponse<String> get(int port, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static void stop(Running running) throws InterruptedException {
        running.process().destroy();
        assertThat(running.process().waitFor(30, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void withOnlyDiscordTheAdminPortServesHealthReadinessAndMetrics() throws Exception {
        try (FakeDiscord discord = FakeDiscord.start()) {
            Running running = launch(Map.of("DISCORD_TOKEN", "discord-ops-test", "COACH_DISCORD_API_URL", discord.restUrl(),
                    "COACH_DISCORD_GATEWAY_URL", discord.gatewayUrl(), "COACH_DISCORD_DEV_GUILD_ID", FakeDiscord.GUILD_ID,
                    "COACH_ADMIN_PORT", "0", "COACH_DATABASE_BACKUPS_AFTER_COPY", "mkdir -p '" + dir.resolve("offsite")
                            + "' && cp \"$1\" '" + dir.resolve("offsite") + "/'"));
            try {
                int admin = port(running.lines(), ADMIN);
                assertThat(get(admin, "/healthz").body()).isEqualTo("ok\n");
                HttpResponse<String> ready = get(admin, "/readyz");
                assertThat(ready.statusCode()).isEqualTo(200);
                assertThat(ready.body()).contains("ready").contains("database: ok").contains("discord: ok");
                discord.slashCommand(FakeDiscord.USER_A, FakeDiscord.CHANNEL_ID, "coach", "tracks", Map.of());
                String metrics = await().atMost(Duration.ofSeconds(15)).until(() -> get(admin, "/metrics").body(),
                        body -> body.contains("coach_replies_out_total{platform=\"discord\"}"));
                assertThat(metrics).contains("coach_events_in_total{kind=\"command\",platform=\"discord\"} 1.0")
                        .contains("coach_replies_out_total{platform=\"discord\"}")
                        .contains("coach_sessions_active").contains("coach_scheduler_lag_seconds")
                        .contains("coach_lanes_waiting 0.0").contains("coach_lanes_turned_away 0.0")
                        .contains("coach_sqlite_write_turn_held_seconds_total")
                        .contains("coach_sqlite_write_turn_waited_seconds_total")
                        .contains("coach_sqlite_write_turn_waiting")
                        .contains("jvm_memory_used_bytes");
                // the command was recorded, so SQLite's write turn has been taken at least once
                assertThat(metrics.lines().filter(l -> l.startsWith("coach_sqlite_write_turns_total ")))
                        .singleElement().satisfies(l -> assertThat(Double.parseDouble(l.split(" ")[1])).isPositive());
                assertThat(get(admin, "/nothing").statusCode()).isEqualTo(404);
                // The day's copy of the database is made soon after the start, and /readyz says where it went.
                String backups = await().atMost(Duration.ofSeconds(30)).until(() -> get(admin, "/readyz").body(),
                        body -> body.contains("backups: last daily copy coach-daily-"));
                assertThat(backups).contains("1 kept in " + dir.resolve("backups"));
                try (var copies = java.nio.file.Files.list(dir.resolve("backups"))) {
                    assertThat(copies.map(f -> f.getFileName().toString()).filter(f -> !f.startsWith(".")))
                            .singleElement().asString().matches("coach-daily-\\d{4}-\\d{2}-\\d{2}T\\d{6}Z\\.db");
                }
                // database.backups.afterCopy took it off the machine (here: another folder), and /readyz says so.
                String sent = await().atMost(Duration.ofSeconds(30)).until(() -> get(admin, "/readyz").body(),
                        body -> body.contains(" sent off by database.backups.afterCopy at "));
                assertThat(sent).containsPattern("backups: last daily copy (coach-daily-\\S+\\.db), 1 kept in .*; \\1 sent"
                        + " off by database.backups.afterCopy at ");
                try (var offsite = java.nio.file.Files.list(dir.resolve("offsite"))) {
                    assertThat(offsite.map(f -> f.getFileName().toString())).singleElement().asString()
                            .startsWith("coach-daily-");
                }
            } finally {
                stop(running);
            }
        }
    }

    @Test
    void inSlackHttpModeTheSlackPortServesThemAndReadinessFollowsTheDatabase() throws Exception {
        try (FakeSlack slack = FakeSlack.start()) {
            Running running = launch(Map.of("SLACK_BOT_TOKEN", "xoxb-ops", "SLACK_SIGNING_SECRET", "ops-secret",
                    "COACH_SLACK_API_URL", slack.methodsUrl(), "COACH_SLACK_PORT", "0", "COACH_SLACK_HOST", "127.0.0.1"));
            try {
                int port = port(running.lines(), SLACK);
                assertThat(running.lines()).noneMatch(l -> l.contains("health and metrics on"));
                assertThat(get(port, "/healthz").body()).isEqualTo("ok\n");
                assertThat(get(port, "/readyz").body()).contains("database: ok").contains("slack: ok")
                        .contains("workspaces: 0 installed by OAuth, 0 with answers in the last 24 h")
                        .containsPattern("judging: (getting ready in the background|ready) \\(");
                assertThat(get(port, "/metrics").body()).contains("coach_feedback_duration_seconds")
                        .contains("coach_installations").contains("coach_workspaces_active");
            } finally {
                stop(running);
            }
        }
    }
}
