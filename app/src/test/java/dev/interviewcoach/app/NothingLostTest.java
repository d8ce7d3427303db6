package dev.interviewcoach.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.interviewcoach.testkit.SharedPostgres;
import dev.interviewcoach.testkit.slack.FakeSlack;
import dev.interviewcoach.testkit.slack.SlackRequests;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code coach run} stopped with a reply still waiting (kill -9, or SIGTERM while Slack asks it to
 * wait): the reply goes out after the next start, once.
 */
class NothingLostTest {

    private static final String SECRET = "nothing-lost-secret";
    private static final Pattern LISTENING = Pattern.compile("Slack: listening on (http://127\\.0\\.0\\.1:\\d+/slack/events)");

    @TempDir
    Path dir;

    /** Where the coach keeps its data: an SQLite file, or a new database on an embedded PostgreSQL. */
    private Map<String, String> database(String kind) throws Exception {
        if (kind.equals("sqlite")) {
            return Map.of("COACH_DATABASE_PATH", dir.resolve("coach.db").toString());
        }
        return Map.of("COACH_DB_URL", SharedPostgres.newDatabase(), "COACH_DB_USER", "postgres",
                "COACH_DB_PASSWORD", "postgres");
    }

    private Process start(FakeSlack slack, Map<String, String> database) throws Exception {
        return start(slack, database, Map.of());
    }

    private Process start(FakeSlack slack, Map<String, String> database, Map<String, String> more) throws Exception {
        Map<String, String> env = new java.util.HashMap<>(Map.of("SLACK_BOT_TOKEN", "xoxb-nothing-lost",
                "SLACK_SIGNING_SECRET", SECRET, "COACH_SLACK_API_URL", slack.methodsUrl(), "COACH_SLACK_PORT", "0",
                "COACH_SLACK_HOST", "127.0.0.1"));
        env.putAll(database);
        env.putAll(more);
        return CoachProcess.launch(env, "run");
    }

    private static URI eventsUrl(Process process) throws Exception {
        List<String> lines = CoachProcess.readUntil(process, "Interview Coach ready", 90);
        for (String line : lines) {
            Matcher m = LISTENING.matcher(line);
            if (m.find()) {
                return URI.create(m.group(1));
            }
        }
        throw new AssertionError("the coach did not start:\n" + String.join("\n", lines));
    }

    private static void ask(URI url, String eventId) throws Exception {
        var event = SlackRequests.messageEvent("DANA", "UANA", "tracks", SlackRequests.newTs(), null, "im");
        int status = HttpClient.newHttpClient().send(new SlackRequests(SECRET).event(url, eventId, event),
                HttpResponse.BodyHandlers.ofString()).statusCode();
        assertThat(status).as("acknowledged").isEqualTo(200);
    }

    /** Calls that carried the reply, the one Slack refused with 429 included. */
    private static long replies(FakeSlack slack) {
        return slack.calls("chat.postMessage").stream().filter(c -> c.arg("text").startsWith("5 tracks")).count();
    }

    /** Waits up to {@code seconds} for the reply to have been carried {@code count} times; returns how many. */
    private static long awaitReplies(FakeSlack slack, int count, int seconds) {
        await().atMost(Duration.ofSeconds(seconds)).until(() -> replies(slack) >= count);
        return replies(slack);
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void aReplyWaitingWhenTheProcessIsKilledGoesOutAfterTheNextStart(String kind) throws Exception {
        Map<String, String> database = database(kind);
        try (FakeSlack slack = FakeSlack.start()) {
            Process first = start(slack, database);
            try {
                URI url = eventsUrl(first);
                slack.rateLimitNext("chat.postMessage", 1, 4);
                ask(url, "Ev-killed");
                slack.awaitCall("chat.postMessage", Duration.ofSeconds(20)); // refused with 429: the reply waits
                first.destroyForcibly(); // kill -9
                assertThat(first.waitFor(20, TimeUnit.SECONDS)).isTrue();
            } finally {
                first.destroyForcibly();
            }
            int before = slack.calls("chat.postMessage").size();
            // The killed process may still hold its claim on the reply (15 s) when it dies; the next start
            // runs on a clock past it, as a restart that long after would, so the test need not wait it out.
            Process second = start(slack, database, Map.of("COACH_CLOCK_START", Instant.now().plusSeconds(16).toString()));
            try {
                eventsUrl(second);
                awaitReplies(slack, 2, 30);
                // and no more for a while: time enough for a second delivery, if there were one
                await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> replies(slack) == 2);
                assertThat(replies(slack)).as("refused once before the kill, then delivered once").isEqualTo(2);
                assertThat(slack.calls("chat.postMessage").size()).isEqualTo(before + 1);
            } finally {
                second.toHandle().destroy();
                second.waitFor(30, TimeUnit.SECONDS);
            }
        }
    }

    @Test
    void sigtermWithRepliesQueuedBehindASlowSlackLosesNoneAndSendsEachOnce() throws Exception {
        Map<String, String> database = database("sqlite");
        int people = 20;
        try (FakeSlack slack = FakeSlack.start()) {
            // One delivery lane and a Slack that takes 1.5 s a call: most replies are still queued at the stop.
            Process first = start(slack, database, Map.of("COACH_ENGINE_DELIVERY_LANES", "1"));
            try {
                URI url = eventsUrl(first);
                slack.answerAfter(Duration.ofMillis(1_500));
                for (int i = 0; i < people; i++) {
                    var event = SlackRequests.messageEvent("DQ" + i, "UQ" + i, "tracks", SlackRequests.newTs(), null, "im");
                    assertThat(HttpClient.newHttpClient().send(new SlackRequests(SECRET).event(url, "Ev-queued-" + i, event),
                            HttpResponse.BodyHandlers.ofString()).statusCode()).as("acknowledged").isEqualTo(200);
                }
                slack.awaitCall("chat.postMessage", Duration.ofSeconds(20));
                first.toHandle().destroy(); // SIGTERM
                assertThat(first.waitFor(40, TimeUnit.SECONDS)).isTrue();
            } finally {
                first.destroyForcibly();
            }
            assertThat(replies(slack)).as("some were still queued at the stop").isLessThan(people);
            slack.answerAfter(Duration.ZERO);
            // Replies no delivery lane took up were let go at the stop, for the worker's last pass or the next start.
            Process second = start(slack, database);
            try {
                eventsUrl(second);
                await().atMost(Duration.ofSeconds(30)).until(() -> repliedIn(slack).size() == people);
                await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> true);
                // A call cut off by the stop may have reached Slack before its answer came back: that one may go twice.
                assertThat(replies(slack)).as("each person's reply once, but for one cut off mid-call")
                        .isBetween((long) people, (long) people + 1);
            } finally {
                second.toHandle().destroy();
                second.waitFor(30, TimeUnit.SECONDS);
            }
        }
    }

    /** The DMs the reply reached. */
    private static java.util.Set<String> repliedIn(FakeSlack slack) {
        return slack.calls("chat.postMessage").stream().filter(c -> c.arg("text").startsWith("5 tracks"))
                .map(c -> c.arg("channel")).collect(java.util.stream.Collectors.toSet());
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void sigtermDuringALongRateLimitStopsPromptlyAndTheReplyGoesOutAfterTheNextStart(String kind) throws Exception {
        Map<String, String> database = database(kind);
        try (FakeSlack slack = FakeSlack.start()) {
            Process first = start(slack, database);
            try {
                URI url = eventsUrl(first);
                slack.rateLimitNext("chat.postMessage", 1, 12);
                ask(url, "Ev-stopped");
                slack.awaitCall("chat.postMessage", Duration.ofSeconds(20));
                long stopping = System.nanoTime();
                first.toHandle().destroy(); // SIGTERM
                assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
                assertThat(Duration.ofNanos(System.nanoTime() - stopping)).as("a 12 s rate limit does not hold the stop")
                        .isLessThan(Duration.ofSeconds(12));
                assertThat(replies(slack)).as("only the refused attempt").isOne();
            } finally {
                first.destroyForcibly();
            }
            // The next start runs on a clock past the 12 s Slack asked for, so the test need not wait it out.
            Process second = start(slack, database, Map.of("COACH_CLOCK_START", Instant.now().plusSeconds(15).toString()));
            try {
                eventsUrl(second);
                assertThat(awaitReplies(slack, 2, 40)).as("delivered once the wait Slack asked for has passed").isEqualTo(2);
            } finally {
                second.toHandle().destroy();
                second.waitFor(30, TimeUnit.SECONDS);
            }
        }
    }
}
