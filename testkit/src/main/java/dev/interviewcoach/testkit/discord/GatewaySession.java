package dev.interviewcoach.testkit.discord;

import org.java_websocket.WebSocket;

/** A gateway session: outlives its connection so the client can RESUME it. */
final class GatewaySession {

    private final String id;
    private final int intents;
    private final int shardId;
    private final int shardTotal;
    private volatile WebSocket connection;

    /** A session of shard {@code shardId} of {@code shardTotal} ({@code 0} of {@code 1} when not sharded). */
    GatewaySession(String id, int intents, int shardId, int shardTotal) {
        this.id = id;
        this.intents = intents;
        this.shardId = shardId;
        this.shardTotal = shardTotal;
    }

    String id() {
        return id;
    }

    int intents() {
        return intents;
    }

    int shardId() {
        return shardId;
    }

    int shardTotal() {
        return shardTotal;
    }

    /** The connection that carries the session now, or {@code null} between a drop and a RESUME. */
    WebSocket connection() {
        return connection;
    }

    void attach(WebSocket connection) {
        this.connection = connection;
    }

    /** Whether the session is carried by a connection that is still open. */
    boolean isLive() {
        WebSocket current = connection;
        return current != null && current.isOpen();
    }

    /** Discord's rule: a guild's events go to shard (guild_id >> 22) % total; DMs go to shard 0. */
    boolean holds(String guildId) {
        long shard = guildId == null ? 0 : (Long.parseUnsignedLong(guildId) >>> 22) % shardTotal;
        return shard == shardId;
    }
}
