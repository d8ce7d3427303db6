package dev.interviewcoach.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.interviewcoach.chat.Platform;
import dev.interviewcoach.chat.UserRef;
import dev.interviewcoach.chat.ChatPorts;
import dev.interviewcoach.engine.ConversationExecutor;
import dev.interviewcoach.engine.PlaceQueues;
import dev.interviewcoach.engine.DeliveryWorker;
import dev.interviewcoach.interview.AnswerRecord;
import dev.interviewcoach.interview.MockInterviewFeature;
import dev.interviewcoach.interview.MockSession;
import dev.interviewcoach.question.BankCatalog;
import dev.interviewcoach.question.BankReader;
import dev.interviewcoach.question.QuestionBanks;
import dev.interviewcoach.slack.SlackAdapter;
import dev.interviewcoach.slack.SlackSettings;
import dev.interviewcoach.store.Database;
import dev.interviewcoach.testkit.SharedPostgres;
import dev.interviewcoach.testkit.slack.ApiCall;
import dev.interviewcoach.testkit.slack.FakeSlack;
import dev.interviewcoach.testkit.slack.SlackRequests;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two coach instances on one PostgreSQL, each with its own Slack HTTP server, as two {@code coach
 * run} processes behind a load balancer would be. One interview's answers arrive at both at once:
 * a redelivered event is applied once, and answers sent together are each applied once, to
 * consecutive questions, with one feedback each.
 */
class TwoInstancesOnPostgresTest {

    private static final String SECRET = "pg-secret";
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String ANSWER = "I would measure first with a profiler, then fix the slowest query, add an"
            + " index and compare p95 before and after; in one service this took a page from 900 ms to 120 ms.";

    private static FakeSlack slack;
    private static Instance one;
    private static Instance two;
    private final HttpClient http = HttpClient.newHttpClient();
    private final SlackRequests requests = new SlackRequests(SECRET);

    /** One running coach: its own pool on the shared database, its own Slack HTTP server. */
    private static final class Instance implements AutoCloseable {
        final Coach coach;
        final ConversationExecutor executor = new ConversationExecutor(4, 64);
        /** Sends the replies off the event's lane, as coach run does. */
        final PlaceQueues deliveries = new PlaceQueues("coach-send", 4, 256);
        final SlackAdapter adapter;
        final DeliveryWorker delivery;
        final URI url;

        Instance(String jdbcUrl, long seed) throws Exception {
            Database db = Database.open(jdbcUrl, "postgres", "postgres");
            db.migrate();
            coach = new Coach(db, BankCatalog.of(QuestionBanks.load(new BankReader(), Optional.empty())), Optional.empty(),
                    new MockInterviewFeature.Settings("python-developer", 5, 20), Clock.systemUTC(), new Random(seed),
                    deliveries::submit);
            adapter = new SlackAdapter(new SlackSettings("xoxb-pg", Optional.of(SECRET), Optional.empty(),
                    Optional.of(slack.methodsUrl()), "127.0.0.1", 0, "/slack/events"), coach.engine(), executor,
                    Clock.systemUTC(), millis -> { });
            adapter.start();
            // As coach run has it: replies that stopped behind the other instance's follow it within moments, and the
            // worker's pass every second sends whatever is left.
            delivery = new DeliveryWorker(coach.engine(), ChatPorts.only(adapter.port()), Duration.ofSeconds(2),
                    executor::submit).start(Duration.ofSeconds(1));
            url = URI.create("http://127.0.0.1:" + adapter.httpPort() + "/slack/events");
        }

        @Override
        public void close() throws Exception {
            delivery.close();
            adapter.close();
            executor.close();
            deliveries.close();
            coach.close();
        }
    }

    @BeforeAll
    static void start() throws Exception {
        slack = FakeSlack.start();
        String url = SharedPostgres.newDatabase();
        one = new Instance(url, 1);
        two = new Instance(url, 2);
    }

    @AfterAll
    static void stop() throws Exception {
        for (AutoCloseable c : new AutoCloseable[] {one, two, slack}) {
            if (c != null) {
                c.close();
            }
        }
    }

    /** Sends each request to its instance at the same moment. */
    private void together(HttpRequest first, HttpRequest second) throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        List<CompletableFuture<HttpResponse<String>>> sent = List.of(first, second).stream()
                .map(r -> CompletableFuture.supplyAsync(() -> {
                    try {
                        go.await();
                        return http.send(r, HttpResponse.BodyHandlers.ofString());
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                })).toList();
        go.countDown();
        for (CompletableFuture<HttpResponse<String>> s : sent) {
            assertThat(s.get().statusCode()).isEqualTo(200);
        }
    }

    /** The paragraphs of a message's text: one message carries the feedback and then the next question. */
    private static List<String> parts(ApiCall call) {
        return call.arg("text") == null ? List.of() : List.of(call.arg("text").split("\n\n"));
    }

    /** Messages in {@code channel} with a paragraph that starts with {@code textStart}. */
    private long count(String channel, String textStart) {
        return slack.calls("chat.postMessage").stream().filter(c -> channel.equals(c.arg("channel"))
                && parts(c).stream().anyMatch(p -> p.startsWith(textStart))).count();
    }

    private void awaitCount(String channel, String textStart, long expected) {
        await().atMost(WAIT).until(() -> count(channel, textStart) >= expected);
        // and it stays so for a while: room for a duplicate to show up, if there were one
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2))
                .until(() -> count(channel, textStart) == expected);
        assertThat(count(channel, textStart)).as("\"%s...\" in %s", textStart, channel).isEqualTo(expected);
    }

    @Test
    void aRedeliveredAnswerReachingBothInstancesAtOnceIsAppliedOnce() throws Exception {
        String dm = "DPGONE";
        String user = "UPGONE";
        http.send(requests.event(one.url, "Ev-pg-start", SlackRequests.messageEvent(dm, user, "mock python 3",
                SlackRequests.newTs(), null, "im")), HttpResponse.BodyHandlers.ofString());
        awaitCount(dm, "Question 1 of 3", 1);
        for (int i = 1; i <= 3; i++) {
            var event = SlackRequests.messageEvent(dm, user, "Answer " + i + ": " + ANSWER, SlackRequests.newTs(), null, "im");
            together(requests.event(one.url, "Ev-pg-" + i, event), requests.event(two.url, "Ev-pg-" + i, event));
            awaitCount(dm, "Score ", i);
        }
        awaitCount(dm, "Scorecard", 1);
        MockSession session = one.coach.sessions().recentFor(new UserRef(Platform.SLACK, FakeSlack.TEAM_ID, user), 1)
                .getFirst();
        List<AnswerRecord> answers = one.coach.sessions().answers(session.id());
        assertThat(answers).extracting(AnswerRecord::position).containsExactly(0, 1, 2);
        assertThat(answers).extracting(AnswerRecord::answerText).allSatisfy(t -> assertThat(t).startsWith("Answer "))
                .extracting(t -> t.substring(0, 8)).containsExactly("Answer 1", "Answer 2", "Answer 3");
    }

    @Test
    void twoAnswersSentTogetherToDifferentInstancesAreEachAppliedOnceToConsecutiveQuestions() throws Exception {
        String dm = "DPGTWO";
        String user = "UPGTWO";
        http.send(requests.event(two.url, "Ev-pg2-start", SlackRequests.messageEvent(dm, user, "mock python 4",
                SlackRequests.newTs(), null, "im")), HttpResponse.BodyHandlers.ofString());
        awaitCount(dm, "Question 1 of 4", 1);
        for (int round = 0; round < 2; round++) {
            together(requests.event(one.url, "Ev-pg2-a" + round, SlackRequests.messageEvent(dm, user,
                            "First of round " + round + ": " + ANSWER, SlackRequests.newTs(), null, "im")),
                    requests.event(two.url, "Ev-pg2-b" + round, SlackRequests.messageEvent(dm, user,
                            "Second of round " + round + ": " + ANSWER, SlackRequests.newTs(), null, "im")));
            awaitCount(dm, "Score ", 2L * (round + 1));
        }
        awaitCount(dm, "Scorecard", 1);
        MockSession session = two.coach.sessions().recentFor(new UserRef(Platform.SLACK, FakeSlack.TEAM_ID, user), 1)
                .getFirst();
        List<AnswerRecord> answers = two.coach.sessions().answers(session.id());
        assertThat(answers).extracting(AnswerRecord::position).containsExactly(0, 1, 2, 3);
        assertThat(answers).extracting(a -> a.answerText().substring(0, a.answerText().indexOf(':')))
                .containsExactlyInAnyOrder("First of round 0", "Second of round 0", "First of round 1", "Second of round 1");
        List<String> questions = slack.calls("chat.postMessage").stream().filter(c -> dm.equals(c.arg("channel")))
                .flatMap(c -> parts(c).stream()).filter(p -> p.startsWith("Question ")).toList();
        assertThat(questions).extracting(q -> q.substring(0, "Question 1 of 4".length()))
                .containsExactly("Question 1 of 4", "Question 2 of 4", "Question 3 of 4", "Question 4 of 4");
    }
    @Test
    void answersAlternatingBetweenInstancesWhileSlackIsSlowGetEachReplyOnceAndInOrder() throws Exception {
        String dm = "DPGALT";
        String user = "UPGALT";
        // Each answer is sent as soon as the question reaches Slack, to the other instance, while the instance that
        // posted the question still waits for Slack's answer and holds that reply: the answer's reply queues behind it.
        slack.answerAfter(Duration.ofMillis(300));
        try {
            http.send(requests.event(one.url, "Ev-pg3-start", SlackRequests.messageEvent(dm, user, "mock python 3",
                    SlackRequests.newTs(), null, "im")), HttpResponse.BodyHandlers.ofString());
            for (int i = 1; i <= 3; i++) {
                String question = "Question " + i + " of 3";
                await().atMost(WAIT).until(() -> count(dm, question) >= 1);
                Instance to = i % 2 == 1 ? two : one;
                HttpResponse<String> acked = http.send(requests.event(to.url, "Ev-pg3-" + i, SlackRequests.messageEvent(dm,
                        user, "Answer " + i + ": " + ANSWER, SlackRequests.newTs(), null, "im")),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(acked.statusCode()).isEqualTo(200);
            }
            awaitCount(dm, "Scorecard", 1);
        } finally {
            slack.answerAfter(Duration.ZERO);
        }
        awaitCount(dm, "Score ", 3);
        List<String> turns = slack.calls("chat.postMessage").stream().filter(c -> dm.equals(c.arg("channel")))
                .flatMap(c -> parts(c).stream())
                .filter(p -> p.startsWith("Question ") || p.startsWith("Score ") || p.startsWith("Scorecard"))
                .map(p -> p.startsWith("Question ") ? p.substring(0, "Question 1 of 3".length())
                        : p.startsWith("Scorecard") ? "Scorecard" : "Score")
                .toList();
        assertThat(turns).as("each reply once, in order").containsExactly("Question 1 of 3", "Score", "Question 2 of 3",
                "Score", "Question 3 of 3", "Score", "Scorecard");
    }
}
