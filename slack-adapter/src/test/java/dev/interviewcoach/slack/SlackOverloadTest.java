package dev.interviewcoach.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.interviewcoach.chat.ActionId;
import dev.interviewcoach.chat.ChatPort;
import dev.interviewcoach.chat.Inbound;
import dev.interviewcoach.engine.ActionHandler;
import dev.interviewcoach.engine.CoachEngine;
import dev.interviewcoach.engine.ConversationExecutor;
import dev.interviewcoach.engine.MessageHandler;
import dev.interviewcoach.observe.CoachMetrics;
import dev.interviewcoach.store.Database;
import dev.interviewcoach.store.Inbox;
import dev.interviewcoach.testkit.slack.FakeSlack;
import dev.interviewcoach.testkit.slack.SlackRequests;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Under overload a message beyond its lane's queue waits, acknowledged, and is handled in order;
 * one beyond the waiting room too is not acknowledged, so Slack delivers it again: delayed, never lost.
 * Button presses are recorded before they are acknowledged, as messages are.
 */
class SlackOverloadTest {

    private static final String SECRET = "overload-secret";
    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    private final CountDownLatch release = new CountDownLatch(1);
    private final CountDownLatch started = new CountDownLatch(1);
    /** The messages handled, in order; each holds its lane until {@link #release}. */
    private final List<String> handled = new CopyOnWriteArrayList<>();
    /** Each button press handled: its subject and the channel it was answered in. */
    private final List<String> pressed = new CopyOnWriteArrayList<>();
    private final List<AutoCloseable> open = new ArrayList<>();
    private final HttpClient http = HttpClient.newHttpClient();
    private final SlackRequests requests = new SlackRequests(SECRET);
    private FakeSlack slack;
    private Inbox inbox;
    private ConversationExecutor executor;
    private URI url;

    @AfterEach
    void close() throws Exception {
        release.countDown();
        for (AutoCloseable c : open.reversed()) {
            c.close();
        }
    }

    /** The Slack adapter over one lane with a queue of one and the given waiting room. */
    private void start(ConversationExecutor.WaitingRoom room) throws Exception {
        slack = FakeSlack.start();
        open.add(slack);
        Database db = Database.sqlite(dir.resolve("coach.db"));
        open.add(db);
        db.migrate();
        executor = new ConversationExecutor(1, 1, room, ConversationExecutor.BUDGET);
        open.add(executor);
        MessageHandler slow = (Inbound.Message message, ChatPort port) -> {
            started.countDown();
            try {
                release.await(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            handled.add(message.text());
            return true;
        };
        ActionHandler buttons = new ActionHandler() {
            @Override
            public String feature() {
                return "probe";
            }

            @Override
            public void onAction(Inbound.Action action, ChatPort port) {
                pressed.add(action.action().subject() + "@" + action.place().channelId());
            }
        };
        inbox = new Inbox(db.jdbi(), Clock.systemUTC());
        CoachEngine engine = new CoachEngine(List.of(slow, buttons), inbox, CoachMetrics.none(),
                CoachEngine.ConversationGuard.inProcess());
        SlackAdapter adapter = new SlackAdapter(new SlackSettings("xoxb-overload", Optional.of(SECRET), Optional.empty(),
                Optional.of(slack.methodsUrl()), "127.0.0.1", 0, "/slack/events"), engine, executor, Clock.systemUTC(),
                millis -> { });
        open.add(adapter::close);
        adapter.start();
        url = URI.create("http://127.0.0.1:" + adapter.httpPort() + "/slack/events");
    }

    private int send(HttpRequest request) throws Exception {
        return http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    private int message(String eventId, String text) throws Exception {
        return send(requests.event(url, eventId, SlackRequests.messageEvent("DOVER", "UOVER", text, SlackRequests.newTs(),
                null, "im")));
    }

    /** A first message that runs and holds the only lane. */
    private void holdTheLane() throws Exception {
        assertThat(message("Ev-hold", "holds the lane")).isEqualTo(200);
        assertThat(started.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
    }

    private static String button(String subject) {
        return new ActionId("probe", "press", subject, 0).encode();
    }

    @Test
    void aBurstWaitsAcknowledgedInOrderAndAnEventBeyondTheWaitingRoomIsTakenWhenSlackRetriesIt() throws Exception {
        start(new ConversationExecutor.WaitingRoom(1, 10_000));
        List<Integer> statuses = new ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            statuses.add(message("Ev-over-" + i, "answer " + i));
            // The first runs (and holds its lane), the second waits in the queue, the third in the
            // waiting room, and the fourth finds no room.
            int sent = i;
            await().atMost(WAIT).until(() -> started.getCount() == 0 && executor.pending() >= Math.min(sent, 3));
        }
        assertThat(statuses).as("three acknowledged, then a refusal Slack retries").containsExactly(200, 200, 200, 503);
        release.countDown();
        await().atMost(WAIT).until(() -> handled.size() >= 3);
        var fourth = SlackRequests.messageEvent("DOVER", "UOVER", "answer 4", SlackRequests.newTs(), null, "im");
        assertThat(send(requests.eventRetry(url, "Ev-over-4", fourth, 1))).isEqualTo(200);
        await().atMost(WAIT).until(() -> handled.size() >= 4);
        assertThat(handled).containsExactly("answer 1", "answer 2", "answer 3", "answer 4");
    }

    @Test
    void aButtonPressIsRecordedBeforeItIsAcknowledgedAndOneWithNoRoomIsToldToPressAgain() throws Exception {
        start(ConversationExecutor.WaitingRoom.NONE);
        holdTheLane();
        assertThat(send(requests.blockAction(url, "UOVER", "DOVER", SlackRequests.newTs(), button("queued"), "v")))
                .isEqualTo(200);
        assertThat(inbox.pendingCount()).as("the press is in the inbox before it runs").isEqualTo(2);

        assertThat(send(requests.blockAction(url, "UOVER", "DOVER", SlackRequests.newTs(), button("refused"), "v")))
                .isEqualTo(200);
        // In a DM, a message for them alone is an ordinary post.
        var told = slack.awaitCall("chat.postMessage", c -> String.valueOf(c.args().get("text")).contains("swamped"), WAIT);
        assertThat(told.args().get("channel").asText()).isEqualTo("DOVER");

        release.countDown();
        await().atMost(WAIT).until(() -> !pressed.isEmpty());
        assertThat(pressed).containsExactly("queued@DOVER");
        assertThat(inbox.pendingCount()).isZero();
    }

    @Test
    void aPressOnTheAppHomeIsRecordedInThePersonsDmBeforeItIsAcknowledged() throws Exception {
        start(new ConversationExecutor.WaitingRoom(5, 10_000));
        holdTheLane();
        assertThat(send(requests.homeButton(url, "UOVER", button("home"), "v"))).isEqualTo(200);
        assertThat(inbox.pendingCount()).as("the press is in the inbox before it runs").isEqualTo(2);

        release.countDown();
        await().atMost(WAIT).until(() -> !pressed.isEmpty());
        assertThat(pressed).as("answered in the person's DM").containsExactly("home@DUOVER");
    }
}
