package dev.interviewcoach.discord;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interviewcoach.app.Coach;
import dev.interviewcoach.app.LeasedShards;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two instances share a bot of two shards through leases in their database: the first takes both,
 * the second stands by; when the first dies without giving them up, the second takes them up once
 * the leases expire, and the server's commands are answered again. A shard that JDA never starts is
 * started again.
 */
class DiscordShardTakeOverTest {

    private static final Duration TTL = Duration.ofSeconds(2);
    private static final Duration RECHECK = Duration.ofMillis(500);
    /** Longer than a lease lasts, as Discord's five seconds are against a production lease of 30 s. */
    private static final Duration IDENTIFY_SPACING = Duration.ofMillis(2500);

    @TempDir
    Path dir;

    private final List<AutoCloseable> open = new ArrayList<>();
    private FakeDiscord discord;

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable c : open.reversed()) {
            c.close();
        }
        if (discord != null) {
            discord.close();
        }
    }

    private record Instance(Coach coach, DiscordAdapter adapter) {}

    private Instance instance(String name) throws Exception {
        return instance(name, IDENTIFY_SPACING);
    }

    private Instance instance(String name, Duration identifySpacing) throws Exception {
        return instance(name, identifySpacing, java.util.Set.of());
    }

    private Instance instance(String name, Duration identifySpacing, java.util.Set<Integer> shardIds) throws Exception {
        Database db = Database.sqlite(dir.resolve("coach.db"));
        db.migrate();
        Coach coach = new Coach(db, BankCatalog.of(QuestionBanks.load(new BankReader(), Optional.empty())), Optional.empty(),
                new MockInterviewFeature.Settings("python-developer", 5, 20), Clock.systemUTC(), new Random(1));
        open.add(coach);
        ConversationExecutor executor = new ConversationExecutor(2, 16);
        open.add(executor);
        DiscordAdapter adapter = new DiscordAdapter(new DiscordSettings("fake-token", Optional.of(FakeDiscord.GUILD_ID), 2,
                Optional.of(discord.restUrl()), Optional.of(discord.gatewayUrl()), DiscordSettings.MessageContent.OFF,
                shardIds).withIdentifySpacing(identifySpacing), coach.engine(), executor, coach::suggestions, Clock.systemUTC(),
                new LeasedShards(coach.leases(), name, TTL), RECHECK);
        open.add(adapter);
        adapter.start();
        return new Instance(coach, adapter);
    }

    private RestCall answered(String token, Duration within) {
        return Awaitility.await().atMost(within).until(() -> discord.calls().stream()
                .filter(c -> c.path().contains(token)).findFirst(), Optional::isPresent).orElseThrow();
    }

    @Test
    void aShardThatNeverStartsIsStartedAgain() throws Exception {
        discord = FakeDiscord.start();
        Instance only = instance("instance-a", Duration.ofMillis(200));
        assertThat(only.adapter().problem()).as("both shards connected").isEmpty();
        // A shard JDA dropped from its list while the lease says it runs here: nothing else is connecting, so
        // nothing inside JDA would ever build it again, and its servers would hear nothing.
        only.adapter().shards().shutdown(1);
        assertThat(only.adapter().problem()).as("readiness names it").contains("shard 1 starting");
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> only.adapter().problem().isEmpty()
                && only.adapter().shards().getShardById(1) != null);
        assertThat(only.adapter().stalledRestarts()).isEqualTo(1);
        // read at the next renewal: on a loaded machine a check can run after the 2 s leases lapsed, and the one
        // after it takes them again (nothing else is there to take them over)
        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                only.coach().leases().heldBy("instance-a", "discord-shard-")).containsExactly("discord-shard-0",
                "discord-shard-1"));
        answered(discord.slashCommand(FakeDiscord.USER_A, FakeDiscord.CHANNEL_ID, "coach", "tracks", Map.of()),
                Duration.ofSeconds(15));
        // A shard that is there stays as it is: no second restart.
        Awaitility.await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5))
                .until(() -> only.adapter().stalledRestarts() == 1 && only.adapter().problem().isEmpty());
    }

    @Test
    void aSpareInstanceTakesUpTheShardsOfOneThatDied() throws Exception {
        discord = FakeDiscord.start();
        Instance first = instance("instance-a");
        Instance spare = instance("instance-b");
        assertThat(first.coach().leases().heldBy("instance-a", "discord-shard-"))
                .containsExactly("discord-shard-0", "discord-shard-1");
        assertThat(spare.coach().leases().heldBy("instance-b", "discord-shard-")).as("standing by").isEmpty();
        assertThat(spare.adapter().problem()).as("a spare is ready").isEmpty();
        // Connecting two shards takes longer than a lease lasts here (one identify every 2.5 s against a 2 s
        // lease): the first instance renews them meanwhile, so it keeps them and the spare stays a spare.
        assertThat(first.adapter().problem()).as("the first instance's shards, all connected").isEmpty();
        assertThat(spare.adapter().shards()).as("the spare never took a shard up").isNull();
        Awaitility.await().during(TTL.plus(RECHECK)).atMost(TTL.multipliedBy(3)).until(() ->
                first.coach().leases().heldBy("instance-a", "discord-shard-").size() == 2
                        && first.adapter().problem().isEmpty() && spare.adapter().shards() == null);
        answered(discord.slashCommand(FakeDiscord.USER_A, FakeDiscord.CHANNEL_ID, "coach", "tracks", Map.of()),
                Duration.ofSeconds(15));

        long died = System.nanoTime();
        first.adapter().haltWithoutRelease();
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() ->
                spare.coach().leases().heldBy("instance-b", "discord-shard-").size() == 2);
        Duration takeOver = Duration.ofNanos(System.nanoTime() - died);
        assertThat(takeOver).as("within a minute of the death").isLessThan(Duration.ofMinutes(1));
        // The shards connect one identify at a time; the adapter itself allows 30 s plus 10 s a shard for that
        // (DiscordAdapter.awaitShards), and on a loaded two-core machine two shards once needed more than 30 s.
        // The leases move first and the shards are built just after: until then the spare still reads as standing by.
        Awaitility.await().atMost(Duration.ofSeconds(30 + 10 * 2)).until(() -> spare.adapter().shards() != null
                && spare.adapter().problem().isEmpty());
        answered(discord.slashCommand(FakeDiscord.USER_A, FakeDiscord.CHANNEL_ID, "coach", "tracks", Map.of()),
                Duration.ofSeconds(20));
    }

    @Test
    void anInstanceThatTakesUpTheDevelopmentServersShardRegistersItsCommandsThere() throws Exception {
        discord = FakeDiscord.start();
        String registered = "applications/" + FakeDiscord.APPLICATION_ID + "/guilds/" + FakeDiscord.GUILD_ID + "/commands";
        // The server is on shard 1: the first instance may run only that one, the second either.
        Instance first = instance("instance-a", Duration.ofMillis(200), java.util.Set.of(1));
        Instance second = instance("instance-b", Duration.ofMillis(200), java.util.Set.of(0, 1));
        assertThat(second.coach().leases().heldBy("instance-b", "discord-shard-")).containsExactly("discord-shard-0");
        assertThat(discord.calls("PUT", registered)).as("registered by the instance running the server's shard")
                .hasSize(1);

        first.adapter().haltWithoutRelease();
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() ->
                second.coach().leases().heldBy("instance-b", "discord-shard-").size() == 2);
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> discord.calls("PUT", registered).size() == 2);
        answered(discord.slashCommand(FakeDiscord.USER_A, FakeDiscord.CHANNEL_ID, "coach", "tracks", Map.of()),
                Duration.ofSeconds(20));
    }
}
