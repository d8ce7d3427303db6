package dev.interviewcoach.bench;

import java.time.Duration;
import dev.interviewcoach.chat.ChatPorts;
import dev.interviewcoach.engine.DeliveryWorker;
import dev.interviewcoach.app.Coach;
import dev.interviewcoach.engine.CoachEngine;
import dev.interviewcoach.engine.ConversationExecutor;
import dev.interviewcoach.interview.MockInterviewFeature;
import dev.interviewcoach.question.BankCatalog;
import dev.interviewcoach.question.BankReader;
import dev.interviewcoach.question.QuestionBanks;
import dev.interviewcoach.slack.SlackAdapter;
import dev.interviewcoach.slack.SlackSettings;
import dev.interviewcoach.store.Database;
import dev.interviewcoach.testkit.slack.FakeSlack;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.Random;

/**
 * The real coach on Slack, in this process, wired as {@code SlackEndToEndTest} wires it: a SQLite file in a temp
 * folder, {@link Coach}, a {@link ConversationExecutor} and the real {@link SlackAdapter} (Bolt in our Jetty) on
 * loopback, with the Slack Web API pointed at a {@link FakeSlack}.
 */
final class CoachOnSlack implements SlackTarget {

    static final String BOT_TOKEN = "xoxb-bench";
    static final String SIGNING_SECRET = "bench-signing-secret";
    static final String PATH = "/slack/events";

    private final Path dir;
    private final Coach coach;
    private final ConversationExecutor executor;
    /** The delivery lanes, or null when each event's lane sends its replies. */
    private final ConversationExecutor deliveries;
    private final SlackAdapter adapter;
    private final DeliveryWorker delivery;
    private final URI url;
    private final StatementCounter statements = new StatementCounter();

    /**
     * @param lanes        engine lanes ({@code coach run} uses 8)
     * @param queuePerLane queued events per lane before the adapter turns work away ({@code coach run} uses 256)
     */
    CoachOnSlack(FakeSlack slack, int lanes, int queuePerLane) throws Exception {
        this(slack, lanes, queuePerLane, 32, false, null);
    }

    /**
     * As above; with {@code postgres} (a JDBC URL to an empty database, user and password "postgres") the coach runs in
     * PostgreSQL mode instead of on an SQLite file. {@code deliveryLanes}: threads that send the replies ({@code coach
     * run} uses 32); 0 leaves them to the lane that handled the event. {@code fullSync}: the SQLite file with
     * {@code synchronous=FULL}, as an operator asks for it in the URL.
     */
    CoachOnSlack(FakeSlack slack, int lanes, int queuePerLane, int deliveryLanes, boolean fullSync, String postgres)
            throws Exception {
        dir = Files.createTempDirectory("coach-bench-");
        Database db = postgres != null ? Database.open(postgres, "postgres", "postgres")
                : Database.open("jdbc:sqlite:" + dir.resolve("coach.db") + (fullSync ? "?synchronous=FULL" : ""), null, null);
        db.migrate();
        db.jdbi().setSqlLogger(statements);
        deliveries = deliveryLanes == 0 ? null : new ConversationExecutor("coach-send", deliveryLanes, queuePerLane);
        coach = new Coach(db, BankCatalog.of(QuestionBanks.load(new BankReader(), Optional.empty())), Optional.empty(),
                new MockInterviewFeature.Settings("python-developer", 5, 20), Clock.systemUTC(), new Random(3),
                deliveries == null ? CoachEngine.Lanes.callerRuns() : deliveries::submit);
        executor = new ConversationExecutor(lanes, queuePerLane);
        adapter = new SlackAdapter(new SlackSettings(BOT_TOKEN, Optional.of(SIGNING_SECRET), Optional.empty(),
                Optional.of(slack.methodsUrl()), "127.0.0.1", 0, PATH), coach.engine(), executor, Clock.systemUTC(),
                Thread::sleep);
        adapter.start();
        // As coach run has it: a reply that waited behind another in its lane goes out on the worker's pass,
        // and events left waiting go to the lanes.
        delivery = new DeliveryWorker(coach.engine(), ChatPorts.only(adapter.port()), Duration.ofSeconds(2),
                executor::submit).start(Duration.ofSeconds(1));
        url = URI.create("http://127.0.0.1:" + adapter.httpPort() + PATH);
    }

    @Override
    public String name() {
        return "coach";
    }

    @Override
    public URI url() {
        return url;
    }

    @Override
    public boolean replies() {
        return true;
    }

    Coach coach() {
        return coach;
    }

    /** The SQL statements the coach has run since the counter was last reset. */
    StatementCounter statements() {
        return statements;
    }

    /** Engine work, and replies handed to the delivery lanes, queued or running. */
    int pending() {
        return executor.pending() + (deliveries == null ? 0 : deliveries.pending());
    }

    @Override
    public void close() {
        try {
            delivery.close();
            adapter.close();
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new IllegalStateException("the Slack adapter did not stop cleanly", e);
        } finally {
            executor.close();
            if (deliveries != null) {
                deliveries.close(); // after the lanes, which hand replies to it as they finish
            }
            coach.close();
            SlackLoadBenchmark.deleteTree(dir);
        }
    }
}
