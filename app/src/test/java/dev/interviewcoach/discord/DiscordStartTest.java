package dev.interviewcoach.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.interviewcoach.app.Coach;
import dev.interviewcoach.engine.ConversationExecutor;
import dev.interviewcoach.interview.MockInterviewFeature;
import dev.interviewcoach.question.BankCatalog;
import dev.interviewcoach.question.BankReader;
import dev.interviewcoach.question.QuestionBanks;
import dev.interviewcoach.store.Database;
import dev.interviewcoach.testkit.discord.FakeDiscord;
import dev.interviewcoach.testkit.discord.RestCall;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How the Discord adapter starts against settings as operators write them, on the fake Discord. */
class DiscordStartTest {

    @TempDir
    Path dir;

    /** Starts the coach's adapter with the REST and gateway URLs given; returns it started. */
    private DiscordAdapter start(FakeDiscord discord, String restUrl, ConversationExecutor executor, Coach coach)
            throws InterruptedException {
        return start(discord, restUrl, executor, coach, 1);
    }

    private DiscordAdapter start(FakeDiscord discord, String restUrl, ConversationExecutor executor, Coach coach,
                                 int shards) throws InterruptedException {
        // The fake does not limit identifies: shards connect a second apart here rather than Discord's five.
        DiscordAdapter adapter = new DiscordAdapter(new DiscordSettings("fake-token", Optional.of(FakeDiscord.GUILD_ID), shards,
                Optional.of(restUrl), Optional.of(discord.gatewayUrl()), DiscordSettings.MessageContent.AUTO)
                .withIdentifySpacing(Duration.ofSeconds(1)),
                coach.engine(), executor, coach::suggestions,
                Clock.systemUTC());
        adapter.start();
        return adapter;
    }

    private Coach coach() {
        Database db = Database.sqlite(dir.resolve("coach.db"));
        db.migrate();
        return new Coach(db, BankCatalog.of(QuestionBanks.load(new BankReader(), Optional.empty())), Optional.empty(),
                new MockInterviewFeature.Settings("python-developer", 5, 20), Clock.systemUTC(), new Random(1));
    }

    @Test
    void anApiUrlWithoutItsSlashAndAGatewayBotAnswerElsewhereStillWork() throws Exception {
        try (FakeDiscord discord = FakeDiscord.start().messageContentIntent(true).handOutGateway("ws://127.0.0.1:1/");
             Coach coach = coach(); ConversationExecutor executor = new ConversationExecutor(2, 16)) {
            String noSlash = discord.restUrl().substring(0, discord.restUrl().length() - 1);
            DiscordAdapter adapter = start(discord, noSlash, executor, coach);
            try {
                assertThat(adapter.problem()).as("connected to the configured gateway").isEmpty();
                assertThat(adapter.readsMessages()).as("the intent was read, not guessed").isTrue();
                RestCall probe = discord.calls("GET", "oauth2/applications/@me").getFirst();
                assertThat(probe.userAgent()).startsWith("DiscordBot (");
            } finally {
                adapter.close();
            }
        }
    }

    @Test
    void withTwoShardsADevServerOnTheSecondShardIsFoundAndGetsTheCommand() throws Exception {
        try (FakeDiscord discord = FakeDiscord.start().messageContentIntent(true);
             Coach coach = coach(); ConversationExecutor executor = new ConversationExecutor(2, 16)) {
            // The fake's server is on shard 1 of 2 ((id >> 22) % 2), which JDA starts one identify spacing after shard 0.
            DiscordAdapter adapter = start(discord, discord.restUrl(), executor, coach, 2);
            try {
                assertThat(adapter.shards().getShards()).hasSize(2);
                assertThat(adapter.problem()).isEmpty();
                assertThat(discord.calls("PUT", "applications/\\d+/guilds/" + FakeDiscord.GUILD_ID + "/commands"))
                        .hasSize(1);
            } finally {
                adapter.close();
            }
        }
    }

    @Test
    void aTokenDiscordRefusesStopsTheStartWithWhatToCheckWhateverTheMessageContentSetting() throws Exception {
        try (FakeDiscord discord = FakeDiscord.start();
             Coach coach = coach(); ConversationExecutor executor = new ConversationExecutor(2, 16)) {
            discord.failNext("GET", "oauth2/applications/@me", 401, 0, "401: Unauthorized");
            DiscordAdapter adapter = new DiscordAdapter(new DiscordSettings("revoked-token", Optional.of(FakeDiscord.GUILD_ID),
                    1, Optional.of(discord.restUrl()), Optional.of(discord.gatewayUrl()), DiscordSettings.MessageContent.OFF),
                    coach.engine(), executor, coach::suggestions, Clock.systemUTC());
            try {
                assertThatThrownBy(adapter::start).isInstanceOf(IllegalStateException.class)
                        .hasMessageContaining("Discord refused the bot token (401). Check DISCORD_TOKEN");
                assertThat(discord.gatewayReceived()).as("no shard tried to connect").isEmpty();
            } finally {
                adapter.close();
            }
        }
    }

    @Test
    void aProbeThatDiscordCannotAnswerStartsWithoutMessageContentAndSaysHowToForceIt() throws Exception {
        try (FakeDiscord discord = FakeDiscord.start().messageContentIntent(true);
             Coach coach = coach(); ConversationExecutor executor = new ConversationExecutor(2, 16)) {
            discord.failNext("GET", "oauth2/applications/@me", 500, 0, "Internal Server Error");
            discord.failNext("GET", "oauth2/applications/@me", 500, 0, "Internal Server Error");
            DiscordAdapter adapter = start(discord, discord.restUrl(), executor, coach);
            try {
                assertThat(adapter.readsMessages()).isFalse();
                assertThat(adapter.problem()).isEmpty();
            } finally {
                adapter.close();
            }
        }
    }
}
