package dev.interviewcoach.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.interviewcoach.app.Coach;
import dev.interviewcoach.app.PlatformWaits;
import dev.interviewcoach.chat.ChatPorts;
import dev.interviewcoach.engine.ConversationExecutor;
import dev.interviewcoach.engine.PlaceQueues;
import dev.interviewcoach.engine.DeliveryWorker;
import dev.interviewcoach.interview.MockInterviewFeature;
import dev.interviewcoach.interview.MockSession;
import dev.interviewcoach.question.BankCatalog;
import dev.interviewcoach.question.BankReader;
import dev.interviewcoach.question.QuestionBanks;
import dev.interviewcoach.store.Database;
import dev.interviewcoach.testkit.slack.ApiCall;
import dev.interviewcoach.testkit.slack.FakeSlack;
import dev.interviewcoach.testkit.slack.SlackRequests;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole coach on Slack, for {@link SlackEndToEndTest} and {@link SlackLogsEndToEndTest}: the real
 * Bolt app in our Jetty, signed requests over real HTTP, and the real Slack client talking to a fake
 * Slack on loopback; a coach of its own, on a database of its own, for every test.
 */
abstract class SlackEndToEndFixture {

    static final String SECRET = "test-signing-secret";
    static final Duration WAIT = Duration.ofSeconds(10);
    static final String TEAM = FakeSlack.TEAM_ID;
    static final String ANA = "UANA";
    static final String BEN = "UBEN";
    /** How the message with an interview's first question begins. */
    static final String HOW_TO = "Answer each question as you would out loud.";

    @TempDir
    Path dir;

    FakeSlack slack;
    Running bot;
    final HttpClient http = HttpClient.newHttpClient();
    final SlackRequests requests = new SlackRequests(SECRET);
    final List<Long> waits = new CopyOnWriteArrayList<>();

    /** One running coach: database, engine, Slack adapter over HTTP. */
    final class Running implements AutoCloseable {
        final Coach coach;
        final ConversationExecutor executor = new ConversationExecutor(4, 64);
        /** Sends the replies off the event's lane, as coach run does. */
        final PlaceQueues deliveries = new PlaceQueues("coach-send", 4, 256);
        final SlackAdapter adapter;
        final DeliveryWorker delivery;
        final URI url;

        Running(Optional<String> appToken) throws Exception {
            this(appToken, Duration.ZERO);
        }

        /** With {@code joinWithin}, a message that soon after an answer is the rest of it, as in production. */
        Running(Optional<String> appToken, Duration joinWithin) throws Exception {
            Database db = Database.sqlite(dir.resolve("coach.db"));
            db.migrate();
            coach = new Coach(db, BankCatalog.of(QuestionBanks.load(new BankReader(), Optional.empty())), Optional.empty(),
                    new MockInterviewFeature.Settings("python-developer", 5, 20, false, joinWithin), Clock.systemUTC(),
                    new Random(3), deliveries::submit);
            adapter = new SlackAdapter(new SlackSettings("xoxb-test", Optional.of(SECRET), appToken,
                    Optional.of(slack.methodsUrl()), "127.0.0.1", 0, "/slack/events"), coach.engine(), executor,
                    Clock.systemUTC(), waits::add);
            adapter.start();
            delivery = new DeliveryWorker(coach.engine(), ChatPorts.only(adapter.port()), Duration.ofSeconds(2))
                    .start(Duration.ofMillis(200));
            url = URI.create("http://127.0.0.1:" + adapter.httpPort() + "/slack/events");
        }

        @Override
        public void close() throws Exception {
            delivery.close();
            adapter.close();
            executor.close();
            deliveries.close();
            coach.close();
            PlatformWaits.noneInsideTransactions(coach);
        }
    }

    @BeforeEach
    void start() throws Exception {
        slack = FakeSlack.start();
        bot = new Running(Optional.empty());
    }

    @AfterEach
    void stop() throws Exception {
        if (bot != null) {
            bot.close();
        }
        slack.close();
    }

    static void awaitCount(java.util.function.LongSupplier count, long expected) {
        await().atMost(WAIT).until(() -> count.getAsLong() >= expected);
        assertThat(count.getAsLong()).isEqualTo(expected);
    }

    /** Nothing is posted for a while after a refused request: the refusal did no work in the background. */
    void nothingPosted() {
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2))
                .until(() -> slack.calls("chat.postMessage").isEmpty());
    }

    HttpResponse<String> send(HttpRequest request) throws Exception {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /**
     * The message posted in {@code channel} (in thread {@code threadTs}, when given) whose text starts with
     * {@code first} and then holds each of {@code then} in order, each opening a paragraph of its own: one
     * message that carries, say, the feedback and then the next question.
     */
    ApiCall posted(String channel, String threadTs, String first, String... then) {
        return slack.awaitCall("chat.postMessage", c -> channel.equals(c.arg("channel"))
                && (threadTs == null || threadTs.equals(c.arg("thread_ts")))
                && inOrder(c.arg("text"), first, then), WAIT);
    }

    /** Whether {@code text} starts with {@code first} and has each of {@code then}, in order, at a paragraph's start. */
    static boolean inOrder(String text, String first, String... then) {
        if (text == null || !text.startsWith(first)) {
            return false;
        }
        int at = first.length();
        for (String part : then) {
            int found = text.indexOf("\n\n" + part, at);
            if (found < 0) {
                return false;
            }
            at = found + 2 + part.length();
        }
        return true;
    }

    /** Where {@code piece} first appears in a call's blocks (JSON text), failing when it is not there. */
    static int at(ApiCall call, String piece) {
        int found = call.arg("blocks").indexOf(piece);
        assertThat(found).as("%s in the blocks", piece).isNotNegative();
        return found;
    }

    /** Starts an interview from channel C1 and returns the thread it runs in. */
    String startInChannel(String user, int questions) throws Exception {
        HttpResponse<String> ack = send(requests.slashCommand(bot.url, TEAM, "C1", user, "mock python " + questions));
        assertThat(ack.statusCode()).isEqualTo(200);
        ApiCall opening = posted("C1", null, "Mock interview");
        String threadTs = slack.answeredTs(opening);
        assertThat(threadTs).as("Slack's id for the opening message").isNotNull();
        ApiCall first = posted("C1", null, HOW_TO, "Question 1 of " + questions);
        assertThat(first.arg("thread_ts")).as("the first question is in the thread under the opening")
                .isEqualTo(threadTs);
        return threadTs;
    }

    MockSession session(String user) {
        return bot.coach.sessions().activeFor(new dev.interviewcoach.chat.UserRef(dev.interviewcoach.chat.Platform.SLACK,
                TEAM, user)).orElseThrow();
    }

    void answer(String channel, String thread, String user, String text, String channelType) throws Exception {
        send(requests.event(bot.url, "Ev-" + SlackRequests.newTs(), SlackRequests.messageEvent(channel, user, text,
                SlackRequests.newTs(), thread, channelType)));
    }

    /** How many Web API calls the fake has seen, once no more have come for a while. */
    int settledCalls() {
        int[] seen = {-1};
        await().atMost(WAIT).pollInterval(Duration.ofMillis(100)).until(() -> {
            int now = slack.calls().size();
            boolean still = now == seen[0];
            seen[0] = now;
            return still;
        });
        await().during(Duration.ofMillis(300)).atMost(WAIT).until(() -> slack.calls().size() == seen[0]);
        return seen[0];
    }

    /** Log lines written while {@code work} runs, at WARN and above. */
    static List<String> warningsDuring(ThrowingRunnable work) throws Exception {
        ch.qos.logback.classic.Logger root = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(
                org.slf4j.Logger.ROOT_LOGGER_NAME);
        List<String> lines = new CopyOnWriteArrayList<>();
        ch.qos.logback.core.AppenderBase<ch.qos.logback.classic.spi.ILoggingEvent> capture = new ch.qos.logback.core.AppenderBase<>() {
            @Override
            protected void append(ch.qos.logback.classic.spi.ILoggingEvent e) {
                if (e.getLevel().isGreaterOrEqual(ch.qos.logback.classic.Level.WARN)) {
                    lines.add(e.getLoggerName() + " " + e.getFormattedMessage());
                }
            }
        };
        capture.start();
        root.addAppender(capture);
        try {
            work.run();
        } finally {
            root.detachAppender(capture);
        }
        return lines;
    }

    @FunctionalInterface
    interface ThrowingRunnable {
        void run() throws Exception;
    }

    /** The gate's logger, by name: the class is the adapter's own. */
    static final class SlackRequestGateName {
        static final String NAME = "dev.interviewcoach.slack.SlackRequestGate";
    }

    /** A click on a button of the App Home: it has a view, not a channel. */
    HttpRequest homeButton(String user, String actionId) {
        return requests.homeButton(bot.url, user, actionId, "mock");
    }
}
