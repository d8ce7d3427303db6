package dev.interviewcoach.discord;

import java.util.Objects;
import java.util.Collections;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * How to reach Discord: the bot token, optionally one guild to register commands in (instant
 * updates while developing; global commands can take a while to appear), the shard count, and
 * where the REST API and the gateway live (tests point them at a fake; a set gateway URL is
 * spoken to uncompressed, in JSON).
 */
public record DiscordSettings(String token, Optional<String> devGuildId, int shards, Optional<String> restUrl,
                              Optional<String> gatewayUrl, MessageContent messageContent, Set<Integer> shardIds) {

    /** Settings for an instance that runs every shard. */
    public DiscordSettings(String token, Optional<String> devGuildId, int shards, Optional<String> restUrl,
                           Optional<String> gatewayUrl, MessageContent messageContent) {
        this(token, devGuildId, shards, restUrl, gatewayUrl, messageContent, Set.of());
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
