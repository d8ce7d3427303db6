package dev.interviewcoach.discord;

import dev.interviewcoach.app.Coach;
import dev.interviewcoach.app.PlatformWaits;
import dev.interviewcoach.chat.ChatPorts;
import dev.interviewcoach.engine.ConversationExecutor;
import dev.interviewcoach.engine.PlaceQueues;
import dev.interviewcoach.engine.DeliveryWorker;
import dev.interviewcoach.interview.MockInterviewFeature;
import dev.interviewcoach.question.BankCatalog;
import dev.interviewcoach.question.BankReader;
import dev.interviewcoach.question.QuestionBanks;
import dev.interviewcoach.store.Database;
import dev.interviewcoach.testkit.discord.FakeDiscord;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Random;

/** The whole coach on SQLite, with the real JDA adapter connected to a fake Discord; closes all it opened. */
final class CoachOnFakeDiscord implements AutoCloseable {

    final FakeDiscord discord;
    final Coach coach;
    final ConversationExecutor executor = new ConversationExecutor(4, 64);
    /** Sends the replies off the event's lane, as coach run does. */
    final PlaceQueues deliveries;
    final DiscordAdapter adapter;
    private DeliveryWorker delivery;

    private CoachOnFakeDiscord(FakeDiscord discord, Coach coach, PlaceQueues deliveries) {
        this.deliveries = deliveries;
        this.discord = discord;
        this.coach = coach;
        this.adapter = newAdapter();
    }

    private DiscordAdapter newAdapter() {
        return new DiscordAdapter(new DiscordSettings("fake-token", Optional.of(FakeDiscord.GUILD_ID), 1,
                Optional.of(discord.restUrl()), Optional.of(discord.gatewayUrl()), DiscordSettings.MessageContent.AUTO),
                coach.engine(), executor, coach::suggestions, Clock.systemUTC());
    }

    /**
     * Stops the adapter and connects a new one to the same coach, as a restarted process would: its JDA has seen
     * nothing yet (no DM channel, no cached message). The caller closes it.
     */
    DiscordAdapter restartAdapter() throws InterruptedException {
        adapter.close();
        DiscordAdapter restarted = newAdapter();
        restarted.start();
        return restarted;
    }

    /** Starts a fake Discord (with or without the Message Content intent), the coach in {@code dir}, and connects them. */
    static CoachOnFakeDiscord start(Path dir, boolean messageContent, long seed) throws InterruptedException {
        return start(dir, messageContent, seed, Duration.ZERO);
    }

    /** As above; with {@code joinWithin}, a message that soon after an answer is the rest of it, as in production. */
    static CoachOnFakeDiscord start(Path dir, boolean messageContent, long seed, Duration joinWithin)
            throws InterruptedException {
        FakeDiscord discord = FakeDiscord.start().messageContentIntent(messageContent);
        Database db = Database.sqlite(dir.resolve("coach.db"));
        db.migrate();
        PlaceQueues deliveries = new PlaceQueues("coach-send", 4, 256);
        Coach coach = new Coach(db, BankCatalog.of(QuestionBanks.load(new BankReader(), Optional.empty())), Optional.empty(),
                new MockInterviewFeature.Settings("python-developer", 5, 20, false, joinWithin), Clock.systemUTC(),
                new Random(seed), deliveries::submit);
        CoachOnFakeDiscord running = new CoachOnFakeDiscord(discord, coach, deliveries);
        running.adapter.start();
        // As coach run has it: a reply that waited behind another in its lane goes out on the worker's next pass.
        running.delivery = new DeliveryWorker(coach.engine(), ChatPorts.only(running.adapter.port()), Duration.ofSeconds(2))
                .start(Duration.ofMillis(200));
        return running;
    }

    @Override
    public void close() {
        if (delivery != null) {
            delivery.close();
        }
        executor.close();
        deliveries.close();
        adapter.close();
        coach.close();
        discord.close();
        PlatformWaits.noneInsideTransactions(coach);
    }
}
