package dev.interviewcoach.discord;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interviewcoach.testkit.discord.FakeDiscord;
import java.nio.file.Path;
import java.time.Duration;
import net.dv8tion.jda.api.JDA;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Shards taken up again (as when an instance takes over another's) while the gateway stops answering: each is
 * tried again after a pause that grows, not at once and without end (JDA on its own logged 2,265 errors in
 * these six seconds).
 */
class DiscordGatewayUnreachableTest {

    /**
     * The fake gateway does not limit identifies, so shards connect a second apart rather than Discord's five:
     * the pauses checked here come after failed connects, which JDA does not space.
     */
    private static final Duration IDENTIFY_SPACING = Duration.ofSeconds(1);

    @TempDir
    Path dir;

    @Test
    void aShardThatCannotConnectIsTriedAgainAfterAPauseNotInALoop() throws Exception {
        FakeDiscord discord = FakeDiscord.start();
        try (TwoShardCoach running = TwoShardCoach.on(discord, dir, IDENTIFY_SPACING)) {
            DiscordAdapter adapter = running.adapter();
            adapter.start();
            // The first start settles before the shards are taken up again: restarting shard 1 while its first
            // connect still waits in JDA's queue is another case (it once left shard 1 unstarted for 30 s).
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> adapter.shards().getShards().size() == 2
                    && adapter.shards().getShards().stream().allMatch(s -> s.getStatus() == JDA.Status.CONNECTED));
            // Both shards connect again, one identify at a time: shard 1 waits in the queue behind shard 0, a
            // spacing after shard 0's connect, which itself can take seconds while the other test classes load both
            // cores, so the ceiling is generous: what is checked is the pace below.
            adapter.shards().shutdown(0);
            adapter.shards().shutdown(1);
            adapter.shards().start(0);
            adapter.shards().start(1);
            try {
                Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> adapter.shards().getShardById(1) != null);
            } catch (ConditionTimeoutException e) {
                // Seen about once in ten full runs and never alone: say where JDA's threads stood, for the next look.
                throw new AssertionError("shard 1 was not started again within 30 s; shards " + adapter.shards().getShards()
                        + "\n" + jdaThreads(), e);
            }
            int before = adapter.failedConnects();
            discord.close();
            // Shard 1's turn comes a spacing after shard 0's (one identify at a time).
            Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> adapter.failedConnects() > before);
            // From the first failure on, each shard is tried again after 1, then 2 s (the next after 4 s more):
            // in the next 4 s at most three tries a shard, where JDA alone made hundreds a second.
            Awaitility.await().during(Duration.ofSeconds(4)).atMost(Duration.ofSeconds(5))
                    .until(() -> adapter.failedConnects() - before <= 6);
        }
    }

    private static String jdaThreads() {
        StringBuilder out = new StringBuilder();
        Thread.getAllStackTraces().forEach((thread, stack) -> {
            String name = thread.getName();
            if (name.contains("Shard") || name.contains("Session") || name.contains("JDA") || name.contains("discord")) {
                out.append(name).append(' ').append(thread.getState()).append('\n');
                for (int i = 0; i < Math.min(stack.length, 12); i++) {
                    out.append("    at ").append(stack[i]).append('\n');
                }
            }
        });
        return out.toString();
    }
}
