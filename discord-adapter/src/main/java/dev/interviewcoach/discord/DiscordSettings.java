package dev.interviewcoach.discord;

import java.util.Objects;
import java.util.Optional;

/**
 * How to reach Discord: the bot token, optionally one guild to register commands in (instant
 * updates while developing; global commands can take a while to appear), the shard count, and
 * where the REST API and the gateway live (tests point them at a fake; a set gateway URL is
 * spoken to uncompressed, in JSON).
 */
public record DiscordSettings(String token, Optional<String> devGuildId, int shards, Optional<String> restUrl,
                              Optional<String> gatewayUrl, MessageContent messageContent) {

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
    }
}
