package dev.interviewcoach.testkit.discord;

import static dev.interviewcoach.testkit.discord.FakeDiscord.BOT_USER_ID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.interviewcoach.testkit.StateMonitor;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Messages in channels, threads and DMs: the bot's over REST and members' injected by tests, each dispatched. */
final class ChannelMessages {

    private static final Pattern MENTION = Pattern.compile("<@!?(\\d+)>");

    private final GuildState guild;
    private final GatewayDispatcher dispatcher;
    private final StateMonitor monitor;

    ChannelMessages(GuildState guild, GatewayDispatcher dispatcher, StateMonitor monitor) {
        this.guild = guild;
        this.dispatcher = dispatcher;
        this.monitor = monitor;
    }

    /** {@code POST channels/{id}/messages}: the bot posts, with any uploaded files as attachments. */
    RestReply create(String channelId, JsonNode body, List<UploadedFile> files) {
        ObjectNode channel = guild.channel(channelId);
        if (channel == null) {
            return RestReply.unknownChannel();
        }
        ObjectNode message = DiscordJson.message(DiscordJson.snowflake(), channelId, GuildState.guildOf(channel),
                guild.user(BOT_USER_ID), "");
        DiscordJson.applyMessageRequest(message, body);
        attach(message, files);
        guild.remember(message);
        countThreadMessage(channel);
        dispatcher.dispatchMessageIfVisible("MESSAGE_CREATE", message);
        return RestReply.ok(GuildState.snapshot(message));
    }

    /** {@code channels/{id}/messages/{id}}: fetch, edit (the bot's own only) or delete one message. */
    RestReply handle(String method, String channelId, String messageId, JsonNode body) {
        if (!guild.hasChannel(channelId)) {
            return RestReply.unknownChannel();
        }
        ObjectNode message = guild.message(messageId);
        if (message == null || !message.path("channel_id").asText().equals(channelId)) {
            return RestReply.unknownMessage();
        }
        switch (method) {
            case "GET" -> {
                return RestReply.ok(GuildState.snapshot(message));
            }
            case "PATCH" -> {
                if (!message.path("author").path("id").asText().equals(BOT_USER_ID)) {
                    return RestReply.error(403, "Cannot edit a message authored by another user", 50005);
                }
                synchronized (message) {
                    DiscordJson.applyMessageRequest(message, body);
                    message.put("edited_timestamp", DiscordJson.now());
                }
                dispatcher.dispatchMessageIfVisible("MESSAGE_UPDATE", message);
                return RestReply.ok(GuildState.snapshot(message));
            }
            case "DELETE" -> {
                guild.forget(messageId);
                return RestReply.noContent();
            }
            default -> {
                return RestReply.unknownRoute();
            }
        }
    }

    /** The bot's own reaction ({@code PUT/DELETE .../reactions/{emoji}/@me}); the emoji arrives URL-decoded. */
    RestReply ownReaction(String method, String channelId, String messageId, String emoji) {
        if (!guild.hasChannel(channelId)) {
            return RestReply.unknownChannel();
        }
        ObjectNode message = guild.message(messageId);
        if (message == null || !message.path("channel_id").asText().equals(channelId)) {
            return RestReply.unknownMessage();
        }
        if (emoji.isBlank()) {
            return RestReply.error(400, "Unknown Emoji", 10014);
        }
        synchronized (message) {
            List<String> mine = guild.botReactionsOn(messageId);
            if (method.equals("PUT") && !mine.contains(emoji)) {
                mine.add(emoji);
            } else if (method.equals("DELETE")) {
                mine.remove(emoji);
            }
            ArrayNode reactions = message.putArray("reactions");
            mine.forEach(e -> reactions.add(DiscordJson.reaction(e, 1, true)));
        }
        monitor.wake();
        return RestReply.noContent();
    }

    /**
     * A member writes {@code content} in a channel: stored and dispatched as MESSAGE_CREATE, with the mentions
     * ({@code <@id>}) of users the fake knows; returns the message id.
     */
    String memberWrites(String userId, String channelId, String content) {
        ObjectNode channel = guild.knownChannel(channelId);
        String guildId = GuildState.guildOf(channel);
        ObjectNode message = DiscordJson.message(DiscordJson.snowflake(), channelId, guildId, guild.user(userId),
                content);
        if (guildId != null) {
            message.set("member", DiscordJson.member(null, guild.rolesOf(userId), guild.joinedAt()));
        }
        ArrayNode mentions = message.putArray("mentions");
        Matcher mention = MENTION.matcher(content == null ? "" : content);
        while (mention.find()) {
            ObjectNode mentioned = guild.knownUser(mention.group(1));
            if (mentioned != null) {
                mentions.add(mentioned);
            }
        }
        guild.remember(message);
        if (dispatcher.dispatchMessage("MESSAGE_CREATE", message) == 0 && dispatcher.liveSessions().isEmpty()) {
            throw new IllegalStateException("no gateway client is connected and identified to the fake Discord");
        }
        return message.get("id").asText();
    }

    /**
     * A member edits a message they wrote: its content changes, it gets an edit time, and the whole message is
     * dispatched as MESSAGE_UPDATE, as Discord does.
     */
    void memberEdits(String userId, String messageId, String content) {
        ObjectNode message = guild.message(messageId);
        if (message == null || !message.path("author").path("id").asText().equals(userId)) {
            throw new IllegalArgumentException("no message " + messageId + " written by " + userId);
        }
        synchronized (message) {
            message.put("content", content);
            message.put("edited_timestamp", DiscordJson.now());
        }
        dispatcher.dispatchMessage("MESSAGE_UPDATE", message);
        monitor.wake();
    }

    /** A member deletes a message they wrote: it is gone, and MESSAGE_DELETE names only its id, channel and guild. */
    void memberDeletes(String userId, String messageId) {
        ObjectNode message = guild.message(messageId);
        if (message == null || !message.path("author").path("id").asText().equals(userId)) {
            throw new IllegalArgumentException("no message " + messageId + " written by " + userId);
        }
        guild.forget(messageId);
        dispatcher.dispatchDeletion(message);
        monitor.wake();
    }

    /** Turns uploaded files into the message's attachments, as Discord does once it stored them. */
    static void attach(ObjectNode message, List<UploadedFile> files) {
        if (files.isEmpty()) {
            return;
        }
        boolean ephemeral = (message.path("flags").asInt() & DiscordJson.EPHEMERAL) != 0;
        ArrayNode attachments = message.putArray("attachments");
        for (UploadedFile file : files) {
            attachments.add(DiscordJson.attachment(DiscordJson.snowflake(), message.path("channel_id").asText(),
                    file.fileName(), file.contentType(), file.content().length, ephemeral));
        }
    }

    private static void countThreadMessage(ObjectNode channel) {
        int type = channel.path("type").asInt();
        if (type == DiscordJson.PUBLIC_THREAD || type == DiscordJson.PRIVATE_THREAD) {
            synchronized (channel) {
                channel.put("message_count", channel.path("message_count").asInt() + 1);
                channel.put("total_message_count", channel.path("total_message_count").asInt() + 1);
            }
        }
    }
}
