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

    @Test
    void aButtonPressIsRecordedBeforeItIsAcknowledgedAndOneWithNoRoomIsToldToPressAgain() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch started = new CountDownLatch(1);
        List<String> pressed = new CopyOnWriteArrayList<>();
        MessageHandler slow = (Inbound.Message message, dev.interviewcoach.chat.ChatPort port) -> {
            started.countDown();
            try {
                release.await(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return true;
        };
        dev.interviewcoach.engine.ActionHandler button = new dev.interviewcoach.engine.ActionHandler() {
            @Override
            public String feature() {
                return "probe";
            }

            @Override
            public void onAction(Inbound.Action action, dev.interviewcoach.chat.ChatPort port) {
                pressed.add(action.action().subject());
            }
        };
        try (FakeSlack slack = FakeSlack.start(); Database db = Database.sqlite(dir.resolve("coach.db"));
             ConversationExecutor executor = new ConversationExecutor(1, 1, ConversationExecutor.WaitingRoom.NONE,
                     ConversationExecutor.BUDGET)) {
            db.migrate();
            Inbox inbox = new Inbox(db.jdbi(), Clock.systemUTC());
            CoachEngine engine = new CoachEngine(List.of(slow, button), inbox,
                    dev.interviewcoach.observe.CoachMetrics.none(), CoachEngine.ConversationGuard.inProcess());
            SlackAdapter adapter = new SlackAdapter(new SlackSettings("xoxb-overload", Optional.of(SECRET), Optional.empty(),
                    Optional.of(slack.methodsUrl()), "127.0.0.1", 0, "/slack/events"), engine, executor, Clock.systemUTC(),
                    millis -> { });
            try {
                adapter.start();
                URI url = URI.create("http://127.0.0.1:" + adapter.httpPort() + "/slack/events");
                SlackRequests requests = new SlackRequests(SECRET);
                HttpClient http = HttpClient.newHttpClient();
                var first = SlackRequests.messageEvent("DOVER", "UOVER", "holds the lane", SlackRequests.newTs(), null, "im");
                assertThat(http.send(requests.event(url, "Ev-btn-1", first), HttpResponse.BodyHandlers.ofString())
                        .statusCode()).isEqualTo(200);
                assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();

                String queued = new dev.interviewcoach.chat.ActionId("probe", "press", "queued", 0).encode();
                assertThat(http.send(requests.blockAction(url, "UOVER", "DOVER", SlackRequests.newTs(), queued, "v"),
                        HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
                assertThat(inbox.pendingCount()).as("the press is in the inbox before it runs").isEqualTo(2);

                String refused = new dev.interviewcoach.chat.ActionId("probe", "press", "refused", 0).encode();
                assertThat(http.send(requests.blockAction(url, "UOVER", "DOVER", SlackRequests.newTs(), refused, "v"),
                        HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
                // In a DM, a message for them alone is an ordinary post.
                var told = slack.awaitCall("chat.postMessage", c -> String.valueOf(c.args().get("text")).contains("swamped"),
                        WAIT);
                assertThat(told.args().get("channel").asText()).isEqualTo("DOVER");

                release.countDown();
                await().atMost(WAIT).until(() -> pressed.contains("queued"));
                assertThat(pressed).containsExactly("queued");
                assertThat(inbox.pendingCount()).isZero();
            } finally {
                release.countDown();
                adapter.close();
            }
        }
    }

    @Test
    void aPressOnTheAppHomeIsRecordedInThePersonsDmBeforeItIsAcknowledged() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch started = new CountDownLatch(1);
        List<String> pressedIn = new CopyOnWriteArrayList<>();
        MessageHandler slow = (Inbound.Message message, dev.interviewcoach.chat.ChatPort port) -> {
            started.countDown();
            try {
                release.await(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return true;
        };
        dev.interviewcoach.engine.ActionHandler button = new dev.interviewcoach.engine.ActionHandler() {
            @Override
            public String feature() {
                return "probe";
            }

            @Override
            public void onAction(Inbound.Action action, dev.interviewcoach.chat.ChatPort port) {
                pressedIn.add(action.place().channelId());
            }
        };
        try (FakeSlack slack = FakeSlack.start(); Database db = Database.sqlite(dir.resolve("coach.db"));
             ConversationExecutor executor = new ConversationExecutor(1, 1, new ConversationExecutor.WaitingRoom(5, 10_000),
                     ConversationExecutor.BUDGET)) {
            db.migrate();
            Inbox inbox = new Inbox(db.jdbi(), Clock.systemUTC());
            CoachEngine engine = new CoachEngine(List.of(slow, button), inbox,
                    dev.interviewcoach.observe.CoachMetrics.none(), CoachEngine.ConversationGuard.inProcess());
            SlackAdapter adapter = new SlackAdapter(new SlackSettings("xoxb-overload", Optional.of(SECRET), Optional.empty(),
                    Optional.of(slack.methodsUrl()), "127.0.0.1", 0, "/slack/events"), engine, executor, Clock.systemUTC(),
                    millis -> { });
            try {
                adapter.start();
                URI url = URI.create("http://127.0.0.1:" + adapter.httpPort() + "/slack/events");
                SlackRequests requests = new SlackRequests(SECRET);
                HttpClient http = HttpClient.newHttpClient();
                var first = SlackRequests.messageEvent("DOVER", "UOVER", "holds the lane", SlackRequests.newTs(), null, "im");
                assertThat(http.send(requests.event(url, "Ev-home-1", first), HttpResponse.BodyHandlers.ofString())
                        .statusCode()).isEqualTo(200);
                assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();

                String home = new dev.interviewcoach.chat.ActionId("probe", "press", "home", 0).encode();
                assertThat(http.send(requests.homeButton(url, "UOVER", home, "v"), HttpResponse.BodyHandlers.ofString())
                        .statusCode()).isEqualTo(200);
                assertThat(inbox.pendingCount()).as("the press is in the inbox before it runs").isEqualTo(2);

                release.countDown();
                await().atMost(WAIT).until(() -> !pressedIn.isEmpty());
                assertThat(pressedIn).as("answered in the person's DM").containsExactly("DUOVER");
            } finally {
                release.countDown();
                adapter.close();
            }
        }
    }
}
