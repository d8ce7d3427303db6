package dev.interviewcoach.testkit.discord;

import static dev.interviewcoach.testkit.discord.FakeDiscord.BOT_USER_ID;
import static dev.interviewcoach.testkit.discord.FakeDiscord.GUILD_ID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Threads the bot starts over REST, in a text channel or from a message, and joins or leaves. */
final class GuildThreads {

    private static final int HAS_THREAD = 1 << 5; // message flag

    private final GuildState guild;
    private final GatewayDispatcher dispatcher;

    GuildThreads(GuildState guild, GatewayDispatcher dispatcher) {
        this.guild = guild;
        this.dispatcher = dispatcher;
    }

    /**
     * {@code POST channels/{id}/threads} and {@code .../messages/{id}/threads}: stores the thread and dispatches
     * THREAD_CREATE.
     *
     * @param fromMessageId the message the thread starts from, or {@code null} for a thread of its own
     */
    RestReply create(String parentId, String fromMessageId, JsonNode body) {
        ObjectNode parent = guild.channel(parentId);
        if (parent == null) {
            return RestReply.unknownChannel();
        }
        if (parent.path("type").asInt() != DiscordJson.GUILD_TEXT) {
            return RestReply.error(400, "Cannot execute action on this channel type", 50024);
        }
        String name = body.path("name").asText("");
        if (name.isBlank()) {
            return RestReply.invalidFormBody();
        }
        ObjectNode source = null;
        if (fromMessageId != null) {
            source = guild.message(fromMessageId);
            if (source == null) {
                return RestReply.unknownMessage();
            }
        }
        // A thread started from a message shares the message's id and is always public.
        int type = fromMessageId != null ? DiscordJson.PUBLIC_THREAD
                : body.path("type").asInt(DiscordJson.PRIVATE_THREAD);
        String id = fromMessageId != null ? fromMessageId : DiscordJson.snowflake();
        ObjectNode thread = DiscordJson.thread(id, GUILD_ID, parentId, BOT_USER_ID, name, type,
                body.path("auto_archive_duration").asInt(parent.path("default_auto_archive_duration").asInt(1440)),
                body.path("invitable").asBoolean(true), DiscordJson.now());
        guild.addThread(thread);
        if (source != null) {
            synchronized (source) {
                source.put("flags", source.path("flags").asInt() | HAS_THREAD);
                source.set("thread", thread.deepCopy());
            }
        }
        guild.markLatestThread(id);
        ObjectNode event = thread.deepCopy();
        event.put("newly_created", true);
        dispatcher.dispatchToAll("THREAD_CREATE", event, 0);
        return RestReply.json(201, thread.deepCopy());
    }

    /** {@code PUT/DELETE channels/{id}/thread-members/...}: counts the member in or out. */
    RestReply member(String method, String threadId) {
        ObjectNode thread = guild.channel(threadId);
        if (thread == null) {
            return RestReply.unknownChannel();
        }
        int type = thread.path("type").asInt();
        if (type != DiscordJson.PUBLIC_THREAD && type != DiscordJson.PRIVATE_THREAD) {
            return RestReply.error(400, "Cannot execute action on this channel type", 50024);
        }
        synchronized (thread) {
            int count = thread.path("member_count").asInt();
            thread.put("member_count", method.equals("PUT") ? count + 1 : Math.max(0, count - 1));
        }
        return RestReply.noContent();
    }
}
