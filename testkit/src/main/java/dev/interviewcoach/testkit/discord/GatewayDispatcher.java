package dev.interviewcoach.testkit.discord;

import static dev.interviewcoach.testkit.discord.DiscordJson.JSON;
import static dev.interviewcoach.testkit.discord.FakeDiscord.BOT_USER_ID;
import static dev.interviewcoach.testkit.discord.FakeDiscord.INTENT_DIRECT_MESSAGES;
import static dev.interviewcoach.testkit.discord.FakeDiscord.INTENT_GUILD_MESSAGES;
import static dev.interviewcoach.testkit.discord.FakeDiscord.INTENT_MESSAGE_CONTENT;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.java_websocket.WebSocket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Sends gateway events to sessions as Discord filters them: by shard, by intent, content only where allowed. */
final class GatewayDispatcher {

    private static final Logger LOG = LoggerFactory.getLogger(FakeDiscord.class); // one log name for the fake

    // Serialises sends so sequence numbers reach each client in increasing order.
    private final Object sendLock = new Object();
    private final AtomicLong sequence = new AtomicLong();
    private final Map<String, GatewaySession> sessions = new ConcurrentHashMap<>();

    void open(GatewaySession session) {
        sessions.put(session.id(), session);
    }

    /** The session with this id, or {@code null} when it ended or never existed. */
    GatewaySession session(String id) {
        return sessions.get(id);
    }

    void end(GatewaySession session) {
        sessions.remove(session.id());
    }

    /** The sessions carried by an open connection. */
    List<GatewaySession> liveSessions() {
        List<GatewaySession> live = new ArrayList<>();
        for (GatewaySession session : sessions.values()) {
            if (session.isLive()) {
                live.add(session);
            }
        }
        return live;
    }

    /** Sends a dispatch to every live session that holds its guild and has {@code requiredIntent} (0: any). */
    int dispatchToAll(String type, JsonNode data, int requiredIntent) {
        int sent = 0;
        synchronized (sendLock) {
            String guildId = data.hasNonNull("guild_id") ? data.get("guild_id").asText() : null;
            for (GatewaySession session : liveSessions()) {
                if (!session.holds(guildId)) {
                    continue; // another shard's guild, or a DM (shard 0's)
                }
                if (requiredIntent == 0 || (session.intents() & requiredIntent) != 0) {
                    sendDispatch(session.connection(), type, data);
                    sent++;
                }
            }
        }
        return sent;
    }

    /** Dispatches a message event unless it is ephemeral (Discord never does for those). */
    void dispatchMessageIfVisible(String type, ObjectNode message) {
        if ((message.path("flags").asInt() & DiscordJson.EPHEMERAL) == 0) {
            dispatchMessage(type, message);
        }
    }

    /** Dispatches MESSAGE_CREATE/UPDATE the way Discord filters it: by intent, with content only where allowed. */
    /** MESSAGE_DELETE as Discord sends it: the message's id, channel and guild, never its author or content. */
    int dispatchDeletion(ObjectNode message) {
        ObjectNode deleted = JsonNodeFactory.instance.objectNode();
        deleted.put("id", message.path("id").asText());
        deleted.put("channel_id", message.path("channel_id").asText());
        boolean inGuild = message.hasNonNull("guild_id");
        if (inGuild) {
            deleted.put("guild_id", message.path("guild_id").asText());
        }
        int required = inGuild ? INTENT_GUILD_MESSAGES : INTENT_DIRECT_MESSAGES;
        int sent = 0;
        synchronized (sendLock) {
            for (GatewaySession session : liveSessions()) {
                if ((session.intents() & required) != 0) {
                    sendDispatch(session.connection(), "MESSAGE_DELETE", deleted);
                    sent++;
                }
            }
        }
        return sent;
    }

    int dispatchMessage(String type, ObjectNode message) {
        boolean inGuild = message.hasNonNull("guild_id");
        int required = inGuild ? INTENT_GUILD_MESSAGES : INTENT_DIRECT_MESSAGES;
        String authorId = message.path("author").path("id").asText();
        boolean mentionsBot = false;
        for (JsonNode mentioned : message.path("mentions")) {
            mentionsBot |= mentioned.path("id").asText().equals(BOT_USER_ID);
        }
        ObjectNode full = GuildState.snapshot(message);
        ObjectNode blanked = full.deepCopy();
        blanked.put("content", "");
        blanked.putArray("embeds");
        blanked.putArray("attachments");
        blanked.putArray("components");
        int sent = 0;
        synchronized (sendLock) {
            for (GatewaySession session : liveSessions()) {
                if ((session.intents() & required) == 0) {
                    continue;
                }
                boolean seesContent = !inGuild || authorId.equals(BOT_USER_ID) || mentionsBot
                        || (session.intents() & INTENT_MESSAGE_CONTENT) != 0;
                sendDispatch(session.connection(), type, seesContent ? full : blanked);
                sent++;
            }
        }
        return sent;
    }

    /** Sends one dispatch to one connection. */
    void dispatch(WebSocket connection, String type, JsonNode data) {
        synchronized (sendLock) {
            sendDispatch(connection, type, data);
        }
    }

    /** Runs {@code sends} with no other dispatch in between, e.g. READY and GUILD_CREATE for a new session. */
    void together(Runnable sends) {
        synchronized (sendLock) {
            sends.run();
        }
    }

    /**
     * Sends op 7 RECONNECT to every live session, as Discord does before moving a session; JDA reconnects and
     * RESUMEs.
     */
    void requestReconnect() {
        ObjectNode reconnect = JSON.createObjectNode();
        reconnect.put("op", 7);
        reconnect.putNull("d");
        reconnect.putNull("s");
        reconnect.putNull("t");
        synchronized (sendLock) {
            for (GatewaySession session : liveSessions()) {
                send(session.connection(), reconnect);
            }
        }
    }

    private void sendDispatch(WebSocket connection, String type, JsonNode data) {
        ObjectNode envelope = JSON.createObjectNode();
        envelope.put("op", 0);
        envelope.put("t", type);
        envelope.put("s", sequence.incrementAndGet());
        envelope.set("d", data);
        send(connection, envelope);
    }

    /** Sends a payload that is not a dispatch (HELLO, heartbeat ACK, ...); it carries no sequence number. */
    static void send(WebSocket connection, ObjectNode payload) {
        try {
            connection.send(JSON.writeValueAsString(payload));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not serialise a gateway payload", e);
        } catch (RuntimeException e) {
            // A client that vanished mid-send: the close callback cleans up.
            LOG.warn("could not send to a gateway client: {}", e.toString());
        }
    }
}
