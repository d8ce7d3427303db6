package dev.interviewcoach.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.interviewcoach.chat.Inbound;
import dev.interviewcoach.engine.CoachEngine;
import dev.interviewcoach.engine.ConversationExecutor;
import dev.interviewcoach.engine.MessageHandler;
import dev.interviewcoach.store.Database;
import dev.interviewcoach.store.Inbox;
import dev.interviewcoach.testkit.slack.FakeSlack;
import dev.interviewcoach.testkit.slack.SlackRequests;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Under overload a message beyond its lane's queue waits, acknowledged, and is handled in order;
 * one beyond the waiting room too is not acknowledged, so Slack delivers it again: delayed, never lost.
 */
class SlackOverloadTest {

    private static final String SECRET = "overload-secret";
    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    @Test
    void aBurstWaitsAcknowledgedInOrderAndAnEventBeyondTheWaitingRoomIsTakenWhenSlackRetriesIt() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch started = new CountDownLatch(1);
        List<String> handled = new CopyOnWriteArrayList<>();
        MessageHandler slow = (Inbound.Message message, dev.interviewcoach.chat.ChatPort port) -> {
            started.countDown();
            try {
                release.await(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            handled.add(message.text());
            return true;
        };
        try (FakeSlack slack = FakeSlack.start(); Database db = Database.sqlite(dir.resolve("coach.db"));
             ConversationExecutor executor = new ConversationExecutor(1, 1, new ConversationExecutor.WaitingRoom(1, 10_000),
                     ConversationExecutor.BUDGET)) {
            db.migrate();
            CoachEngine engine = new CoachEngine(List.of(slow), new Inbox(db.jdbi(), Clock.systemUTC()),
                    dev.interviewcoach.observe.CoachMetrics.none(), CoachEngine.ConversationGuard.inProcess());
            SlackAdapter adapter = new SlackAdapter(new SlackSettings("xoxb-overload", Optional.of(SECRET), Optional.empty(),
                    Optional.of(slack.methodsUrl()), "127.0.0.1", 0, "/slack/events"), engine, executor, Clock.systemUTC(),
                    millis -> { });
            try {
                adapter.start();
                URI url = URI.create("http://127.0.0.1:" + adapter.httpPort() + "/slack/events");
                SlackRequests requests = new SlackRequests(SECRET);
                HttpClient http = HttpClient.newHttpClient();
                List<Integer> statuses = new java.util.ArrayList<>();
                for (int i = 1; i <= 4; i++) {
                    var event = SlackRequests.messageEvent("DOVER", "UOVER", "answer " + i, SlackRequests.newTs(), null, "im");
                    statuses.add(http.send(requests.event(url, "Ev-over-" + i, event), HttpResponse.BodyHandlers.ofString())
                            .statusCode());
                    // The first runs (and holds its lane), the second waits in the queue, the third in the
                    // waiting room, and the fourth finds no room.
                    int sent = i;
                    await().atMost(WAIT).until(() -> started.getCount() == 0 && executor.pending() >= Math.min(sent, 3));
                }
                assertThat(statuses).as("three acknowledged, then a refusal Slack retries").containsExactly(200, 200, 200, 503);
                release.countDown();
                await().atMost(WAIT).until(() -> handled.size() >= 3);
                var fourth = SlackRequests.messageEvent("DOVER", "UOVER", "answer 4", SlackRequests.newTs(), null, "im");
                assertThat(http.send(requests.eventRetry(url, "Ev-over-4", fourth, 1), HttpResponse.BodyHandlers.ofString())
                        .statusCode()).isEqualTo(200);
                await().atMost(WAIT).until(() -> handled.size() >= 4);
                assertThat(handled).containsExactly("answer 1", "answer 2", "answer 3", "answer 4");
            } finally {
                release.countDown();
                adapter.close();
            }
        }
    }
}
