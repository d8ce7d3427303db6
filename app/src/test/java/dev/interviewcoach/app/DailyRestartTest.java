package dev.interviewcoach.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.interviewcoach.chat.Place;
import dev.interviewcoach.chat.Platform;
import dev.interviewcoach.daily.PostTimes;
import dev.interviewcoach.daily.Subscription;
import dev.interviewcoach.daily.SubscriptionRepository;
import dev.interviewcoach.store.Database;
import dev.interviewcoach.testkit.slack.ApiCall;
import dev.interviewcoach.testkit.slack.FakeSlack;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code coach run} killed with SIGKILL around a question of the day: killed before the post time,
 * the restarted process posts it (within the grace window); killed after posting, the restarted
 * one does not post again.
 */
class DailyRestartTest {

    @TempDir
    Path dir;

    private Process launch(FakeSlack slack, Instant clockStart) throws Exception {
        Process process = CoachProcess.launch(Map.of("SLACK_BOT_TOKEN", "xoxb-restart", "SLACK_SIGNING_SECRET", "restart-secret",
                "COACH_SLACK_API_URL", slack.methodsUrl(), "COACH_SLACK_PORT", "0", "COACH_SLACK_HOST", "127.0.0.1",
                "COACH_DATABASE_PATH", dir.resolve("coach.db").toString(), "COACH_DAILY_CHECK_SECONDS", "1",
                "COACH_CLOCK_START", clockStart.toString()), "run");
        List<String> lines = new ArrayList<>();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        CompletableFuture<Void> ready = CompletableFuture.runAsync(() -> {
            try {
                String line;
                while ((line = out.readLine()) != null) {
                    lines.add(line);
                    if (line.contains("Interview Coach ready")) {
                        return;
                    }
                }
            } catch (java.io.IOException ignored) {
                // the process ended
            }
        });
        ready.get(90, TimeUnit.SECONDS);
        // Keep draining so the process never blocks on a full pipe.
        CompletableFuture.runAsync(() -> {
            try {
                while (out.readLine() != null) {
                    // discard
                }
            } catch (java.io.IOException ignored) {
                // the process ended
            }
        });
        return process;
    }

    private static void kill(Process process) throws InterruptedException {
        process.destroyForcibly(); // SIGKILL: no shutdown hook, no clean close
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }

    private static List<ApiCall> questions(FakeSlack slack) {
        return slack.calls("chat.postMessage").stream()
                .filter(c -> "C-DAILY".equals(c.arg("channel")) && c.arg("text") != null
                        && c.arg("text").startsWith("Question of the day")).toList();
    }

    @Test
    void killedBeforeThePostTimeItPostsOnRestartAndKilledAfterItDoesNotPostTwice() throws Exception {
        // Each process runs on a clock that starts where the test puts it (COACH_CLOCK_START), so the
        // post time comes when the test needs it, not at a real minute boundary.
        Instant postAt = Instant.parse("2026-11-23T09:00:00Z");
        try (Database db = Database.sqlite(dir.resolve("coach.db"))) {
            db.migrate();
            new SubscriptionRepository(db.jdbi()).save(new Subscription("sub-restart",
                    Place.channel(Platform.SLACK, FakeSlack.TEAM_ID, "C-DAILY"), "python-developer",
                    new PostTimes(LocalTime.ofInstant(postAt, ZoneOffset.UTC), ZoneOffset.UTC, EnumSet.allOf(DayOfWeek.class)),
                    "UADMIN", postAt.minus(Duration.ofDays(1))));
        }
        try (FakeSlack slack = FakeSlack.start()) {
            Process first = launch(slack, postAt.minus(Duration.ofMinutes(2)));
            // two checks and more, a minute and more before the post time: nothing goes out
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> questions(slack).isEmpty());
            kill(first);
            assertThat(questions(slack)).as("nothing before the post time").isEmpty();

            // Restarted after the post time (within the grace window): the question goes out.
            Process second = launch(slack, postAt.plusSeconds(5));
            ApiCall posted = slack.awaitCall("chat.postMessage", c -> "C-DAILY".equals(c.arg("channel"))
                    && c.arg("text") != null && c.arg("text").startsWith("Question of the day"), Duration.ofSeconds(60));
            assertThat(posted).isNotNull();
            kill(second);

            Process third = launch(slack, postAt.plusSeconds(30));
            // several checks, one a second: still the one post
            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(6)).until(() -> questions(slack).size() == 1);
            kill(third);
            assertThat(questions(slack)).as("one post for the day, whatever was killed when").hasSize(1);
        }
    }
}
