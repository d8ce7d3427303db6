package dev.interviewcoach.bench;

import java.time.Duration;
import dev.interviewcoach.chat.ChatPorts;
import dev.interviewcoach.engine.DeliveryWorker;
import dev.interviewcoach.app.Coach;
import dev.interviewcoach.discord.DiscordAdapter;
import dev.interviewcoach.discord.DiscordSettings;
import dev.interviewcoach.engine.CoachEngine;
import dev.interviewcoach.interview.MockInterviewFeature;
import dev.interviewcoach.question.BankCatalog;
import dev.interviewcoach.question.BankReader;
import dev.interviewcoach.question.QuestionBanks;
import dev.interviewcoach.store.Database;
import dev.interviewcoach.testkit.discord.FakeDiscord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.Random;

/**
 * The real coach on Discord, in this process, wired as the app's {@code CoachOnFakeDiscord} wires it: a SQLite file
 * in a temp folder, {@link Coach}, its event lanes ({@link EventLanes}) and the real {@link DiscordAdapter} (JDA, one
 * shard) connected to a {@link FakeDiscord} that grants the Message Content intent, so answers are typed.
 */
final class CoachOnDiscord implements DiscordTarget {

    private final Path dir;
    private final Coach coach;
    private final EventLanes.Opened executor;
    /** What sends the replies. */
    private final Sending.Senders deliveries;
    private final DiscordAdapter adapter;
    private final DeliveryWorker delivery;

    /**
     * {@code sending}: how the replies are sent (see {@link Sending}); {@code postgres}: a JDBC URL to an empty
     * database (user and password "postgres") for PostgreSQL mode, or null for an SQLite file.
     */
    CoachOnDiscord(FakeDiscord discord, EventLanes lanes, int queuePerLane, Sending sending, String postgres)
            throws Exception {
        dir = Files.createTempDirectory("coach-bench-discord-");
        Database db = postgres != null ? Database.open(postgres, "postgres", "postgres")
                : Database.sqlite(dir.resolve("coach.db"));
        db.migrate();
        deliveries = sending.open(queuePerLane);
        coach = new Coach(db, BankCatalog.of(QuestionBanks.load(new BankReader(), Optional.empty())), Optional.empty(),
                new MockInterviewFeature.Settings("python-developer", 5, 20), Clock.systemUTC(), new Random(3),
                deliveries.lanes());
        executor = lanes.open(queuePerLane, db);
        adapter = new DiscordAdapter(new DiscordSettings("fake-token", Optional.of(FakeDiscord.GUILD_ID), 1,
                Optional.of(discord.restUrl()), Optional.of(discord.gatewayUrl()), DiscordSettings.MessageContent.AUTO),
                coach.engine(), executor.lanes(), coach::suggestions, Clock.systemUTC());
        adapter.start();
        // As coach run has it: a reply that waited behind another in its lane goes out on the worker's pass,
        // and events left waiting go to the lanes.
        delivery = new DeliveryWorker(coach.engine(), ChatPorts.only(adapter.port()), Duration.ofSeconds(2),
                executor.lanes()).start(Duration.ofSeconds(1));
    }

    @Override
    public String name() {
        return "coach";
    }

    @Override
    public boolean replies() {
        return true;
    }

    /** Engine work, and replies handed to the delivery lanes, queued or running. */
    int pending() {
        return executor.pending().getAsInt() + deliveries.pending().getAsInt();
    }

    @Override
    public void close() {
        try {
            executor.close();
            deliveries.close(); // after the lanes, which hand replies to it as they finish
            delivery.close();
            adapter.close();
        } finally {
            coach.close();
            SlackLoadBenchmark.deleteTree(dir);
        }
    }
}
