package dev.interviewcoach.discord;

import java.time.Duration;
import java.util.Objects;
import java.util.Collections;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * How to reach Discord: the bot token, optionally one guild to register commands in (instant
 * updates while developing; global commands can take a while to appear), the shard count, and
 * where the REST API and the gateway live (tests point them at a fake; a set gateway URL is
 * spoken to uncompressed, in JSON), and how long to wait between two shards' identifies.
 */
public record DiscordSettings(String token, Optional<String> devGuildId, int shards, Optional<String> restUrl,
                              Optional<String> gatewayUrl, MessageContent messageContent, Set<Integer> shardIds,
                              Duration identifySpacing) {

    /** Discord accepts one identify every five seconds from a bot (more only for very large ones). */
    public static final Duration DISCORD_IDENTIFY_SPACING = Duration.ofSeconds(5);

    /** Settings for an instance that runs the shards of {@code shardIds} (all of them when empty). */
    public DiscordSettings(String token, Optional<String> devGuildId, int shards, Optional<String> restUrl,
                           Optional<String> gatewayUrl, MessageContent messageContent, Set<Integer> shardIds) {
        this(token, devGuildId, shards, restUrl, gatewayUrl, messageContent, shardIds, DISCORD_IDENTIFY_SPACING);
    }

    /** Settings for an instance that runs every shard. */
    public DiscordSettings(String token, Optional<String> devGuildId, int shards, Optional<String> restUrl,
                           Optional<String> gatewayUrl, MessageContent messageContent) {
        this(token, devGuildId, shards, restUrl, gatewayUrl, messageContent, Set.of());
    }

    /**
     * The same settings with another wait between identifies: for a gateway that is not Discord's and does not
     * limit them (the fake in tests), where Discord's five seconds a shard would only be waited out.
     */
    public DiscordSettings withIdentifySpacing(Duration spacing) {
        return new DiscordSettings(token, devGuildId, shards, restUrl, gatewayUrl, messageContent, shardIds, spacing);
    }

    /** The shards this instance may run: those of {@code discord.shardIds}, else all of them. */
    public Set<Integer> candidateShards() {
        if (!shardIds.isEmpty()) {
            return shardIds;
        }
        Set<Integer> all = new TreeSet<>();
        for (int id = 0; id < shards; id++) {
            all.add(id);
        }
        return Collections.unmodifiableSet(all);
    }

    /** Whether to read typed messages: ask Discord what the app may do, or decide. */
    public enum MessageContent {
        AUTO,
        ON,
        OFF
    }

    public DiscordSettings {
        Objects.requireNonNull(token, "token");
        if (identifySpacing.isNegative()) {
            throw new IllegalArgumentException("the wait between identifies cannot be negative");
        }
        if (shards < 1) {
            throw new IllegalArgumentException("discord.shards must be 1 or more");
        }
        shardIds = Collections.unmodifiableSet(new TreeSet<>(shardIds));
        for (int id : shardIds) {
            if (id < 0 || id >= shards) {
                throw new IllegalArgumentException("discord.shardIds names shard " + id + ", but there are " + shards
                        + " shards (0 to " + (shards - 1) + "); set discord.shards to the bot's total");
            }
        }
    }
}
