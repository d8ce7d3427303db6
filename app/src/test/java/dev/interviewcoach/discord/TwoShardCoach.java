package dev.interviewcoach.discord;

import dev.interviewcoach.app.Coach;
import dev.interviewcoach.engine.ConversationExecutor;
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

/** The coach on SQLite with an adapter running both shards of a two-shard bot against a fake Discord, no leases. */
record TwoShardCoach(Coach coach, ConversationExecutor executor, DiscordAdapter adapter) implements AutoCloseable {

    /** Not started: the caller sets what it tests (a stall check) and starts it. */
    static TwoShardCoach on(FakeDiscord discord, Path dir, Duration identifySpacing) {
        Database db = Database.sqlite(dir.resolve("coach.db"));
        db.migrate();
        Coach coach = new Coach(db, BankCatalog.of(QuestionBanks.load(new BankReader(), Optional.empty())),
                Optional.empty(), new MockInterviewFeature.Settings("python-developer", 5, 20), Clock.systemUTC(),
                new Random(1));
        ConversationExecutor executor = new ConversationExecutor(2, 16);
        DiscordAdapter adapter = new DiscordAdapter(new DiscordSettings("fake-token", Optional.of(FakeDiscord.GUILD_ID), 2,
                Optional.of(discord.restUrl()), Optional.of(discord.gatewayUrl()), DiscordSettings.MessageContent.OFF)
                .withIdentifySpacing(identifySpacing), coach.engine(), executor, coach::suggestions, Clock.systemUTC());
        return new TwoShardCoach(coach, executor, adapter);
    }

    @Override
    public void close() {
        adapter.close();
        executor.close();
        coach.close();
    }
}
