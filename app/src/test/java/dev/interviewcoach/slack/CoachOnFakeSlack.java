package dev.interviewcoach.slack;

import dev.interviewcoach.app.Coach;
import dev.interviewcoach.app.PlatformWaits;
import dev.interviewcoach.chat.ChatPorts;
import dev.interviewcoach.engine.ConversationExecutor;
import dev.interviewcoach.engine.DeliveryWorker;
import dev.interviewcoach.interview.MockInterviewFeature;
import dev.interviewcoach.question.BankCatalog;
import dev.interviewcoach.question.BankReader;
import dev.interviewcoach.question.QuestionBanks;
import dev.interviewcoach.store.Database;
import dev.interviewcoach.testkit.slack.FakeSlack;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Random;

/**
 * The coach as {@code coach run} wires it for Slack's HTTP mode, on the fake Slack: an SQLite file in
 * {@code dir}, the built-in banks, the adapter on a free loopback port, and the delivery worker
 * passing every 200 ms (a reply that waited behind another in its lane goes out on its next pass).
 */
final class CoachOnFakeSlack implements AutoCloseable {

    final FakeSlack slack;
    final Coach coach;
    final SlackAdapter adapter;
    /** Where Slack sends events, slash commands and interactions. */
    final URI url;
    private final ConversationExecutor executor;
    private final DeliveryWorker delivery;

    private CoachOnFakeSlack(FakeSlack slack, Coach coach, SlackAdapter adapter, ConversationExecutor executor,
                             DeliveryWorker delivery) {
        this.slack = slack;
        this.coach = coach;
        this.adapter = adapter;
        this.executor = executor;
        this.delivery = delivery;
        this.url = URI.create("http://127.0.0.1:" + adapter.httpPort() + "/slack/events");
    }

    /** Starts the fake and the coach on {@code clock}, signing with {@code secret}, choosing questions with {@code seed}. */
    static CoachOnFakeSlack start(Path dir, String secret, String token, Clock clock, long seed) throws Exception {
        FakeSlack slack = FakeSlack.start();
        Database db = Database.sqlite(dir.resolve("coach.db"));
        db.migrate();
        Coach coach = new Coach(db, BankCatalog.of(QuestionBanks.load(new BankReader(), Optional.empty())),
                Optional.empty(), new MockInterviewFeature.Settings("python-developer", 5, 20), clock, new Random(seed));
        ConversationExecutor executor = new ConversationExecutor(4, 64);
        SlackAdapter adapter = new SlackAdapter(new SlackSettings(token, Optional.of(secret), Optional.empty(),
                Optional.of(slack.methodsUrl()), "127.0.0.1", 0, "/slack/events"), coach.engine(), executor,
                Clock.systemUTC(), millis -> { });
        adapter.start();
        DeliveryWorker delivery = new DeliveryWorker(coach.engine(), ChatPorts.only(adapter.port()), Duration.ofSeconds(2))
                .start(Duration.ofMillis(200));
        return new CoachOnFakeSlack(slack, coach, adapter, executor, delivery);
    }

    @Override
    public void close() throws Exception {
        delivery.close();
        adapter.close();
        executor.close();
        coach.close();
        slack.close();
        PlatformWaits.noneInsideTransactions(coach);
    }
}
