package dev.interviewcoach.bench;

import java.time.Duration;
import dev.interviewcoach.chat.ChatPorts;
import dev.interviewcoach.engine.DeliveryWorker;
import dev.interviewcoach.app.Coach;
import dev.interviewcoach.engine.CoachEngine;
import dev.interviewcoach.interview.MockInterviewFeature;
import dev.interviewcoach.question.BankCatalog;
import dev.interviewcoach.question.BankReader;
import dev.interviewcoach.question.QuestionBanks;
import dev.interviewcoach.slack.SlackAdapter;
import dev.interviewcoach.slack.SlackSettings;
import dev.interviewcoach.store.Database;
import dev.interviewcoach.store.WriteTurn;
import dev.interviewcoach.testkit.slack.FakeSlack;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * The real coach on Slack, in this process, wired as {@code SlackEndToEndTest} wires it: a SQLite file in a temp
 * folder, {@link Coach}, its event lanes ({@link EventLanes}) and the real {@link SlackAdapter} (Bolt in our Jetty) on
 * loopback, with the Slack Web API pointed at a {@link FakeSlack}.
 */
final class CoachOnSlack implements SlackTarget {

    static final String BOT_TOKEN = "xoxb-bench";
    static final String SIGNING_SECRET = "bench-signing-secret";
    static final String PATH = "/slack/events";

    private final Path dir;
    private final List<Instance> instances = new ArrayList<>();
    private final StatementCounter statements = new StatementCounter();

    /** One instance of the coach: its database pool, engine, lanes, Slack endpoint and background worker. */
    private record Instance(Coach coach, EventLanes.Opened executor, Sending.Senders deliveries,
                            SlackAdapter adapter, DeliveryWorker delivery, URI url) {

        int pending() {
            return executor.pending().getAsInt() + deliveries.pending().getAsInt();
        }

        void close() {
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
                deliveries.close(); // after the lanes, which hand replies to it as they finish
                coach.close();
            }
        }
    }

    /**
     * @param lanes        engine lanes ({@code coach run} uses 8)
     * @param queuePerLane queued events per lane before the adapter turns work away ({@code coach run} uses 256)
     */
    CoachOnSlack(FakeSlack slack, int lanes, int queuePerLane) throws Exception {
        this(slack, new EventLanes(lanes, false), queuePerLane, Sending.DEFAULT, false, null, 1);
    }

    /**
     * As above; with {@code postgres} (a JDBC URL to an empty database, user and password "postgres") the coach runs in
     * PostgreSQL mode instead of on an SQLite file, as {@code instances} instances on that one database, each with its
     * own Slack request URL (a load balancer in front of them spreads events over them). {@code sending}: how replies are
     * sent (see {@link Sending}); {@code events}: how events are run (see {@link EventLanes}).
     * {@code fullSync}: the SQLite file with {@code synchronous=FULL}, as an operator asks for it in the URL.
     */
    CoachOnSlack(FakeSlack slack, EventLanes lanes, int queuePerLane, Sending sending, boolean fullSync, String postgres,
                 int instances) throws Exception {
        if (instances > 1 && postgres == null) {
            throw new IllegalArgumentException("several instances share a PostgreSQL database: add --database=postgres");
        }
        dir = Files.createTempDirectory("coach-bench-");
        try {
            for (int i = 0; i < instances; i++) {
                this.instances.add(instance(slack, lanes, queuePerLane, sending, fullSync, postgres, i));
            }
        } catch (Exception | Error e) {
            close();
            throw e;
        }
    }

    private Instance instance(FakeSlack slack, EventLanes lanes, int queuePerLane, Sending sending, boolean fullSync,
                              String postgres, int index) throws Exception {
        Database db = postgres != null ? Database.open(postgres, "postgres", "postgres")
                : Database.open("jdbc:sqlite:" + dir.resolve("coach.db") + (fullSync ? "?synchronous=FULL" : ""), null, null);
        db.migrate();
        db.jdbi().setSqlLogger(statements);
        Sending.Senders deliveries = sending.open(queuePerLane);
        Coach coach = new Coach(db, BankCatalog.of(QuestionBanks.load(new BankReader(), Optional.empty())), Optional.empty(),
                new MockInterviewFeature.Settings("python-developer", 5, 20), Clock.systemUTC(),
                // Seeded for repeatable runs, and apart per instance: the interviews' ids come from it too
                new Random(3 + index),
                deliveries.lanes());
        EventLanes.Opened executor = lanes.open(queuePerLane, db);
        SlackAdapter adapter = new SlackAdapter(new SlackSettings(BOT_TOKEN, Optional.of(SIGNING_SECRET), Optional.empty(),
                Optional.of(slack.methodsUrl()), "127.0.0.1", 0, PATH), coach.engine(), executor.lanes(), Clock.systemUTC(),
                Thread::sleep);
        adapter.start();
        // As coach run has it: a reply that waited behind another in its lane goes out on the worker's pass,
        // and events left waiting go to the lanes.
        DeliveryWorker delivery = new DeliveryWorker(coach.engine(), ChatPorts.only(adapter.port()), Duration.ofSeconds(2),
                executor.lanes()).start(Duration.ofSeconds(1));
        return new Instance(coach, executor, deliveries, adapter, delivery,
                URI.create("http://127.0.0.1:" + adapter.httpPort() + PATH));
    }

    @Override
    public String name() {
        return "coach";
    }

    @Override
    public URI url() {
        return instances.getFirst().url();
    }

    /** Events go to the instances in turn, as a load balancer in front of them would send them. */
    @Override
    public URI url(long send) {
        return instances.get((int) Math.floorMod(send, (long) instances.size())).url();
    }

    /** How many instances of the coach share the database. */
    int instances() {
        return instances.size();
    }

    @Override
    public boolean replies() {
        return true;
    }

    /** The first instance's coach (the only one, unless several were asked for). */
    Coach coach() {
        return instances.getFirst().coach();
    }

    /** On SQLite, the turn the coach's writers take for the file's one writer; empty on PostgreSQL. */
    Optional<WriteTurn> writeTurn() {
        return coach().database().writeTurn();
    }

    /** The SQL statements the coach has run since the counter was last reset. */
    StatementCounter statements() {
        return statements;
    }

    /** Engine work, and replies handed to the delivery lanes, queued or running, in every instance. */
    int pending() {
        return instances.stream().mapToInt(Instance::pending).sum();
    }

    @Override
    public void close() {
        try {
            for (Instance instance : instances.reversed()) {
                instance.close();
            }
        } finally {
            SlackLoadBenchmark.deleteTree(dir);
        }
    }
}
