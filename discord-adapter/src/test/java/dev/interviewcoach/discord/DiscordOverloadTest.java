package dev.interviewcoach.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.interviewcoach.chat.ChatPort;
import dev.interviewcoach.chat.Inbound;
import dev.interviewcoach.engine.CoachEngine;
import dev.interviewcoach.engine.ConversationExecutor;
import dev.interviewcoach.engine.MessageHandler;
import dev.interviewcoach.store.Database;
import dev.interviewcoach.store.Inbox;
import dev.interviewcoach.testkit.discord.FakeDiscord;
import dev.interviewcoach.testkit.discord.RestCall;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Discord does not deliver anything twice, so work the engine has no room for is answered: "send it again". */
class DiscordOverloadTest {

    private static final Duration WAIT = Duration.ofSeconds(15);

    @TempDir
    Path dir;

    @Test
    void aMessageOrCommandTheEngineCannotTakeIsAnsweredWithAskToResend() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch started = new CountDownLatch(1);
        MessageHandler slow = (Inbound.Message message, ChatPort port) -> {
            started.countDown();
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return true;
        };
        try (FakeDiscord discord = FakeDiscord.start().messageContentIntent(true);
             Database db = Database.sqlite(dir.resolve("coach.db"));
             ConversationExecutor executor = new ConversationExecutor(1, 1, new ConversationExecutor.WaitingRoom(1, 10_000),
                     ConversationExecutor.BUDGET)) {
            db.migrate();
            CoachEngine engine = new CoachEngine(List.of(slow), new Inbox(db.jdbi(), Clock.systemUTC()),
                    dev.interviewcoach.observe.CoachMetrics.none(), CoachEngine.ConversationGuard.inProcess());
            DiscordAdapter adapter = new DiscordAdapter(new DiscordSettings("fake-token", Optional.of(FakeDiscord.GUILD_ID), 1,
                    Optional.of(discord.restUrl()), Optional.of(discord.gatewayUrl()), DiscordSettings.MessageContent.ON),
                    engine, executor, source -> List.of(), Clock.systemUTC());
            try {
                adapter.start();
                String dm = discord.dmChannel(FakeDiscord.USER_A);
                discord.message(FakeDiscord.USER_A, dm, "first, which runs");
                assertThat(started.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
                discord.message(FakeDiscord.USER_A, dm, "second, which is queued");
                await().atMost(WAIT).until(() -> executor.pending() >= 2);
                discord.message(FakeDiscord.USER_A, dm, "third, which waits for the queue");
                await().atMost(WAIT).until(() -> executor.waiting() >= 1);
                String fourth = discord.message(FakeDiscord.USER_A, dm, "fourth, with no room");
                RestCall reply = discord.awaitCall("POST", "channels/" + dm + "/messages",
                        c -> c.body() != null && c.body().toString().contains("swamped"), WAIT);
                assertThat(reply.body().path("message_reference").path("message_id").asText()).isEqualTo(fourth);
                assertThat(discord.calls().stream().filter(c -> c.body() != null && c.body().toString().contains("swamped")))
                        .as("only the one beyond the waiting room is asked to resend").hasSize(1);

                String token = discord.slashCommand(FakeDiscord.USER_B, FakeDiscord.CHANNEL_ID, "coach", "tracks", Map.of());
                discord.awaitCall("POST", "webhooks/.*", c -> c.path().contains(token) && c.body() != null
                        && c.body().toString().contains("swamped"), WAIT);
            } finally {
                release.countDown();
                adapter.close();
            }
        }
    }
}
