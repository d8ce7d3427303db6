package dev.interviewcoach.testkit.discord;

import static dev.interviewcoach.testkit.discord.DiscordJson.JSON;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HexFormat;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.dv8tion.jda.api.GatewayEncoding;
import net.dv8tion.jda.api.JDABuilder;
import net.dv8tion.jda.api.requests.RestConfig;
import net.dv8tion.jda.api.utils.Compression;
import net.dv8tion.jda.api.utils.SessionController;
import net.dv8tion.jda.api.utils.SessionControllerAdapter;
import org.java_websocket.WebSocket;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A fake Discord on loopback that the real, unmodified JDA talks to: REST over HTTP and the gateway over WebSocket.
 *
 * <p>It serves one guild ({@link #GUILD_ID}) with one text channel ({@link #CHANNEL_ID}), the bot, an owner and two
 * members, records every REST call (files of multipart messages included), and lets tests inject what users do:
 * slash commands (with subcommand groups), button clicks, modal submits, autocomplete and messages. Tests can give
 * members permissions ({@link #grantPermissions}, {@link #allowInChannel}) and see the bot's own reactions
 * ({@link #botReactions}). Point JDA at it with {@link #configure(JDABuilder)}, or by hand:
 *
 * <pre>{@code
 * JDABuilder.createLight("fake-token", intents)
 *     .setRestConfig(new RestConfig().setBaseUrl(fake.restUrl()))
 *     .setSessionController(fake.sessionController())   // JDA has no other way to learn the gateway URL
 *     .setCompression(Compression.NONE)
 *     .setGatewayEncoding(GatewayEncoding.JSON)
 * }</pre>
 *
 * <p>Like Discord, the gateway only delivers guild messages to clients with GUILD_MESSAGES and DMs to clients with
 * DIRECT_MESSAGES, blanks the content of other users' guild messages for clients without MESSAGE_CONTENT (unless
 * the message mentions the bot), and echoes the bot's own non-ephemeral messages as MESSAGE_CREATE.
 */
public final class FakeDiscord implements AutoCloseable {

    /** The application id (deliberately different from the bot user id, so mix-ups show). */
    public static final String APPLICATION_ID = "1100000000000000001";
    /** The bot's user id. */
    public static final String BOT_USER_ID = "1100000000000000002";
    /** The one guild the bot is in. */
    public static final String GUILD_ID = "1200000000000000001";
    /** The guild's text channel. */
    public static final String CHANNEL_ID = "1200000000000000002";
    /** The bot's managed role in the guild. */
    public static final String BOT_ROLE_ID = "1200000000000000003";
    /** The guild owner. */
    public static final String OWNER_ID = "1300000000000000001";
    /** A guild member ("alice"). */
    public static final String USER_A = "1300000000000000002";
    /** Another guild member ("bob"). */
    public static final String USER_B = "1300000000000000003";

    /** The permission bit MANAGE_CHANNELS, for {@link #grantPermissions} and {@link #allowInChannel}. */
    public static final long PERMISSION_MANAGE_CHANNELS = DiscordJson.MANAGE_CHANNELS;
    /** The permission bit MANAGE_GUILD ("Manage Server"), for {@link #grantPermissions}. */
    public static final long PERMISSION_MANAGE_GUILD = DiscordJson.MANAGE_GUILD;

    /** The application flag GATEWAY_MESSAGE_CONTENT: the app may receive message content. */
    public static final long FLAG_GATEWAY_MESSAGE_CONTENT = 1L << 19;
    /** The gateway intent MESSAGE_CONTENT. */
    public static final int INTENT_MESSAGE_CONTENT = 1 << 15;
    /** The gateway intent GUILD_MESSAGES. */
    public static final int INTENT_GUILD_MESSAGES = 1 << 9;
    /** The privileged gateway intent GUILD_MEMBERS. */
    public static final int INTENT_GUILD_MEMBERS = 1 << 1;
    /** The gateway intent DIRECT_MESSAGES. */
    public static final int INTENT_DIRECT_MESSAGES = 1 << 12;
    /** The gateway close code for intents the application may not use. */
    public static final int CLOSE_DISALLOWED_INTENTS = 4014;
    /** The heartbeat interval HELLO announces, in milliseconds (Discord's usual value). */
    public static final int HEARTBEAT_INTERVAL_MS = 41_250;

    private static final Logger LOG = LoggerFactory.getLogger(FakeDiscord.class);
    private static final String LOOPBACK = "127.0.0.1";
    private static final String API_PREFIX = "/api/v10/";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern MENTION = Pattern.compile("<@!?(\\d+)>");

    // Routes (paths below /api/v10/).
    private static final Pattern APP_COMMANDS = Pattern.compile("applications/(\\d+)/commands");
    private static final Pattern GUILD_COMMANDS = Pattern.compile("applications/(\\d+)/guilds/(\\d+)/commands");
    private static final Pattern CALLBACK = Pattern.compile("interactions/(\\d+)/([^/]+)/callback");
    private static final Pattern WEBHOOK = Pattern.compile("webhooks/(\\d+)/([^/]+)");
    private static final Pattern WEBHOOK_MESSAGE = Pattern.compile("webhooks/(\\d+)/([^/]+)/messages/(@original|\\d+)");
    private static final Pattern CHANNEL = Pattern.compile("channels/(\\d+)");
    private static final Pattern CHANNEL_MESSAGES = Pattern.compile("channels/(\\d+)/messages");
    private static final Pattern CHANNEL_MESSAGE = Pattern.compile("channels/(\\d+)/messages/(\\d+)");
    private static final Pattern REACTIONS = Pattern.compile("channels/(\\d+)/messages/(\\d+)/reactions(/.*)?");
    private static final Pattern OWN_REACTION = Pattern.compile("channels/(\\d+)/messages/(\\d+)/reactions/([^/]+)/@me");
    private static final Pattern TYPING = Pattern.compile("channels/(\\d+)/typing");
    private static final Pattern THREADS = Pattern.compile("channels/(\\d+)/threads");
    private static final Pattern MESSAGE_THREADS = Pattern.compile("channels/(\\d+)/messages/(\\d+)/threads");
    private static final Pattern THREAD_MEMBER = Pattern.compile("channels/(\\d+)/thread-members/(@me|\\d+)");
    private static final Pattern USER = Pattern.compile("users/(\\d+)");
    private static final Pattern GUILD_MEMBER = Pattern.compile("guilds/(\\d+)/members/(\\d+)");
    private static final Pattern GUILD_CHANNELS = Pattern.compile("guilds/(\\d+)/channels");

    private final HttpServer http;
    private final ExecutorService httpPool;
    private final Gateway gateway;
    private final AtomicBoolean closed = new AtomicBoolean();

    // One monitor guards the recorded calls, the controls and the gateway bookkeeping below, and wakes every
    // await* method when any of them changes; test volumes make contention irrelevant.
    private final Object monitor = new Object();
    private final List<RestCall> calls = new ArrayList<>();
    private final List<Throttle> throttles = new ArrayList<>();
    private final List<Failure> failures = new ArrayList<>();
    private final List<JsonNode> gatewayReceived = new ArrayList<>();
    private final List<Integer> closeCodes = new ArrayList<>();
    private final Map<RestCall, String> createdBy = new IdentityHashMap<>();
    private int identifies;
    private int resumes;
    private int lastIntents = -1;

    // Serialises gateway sends so sequence numbers reach each client in increasing order.
    private final Object gatewayLock = new Object();
    private final AtomicLong sequence = new AtomicLong();
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();

    private volatile boolean messageContentIntent = true;

    // The fake's world: users, channels (text channel, threads, DMs), messages, interactions and commands.
    private final Map<String, ObjectNode> users = new ConcurrentHashMap<>();
    private final Map<String, ObjectNode> channels = new ConcurrentHashMap<>();
    private final Map<String, String> dmByUser = new ConcurrentHashMap<>();
    private final Map<String, ObjectNode> messages = new ConcurrentHashMap<>();
    private final Map<String, String> lastMessageByChannel = new ConcurrentHashMap<>();
    private final Map<String, List<String>> botReactions = new ConcurrentHashMap<>();
    // Roles granted by tests, in creation order, and which members hold them.
    private final Map<String, ObjectNode> grantedRoles = Collections.synchronizedMap(new LinkedHashMap<>());
    private final Map<String, List<String>> rolesByMember = new ConcurrentHashMap<>();
    private final Map<String, Interaction> interactions = new ConcurrentHashMap<>();
    private final Map<String, ArrayNode> commands = new ConcurrentHashMap<>();
    private final Map<String, String> commandIds = new ConcurrentHashMap<>();
    private final AtomicReference<String> lastThreadId = new AtomicReference<>();
    private final AtomicReference<Interaction> lastInteraction = new AtomicReference<>();
    private final String joinedAt = DiscordJson.timestamp(Instant.parse("2024-01-15T10:00:00Z"));

    private FakeDiscord(HttpServer http, ExecutorService httpPool, Gateway gateway) {
        this.http = http;
        this.httpPool = httpPool;
        this.gateway = gateway;
        users.put(BOT_USER_ID, DiscordJson.user(BOT_USER_ID, "interview-coach", "Interview Coach", true));
        users.put(OWNER_ID, DiscordJson.user(OWNER_ID, "owner", "Guild Owner", false));
        users.put(USER_A, DiscordJson.user(USER_A, "alice", "Alice", false));
        users.put(USER_B, DiscordJson.user(USER_B, "bob", "Bob", false));
        channels.put(CHANNEL_ID, DiscordJson.textChannel(CHANNEL_ID, GUILD_ID, "interview-practice", 0));
    }

    /** Starts a fake Discord on free loopback ports (HTTP for REST, WebSocket for the gateway). */
    public static FakeDiscord start() {
        InetAddress loopback;
        HttpServer http;
        try {
            // Bind the literal address the URLs name, not getLoopbackAddress(), which may be ::1.
            loopback = InetAddress.getByName(LOOPBACK);
            http = HttpServer.create(new InetSocketAddress(loopback, 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("could not bind the fake Discord HTTP server", e);
        }
        ExecutorService pool = Executors.newFixedThreadPool(4, daemonThreads("fake-discord-http-"));
        http.setExecutor(pool);
        Gateway gateway = new Gateway(new InetSocketAddress(loopback, 0));
        FakeDiscord fake = new FakeDiscord(http, pool, gateway);
        gateway.owner = fake;
        http.createContext("/", fake::handle);
        http.start();
        try {
            gateway.startAndAwait(Duration.ofSeconds(5));
        } catch (RuntimeException e) {
            fake.close();
            throw e;
        }
        return fake;
    }

    // ---------------------------------------------------------------- wiring

    /** The REST base URL for {@code new RestConfig().setBaseUrl(...)}, e.g. {@code http://127.0.0.1:1234/api/v10/}. */
    public String restUrl() {
        return "http://" + LOOPBACK + ":" + http.getAddress().getPort() + API_PREFIX;
    }

    private volatile String handedOutGateway;

    /** The gateway URL, e.g. {@code ws://127.0.0.1:2345/}; also what gateway/bot and READY hand out. */
    public String gatewayUrl() {
        return "ws://" + LOOPBACK + ":" + gateway.getPort() + "/";
    }

    /**
     * A session controller that sends JDA to this fake's gateway; JDA otherwise always connects to
     * {@code wss://gateway.discord.gg} (it does not ask gateway/bot for a single shard). Use a new one per JDA.
     */
    public SessionController sessionController() {
        String url = gatewayUrl();
        return new SessionControllerAdapter() {
            @Override
            public String getGateway() {
                return url;
            }
        };
    }

    /** Points a JDA builder at this fake: REST base URL, gateway (session controller), no compression, JSON. */
    public JDABuilder configure(JDABuilder builder) {
        return builder.setRestConfig(new RestConfig().setBaseUrl(restUrl()))
                .setSessionController(sessionController())
                .setCompression(Compression.NONE)
                .setGatewayEncoding(GatewayEncoding.JSON);
    }

    /**
     * Whether the application has the MESSAGE_CONTENT privileged intent enabled (default {@code true}). When
     * {@code false}, the application flags lack GATEWAY_MESSAGE_CONTENT and an IDENTIFY asking for the
     * MESSAGE_CONTENT intent is closed with 4014, as Discord does. Set it before JDA connects.
     */
    /**
     * Makes {@code gateway/bot} hand out another URL (one where nothing listens, say), to check that
     * a client configured with this fake's {@link #gatewayUrl()} connects there regardless.
     */
    public FakeDiscord handOutGateway(String url) {
        this.handedOutGateway = url;
        return this;
    }

    public FakeDiscord messageContentIntent(boolean enabled) {
        this.messageContentIntent = enabled;
        return this;
    }

    /** Whether the application has the MESSAGE_CONTENT privileged intent enabled. */
    public boolean messageContentIntent() {
        return messageContentIntent;
    }

    // ---------------------------------------------------------------- REST controls and inspection

    /**
     * Answers the next {@code times} calls of {@code method} whose path fully matches {@code pathRegex} with HTTP 429,
     * Discord's rate-limit headers and body; JDA waits {@code Retry-After} (whole seconds, rounded up) and retries.
     */
    public void rateLimitNext(String method, String pathRegex, int times, double retryAfterSeconds) {
        if (times < 0 || retryAfterSeconds < 0) {
            throw new IllegalArgumentException("times and retryAfterSeconds must not be negative");
        }
        synchronized (monitor) {
            throttles.add(new Throttle(method.toUpperCase(Locale.ROOT), Pattern.compile(pathRegex), times,
                    retryAfterSeconds));
        }
    }

    /**
     * Answers the next call of {@code method} whose path fully matches {@code pathRegex} with {@code status} and
     * Discord's error body {@code {"message":message,"code":code}}, e.g. 403 / 50013 / "Missing Permissions".
     * Repeated calls queue up.
     */
    public void failNext(String method, String pathRegex, int status, int code, String message) {
        synchronized (monitor) {
            failures.add(new Failure(method.toUpperCase(Locale.ROOT), Pattern.compile(pathRegex), status, code,
                    message));
        }
    }

    /** Forgets recorded REST calls and gateway messages and drops pending rate limits and failures. */
    public void reset() {
        synchronized (monitor) {
            calls.clear();
            createdBy.clear();
            throttles.clear();
            failures.clear();
            gatewayReceived.clear();
            closeCodes.clear();
        }
    }

    /** Every REST call received so far, oldest first (including rate-limited, failed and unknown ones). */
    public List<RestCall> calls() {
        synchronized (monitor) {
            return List.copyOf(calls);
        }
    }

    /** The REST calls of {@code method} whose path fully matches {@code pathRegex}, oldest first. */
    public List<RestCall> calls(String method, String pathRegex) {
        Pattern path = Pattern.compile(pathRegex);
        synchronized (monitor) {
            return calls.stream().filter(c -> c.method().equalsIgnoreCase(method)
                    && path.matcher(c.path()).matches()).toList();
        }
    }

    /**
     * Waits for the first REST call of {@code method} whose path fully matches {@code pathRegex} and that
     * {@code match} accepts, failing with every call seen when none arrives in time.
     */
    public RestCall awaitCall(String method, String pathRegex, Predicate<RestCall> match, Duration timeout) {
        Pattern path = Pattern.compile(pathRegex);
        AtomicReference<RestCall> found = new AtomicReference<>();
        boolean arrived = waitUntil(() -> {
            for (RestCall call : calls) {
                if (call.method().equalsIgnoreCase(method) && path.matcher(call.path()).matches() && match.test(call)) {
                    found.set(call);
                    return true;
                }
            }
            return false;
        }, timeout);
        if (!arrived) {
            throw new AssertionError("no matching " + method + " " + pathRegex + " call within " + timeout
                    + "; calls seen: " + describe(calls()));
        }
        return found.get();
    }

    /** Waits for the first REST call of {@code method} whose path fully matches {@code pathRegex}. */
    public RestCall awaitCall(String method, String pathRegex, Duration timeout) {
        return awaitCall(method, pathRegex, call -> true, timeout);
    }

    // ---------------------------------------------------------------- gateway inspection

    /** Waits until a client has sent IDENTIFY (whether or not the fake accepted it). */
    public void awaitIdentified(Duration timeout) {
        if (!waitUntil(() -> identifies > 0, timeout)) {
            throw new AssertionError("no client identified within " + timeout + "; REST calls seen: "
                    + describe(calls()));
        }
    }

    /** Waits until a client has resumed its session (answered with RESUMED) since the fake started. */
    public void awaitResumed(Duration timeout) {
        if (!waitUntil(() -> resumes > 0, timeout)) {
            throw new AssertionError("no session was resumed within " + timeout + "; gateway payloads received: "
                    + gatewayReceived());
        }
    }

    /**
     * Sends op 7 RECONNECT to every connected client, as Discord does before moving a session; JDA reconnects
     * and RESUMEs, which the fake answers with RESUMED (it does not replay events missed in between).
     */
    public void requestReconnect() {
        ObjectNode reconnect = JSON.createObjectNode();
        reconnect.put("op", 7);
        reconnect.putNull("d");
        reconnect.putNull("s");
        reconnect.putNull("t");
        synchronized (gatewayLock) {
            for (Session session : liveSessions()) {
                send(session.connection, reconnect);
            }
        }
    }

    /** The intents of the latest IDENTIFY, or -1 when none was received. */
    public int identifiedIntents() {
        synchronized (monitor) {
            return lastIntents;
        }
    }

    /** The close codes the fake's gateway sent to clients (e.g. 4014), oldest first. */
    public List<Integer> gatewayCloseCodes() {
        synchronized (monitor) {
            return List.copyOf(closeCodes);
        }
    }

    /** Every gateway payload clients sent (heartbeats, IDENTIFY with the token redacted, RESUME, ...), oldest first. */
    public List<JsonNode> gatewayReceived() {
        synchronized (monitor) {
            return List.copyOf(gatewayReceived);
        }
    }

    // ---------------------------------------------------------------- world inspection

    /** The id of the thread the latest thread-creating REST call made, or {@code null}. */
    public String lastThreadId() {
        return lastThreadId.get();
    }

    /** The id of the latest injected interaction, or {@code null}. */
    public String lastInteractionId() {
        Interaction interaction = lastInteraction.get();
        return interaction == null ? null : interaction.id;
    }

    /** The id of the interaction with this token, or {@code null} when the fake never issued the token. */
    public String interactionId(String token) {
        Interaction interaction = interactions.get(token);
        return interaction == null ? null : interaction.id;
    }

    /** The id of the latest message created in a channel (by the bot through REST or injected), or {@code null}. */
    public String lastMessageId(String channelId) {
        return lastMessageByChannel.get(channelId);
    }

    /**
     * The id of the message a recorded message-creating call (channel message or interaction follow-up) made,
     * waiting for the fake to finish answering it. Safer than {@link #lastMessageId} when several messages
     * land in one channel at once.
     */
    public String messageCreatedBy(RestCall call, Duration timeout) {
        if (!waitUntil(() -> createdBy.containsKey(call), timeout)) {
            throw new AssertionError("the call created no message within " + timeout + ": " + call);
        }
        synchronized (monitor) {
            return createdBy.get(call);
        }
    }

    /** The current state of a message the fake knows (as Discord would return it), or {@code null}. */
    public JsonNode storedMessage(String messageId) {
        ObjectNode message = messages.get(messageId);
        return message == null ? null : snapshot(message);
    }

    /** The id of the DM channel between the bot and {@code userId}, creating it if needed (as opening a DM does). */
    public String dmChannel(String userId) {
        return dmChannelFor(userId).get("id").asText();
    }

    /** The emoji the bot itself has put on a message (e.g. {@code ✅}), oldest first; empty when none. */
    public List<String> botReactions(String messageId) {
        return List.copyOf(botReactions.getOrDefault(messageId, List.of()));
    }

    /** Waits until the bot has put {@code emoji} on message {@code messageId}. */
    public void awaitBotReaction(String messageId, String emoji, Duration timeout) {
        if (!waitUntil(() -> botReactions.getOrDefault(messageId, List.of()).contains(emoji), timeout)) {
            throw new AssertionError("the bot did not react with " + emoji + " to message " + messageId + " within "
                    + timeout + "; calls seen: " + describe(calls()));
        }
    }

    // ---------------------------------------------------------------- permissions

    /**
     * Gives guild member {@code userId} a new role with {@code permissions} (bits such as
     * {@link #PERMISSION_MANAGE_CHANNELS}), as a server admin would; returns the role id. Connected clients get
     * GUILD_ROLE_CREATE (and GUILD_MEMBER_UPDATE if they asked for GUILD_MEMBERS); later interactions, messages and
     * member fetches carry the role, and interactions carry the resulting permissions.
     */
    public String grantPermissions(String userId, long permissions) {
        Objects.requireNonNull(userId, "userId");
        String id = DiscordJson.snowflake();
        ObjectNode role = DiscordJson.role(id, "granted-" + grantedRoles.size(), 2 + grantedRoles.size(), permissions, false);
        grantedRoles.put(id, role);
        rolesByMember.computeIfAbsent(userId, u -> new CopyOnWriteArrayList<>()).add(id);
        ObjectNode created = JSON.createObjectNode();
        created.put("guild_id", GUILD_ID);
        created.set("role", role.deepCopy());
        dispatchToAll("GUILD_ROLE_CREATE", created, 0);
        ObjectNode updated = DiscordJson.member(user(userId), rolesOf(userId), joinedAt);
        updated.put("guild_id", GUILD_ID);
        dispatchToAll("GUILD_MEMBER_UPDATE", updated, INTENT_GUILD_MEMBERS);
        return id;
    }

    /**
     * Allows member {@code userId} {@code permissions} in one guild text channel only (a member permission
     * overwrite, as "Edit Channel > Permissions" makes); connected clients get CHANNEL_UPDATE. Threads inherit it.
     */
    public void allowInChannel(String userId, String channelId, long permissions) {
        ObjectNode channel = knownChannel(channelId);
        if (channel.path("type").asInt() != DiscordJson.GUILD_TEXT) {
            throw new IllegalArgumentException("permission overwrites belong to text channels, not " + channelId);
        }
        synchronized (channel) {
            ArrayNode overwrites = channel.withArray("permission_overwrites");
            for (int i = overwrites.size() - 1; i >= 0; i--) {
                if (overwrites.get(i).path("id").asText().equals(userId)) {
                    overwrites.remove(i);
                }
            }
            ObjectNode overwrite = overwrites.addObject();
            overwrite.put("id", userId);
            overwrite.put("type", 1); // member
            overwrite.put("allow", Long.toString(permissions));
            overwrite.put("deny", "0");
        }
        dispatchToAll("CHANNEL_UPDATE", snapshot(channel), 0);
    }

    // ---------------------------------------------------------------- injection: what users do

    /**
     * Dispatches INTERACTION_CREATE for a slash command, as if {@code userId} ran {@code /name [subcommand]} in
     * {@code channelId} (a guild channel or thread, or a DM channel from {@link #dmChannel}); returns its token.
     *
     * @param options option values by name: String, Integer/Long, Boolean or Double become STRING, INTEGER,
     *                BOOLEAN and NUMBER options; may be empty
     */
    public String slashCommand(String userId, String channelId, String name, String subcommand,
                               Map<String, ?> options) {
        return slashCommand(userId, channelId, name, null, subcommand, options);
    }

    /**
     * Like {@link #slashCommand(String, String, String, String, Map)} for a subcommand in a group:
     * {@code /name group subcommand}. Options arrive in the map's iteration order, as Discord sends them in the
     * order the person filled them in.
     */
    public String slashCommand(String userId, String channelId, String name, String group, String subcommand,
                               Map<String, ?> options) {
        if (group != null && subcommand == null) {
            throw new IllegalArgumentException("a subcommand group needs a subcommand");
        }
        Interaction interaction = newInteraction(2, userId, channelId);
        ObjectNode data = JSON.createObjectNode();
        data.put("id", commandId(name));
        data.put("name", name);
        data.put("type", 1);
        ArrayNode values = optionValues(options);
        if (subcommand != null) {
            data.set("options", subcommandOptions(group, subcommand, values));
        } else if (!values.isEmpty()) {
            data.set("options", values);
        }
        interaction.commandName = commandName(name, group, subcommand);
        return dispatchInteraction(interaction, data, null);
    }

    /** The options array that selects {@code [group] subcommand} and carries its values. */
    private static ArrayNode subcommandOptions(String group, String subcommand, ArrayNode values) {
        ArrayNode top = JSON.createArrayNode();
        ArrayNode level = top;
        if (group != null) {
            ObjectNode groupOption = top.addObject();
            groupOption.put("name", group);
            groupOption.put("type", 2); // SUB_COMMAND_GROUP
            level = groupOption.putArray("options");
        }
        ObjectNode sub = level.addObject();
        sub.put("name", subcommand);
        sub.put("type", 1); // SUB_COMMAND
        sub.set("options", values);
        return top;
    }

    private static String commandName(String name, String group, String subcommand) {
        return name + (group == null ? "" : " " + group) + (subcommand == null ? "" : " " + subcommand);
    }

    /** Dispatches INTERACTION_CREATE for a click on button {@code customId} of message {@code messageId}; returns its token. */
    public String buttonClick(String userId, String channelId, String messageId, String customId) {
        Interaction interaction = newInteraction(3, userId, channelId);
        ObjectNode message = messages.computeIfAbsent(messageId, id -> messageWithButton(id, channelId, customId));
        interaction.sourceMessageId = messageId;
        ObjectNode data = JSON.createObjectNode();
        data.put("custom_id", customId);
        data.put("component_type", 2);
        data.put("id", buttonComponentId(message, customId));
        return dispatchInteraction(interaction, data, snapshot(message));
    }

    /**
     * Dispatches INTERACTION_CREATE for a submitted modal {@code customId} whose text inputs hold {@code fields}
     * (custom id to value); returns its token. The inputs arrive wrapped in labels (component type 18), the
     * structure JDA 6 builds modals with and the only one its ModalInteraction reads.
     */
    public String modalSubmit(String userId, String channelId, String customId, Map<String, String> fields) {
        Interaction interaction = newInteraction(5, userId, channelId);
        ObjectNode data = JSON.createObjectNode();
        data.put("custom_id", customId);
        ArrayNode components = data.putArray("components");
        int id = 1;
        for (Map.Entry<String, String> field : fields.entrySet()) {
            ObjectNode label = components.addObject();
            label.put("type", 18);
            label.put("id", id++);
            ObjectNode input = label.putObject("component");
            input.put("type", 4);
            input.put("id", id++);
            input.put("custom_id", field.getKey());
            input.put("value", field.getValue());
        }
        return dispatchInteraction(interaction, data, null);
    }

    /**
     * Dispatches INTERACTION_CREATE for autocomplete of option {@code focusedOption} (typed so far: {@code value})
     * of {@code /name [subcommand]}; returns its token. Answer with {@code event.replyChoices(...)}.
     */
    public String autocomplete(String userId, String channelId, String name, String subcommand,
                               String focusedOption, String value) {
        return autocomplete(userId, channelId, name, null, subcommand, focusedOption, value);
    }

    /** Like {@link #autocomplete(String, String, String, String, String, String)} in {@code /name group subcommand}. */
    public String autocomplete(String userId, String channelId, String name, String group, String subcommand,
                               String focusedOption, String value) {
        if (group != null && subcommand == null) {
            throw new IllegalArgumentException("a subcommand group needs a subcommand");
        }
        Interaction interaction = newInteraction(4, userId, channelId);
        ObjectNode data = JSON.createObjectNode();
        data.put("id", commandId(name));
        data.put("name", name);
        data.put("type", 1);
        ArrayNode values = JSON.createArrayNode();
        ObjectNode focused = values.addObject();
        focused.put("name", focusedOption);
        focused.put("type", 3);
        focused.put("value", value);
        focused.put("focused", true);
        if (subcommand != null) {
            data.set("options", subcommandOptions(group, subcommand, values));
        } else {
            data.set("options", values);
        }
        interaction.commandName = commandName(name, group, subcommand);
        return dispatchInteraction(interaction, data, null);
    }

    /**
     * Dispatches MESSAGE_CREATE for a message {@code userId} writes in {@code channelId} (the text channel, a
     * thread, or a DM channel from {@link #dmChannel}); returns the message id. Mentions ({@code <@id>}) in the
     * content are reported in {@code mentions}.
     */
    public String message(String userId, String channelId, String content) {
        ObjectNode channel = knownChannel(channelId);
        String guildId = channel.hasNonNull("guild_id") ? channel.get("guild_id").asText() : null;
        ObjectNode message = DiscordJson.message(DiscordJson.snowflake(), channelId, guildId, user(userId), content);
        if (guildId != null) {
            message.set("member", DiscordJson.member(null, rolesOf(userId), joinedAt));
        }
        ArrayNode mentions = message.putArray("mentions");
        Matcher mention = MENTION.matcher(content == null ? "" : content);
        while (mention.find()) {
            ObjectNode mentioned = users.get(mention.group(1));
            if (mentioned != null) {
                mentions.add(mentioned.deepCopy());
            }
        }
        remember(message);
        if (dispatchMessage("MESSAGE_CREATE", message) == 0 && liveSessions().isEmpty()) {
            throw new IllegalStateException("no gateway client is connected and identified to the fake Discord");
        }
        return message.get("id").asText();
    }

    /** Stops both servers; connected clients see the gateway close. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            gateway.stop(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        http.stop(0);
        httpPool.shutdownNow();
    }

    // ---------------------------------------------------------------- REST handling

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Reply reply;
            try {
                reply = answer(exchange);
            } catch (RuntimeException | IOException e) {
                // The JDK server swallows handler exceptions silently; say what broke instead.
                LOG.error("fake Discord failed to answer {} {}", exchange.getRequestMethod(),
                        exchange.getRequestURI(), e);
                reply = Reply.json(500, error("fake Discord internal error: " + e, 0));
            }
            exchange.getResponseHeaders().set("Via", "1.1 google"); // without it JDA takes a 429 for Cloudflare's
            reply.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
            if (reply.body() == null) {
                exchange.sendResponseHeaders(reply.status(), -1);
                return;
            }
            byte[] bytes = JSON.writeValueAsBytes(reply.body());
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(reply.status(), bytes.length);
            exchange.getResponseBody().write(bytes);
        }
    }

    private Reply answer(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
        String fullPath = exchange.getRequestURI().getPath();
        String path = fullPath.startsWith(API_PREFIX) ? fullPath.substring(API_PREFIX.length()) : fullPath;
        byte[] raw = exchange.getRequestBody().readAllBytes();
        Body body = parseBody(exchange.getRequestHeaders().getFirst("Content-Type"), raw);
        RestCall call = new RestCall(method, path, body.json(), exchange.getRequestURI().getRawQuery(), Instant.now(),
                body.files(), exchange.getRequestHeaders().getFirst("User-Agent"));
        Reply controlled;
        synchronized (monitor) {
            calls.add(call);
            controlled = controlledReply(method, path);
            monitor.notifyAll();
        }
        if (controlled != null) {
            return controlled;
        }
        if (!fullPath.startsWith(API_PREFIX)) {
            return unknownRoute();
        }
        return route(call);
    }

    /** A pending rate limit or failure for this call, consuming it; null when the call should be served. */
    private Reply controlledReply(String method, String path) {
        for (Throttle throttle : throttles) {
            if (throttle.remaining > 0 && throttle.method.equals(method) && throttle.path.matcher(path).matches()) {
                throttle.remaining--;
                return rateLimited(throttle);
            }
        }
        for (int i = 0; i < failures.size(); i++) {
            Failure failure = failures.get(i);
            if (failure.method.equals(method) && failure.path.matcher(path).matches()) {
                failures.remove(i);
                return Reply.json(failure.status, error(failure.message, failure.code));
            }
        }
        return null;
    }

    private static Reply rateLimited(Throttle throttle) {
        double after = throttle.retryAfterSeconds;
        ObjectNode body = JSON.createObjectNode();
        body.put("message", "You are being rate limited.");
        body.put("retry_after", after);
        body.put("global", false);
        Map<String, String> headers = new LinkedHashMap<>();
        // Discord sends Retry-After in whole seconds (JDA parses it as a long) and the precise value elsewhere.
        headers.put("Retry-After", Long.toString((long) Math.ceil(after)));
        headers.put("X-RateLimit-Limit", "5");
        headers.put("X-RateLimit-Remaining", "0");
        headers.put("X-RateLimit-Reset", String.format(Locale.ROOT, "%.3f",
                System.currentTimeMillis() / 1000.0 + after));
        headers.put("X-RateLimit-Reset-After", String.format(Locale.ROOT, "%.3f", after));
        headers.put("X-RateLimit-Bucket",
                String.format(Locale.ROOT, "%08x", (throttle.method + throttle.path.pattern()).hashCode()));
        headers.put("X-RateLimit-Scope", "user");
        return new Reply(429, body, headers);
    }

    private Reply route(RestCall call) {
        String method = call.method();
        String path = call.path();
        JsonNode body = call.body();
        Matcher m;
        switch (method + " " + path) {
            case "GET gateway" -> {
                ObjectNode out = JSON.createObjectNode();
                out.put("url", gatewayUrl());
                return Reply.ok(out);
            }
            case "GET gateway/bot" -> {
                ObjectNode out = JSON.createObjectNode();
                out.put("url", handedOutGateway != null ? handedOutGateway : gatewayUrl());
                out.put("shards", 1);
                ObjectNode limit = out.putObject("session_start_limit");
                limit.put("total", 1000);
                limit.put("remaining", 999);
                limit.put("reset_after", 14_400_000);
                limit.put("max_concurrency", 1);
                return Reply.ok(out);
            }
            case "GET users/@me" -> {
                return Reply.ok(DiscordJson.selfUser(user(BOT_USER_ID)));
            }
            case "GET oauth2/applications/@me", "GET applications/@me" -> {
                return Reply.ok(application());
            }
            case "POST users/@me/channels" -> {
                String recipient = body.path("recipient_id").asText("");
                if (!users.containsKey(recipient)) {
                    return Reply.json(400, error("Invalid Recipient(s)", 50033));
                }
                return Reply.ok(dmChannelFor(recipient).deepCopy());
            }
            default -> {
                // Parameterised routes below.
            }
        }
        if ((m = match(GUILD_COMMANDS, path)) != null) {
            return commandsRoute(method, m.group(1), m.group(2), body);
        }
        if ((m = match(APP_COMMANDS, path)) != null) {
            return commandsRoute(method, m.group(1), null, body);
        }
        if (method.equals("POST") && (m = match(CALLBACK, path)) != null) {
            return callback(m.group(1), m.group(2), body, call.query());
        }
        if ((m = match(WEBHOOK_MESSAGE, path)) != null) {
            return webhookMessage(method, m.group(1), m.group(2), m.group(3), body);
        }
        if (method.equals("POST") && (m = match(WEBHOOK, path)) != null) {
            return created(call, followUp(m.group(1), m.group(2), body, call.files()));
        }
        if (method.equals("POST") && (m = match(CHANNEL_MESSAGES, path)) != null) {
            return created(call, createMessage(m.group(1), body, call.files()));
        }
        if ((m = match(CHANNEL_MESSAGE, path)) != null) {
            return channelMessage(method, m.group(1), m.group(2), body);
        }
        if (method.equals("POST") && (m = match(THREADS, path)) != null) {
            return createThread(m.group(1), null, body);
        }
        if (method.equals("POST") && (m = match(MESSAGE_THREADS, path)) != null) {
            return createThread(m.group(1), m.group(2), body);
        }
        if ((method.equals("PUT") || method.equals("DELETE")) && (m = match(THREAD_MEMBER, path)) != null) {
            return threadMember(method, m.group(1));
        }
        if ((method.equals("PUT") || method.equals("DELETE")) && (m = match(OWN_REACTION, path)) != null) {
            return ownReaction(method, m.group(1), m.group(2), m.group(3));
        }
        if ((method.equals("PUT") || method.equals("DELETE")) && match(REACTIONS, path) != null) {
            return Reply.noContent();
        }
        if (method.equals("POST") && (m = match(TYPING, path)) != null) {
            return channels.containsKey(m.group(1)) ? Reply.noContent() : unknownChannel();
        }
        if (method.equals("GET") && (m = match(CHANNEL, path)) != null) {
            ObjectNode channel = channels.get(m.group(1));
            return channel == null ? unknownChannel() : Reply.ok(snapshot(channel));
        }
        if (method.equals("GET") && (m = match(USER, path)) != null) {
            ObjectNode user = users.get(m.group(1));
            return user == null ? Reply.json(404, error("Unknown User", 10013)) : Reply.ok(user.deepCopy());
        }
        if (method.equals("GET") && (m = match(GUILD_MEMBER, path)) != null) {
            if (!m.group(1).equals(GUILD_ID) || !users.containsKey(m.group(2))) {
                return Reply.json(404, error("Unknown Member", 10007));
            }
            return Reply.ok(DiscordJson.member(user(m.group(2)), rolesOf(m.group(2)), joinedAt));
        }
        if (method.equals("GET") && (m = match(GUILD_CHANNELS, path)) != null && m.group(1).equals(GUILD_ID)) {
            ArrayNode out = JSON.createArrayNode();
            out.add(channels.get(CHANNEL_ID).deepCopy());
            return Reply.ok(out);
        }
        return unknownRoute();
    }

    /** Remembers which message a call created, for {@link #messageCreatedBy}. */
    private Reply created(RestCall call, Reply reply) {
        if (reply.status() / 100 == 2 && reply.body() != null && reply.body().hasNonNull("id")) {
            synchronized (monitor) {
                createdBy.put(call, reply.body().get("id").asText());
                monitor.notifyAll();
            }
        }
        return reply;
    }

    // ---- application commands

    private Reply commandsRoute(String method, String applicationId, String guildId, JsonNode body) {
        if (!applicationId.equals(APPLICATION_ID) || (guildId != null && !guildId.equals(GUILD_ID))) {
            return Reply.json(404, error("Unknown Application", 10002));
        }
        String scope = guildId == null ? "global" : guildId;
        switch (method) {
            case "GET" -> {
                return Reply.ok(commands.getOrDefault(scope, JSON.createArrayNode()).deepCopy());
            }
            case "PUT" -> {
                if (!body.isArray()) {
                    return Reply.json(400, error("Invalid Form Body", 50035));
                }
                ArrayNode stored = JSON.createArrayNode();
                body.forEach(command -> stored.add(registeredCommand(command, guildId)));
                commands.put(scope, stored);
                return Reply.ok(stored.deepCopy());
            }
            case "POST" -> {
                ObjectNode created = registeredCommand(body, guildId);
                ArrayNode stored = commands.computeIfAbsent(scope, s -> JSON.createArrayNode());
                synchronized (stored) {
                    for (int i = stored.size() - 1; i >= 0; i--) {
                        if (stored.get(i).path("name").asText().equals(created.path("name").asText())) {
                            stored.remove(i);
                        }
                    }
                    stored.add(created);
                }
                return Reply.json(201, created.deepCopy());
            }
            default -> {
                return unknownRoute();
            }
        }
    }

    /** A command as Discord stores it: what the client sent plus id, application_id, version and defaults. */
    private ObjectNode registeredCommand(JsonNode sent, String guildId) {
        ObjectNode command = sent.isObject() ? ((ObjectNode) sent).deepCopy() : JSON.createObjectNode();
        String name = command.path("name").asText("");
        command.put("id", commandId(name));
        command.put("application_id", APPLICATION_ID);
        command.put("version", DiscordJson.snowflake());
        if (!command.has("type")) {
            command.put("type", 1);
        }
        if (!command.has("description")) {
            command.put("description", "");
        }
        if (!command.has("default_member_permissions")) {
            command.putNull("default_member_permissions");
        }
        if (!command.has("nsfw")) {
            command.put("nsfw", false);
        }
        if (guildId != null) {
            command.put("guild_id", guildId);
        } else {
            if (!command.hasNonNull("contexts")) {
                command.putArray("contexts").add(0).add(1).add(2);
            }
            if (!command.hasNonNull("integration_types")) {
                command.putArray("integration_types").add(0);
            }
        }
        return command;
    }

    private String commandId(String name) {
        return commandIds.computeIfAbsent(name, n -> DiscordJson.snowflake());
    }

    // ---- interaction responses

    private Reply callback(String interactionId, String token, JsonNode body, String query) {
        Interaction interaction = interactions.get(token);
        if (interaction == null || !interaction.id.equals(interactionId)) {
            return Reply.json(404, error("Unknown interaction", 10062));
        }
        int type = body.path("type").asInt(-1);
        if (!List.of(1, 4, 5, 6, 7, 8, 9, 12).contains(type)) {
            return Reply.json(400, error("Invalid Form Body", 50035));
        }
        synchronized (interaction) {
            if (interaction.acknowledged) {
                return Reply.json(400, error("Interaction has already been acknowledged.", 40060));
            }
            interaction.acknowledged = true;
        }
        JsonNode data = body.path("data");
        ObjectNode message = null;
        switch (type) {
            case 4 -> { // CHANNEL_MESSAGE_WITH_SOURCE
                message = interactionMessage(interaction, data, false, List.of());
                interaction.originalMessageId = message.get("id").asText();
            }
            case 5 -> { // DEFERRED_CHANNEL_MESSAGE_WITH_SOURCE: "Bot is thinking..."
                message = interactionMessage(interaction, null, true, List.of());
                message.put("flags", DiscordJson.LOADING | (data.path("flags").asInt(0) & DiscordJson.EPHEMERAL));
                interaction.originalMessageId = message.get("id").asText();
                dispatchMessageIfVisible("MESSAGE_CREATE", message);
            }
            case 6 -> interaction.originalMessageId = interaction.sourceMessageId; // DEFERRED_UPDATE_MESSAGE
            case 7 -> { // UPDATE_MESSAGE
                interaction.originalMessageId = interaction.sourceMessageId;
                ObjectNode source = interaction.sourceMessageId == null ? null
                        : messages.get(interaction.sourceMessageId);
                if (source != null) {
                    synchronized (source) {
                        DiscordJson.applyMessageRequest(source, data);
                        source.put("edited_timestamp", DiscordJson.now());
                    }
                    message = source;
                    dispatchMessageIfVisible("MESSAGE_UPDATE", source);
                }
            }
            default -> {
                // PONG, AUTOCOMPLETE_RESULT, MODAL, LAUNCH_ACTIVITY: nothing to remember.
            }
        }
        if (query == null || !query.contains("with_response=true")) {
            return Reply.noContent();
        }
        ObjectNode out = JSON.createObjectNode();
        ObjectNode about = out.putObject("interaction");
        about.put("id", interaction.id);
        about.put("type", interaction.type);
        about.putNull("activity_instance_id");
        if (message != null) {
            about.put("response_message_id", message.get("id").asText());
            about.put("response_message_loading", type == 5);
            about.put("response_message_ephemeral", (message.path("flags").asInt() & DiscordJson.EPHEMERAL) != 0);
        }
        ObjectNode resource = out.putObject("resource");
        resource.put("type", type);
        if (message != null) {
            resource.set("message", snapshot(message));
        }
        return Reply.ok(out);
    }

    private Reply followUp(String applicationId, String token, JsonNode body, List<UploadedFile> files) {
        Interaction interaction = interactions.get(token);
        if (!applicationId.equals(APPLICATION_ID) || interaction == null || !interaction.acknowledged) {
            return Reply.json(404, error("Unknown Webhook", 10015));
        }
        ObjectNode message = interactionMessage(interaction, body, false, files);
        return Reply.ok(snapshot(message));
    }

    private Reply webhookMessage(String method, String applicationId, String token, String messageRef,
                                 JsonNode body) {
        Interaction interaction = interactions.get(token);
        if (!applicationId.equals(APPLICATION_ID) || interaction == null) {
            return Reply.json(404, error("Unknown Webhook", 10015));
        }
        String messageId = messageRef.equals("@original") ? interaction.originalMessageId : messageRef;
        ObjectNode message = messageId == null ? null : messages.get(messageId);
        if (message == null) {
            return Reply.json(404, error("Unknown Message", 10008));
        }
        switch (method) {
            case "GET" -> {
                return Reply.ok(snapshot(message));
            }
            case "PATCH" -> {
                synchronized (message) {
                    DiscordJson.applyMessageRequest(message, body);
                    message.put("edited_timestamp", DiscordJson.now());
                }
                dispatchMessageIfVisible("MESSAGE_UPDATE", message);
                return Reply.ok(snapshot(message));
            }
            case "DELETE" -> {
                messages.remove(messageId);
                return Reply.noContent();
            }
            default -> {
                return unknownRoute();
            }
        }
    }

    /** A message the bot posts in answer to an interaction (original response or follow-up). */
    private ObjectNode interactionMessage(Interaction interaction, JsonNode request, boolean loading,
                                          List<UploadedFile> files) {
        ObjectNode message = DiscordJson.message(DiscordJson.snowflake(), interaction.channelId, interaction.guildId,
                user(BOT_USER_ID), "");
        message.put("type", interaction.type == 2 ? 20 : 0); // CHAT_INPUT_COMMAND for slash command answers
        message.put("webhook_id", APPLICATION_ID);
        message.put("application_id", APPLICATION_ID);
        ObjectNode metadata = message.putObject("interaction_metadata");
        metadata.put("id", interaction.id);
        metadata.put("type", interaction.type);
        metadata.set("user", user(interaction.userId));
        metadata.set("authorizing_integration_owners", integrationOwners(interaction.guildId));
        if (interaction.commandName != null) {
            metadata.put("name", interaction.commandName);
        }
        if (interaction.originalMessageId != null) {
            metadata.put("original_response_message_id", interaction.originalMessageId);
        }
        if (interaction.sourceMessageId != null) {
            metadata.put("interacted_message_id", interaction.sourceMessageId);
        }
        if (!loading) {
            DiscordJson.applyMessageRequest(message, request);
            attach(message, files);
        }
        remember(message);
        if (!loading) {
            dispatchMessageIfVisible("MESSAGE_CREATE", message);
        }
        return message;
    }

    // ---- channel messages

    private Reply createMessage(String channelId, JsonNode body, List<UploadedFile> files) {
        ObjectNode channel = channels.get(channelId);
        if (channel == null) {
            return unknownChannel();
        }
        String guildId = channel.hasNonNull("guild_id") ? channel.get("guild_id").asText() : null;
        ObjectNode message = DiscordJson.message(DiscordJson.snowflake(), channelId, guildId, user(BOT_USER_ID), "");
        DiscordJson.applyMessageRequest(message, body);
        attach(message, files);
        remember(message);
        countThreadMessage(channel);
        dispatchMessageIfVisible("MESSAGE_CREATE", message);
        return Reply.ok(snapshot(message));
    }

    private Reply channelMessage(String method, String channelId, String messageId, JsonNode body) {
        if (!channels.containsKey(channelId)) {
            return unknownChannel();
        }
        ObjectNode message = messages.get(messageId);
        if (message == null || !message.path("channel_id").asText().equals(channelId)) {
            return Reply.json(404, error("Unknown Message", 10008));
        }
        switch (method) {
            case "GET" -> {
                return Reply.ok(snapshot(message));
            }
            case "PATCH" -> {
                if (!message.path("author").path("id").asText().equals(BOT_USER_ID)) {
                    return Reply.json(403, error("Cannot edit a message authored by another user", 50005));
                }
                synchronized (message) {
                    DiscordJson.applyMessageRequest(message, body);
                    message.put("edited_timestamp", DiscordJson.now());
                }
                dispatchMessageIfVisible("MESSAGE_UPDATE", message);
                return Reply.ok(snapshot(message));
            }
            case "DELETE" -> {
                messages.remove(messageId);
                return Reply.noContent();
            }
            default -> {
                return unknownRoute();
            }
        }
    }

    /** Turns uploaded files into the message's attachments, as Discord does once it stored them. */
    private static void attach(ObjectNode message, List<UploadedFile> files) {
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

    // ---- reactions

    /** The bot's own reaction ({@code PUT/DELETE .../reactions/{emoji}/@me}); the emoji arrives URL-decoded. */
    private Reply ownReaction(String method, String channelId, String messageId, String emoji) {
        if (!channels.containsKey(channelId)) {
            return unknownChannel();
        }
        ObjectNode message = messages.get(messageId);
        if (message == null || !message.path("channel_id").asText().equals(channelId)) {
            return Reply.json(404, error("Unknown Message", 10008));
        }
        if (emoji.isBlank()) {
            return Reply.json(400, error("Unknown Emoji", 10014));
        }
        synchronized (message) {
            List<String> mine = botReactions.computeIfAbsent(messageId, id -> new CopyOnWriteArrayList<>());
            if (method.equals("PUT") && !mine.contains(emoji)) {
                mine.add(emoji);
            } else if (method.equals("DELETE")) {
                mine.remove(emoji);
            }
            ArrayNode reactions = message.putArray("reactions");
            mine.forEach(e -> reactions.add(DiscordJson.reaction(e, 1, true)));
        }
        synchronized (monitor) {
            monitor.notifyAll();
        }
        return Reply.noContent();
    }

    private void countThreadMessage(ObjectNode channel) {
        int type = channel.path("type").asInt();
        if (type == DiscordJson.PUBLIC_THREAD || type == DiscordJson.PRIVATE_THREAD) {
            synchronized (channel) {
                channel.put("message_count", channel.path("message_count").asInt() + 1);
                channel.put("total_message_count", channel.path("total_message_count").asInt() + 1);
            }
        }
    }

    // ---- threads

    private Reply createThread(String parentId, String fromMessageId, JsonNode body) {
        ObjectNode parent = channels.get(parentId);
        if (parent == null) {
            return unknownChannel();
        }
        if (parent.path("type").asInt() != DiscordJson.GUILD_TEXT) {
            return Reply.json(400, error("Cannot execute action on this channel type", 50024));
        }
        String name = body.path("name").asText("");
        if (name.isBlank()) {
            return Reply.json(400, error("Invalid Form Body", 50035));
        }
        ObjectNode source = null;
        if (fromMessageId != null) {
            source = messages.get(fromMessageId);
            if (source == null) {
                return Reply.json(404, error("Unknown Message", 10008));
            }
        }
        // A thread started from a message shares the message's id and is always public.
        int type = fromMessageId != null ? DiscordJson.PUBLIC_THREAD
                : body.path("type").asInt(DiscordJson.PRIVATE_THREAD);
        String id = fromMessageId != null ? fromMessageId : DiscordJson.snowflake();
        ObjectNode thread = DiscordJson.thread(id, GUILD_ID, parentId, BOT_USER_ID, name, type,
                body.path("auto_archive_duration").asInt(parent.path("default_auto_archive_duration").asInt(1440)),
                body.path("invitable").asBoolean(true), DiscordJson.now());
        channels.put(id, thread);
        if (source != null) {
            synchronized (source) {
                source.put("flags", source.path("flags").asInt() | (1 << 5)); // HAS_THREAD
                source.set("thread", thread.deepCopy());
            }
        }
        lastThreadId.set(id);
        ObjectNode event = thread.deepCopy();
        event.put("newly_created", true);
        dispatchToAll("THREAD_CREATE", event, 0);
        return Reply.json(201, thread.deepCopy());
    }

    private Reply threadMember(String method, String threadId) {
        ObjectNode thread = channels.get(threadId);
        if (thread == null) {
            return unknownChannel();
        }
        int type = thread.path("type").asInt();
        if (type != DiscordJson.PUBLIC_THREAD && type != DiscordJson.PRIVATE_THREAD) {
            return Reply.json(400, error("Cannot execute action on this channel type", 50024));
        }
        synchronized (thread) {
            int count = thread.path("member_count").asInt();
            thread.put("member_count", method.equals("PUT") ? count + 1 : Math.max(0, count - 1));
        }
        return Reply.noContent();
    }

    // ---- DMs

    private ObjectNode dmChannelFor(String userId) {
        String channelId = dmByUser.computeIfAbsent(userId, u -> {
            String id = DiscordJson.snowflake();
            channels.put(id, DiscordJson.dmChannel(id, user(u)));
            return id;
        });
        return channels.get(channelId);
    }

    // ---- world helpers

    private ObjectNode user(String id) {
        ObjectNode known = users.get(id);
        if (known != null) {
            return known.deepCopy();
        }
        return DiscordJson.user(id, "user" + id.substring(Math.max(0, id.length() - 4)), null, false);
    }

    private ArrayNode rolesOf(String userId) {
        ArrayNode roles = JSON.createArrayNode();
        if (userId.equals(BOT_USER_ID)) {
            roles.add(BOT_ROLE_ID);
        }
        rolesByMember.getOrDefault(userId, List.of()).forEach(roles::add);
        return roles;
    }

    /**
     * What a member may do in a channel, computed as Discord does: owner and administrators everything; else
     * @everyone plus their roles, then the channel's member overwrite (a thread follows its parent).
     */
    private long permissionsOf(String userId, String channelId) {
        if (userId.equals(OWNER_ID)) {
            return DiscordJson.ALL_PERMISSIONS;
        }
        long permissions = DiscordJson.EVERYONE_PERMISSIONS;
        if (userId.equals(BOT_USER_ID)) {
            permissions |= DiscordJson.BOT_ROLE_PERMISSIONS;
        }
        for (String roleId : rolesByMember.getOrDefault(userId, List.of())) {
            permissions |= Long.parseLong(grantedRoles.get(roleId).path("permissions").asText("0"));
        }
        if ((permissions & DiscordJson.ADMINISTRATOR) != 0) {
            return DiscordJson.ALL_PERMISSIONS;
        }
        ObjectNode channel = channelId == null ? null : channels.get(channelId);
        if (channel != null && channel.hasNonNull("parent_id") && channels.containsKey(channel.get("parent_id").asText())) {
            channel = channels.get(channel.get("parent_id").asText());
        }
        if (channel != null) {
            for (JsonNode overwrite : snapshot(channel).path("permission_overwrites")) {
                if (overwrite.path("type").asInt() == 1 && overwrite.path("id").asText().equals(userId)) {
                    permissions = (permissions & ~Long.parseLong(overwrite.path("deny").asText("0")))
                            | Long.parseLong(overwrite.path("allow").asText("0"));
                }
            }
        }
        return permissions;
    }

    private ObjectNode knownChannel(String channelId) {
        ObjectNode channel = channels.get(channelId);
        if (channel == null) {
            throw new IllegalArgumentException("the fake Discord knows no channel " + channelId + " (known: "
                    + CHANNEL_ID + " [text], threads created through REST, DMs from dmChannel())");
        }
        return channel;
    }

    /** A copy of a stored message; stored messages are edited under their own lock. */
    private static ObjectNode snapshot(ObjectNode message) {
        synchronized (message) {
            return message.deepCopy();
        }
    }

    private void remember(ObjectNode message) {
        String id = message.get("id").asText();
        messages.put(id, message);
        lastMessageByChannel.put(message.get("channel_id").asText(), id);
    }

    private ObjectNode messageWithButton(String messageId, String channelId, String customId) {
        ObjectNode channel = knownChannel(channelId);
        String guildId = channel.hasNonNull("guild_id") ? channel.get("guild_id").asText() : null;
        ObjectNode message = DiscordJson.message(messageId, channelId, guildId, user(BOT_USER_ID), "");
        ObjectNode row = message.putArray("components").addObject();
        row.put("type", 1);
        row.put("id", 1);
        ObjectNode button = row.putArray("components").addObject();
        button.put("type", 2);
        button.put("id", 2);
        button.put("style", 1);
        button.put("label", customId);
        button.put("custom_id", customId);
        lastMessageByChannel.putIfAbsent(channelId, messageId);
        return message;
    }

    private static int buttonComponentId(JsonNode message, String customId) {
        List<JsonNode> found = message.findParents("custom_id");
        for (JsonNode component : found) {
            if (component.path("custom_id").asText().equals(customId) && component.has("id")) {
                return component.get("id").asInt();
            }
        }
        return 0;
    }

    private ObjectNode application() {
        ObjectNode app = JSON.createObjectNode();
        app.put("id", APPLICATION_ID);
        app.put("name", "Interview Coach");
        app.putNull("icon");
        app.put("description", "Practise job interviews with a coach.");
        app.put("summary", "");
        app.putNull("type");
        app.put("bot_public", true);
        app.put("bot_require_code_grant", false);
        app.putNull("terms_of_service_url");
        app.putNull("privacy_policy_url");
        app.put("verify_key", "0".repeat(64));
        app.put("flags", applicationFlags());
        app.set("owner", user(OWNER_ID));
        app.putNull("team");
        app.set("bot", user(BOT_USER_ID));
        app.putArray("tags");
        app.putArray("redirect_uris");
        app.putNull("interactions_endpoint_url");
        app.putNull("role_connections_verification_url");
        app.putNull("custom_install_url");
        app.put("hook", true);
        app.put("is_monetized", false);
        app.put("approximate_guild_count", 1);
        app.put("approximate_user_install_count", 0);
        ObjectNode integrationTypes = app.putObject("integration_types_config");
        integrationTypes.putObject("0");
        return app;
    }

    private long applicationFlags() {
        return messageContentIntent ? FLAG_GATEWAY_MESSAGE_CONTENT : 0;
    }

    private static ObjectNode integrationOwners(String guildId) {
        ObjectNode owners = JSON.createObjectNode();
        owners.put("0", guildId == null ? "0" : guildId); // GUILD_INSTALL; "0" in the bot's DMs
        return owners;
    }

    private static Matcher match(Pattern pattern, String path) {
        Matcher matcher = pattern.matcher(path);
        return matcher.matches() ? matcher : null;
    }

    private static Body parseBody(String contentType, byte[] raw) throws IOException {
        if (raw.length == 0) {
            return new Body(NullNode.getInstance(), List.of());
        }
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        if (type.startsWith("multipart/form-data")) {
            JsonNode json = NullNode.getInstance();
            List<UploadedFile> files = new ArrayList<>();
            for (Part part : multipartParts(contentType, raw)) {
                if (part.name().equals("payload_json")) {
                    json = JSON.readTree(new String(part.content(), StandardCharsets.UTF_8));
                } else if (part.fileName() != null) {
                    files.add(new UploadedFile(part.name(), part.fileName(),
                            part.contentType() == null ? "application/octet-stream" : part.contentType(), part.content()));
                }
            }
            return new Body(json, files);
        }
        try {
            return new Body(JSON.readTree(raw), List.of());
        } catch (JsonProcessingException e) {
            // Keep what was sent so a test can see the malformed body instead of losing it.
            return new Body(JSON.getNodeFactory().textNode(new String(raw, StandardCharsets.UTF_8)), List.of());
        }
    }

    /** The parts of a multipart/form-data body, in order; empty when there is no boundary. */
    private static List<Part> multipartParts(String contentType, byte[] raw) {
        Matcher boundary = Pattern.compile("boundary=\"?([^\";]+)\"?").matcher(contentType);
        if (!boundary.find()) {
            return List.of();
        }
        // ISO-8859-1 maps bytes 1:1 to chars, so binary file parts cannot corrupt the offsets.
        String text = new String(raw, StandardCharsets.ISO_8859_1);
        String delimiter = "--" + boundary.group(1);
        List<Part> parts = new ArrayList<>();
        for (String part : text.split(Pattern.quote(delimiter))) {
            int headerEnd = part.indexOf("\r\n\r\n");
            if (headerEnd < 0) {
                continue;
            }
            // Header values (a file name) are UTF-8 on the wire.
            String headers = new String(part.substring(0, headerEnd).getBytes(StandardCharsets.ISO_8859_1),
                    StandardCharsets.UTF_8);
            String name = headerParameter(headers, "name");
            if (name == null) {
                continue;
            }
            String content = part.substring(headerEnd + 4);
            if (content.endsWith("\r\n")) {
                content = content.substring(0, content.length() - 2);
            }
            Matcher partType = Pattern.compile("(?im)^content-type:\\s*([^\r\n;]+)").matcher(headers);
            parts.add(new Part(name, headerParameter(headers, "filename"), partType.find() ? partType.group(1).strip() : null,
                    content.getBytes(StandardCharsets.ISO_8859_1)));
        }
        return parts;
    }

    /** A quoted parameter of a part's Content-Disposition ({@code name}, {@code filename}), or null. */
    private static String headerParameter(String headers, String parameter) {
        Matcher m = Pattern.compile("(?i)(?<![a-z*])" + parameter + "=\"([^\"]*)\"").matcher(headers);
        return m.find() ? m.group(1) : null;
    }

    private static ObjectNode error(String message, int code) {
        ObjectNode out = JSON.createObjectNode();
        out.put("message", message);
        out.put("code", code);
        return out;
    }

    private static Reply unknownRoute() {
        return Reply.json(404, error("Unknown", 0));
    }

    private static Reply unknownChannel() {
        return Reply.json(404, error("Unknown Channel", 10003));
    }

    private static String describe(List<RestCall> seen) {
        if (seen.isEmpty()) {
            return "(none)";
        }
        StringBuilder out = new StringBuilder();
        for (RestCall call : seen) {
            out.append("\n  ").append(call);
        }
        return out.toString();
    }

    /** Waits on the monitor until the condition (evaluated under it) holds; false on timeout. */
    private boolean waitUntil(BooleanSupplier condition, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (monitor) {
            try {
                while (!condition.getAsBoolean()) {
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        return false;
                    }
                    TimeUnit.NANOSECONDS.timedWait(monitor, left);
                }
                return true;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting on the fake Discord", e);
            }
        }
    }

    // ---------------------------------------------------------------- interactions

    private Interaction newInteraction(int type, String userId, String channelId) {
        Objects.requireNonNull(userId, "userId");
        ObjectNode channel = knownChannel(channelId);
        String guildId = channel.hasNonNull("guild_id") ? channel.get("guild_id").asText() : null;
        byte[] secret = new byte[48];
        RANDOM.nextBytes(secret);
        String token = "aW50ZXJhY3Rpb246" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        return new Interaction(DiscordJson.snowflake(), token, type, userId, channelId, guildId);
    }

    private String dispatchInteraction(Interaction interaction, ObjectNode data, ObjectNode message) {
        ObjectNode channel = knownChannel(interaction.channelId).deepCopy();
        channel.put("permissions", Long.toString(permissionsOf(interaction.userId, interaction.channelId)));
        ObjectNode payload = JSON.createObjectNode();
        payload.put("id", interaction.id);
        payload.put("application_id", APPLICATION_ID);
        payload.put("type", interaction.type);
        payload.set("data", data);
        if (interaction.guildId != null) {
            ObjectNode guild = payload.putObject("guild");
            guild.put("id", interaction.guildId);
            guild.put("locale", "en-US");
            guild.putArray("features");
            payload.put("guild_id", interaction.guildId);
            payload.put("guild_locale", "en-US");
            ObjectNode member = DiscordJson.member(user(interaction.userId), rolesOf(interaction.userId), joinedAt);
            member.put("permissions", Long.toString(permissionsOf(interaction.userId, interaction.channelId)));
            payload.set("member", member);
            payload.put("context", 0); // GUILD
        } else {
            payload.set("user", user(interaction.userId));
            payload.put("context", 1); // BOT_DM
        }
        payload.set("channel", channel);
        payload.put("channel_id", interaction.channelId);
        if (message != null) {
            payload.set("message", message);
        }
        payload.put("token", interaction.token);
        payload.put("version", 1);
        payload.put("app_permissions", Long.toString(DiscordJson.BOT_ROLE_PERMISSIONS));
        payload.put("locale", "en-US");
        payload.putArray("entitlements");
        payload.set("authorizing_integration_owners", integrationOwners(interaction.guildId));
        payload.put("attachment_size_limit", 10_485_760);
        interactions.put(interaction.token, interaction);
        lastInteraction.set(interaction);
        if (dispatchToAll("INTERACTION_CREATE", payload, 0) == 0) {
            throw new IllegalStateException("no gateway client is connected and identified to the fake Discord");
        }
        return interaction.token;
    }

    private static ArrayNode optionValues(Map<String, ?> options) {
        ArrayNode values = JSON.createArrayNode();
        if (options == null) {
            return values;
        }
        for (Map.Entry<String, ?> option : options.entrySet()) {
            ObjectNode value = values.addObject();
            value.put("name", option.getKey());
            Object v = option.getValue();
            if (v instanceof Boolean b) {
                value.put("type", 5);
                value.put("value", b);
            } else if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) {
                value.put("type", 4);
                value.put("value", ((Number) v).longValue());
            } else if (v instanceof Number n) {
                value.put("type", 10);
                value.put("value", n.doubleValue());
            } else {
                value.put("type", 3);
                value.put("value", String.valueOf(v));
            }
        }
        return values;
    }

    // ---------------------------------------------------------------- gateway

    private List<Session> liveSessions() {
        List<Session> live = new ArrayList<>();
        for (Session session : sessions.values()) {
            WebSocket connection = session.connection;
            if (connection != null && connection.isOpen()) {
                live.add(session);
            }
        }
        return live;
    }

    /** Sends a dispatch to every identified client that has {@code requiredIntent} (0: every client). */
    private int dispatchToAll(String type, JsonNode data, int requiredIntent) {
        int sent = 0;
        synchronized (gatewayLock) {
            String guildId = data.hasNonNull("guild_id") ? data.get("guild_id").asText() : null;
            for (Session session : liveSessions()) {
                if (!session.holds(guildId)) {
                    continue; // another shard's guild, or a DM (shard 0's)
                }
                if (requiredIntent == 0 || (session.intents & requiredIntent) != 0) {
                    sendDispatch(session.connection, type, data);
                    sent++;
                }
            }
        }
        return sent;
    }

    /** Dispatches a message event unless it is ephemeral (Discord never does for those). */
    private void dispatchMessageIfVisible(String type, ObjectNode message) {
        if ((message.path("flags").asInt() & DiscordJson.EPHEMERAL) == 0) {
            dispatchMessage(type, message);
        }
    }

    /** Dispatches MESSAGE_CREATE/UPDATE the way Discord filters it: by intent, with content only where allowed. */
    private int dispatchMessage(String type, ObjectNode message) {
        boolean inGuild = message.hasNonNull("guild_id");
        int required = inGuild ? INTENT_GUILD_MESSAGES : INTENT_DIRECT_MESSAGES;
        String authorId = message.path("author").path("id").asText();
        boolean mentionsBot = false;
        for (JsonNode mentioned : message.path("mentions")) {
            mentionsBot |= mentioned.path("id").asText().equals(BOT_USER_ID);
        }
        ObjectNode full = snapshot(message);
        ObjectNode blanked = full.deepCopy();
        blanked.put("content", "");
        blanked.putArray("embeds");
        blanked.putArray("attachments");
        blanked.putArray("components");
        int sent = 0;
        synchronized (gatewayLock) {
            for (Session session : liveSessions()) {
                if ((session.intents & required) == 0) {
                    continue;
                }
                boolean seesContent = !inGuild || authorId.equals(BOT_USER_ID) || mentionsBot
                        || (session.intents & INTENT_MESSAGE_CONTENT) != 0;
                sendDispatch(session.connection, type, seesContent ? full : blanked);
                sent++;
            }
        }
        return sent;
    }

    private void sendDispatch(WebSocket connection, String type, JsonNode data) {
        ObjectNode envelope = JSON.createObjectNode();
        envelope.put("op", 0);
        envelope.put("t", type);
        envelope.put("s", sequence.incrementAndGet());
        envelope.set("d", data);
        send(connection, envelope);
    }

    private static void send(WebSocket connection, ObjectNode payload) {
        try {
            connection.send(JSON.writeValueAsString(payload));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not serialise a gateway payload", e);
        } catch (RuntimeException e) {
            // A client that vanished mid-send: the close callback cleans up.
            LOG.warn("could not send to a gateway client: {}", e.toString());
        }
    }

    private void gatewayOpened(WebSocket connection, String resource) {
        connection.setAttachment(new Connection());
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
        send(connection, hello);
    }

    private void gatewayClosed(WebSocket connection, int code, boolean remote) {
        Connection state = connection.getAttachment();
        Session session = state == null ? null : state.session;
        if (session != null && session.connection == connection) {
            session.connection = null;
            // A clean close by the client ends the session; anything else leaves it resumable, as on Discord.
            if (remote && (code == 1000 || code == 1001)) {
                sessions.remove(session.id);
            }
        }
        synchronized (monitor) {
            monitor.notifyAll();
        }
    }

    private void gatewayMessage(WebSocket connection, String text) {
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
        synchronized (monitor) {
            gatewayReceived.add(recorded);
            monitor.notifyAll();
        }
        JsonNode d = payload.path("d");
        switch (payload.path("op").asInt(-1)) {
            case 1 -> { // HEARTBEAT
                ObjectNode ack = JSON.createObjectNode();
                ack.put("op", 11);
                ack.putNull("d");
                ack.putNull("s");
                ack.putNull("t");
                send(connection, ack);
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
        Connection state = connection.getAttachment();
        if (state.session != null) {
            closeWith(connection, 4005, "Already authenticated.");
            return;
        }
        int intents = d.path("intents").asInt(0);
        synchronized (monitor) {
            identifies++;
            lastIntents = intents;
            monitor.notifyAll();
        }
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
        Session session = new Session(HexFormat.of().formatHex(randomBytes(16)), intents, shardId, shardTotal);
        session.connection = connection;
        state.session = session;
        sessions.put(session.id, session);
        synchronized (gatewayLock) {
            sendDispatch(connection, "READY", ready(session));
            if (session.holds(GUILD_ID)) {
                sendDispatch(connection, "GUILD_CREATE", guildCreate());
            }
        }
    }

    private void resume(WebSocket connection, JsonNode d) {
        Connection state = connection.getAttachment();
        Session session = sessions.get(d.path("session_id").asText(""));
        if (session == null) {
            ObjectNode invalid = JSON.createObjectNode();
            invalid.put("op", 9);
            invalid.put("d", false);
            invalid.putNull("s");
            invalid.putNull("t");
            send(connection, invalid);
            return;
        }
        // The new connection takes the session over, even if the server has not yet seen the old one close.
        session.connection = connection;
        state.session = session;
        ObjectNode resumed = JSON.createObjectNode();
        resumed.putArray("_trace").add("[\"fake-discord-gateway\"]");
        synchronized (gatewayLock) {
            sendDispatch(connection, "RESUMED", resumed);
        }
        synchronized (monitor) {
            resumes++;
            monitor.notifyAll();
        }
    }

    private void requestMembers(WebSocket connection, JsonNode d) {
        Connection state = connection.getAttachment();
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
        for (String id : memberIds()) {
            ObjectNode user = user(id);
            boolean matches = wanted.isEmpty()
                    ? user.path("username").asText().toLowerCase(Locale.ROOT).startsWith(query)
                    : wanted.contains(id);
            if (matches && (limit == 0 || members.size() < limit)) {
                members.add(DiscordJson.member(user, rolesOf(id), joinedAt));
            }
        }
        for (String id : wanted) {
            if (!memberIds().contains(id)) {
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
        synchronized (gatewayLock) {
            sendDispatch(connection, "GUILD_MEMBERS_CHUNK", chunk);
        }
    }

    private void closeWith(WebSocket connection, int code, String reason) {
        synchronized (monitor) {
            closeCodes.add(code);
            monitor.notifyAll();
        }
        connection.close(code, reason);
    }

    private ObjectNode ready(Session session) {
        ObjectNode ready = JSON.createObjectNode();
        ready.put("v", 10);
        ready.set("user", DiscordJson.selfUser(user(BOT_USER_ID)));
        ArrayNode guilds = ready.putArray("guilds");
        if (session.holds(GUILD_ID)) {
            ObjectNode guild = guilds.addObject();
            guild.put("id", GUILD_ID);
            guild.put("unavailable", true);
        }
        ready.put("session_id", session.id);
        ready.put("session_type", "normal");
        ready.put("resume_gateway_url", gatewayUrl());
        ready.putArray("shard").add(session.shardId).add(session.shardTotal);
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

    private List<String> memberIds() {
        return List.of(BOT_USER_ID, OWNER_ID, USER_A, USER_B);
    }

    /**
     * The full guild. Besides id, name and owner_id, JDA 6.5 requires the arrays roles, channels, threads, emojis,
     * voice_states and guild_scheduled_events (members and member_count for setup), a self member in members,
     * and in each role the colors object.
     */
    private ObjectNode guildCreate() {
        ObjectNode guild = JSON.createObjectNode();
        guild.put("id", GUILD_ID);
        guild.put("name", "Interview Practice");
        guild.putNull("icon");
        guild.putNull("splash");
        guild.putNull("discovery_splash");
        guild.putNull("banner");
        guild.putNull("description");
        guild.put("owner_id", OWNER_ID);
        guild.putNull("afk_channel_id");
        guild.put("afk_timeout", 300);
        guild.put("verification_level", 1);
        guild.put("default_message_notifications", 1);
        guild.put("explicit_content_filter", 2);
        guild.putArray("features");
        guild.put("mfa_level", 0);
        guild.putNull("application_id");
        guild.put("system_channel_id", CHANNEL_ID);
        guild.put("system_channel_flags", 0);
        guild.putNull("rules_channel_id");
        guild.putNull("public_updates_channel_id");
        guild.putNull("safety_alerts_channel_id");
        guild.putNull("max_presences");
        guild.put("max_members", 500_000);
        guild.putNull("vanity_url_code");
        guild.put("premium_tier", 0);
        guild.put("premium_subscription_count", 0);
        guild.put("preferred_locale", "en-US");
        guild.put("max_video_channel_users", 25);
        guild.put("max_stage_video_channel_users", 50);
        guild.put("nsfw_level", 0);
        guild.put("nsfw", false);
        guild.put("premium_progress_bar_enabled", false);
        guild.putNull("incidents_data");
        guild.put("lazy", true);
        guild.put("large", false);
        guild.put("unavailable", false);
        guild.put("joined_at", joinedAt);
        guild.put("member_count", memberIds().size());
        ArrayNode roles = guild.putArray("roles");
        roles.add(DiscordJson.role(GUILD_ID, "@everyone", 0, DiscordJson.EVERYONE_PERMISSIONS, false));
        ObjectNode botRole = DiscordJson.role(BOT_ROLE_ID, "Interview Coach", 1, DiscordJson.BOT_ROLE_PERMISSIONS,
                true);
        botRole.putObject("tags").put("bot_id", BOT_USER_ID);
        roles.add(botRole);
        synchronized (grantedRoles) {
            grantedRoles.values().forEach(role -> roles.add(role.deepCopy()));
        }
        guild.putArray("emojis");
        guild.putArray("stickers");
        ArrayNode guildChannels = guild.putArray("channels");
        ArrayNode threads = guild.putArray("threads");
        for (ObjectNode channel : channels.values()) {
            int type = channel.path("type").asInt();
            if (type == DiscordJson.GUILD_TEXT) {
                guildChannels.add(snapshot(channel));
            } else if (type == DiscordJson.PUBLIC_THREAD || type == DiscordJson.PRIVATE_THREAD) {
                threads.add(channel.deepCopy());
            }
        }
        ArrayNode members = guild.putArray("members");
        for (String id : memberIds()) {
            members.add(DiscordJson.member(user(id), rolesOf(id), joinedAt));
        }
        guild.putArray("presences");
        guild.putArray("voice_states");
        guild.putArray("stage_instances");
        guild.putArray("guild_scheduled_events");
        guild.putArray("soundboard_sounds");
        guild.putArray("embedded_activities");
        guild.putObject("application_command_counts");
        return guild;
    }

    private static byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    private static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + n.incrementAndGet());
            // Daemon so a test that forgets close() cannot keep the JVM (and surefire) alive.
            thread.setDaemon(true);
            return thread;
        };
    }

    // ---------------------------------------------------------------- small types

    private record Reply(int status, JsonNode body, Map<String, String> headers) {
        static Reply ok(JsonNode body) {
            return new Reply(200, body, Map.of());
        }

        static Reply json(int status, JsonNode body) {
            return new Reply(status, body, Map.of());
        }

        static Reply noContent() {
            return new Reply(204, null, Map.of());
        }
    }

    private static final class Throttle {
        private final String method;
        private final Pattern path;
        private int remaining;
        private final double retryAfterSeconds;

        private Throttle(String method, Pattern path, int remaining, double retryAfterSeconds) {
            this.method = method;
            this.path = path;
            this.remaining = remaining;
            this.retryAfterSeconds = retryAfterSeconds;
        }
    }

    private record Failure(String method, Pattern path, int status, int code, String message) {
    }

    /** A request body: its JSON (for multipart, the payload_json part) and the files that came with it. */
    private record Body(JsonNode json, List<UploadedFile> files) {
    }

    /** One part of a multipart/form-data body; {@code fileName} and {@code contentType} may be null. */
    private record Part(String name, String fileName, String contentType, byte[] content) {
    }

    /** A gateway session: survives its connection so the client can RESUME it. */
    private static final class Session {
        private final String id;
        private final int intents;
        /** The shard this session identified as, of how many ({@code [0, 1]} when not sharded). */
        private final int shardId;
        private final int shardTotal;
        private volatile WebSocket connection;

        private Session(String id, int intents, int shardId, int shardTotal) {
            this.id = id;
            this.intents = intents;
            this.shardId = shardId;
            this.shardTotal = shardTotal;
        }

        /** Discord's rule: a guild's events go to shard (guild_id >> 22) % total; DMs go to shard 0. */
        private boolean holds(String guildId) {
            long shard = guildId == null ? 0 : (Long.parseUnsignedLong(guildId) >>> 22) % shardTotal;
            return shard == shardId;
        }
    }

    /** Per-connection state attached to the WebSocket. */
    private static final class Connection {
        private volatile Session session;
    }

    /** An interaction the fake issued, and what the bot has answered so far. */
    private static final class Interaction {
        private final String id;
        private final String token;
        private final int type;
        private final String userId;
        private final String channelId;
        private final String guildId;
        private volatile String commandName;
        private volatile String sourceMessageId;
        private volatile String originalMessageId;
        private boolean acknowledged; // guarded by this

        private Interaction(String id, String token, int type, String userId, String channelId, String guildId) {
            this.id = id;
            this.token = token;
            this.type = type;
            this.userId = userId;
            this.channelId = channelId;
            this.guildId = guildId;
        }
    }

    /** The gateway endpoint; forwards to the owning fake. */
    private static final class Gateway extends WebSocketServer {
        private static final long FLUSH_INTERVAL_MS = 10;

        private final CountDownLatch started = new CountDownLatch(1);
        private final AtomicReference<Exception> startFailure = new AtomicReference<>();
        private final ScheduledExecutorService flusher =
                Executors.newSingleThreadScheduledExecutor(daemonThreads("fake-discord-gateway-flush-"));
        private volatile FakeDiscord owner;

        private Gateway(InetSocketAddress address) {
            super(address);
            setReuseAddr(true);
            setDaemon(true);
        }

        void startAndAwait(Duration timeout) {
            start();
            try {
                // The selector thread binds asynchronously; the port is only known once onStart ran.
                if (!started.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                    throw new IllegalStateException("the fake Discord gateway did not start within " + timeout);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while starting the fake Discord gateway", e);
            }
            Exception failure = startFailure.get();
            if (failure != null) {
                throw new IllegalStateException("the fake Discord gateway failed to start", failure);
            }
        }

        @Override
        public void onStart() {
            flusher.scheduleWithFixedDelay(this::flushStrandedFrames, FLUSH_INTERVAL_MS, FLUSH_INTERVAL_MS,
                    TimeUnit.MILLISECONDS);
            started.countDown();
        }

        /**
         * Java-WebSocket can strand a frame: when a thread other than the selector sends while the selector is
         * finishing a write batch, the selector resets the key to OP_READ after the sender asked for OP_WRITE, and
         * the frame waits for the next send. Tests send from their own thread (and the close handshake from a
         * worker), so the fake asks again for every connection that still holds unsent frames.
         */
        private void flushStrandedFrames() {
            try {
                for (WebSocket connection : getConnections()) {
                    if (connection.hasBufferedData()) {
                        onWriteDemand(connection);
                    }
                }
            } catch (RuntimeException e) {
                // A connection closing meanwhile; the next round sees the current set.
                LOG.trace("could not flush a gateway connection", e);
            }
        }

        @Override
        public void stop(int timeout, String closeMessage) throws InterruptedException {
            flusher.shutdownNow();
            super.stop(timeout, closeMessage);
        }

        @Override
        public void onOpen(WebSocket connection, ClientHandshake handshake) {
            owner.gatewayOpened(connection, handshake.getResourceDescriptor());
        }

        @Override
        public void onClose(WebSocket connection, int code, String reason, boolean remote) {
            owner.gatewayClosed(connection, code, remote);
        }

        @Override
        public void onMessage(WebSocket connection, String message) {
            try {
                owner.gatewayMessage(connection, message);
            } catch (RuntimeException e) {
                LOG.error("fake Discord gateway failed to handle {}", message, e);
            }
        }

        @Override
        public void onError(WebSocket connection, Exception e) {
            if (connection == null && started.getCount() > 0) {
                // A server-level error before onStart means the bind failed; unblock start().
                startFailure.set(e);
                started.countDown();
                return;
            }
            LOG.warn("fake Discord gateway error", e);
        }
    }
}
