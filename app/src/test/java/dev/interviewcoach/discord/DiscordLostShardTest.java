package dev.interviewcoach.discord;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interviewcoach.testkit.discord.FakeDiscord;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import net.dv8tion.jda.api.JDA;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One instance running every shard, as most teams run it (no shard leases, so no rechecks): a shard JDA drops
 * from its list and never starts again is started again, and its server's commands are answered.
 */
class DiscordLostShardTest {

    @TempDir
    Path dir;

    @Test
    void aShardLostWithoutLeasesIsStartedAgain() throws Exception {
        FakeDiscord discord = FakeDiscord.start();
        try (TwoShardCoach running = TwoShardCoach.on(discord, dir, Duration.ofMillis(200))) {
            DiscordAdapter adapter = running.adapter().withStallCheck(Duration.ofMillis(500));
            adapter.start();
            assertThat(adapter.problem()).as("both shards connected").isEmpty();
            // What JDA was seen to do: a shard gone from its list, with nothing inside it that would build it again.
            adapter.shards().shutdown(1);
            assertThat(adapter.problem()).as("readiness names it").contains("shard 1 starting");
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> adapter.problem().isEmpty()
                    && adapter.shards().getShardById(1) != null
                    && adapter.shards().getShardById(1).getStatus() == JDA.Status.CONNECTED);
            assertThat(adapter.stalledRestarts()).isEqualTo(1);
            String token = discord.slashCommand(FakeDiscord.USER_A, FakeDiscord.CHANNEL_ID, "coach", "tracks", Map.of());
            Awaitility.await().atMost(Duration.ofSeconds(15))
                    .until(() -> discord.calls().stream().anyMatch(c -> c.path().contains(token)));
            // Shards that are there stay as they are.
            Awaitility.await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5))
                    .until(() -> adapter.stalledRestarts() == 1 && adapter.problem().isEmpty());
        } finally {
            discord.close();
        }
    }
}
