package dev.interviewcoach.discord;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interviewcoach.app.Coach;
import dev.interviewcoach.chat.ChatPorts;
import dev.interviewcoach.chat.Place;
import dev.interviewcoach.chat.Platform;
import dev.interviewcoach.daily.Subscription;
import dev.interviewcoach.engine.ConversationExecutor;
import dev.interviewcoach.engine.DeliveryWorker;
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
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two instances on one database split a bot of two shards ({@code discord.shardIds} 0 and 1); the fake's one server
 * is on shard 1. The instance without it must leave that server's scheduled posts and waiting replies to the one
 * that runs it: it cannot see the server's channels, so trying them itself would refuse them and lose them.
 */
class DiscordSplitShardsTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final Place CHANNEL = Place.channel(Platform.DISCORD, FakeDiscord.GUILD_ID, FakeDiscord.CHANNEL_ID);

    @TempDir
    Path dir;

    private final List<AutoCloseable> open = new ArrayList<>();
    private FakeDiscord discord;
    /** Runs shard 0: not the server's. */
    private Instance elsewhere;
    /** Runs shard 1: the server's. */
    private Instance home;

    private record Instance(Coach coach, DiscordAdapter adapter) {
        ChatPorts ports() {
            return ChatPorts.only(adapter.port());
        }
    }

    @BeforeEach
    void start() throws Exception {
        assertThat(DiscordChatPort.shardOf(Long.parseLong(FakeDiscord.GUILD_ID), 2)).as("the server's shard").isEqualTo(1);
        discord = FakeDiscord.start().messageContentIntent(true);
        elsewhere = instance(0);
        home = instance(1);
    }

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable c : open.reversed()) {
            c.close();
        }
        if (discord != null) {
            discord.close();
        }
    }

    private Instance instance(int shard) throws Exception {
        Database db = Database.sqlite(dir.resolve("coach.db"));
        db.migrate();
        Coach coach = new Coach(db, BankCatalog.of(QuestionBanks.load(new BankReader(), Optional.empty())), Optional.empty(),
                new MockInterviewFeature.Settings("python-developer", 5, 20), Clock.systemUTC(), new Random(shard));
        open.add(coach);
        ConversationExecutor executor = new ConversationExecutor(2, 16);
        open.add(executor);
        DiscordAdapter adapter = new DiscordAdapter(new DiscordSettings("fake-token", Optional.of(FakeDiscord.GUILD_ID), 2,
                Optional.of(discord.restUrl()), Optional.of(discord.gatewayUrl()), DiscordSettings.MessageContent.ON,
                Set.of(shard)), coach.engine(), executor, coach::suggestions, Clock.systemUTC());
        open.add(adapter);
        adapter.start();
        return new Instance(coach, adapter);
    }

    private DeliveryWorker deliveringOn(Instance instance) {
        DeliveryWorker worker = new DeliveryWorker(instance.coach().engine(), instance.ports(), Duration.ofSeconds(2))
                .start(Duration.ofMillis(200));
        open.add(worker);
        return worker;
    }

    private static String text(RestCall call) {
        return call.body() == null ? "" : call.body().toString();
    }

    private RestCall answered(String token) {
        return Awaitility.await().atMost(WAIT).until(() -> discord.calls().stream()
                .filter(c -> c.path().contains(token) && text(c).contains("content")).findFirst(), Optional::isPresent)
                .orElseThrow();
    }

    @Test
    void aQuestionOfTheDayIsPostedByTheInstanceRunningItsServerAndLeftAloneByTheOther() {
        assertThat(elsewhere.adapter().port().reaches(FakeDiscord.GUILD_ID)).isFalse();
        assertThat(elsewhere.adapter().port().reaches("dm")).as("direct messages go out from any shard").isTrue();
        assertThat(home.adapter().port().reaches(FakeDiscord.GUILD_ID)).isTrue();
        String token = discord.slashCommand(FakeDiscord.OWNER_ID, FakeDiscord.CHANNEL_ID, "coach", "daily", "subscribe",
                Map.of("track", "python-developer"));
        assertThat(text(answered(token))).contains("question every weekday");
        Subscription subscription = home.coach().subscriptions().find(CHANNEL).orElseThrow();
        Instant due = subscription.times().next(subscription.createdAt()).at().plusSeconds(30);

        // The scheduler gave this run to the instance without the server's shard: it leaves the post alone, claims
        // nothing, and tells no one that it failed.
        elsewhere.coach().tick(due, elsewhere.ports());
        assertThat(discord.calls("POST", "channels/.*/messages")).as("nothing posted, no manager told of a failure")
                .noneMatch(c -> text(c).contains("Question of the day") || text(c).contains("could not be posted"));
        assertThat(home.coach().dailyPosts().latest(subscription.id())).as("the day not claimed").isEmpty();

        // The next run, on the instance that runs the server, posts it.
        home.coach().tick(due, home.ports());
        discord.awaitCall("POST", "channels/" + FakeDiscord.CHANNEL_ID + "/messages",
                c -> text(c).contains("Question of the day"), WAIT);
        assertThat(home.coach().dailyPosts().latest(subscription.id())).isPresent();
    }

    @Test
    void aReplyWaitingOutDiscordsTroubleIsSentByTheInstanceRunningItsServerNotGivenUpByTheOther() throws Exception {
        deliveringOn(elsewhere);
        discord.slashCommand(FakeDiscord.USER_A, FakeDiscord.CHANNEL_ID, "coach", "mock",
                Map.of("track", "python-developer", "questions", 2));
        discord.awaitCall("POST", "channels/.*/messages", c -> text(c).contains("Question 1 of 2"), WAIT);
        String thread = discord.lastThreadId();
        discord.failNext("POST", "channels/" + thread + "/messages", 500, 0, "Internal Server Error");
        discord.message(FakeDiscord.USER_A, thread, "A list is mutable and a tuple is immutable, so a tuple can be a"
                + " dictionary key and a list cannot; I use tuples for fixed records such as coordinates.");
        // The feedback failed on the home instance and waits in the outbox, due again a second later; the other
        // instance's deliverer looks every 200 ms and must neither send it nor give it up.
        discord.awaitCall("POST", "channels/" + thread + "/messages", c -> text(c).contains("Score "), WAIT);
        Awaitility.await().during(Duration.ofSeconds(4)).atMost(Duration.ofSeconds(6)).until(() ->
                discord.calls("POST", "channels/.*/messages").stream().filter(c -> text(c).contains("Score ")
                        || text(c).contains("could not get a reply through")).count() == 1);

        deliveringOn(home);
        Awaitility.await().atMost(WAIT).until(() -> discord.calls("POST", "channels/" + thread + "/messages").stream()
                .filter(c -> text(c).contains("Score ")).count() == 2);
        assertThat(discord.calls("POST", "channels/.*/messages")).as("nobody told the reply was lost")
                .noneMatch(c -> text(c).contains("could not get a reply through"));
    }
}
