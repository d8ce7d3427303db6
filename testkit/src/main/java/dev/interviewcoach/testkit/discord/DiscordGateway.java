package dev.interviewcoach.testkit.discord;

import static dev.interviewcoach.testkit.discord.DiscordJson.JSON;
import static dev.interviewcoach.testkit.discord.FakeDiscord.APPLICATION_ID;
import static dev.interviewcoach.testkit.discord.FakeDiscord.BOT_USER_ID;
import static dev.interviewcoach.testkit.discord.FakeDiscord.CLOSE_DISALLOWED_INTENTS;
import static dev.interviewcoach.testkit.discord.FakeDiscord.FLAG_GATEWAY_MESSAGE_CONTENT;
import static dev.interviewcoach.testkit.discord.FakeDiscord.GUILD_ID;
import static dev.interviewcoach.testkit.discord.FakeDiscord.HEARTBEAT_INTERVAL_MS;
import static dev.interviewcoach.testkit.discord.FakeDiscord.INTENT_MESSAGE_CONTENT;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.interviewcoach.testkit.StateMonitor;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import org.java_websocket.WebSocket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The gateway protocol (HELLO, heartbeats, IDENTIFY, RESUME, member requests, closes), recorded for tests. */
final class DiscordGateway implements GatewayEndpoint.Handler {

    private static final Logger LOG = LoggerFactory.getLogger(FakeDiscord.class); // one log name for the fake
    private static final SecureRandom RANDOM = new SecureRandom();

    private final GatewayEndpoint endpoint;
    private final GatewayDispatcher dispatcher;
    private final GuildState guild;
    private volatile boolean messageContentIntent = true;

    // Guarded by the monitor, which wakes the tests waiting for an IDENTIFY or a RESUME.
    private final StateMonitor monitor;
    private final List<JsonNode> received = new ArrayList<>();
    private final List<Integer> closeCodes = new ArrayList<>();
    private int identifies;
    private int resumes;
    private int lastIntents = -1;

    DiscordGateway(InetSocketAddress address, GuildState guild, GatewayDispatcher dispatcher, StateMonitor monitor) {
        this.endpoint = new GatewayEndpoint(address, this);
        this.guild = guild;
        this.dispatcher = dispatcher;
        this.monitor = monitor;
    }

    // ---------------------------------------------------------------- lifecycle and settings

    void start(Duration timeout) {
        endpoint.startAndAwait(timeout);
    }

    void stop(int timeoutMillis) throws InterruptedException {
        endpoint.stop(timeoutMillis);
    }

    /** The gateway URL, e.g. {@code ws://127.0.0.1:2345/}. */
    String url() {
        return "ws://" + FakeDiscord.LOOPBACK + ":" + endpoint.getPort() + "/";
    }

    void messageContentIntent(boolean enabled) {
        this.messageContentIntent = enabled;
    }

    boolean messageContentIntent() {
        return messageContentIntent;
    }

    /** The application flags READY and the application object carry. */
    long applicationFlags() {
        return messageContentIntent ? FLAG_GATEWAY_MESSAGE_CONTENT : 0;
    }

    // ---------------------------------------------------------------- what tests inspect

    /** The intents of the latest IDENTIFY, or -1 when none was received. */
    int identifiedIntents() {
        return monitor.read(() -> lastIntents);
    }

    List<Integer> closeCodes() {
        return monitor.read(() -> List.copyOf(closeCodes));
    }

    /** Every payload clients sent, tokens redacted, oldest first. */
    List<JsonNode> received() {
        return monitor.read(() -> List.copyOf(received));
    }

    /** Waits until a client has sent IDENTIFY, accepted or not; false on timeout. */
    boolean awaitIdentify(Duration timeout) {
        return monitor.waitUntil(() -> identifies > 0, timeout);
    }

    /** Waits until a session has been resumed; false on timeout. */
    boolean awaitResume(Duration timeout) {
        return monitor.waitUntil(() -> resumes > 0, timeout);
    }

    /** Forgets the payloads received and the close codes sent. */
    void forgetReceived() {
        monitor.update(() -> {
            received.clear();
            closeCodes.clear();
        });
    }

    // ---------------------------------------------------------------- what clients do

    @Override
    public void opened(WebSocket connection, String resource) {
        connection.setAttachment(new ConnectionState());
        String query = resource == null ? "" : resource.toLowerCase(Locale.ROOT);
        if (query.contains("compress=") || query.contains("encoding=etf")) {
            LOG.warn("the fake Discord gateway speaks plain JSON only; build JDA with "
                    + "setCompression(Compression.NONE) and setGatewayEncoding(GatewayEncoding.JSON) (got {})", resource);
            closeWith(connection, 1003, "The fake Discord gateway supports encoding=json without compression only.");
            return;
        }
        ObjectNode hello = JSON.createObjectNode();
        hello.put("op", 10);
        ObjectNode d = hello.putObject("d");
        d.put("heartbeat_interval", HEARTBEAT_INTERVAL_MS);
        d.putArray("_trace").add("[\"fake-discord-gateway\"]");
        hello.putNull("s");
        hello.putNull("t");
        GatewayDispatcher.send(connection, hello);
    }

    @Override
    public void closed(WebSocket connection, int code, boolean remote) {
        ConnectionState state = connection.getAttachment();
        GatewaySession session = state == null ? null : state.session;
        if (session != null && session.connection() == connection) {
            session.attach(null);
            // A clean close by the client ends the session; anything else leaves it resumable, as on Discord.
            if (remote && (code == 1000 || code == 1001)) {
                dispatcher.end(session);
            }
        }
        monitor.wake();
    }

    @Override
    public void received(WebSocket connection, String text) {
        JsonNode payload;
        try {
            payload = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            closeWith(connection, 4002, "Error while decoding payload.");
            return;
        }
        JsonNode recorded = payload;
        if (payload.path("d").has("token") && payload instanceof ObjectNode object) {
            ObjectNode copy = object.deepCopy();
            ((ObjectNode) copy.get("d")).put("token", "<redacted>");
            recorded = copy;
        }
        JsonNode redacted = recorded;
        monitor.update(() -> received.add(redacted));
        JsonNode d = payload.path("d");
        switch (payload.path("op").asInt(-1)) {
            case 1 -> { // HEARTBEAT
                ObjectNode ack = JSON.createObjectNode();
                ack.put("op", 11);
                ack.putNull("d");
                ack.putNull("s");
                ack.putNull("t");
                GatewayDispatcher.send(connection, ack);
            }
            case 2 -> identify(connection, d);
            case 6 -> resume(connection, d);
            case 8 -> requestMembers(connection, d);
            case 3, 4 -> {
                // Presence and voice state updates: accepted and ignored.
            }
            default -> closeWith(connection, 4001, "Unknown opcode.");
        }
    }

    private void identify(WebSocket connection, JsonNode d) {
        ConnectionState state = connection.getAttachment();
        if (state.session != null) {
            closeWith(connection, 4005, "Already authenticated.");
            return;
        }
        int intents = d.path("intents").asInt(0);
        monitor.update(() -> {
            identifies++;
            lastIntents = intents;
        });
        if (!d.hasNonNull("token")) {
            closeWith(connection, 4004, "Authentication failed.");
            return;
        }
        if ((intents & INTENT_MESSAGE_CONTENT) != 0 && !messageContentIntent) {
            closeWith(connection, CLOSE_DISALLOWED_INTENTS, "Disallowed intent(s).");
            return;
        }
        JsonNode shard = d.path("shard");
        int shardTotal = shard.isArray() && shard.size() == 2 ? Math.max(1, shard.get(1).asInt(1)) : 1;
        int shardId = shard.isArray() && shard.size() == 2 ? shard.get(0).asInt(0) : 0;
        if (shardId < 0 || shardId >= shardTotal) {
            closeWith(connection, 4010, "Invalid shard.");
            return;
        }
        byte[] sessionId = new byte[16];
        RANDOM.nextBytes(sessionId);
        GatewaySession session = new GatewaySession(HexFormat.of().formatHex(sessionId), intents, shardId, shardTotal);
        session.attach(connection);
        state.session = session;
        dispatcher.open(session);
        dispatcher.together(() -> {
            dispatcher.dispatch(connection, "READY", ready(session));
            if (session.holds(GUILD_ID)) {
                dispatcher.dispatch(connection, "GUILD_CREATE", guild.guildCreate());
            }
        });
    }

    private void resume(WebSocket connection, JsonNode d) {
        ConnectionState state = connection.getAttachment();
        GatewaySession session = dispatcher.session(d.path("session_id").asText(""));
        if (session == null) {
            ObjectNode invalid = JSON.createObjectNode();
            invalid.put("op", 9);
            invalid.put("d", false);
            invalid.putNull("s");
            invalid.putNull("t");
            GatewayDispatcher.send(connection, invalid);
            return;
        }
        // The new connection takes the session over, even if the server has not yet seen the old one close.
        session.attach(connection);
        state.session = session;
        ObjectNode resumed = JSON.createObjectNode();
        resumed.putArray("_trace").add("[\"fake-discord-gateway\"]");
        dispatcher.dispatch(connection, "RESUMED", resumed);
        monitor.update(() -> resumes++);
    }

    /** Op 8 REQUEST_GUILD_MEMBERS: the members asked for by id, or whose username starts with the query. */
    private void requestMembers(WebSocket connection, JsonNode d) {
        ConnectionState state = connection.getAttachment();
        if (state.session == null) {
            closeWith(connection, 4003, "Not authenticated.");
            return;
        }
        List<String> wanted = new ArrayList<>();
        JsonNode ids = d.path("user_ids");
        if (ids.isArray()) {
            ids.forEach(id -> wanted.add(id.asText()));
        } else if (ids.isValueNode() && !ids.isNull()) {
            wanted.add(ids.asText());
        }
        String query = d.path("query").asText("").toLowerCase(Locale.ROOT);
        int limit = d.path("limit").asInt(0);
        ObjectNode chunk = JSON.createObjectNode();
        chunk.put("guild_id", d.path("guild_id").asText(GUILD_ID));
        ArrayNode members = chunk.putArray("members");
        ArrayNode notFound = chunk.putArray("not_found");
        List<String> memberIds = guild.memberIds();
        for (String id : memberIds) {
            ObjectNode user = guild.user(id);
            boolean matches = wanted.isEmpty()
                    ? user.path("username").asText().toLowerCase(Locale.ROOT).startsWith(query)
                    : wanted.contains(id);
            if (matches && (limit == 0 || members.size() < limit)) {
                members.add(DiscordJson.member(user, guild.rolesOf(id), guild.joinedAt()));
            }
        }
        for (String id : wanted) {
            if (!memberIds.contains(id)) {
                notFound.add(id);
            }
        }
        chunk.put("chunk_index", 0);
        chunk.put("chunk_count", 1);
        if (d.hasNonNull("nonce")) {
            chunk.set("nonce", d.get("nonce"));
        }
        if (!d.path("guild_id").asText(GUILD_ID).equals(GUILD_ID)) {
            members.removeAll();
        }
        dispatcher.dispatch(connection, "GUILD_MEMBERS_CHUNK", chunk);
    }

    private void closeWith(WebSocket connection, int code, String reason) {
        monitor.update(() -> closeCodes.add(code));
        connection.close(code, reason);
    }

    private ObjectNode ready(GatewaySession session) {
        ObjectNode ready = JSON.createObjectNode();
        ready.put("v", 10);
        ready.set("user", DiscordJson.selfUser(guild.user(BOT_USER_ID)));
        ArrayNode guilds = ready.putArray("guilds");
        if (session.holds(GUILD_ID)) {
            ObjectNode unavailable = guilds.addObject();
            unavailable.put("id", GUILD_ID);
            unavailable.put("unavailable", true);
        }
        ready.put("session_id", session.id());
        ready.put("session_type", "normal");
        ready.put("resume_gateway_url", url());
        ready.putArray("shard").add(session.shardId()).add(session.shardTotal());
        ObjectNode application = ready.putObject("application");
        application.put("id", APPLICATION_ID);
        application.put("flags", applicationFlags());
        ready.putArray("private_channels"); // JDA requires the array even though bots always get it empty
        ready.putArray("relationships");
        ready.putArray("presences");
        ready.putArray("guild_join_requests");
        ready.putArray("geo_ordered_rtc_regions").add("fake");
        ready.putObject("user_settings");
        ready.putObject("auth");
        ready.putArray("_trace").add("[\"fake-discord-gateway\"]");
        return ready;
    }

    /** Per-connection state attached to the WebSocket: the session it carries, once identified or resumed. */
    private static final class ConnectionState {
        private volatile GatewaySession session;
    }
}
