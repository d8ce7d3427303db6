package dev.interviewcoach.testkit.discord;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import dev.interviewcoach.testkit.CallLog;
import dev.interviewcoach.testkit.DaemonThreads;
import dev.interviewcoach.testkit.StateMonitor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import net.dv8tion.jda.api.GatewayEncoding;
import net.dv8tion.jda.api.JDABuilder;
import net.dv8tion.jda.api.requests.RestConfig;
import net.dv8tion.jda.api.utils.Compression;
import net.dv8tion.jda.api.utils.SessionController;
import net.dv8tion.jda.api.utils.SessionControllerAdapter;

/**
 * A fake Discord on loopback that the real, unmodified JDA talks to: REST over HTTP and the gateway over WebSocket.
 *
 * <p>It serves one guild ({@link #GUILD_ID}) with text channels {@link #CHANNEL_ID} and {@link #LEADS_CHANNEL_ID},
 * the bot, an owner and two members, records every REST call (files of multipart messages included), and lets tests inject what users do:
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
 *
 * <p>This class is the front door; package-private parts do the work: {@code DiscordRestApi} (REST routing),
 * {@code DiscordGateway} and {@code GatewayDispatcher} (the gateway), {@code GuildState} (users, channels,
 * messages, roles), {@code ChannelMessages}, {@code GuildThreads}, {@code ApplicationCommands},
 * {@code InteractionInjector} and {@code InteractionResponder} (interactions) and {@code RequestBody} (multipart).
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
    /** A second text channel, "prep-leads", where leads read digests of the practice channel. */
    public static final String LEADS_CHANNEL_ID = "1200000000000000004";
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

    /** The address both servers bind and their URLs name. */
    static final String LOOPBACK = "127.0.0.1";

    private final HttpServer http;
    private final ExecutorService httpPool;
    private final AtomicBoolean closed = new AtomicBoolean();

    // One monitor guards the recorded calls, the REST faults and the gateway bookkeeping, and wakes every await*
    // method when any of them changes.
    private final StateMonitor monitor = new StateMonitor("the fake Discord");
    private final CallLog<RestCall> calls = new CallLog<>(monitor);
    private final RestFaults faults = new RestFaults(monitor);
    private final GuildState guild = new GuildState();
    private final GatewayDispatcher dispatcher = new GatewayDispatcher();
    private final IssuedInteractions issued = new IssuedInteractions();
    private final DiscordGateway gateway;
    private final DiscordRestApi rest;
    private final ChannelMessages messages;
    private final InteractionInjector interactions;
    private final PermissionGrants permissions;

    private FakeDiscord(HttpServer http, ExecutorService httpPool, InetSocketAddress gatewayAddress) {
        this.http = http;
        this.httpPool = httpPool;
        this.gateway = new DiscordGateway(gatewayAddress, guild, dispatcher, monitor);
        ApplicationCommands commands = new ApplicationCommands();
        this.messages = new ChannelMessages(guild, dispatcher, monitor);
        this.interactions = new InteractionInjector(guild, dispatcher, issued, commands);
        this.permissions = new PermissionGrants(guild, dispatcher);
        this.rest = new DiscordRestApi(monitor, calls, faults, guild, gateway, commands, messages,
                new GuildThreads(guild, dispatcher), new InteractionResponder(guild, dispatcher, issued));
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
        ExecutorService pool = Executors.newFixedThreadPool(4, DaemonThreads.named("fake-discord-http-"));
        http.setExecutor(pool);
        FakeDiscord fake = new FakeDiscord(http, pool, new InetSocketAddress(loopback, 0));
        http.createContext("/", fake.rest::handle);
        http.start();
        try {
            fake.gateway.start(Duration.ofSeconds(5));
        } catch (RuntimeException e) {
            fake.close();
            throw e;
        }
        return fake;
    }

    // ---------------------------------------------------------------- wiring

    /** The REST base URL for {@code new RestConfig().setBaseUrl(...)}, e.g. {@code http://127.0.0.1:1234/api/v10/}. */
    public String restUrl() {
        return "http://" + LOOPBACK + ":" + http.getAddress().getPort() + DiscordRestApi.API_PREFIX;
    }

    /** The gateway URL, e.g. {@code ws://127.0.0.1:2345/}; also what gateway/bot and READY hand out. */
    public String gatewayUrl() {
        return gateway.url();
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
     * Makes {@code gateway/bot} hand out another URL (one where nothing listens, say), to check that
     * a client configured with this fake's {@link #gatewayUrl()} connects there regardless.
     */
    public FakeDiscord handOutGateway(String url) {
        rest.handOutGateway(url);
        return this;
    }

    /**
     * Whether the application has the MESSAGE_CONTENT privileged intent enabled (default {@code true}). When
     * {@code false}, the application flags lack GATEWAY_MESSAGE_CONTENT and an IDENTIFY asking for the
     * MESSAGE_CONTENT intent is closed with 4014, as Discord does. Set it before JDA connects.
     */
    public FakeDiscord messageContentIntent(boolean enabled) {
        gateway.messageContentIntent(enabled);
        return this;
    }

    /** Whether the application has the MESSAGE_CONTENT privileged intent enabled. */
    public boolean messageContentIntent() {
        return gateway.messageContentIntent();
    }

    // ---------------------------------------------------------------- REST controls and inspection

    /**
     * Answers the next {@code times} calls of {@code method} whose path fully matches {@code pathRegex} with HTTP 429,
     * Discord's rate-limit headers and body; JDA waits {@code Retry-After} (whole seconds, rounded up) and retries.
     */
    public void rateLimitNext(String method, String pathRegex, int times, double retryAfterSeconds) {
        faults.rateLimitNext(method, pathRegex, times, retryAfterSeconds);
    }

    /**
     * Answers the next call of {@code method} whose path fully matches {@code pathRegex} with {@code status} and
     * Discord's error body {@code {"message":message,"code":code}}, e.g. 403 / 50013 / "Missing Permissions".
     * Repeated calls queue up.
     */
    public void failNext(String method, String pathRegex, int status, int code, String message) {
        faults.failNext(method, pathRegex, status, code, message);
    }

    /**
     * Answers every REST call {@code latency} after it arrives, as Discord's own answers take 100-300 ms; the call is
     * recorded (and its effect visible) at once, and the wait holds none of the fake's threads. Zero: at once.
     */
    public void answerAfter(Duration latency) {
        rest.answerAfter(Objects.requireNonNull(latency, "latency"));
    }

    /**
     * Calls {@code listener} with every REST call as it arrives, on the fake's HTTP thread, after recording the call
     * and before answering it (replacing any listener set before). For timing the bot's calls, as a load harness
     * does; a listener that throws makes the fake answer that call with 500.
     */
    public void onCall(Consumer<RestCall> listener) {
        rest.onCall(Objects.requireNonNull(listener, "listener"));
    }

    /** Forgets recorded REST calls and gateway messages and drops pending rate limits and failures. */
    public void reset() {
        monitor.update(() -> {
            calls.clear();
            rest.forgetCreated();
            faults.clear();
            gateway.forgetReceived();
        });
    }

    /** Every REST call received so far, oldest first (including rate-limited, failed and unknown ones). */
    public List<RestCall> calls() {
        return calls.all();
    }

    /** The REST calls of {@code method} whose path fully matches {@code pathRegex}, oldest first. */
    public List<RestCall> calls(String method, String pathRegex) {
        return calls.matching(routeOf(method, pathRegex));
    }

    /**
     * Waits for the first REST call of {@code method} whose path fully matches {@code pathRegex} and that
     * {@code match} accepts, failing with every call seen when none arrives in time.
     */
    public RestCall awaitCall(String method, String pathRegex, Predicate<RestCall> match, Duration timeout) {
        return calls.await(routeOf(method, pathRegex).and(match), timeout, method + " " + pathRegex);
    }

    /** Waits for the first REST call of {@code method} whose path fully matches {@code pathRegex}. */
    public RestCall awaitCall(String method, String pathRegex, Duration timeout) {
        return awaitCall(method, pathRegex, call -> true, timeout);
    }

    private static Predicate<RestCall> routeOf(String method, String pathRegex) {
        Pattern path = Pattern.compile(pathRegex);
        return call -> call.method().equalsIgnoreCase(method) && path.matcher(call.path()).matches();
    }

    // ---------------------------------------------------------------- gateway inspection

    /** Waits until a client has sent IDENTIFY (whether or not the fake accepted it). */
    public void awaitIdentified(Duration timeout) {
        if (!gateway.awaitIdentify(timeout)) {
            throw new AssertionError("no client identified within " + timeout + "; REST calls seen: "
                    + calls.describe());
        }
    }

    /** Waits until a client has resumed its session (answered with RESUMED) since the fake started. */
    public void awaitResumed(Duration timeout) {
        if (!gateway.awaitResume(timeout)) {
            throw new AssertionError("no session was resumed within " + timeout + "; gateway payloads received: "
                    + gatewayReceived());
        }
    }

    /**
     * Sends op 7 RECONNECT to every connected client, as Discord does before moving a session; JDA reconnects
     * and RESUMEs, which the fake answers with RESUMED (it does not replay events missed in between).
     */
    public void requestReconnect() {
        dispatcher.requestReconnect();
    }

    /** The intents of the latest IDENTIFY, or -1 when none was received. */
    public int identifiedIntents() {
        return gateway.identifiedIntents();
    }

    /** The close codes the fake's gateway sent to clients (e.g. 4014), oldest first. */
    public List<Integer> gatewayCloseCodes() {
        return gateway.closeCodes();
    }

    /** Every gateway payload clients sent (heartbeats, IDENTIFY with the token redacted, RESUME, ...), oldest first. */
    public List<JsonNode> gatewayReceived() {
        return gateway.received();
    }

    // ---------------------------------------------------------------- world inspection

    /** The id of the thread the latest thread-creating REST call made, or {@code null}. */
    public String lastThreadId() {
        return guild.lastThreadId();
    }

    /** Whether the channel is a thread the bot made, public or private. */
    public boolean isThread(String channelId) {
        ObjectNode channel = guild.channel(channelId);
        int type = channel == null ? -1 : channel.path("type").asInt();
        return type == DiscordJson.PUBLIC_THREAD || type == DiscordJson.PRIVATE_THREAD;
    }

    /** The id of the latest injected interaction, or {@code null}. */
    public String lastInteractionId() {
        Interaction interaction = issued.latest();
        return interaction == null ? null : interaction.id();
    }

    /** The id of the interaction with this token, or {@code null} when the fake never issued the token. */
    public String interactionId(String token) {
        Interaction interaction = issued.byToken(token);
        return interaction == null ? null : interaction.id();
    }

    /** The id of the latest message created in a channel (by the bot through REST or injected), or {@code null}. */
    public String lastMessageId(String channelId) {
        return guild.lastMessageId(channelId);
    }

    /**
     * The id of the message a recorded message-creating call (channel message or interaction follow-up) made,
     * waiting for the fake to finish answering it. Safer than {@link #lastMessageId} when several messages
     * land in one channel at once.
     */
    public String messageCreatedBy(RestCall call, Duration timeout) {
        return rest.messageCreatedBy(call, timeout);
    }

    /** The current state of a message the fake knows (as Discord would return it), or {@code null}. */
    public JsonNode storedMessage(String messageId) {
        ObjectNode message = guild.message(messageId);
        return message == null ? null : GuildState.snapshot(message);
    }

    /** The id of the DM channel between the bot and {@code userId}, creating it if needed (as opening a DM does). */
    public String dmChannel(String userId) {
        return guild.dmChannelFor(userId).get("id").asText();
    }

    /** The emoji the bot itself has put on a message (e.g. {@code ✅}), oldest first; empty when none. */
    public List<String> botReactions(String messageId) {
        return guild.botReactions(messageId);
    }

    /** Waits until the bot has put {@code emoji} on message {@code messageId}. */
    public void awaitBotReaction(String messageId, String emoji, Duration timeout) {
        if (!monitor.waitUntil(() -> guild.botReactions(messageId).contains(emoji), timeout)) {
            throw new AssertionError("the bot did not react with " + emoji + " to message " + messageId + " within "
                    + timeout + "; calls seen: " + calls.describe());
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
        return this.permissions.grant(userId, permissions);
    }

    /**
     * Allows member {@code userId} {@code permissions} in one guild text channel only (a member permission
     * overwrite, as "Edit Channel > Permissions" makes); connected clients get CHANNEL_UPDATE. Threads inherit it.
     */
    public void allowInChannel(String userId, String channelId, long permissions) {
        this.permissions.allowInChannel(userId, channelId, permissions);
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
        return interactions.slashCommand(userId, channelId, name, group, subcommand, options);
    }

    /** Dispatches INTERACTION_CREATE for a click on button {@code customId} of message {@code messageId}; returns its token. */
    public String buttonClick(String userId, String channelId, String messageId, String customId) {
        return interactions.buttonClick(userId, channelId, messageId, customId);
    }

    /**
     * Dispatches INTERACTION_CREATE for a submitted modal {@code customId} whose text inputs hold {@code fields}
     * (custom id to value); returns its token. The inputs arrive wrapped in labels (component type 18), the
     * structure JDA 6 builds modals with and the only one its ModalInteraction reads.
     */
    public String modalSubmit(String userId, String channelId, String customId, Map<String, String> fields) {
        return interactions.modalSubmit(userId, channelId, customId, fields);
    }

    /**
     * As {@link #modalSubmit(String, String, String, Map)} for a modal opened by a button of message
     * {@code messageId}: the submission carries that message, as Discord's does, so the bot may answer it with
     * an update of the message (callback type 6 or 7) rather than a reply of its own.
     */
    public String modalSubmit(String userId, String channelId, String messageId, String customId,
                              Map<String, String> fields) {
        return interactions.modalSubmit(userId, channelId, messageId, customId, fields);
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
        return interactions.autocomplete(userId, channelId, name, group, subcommand, focusedOption, value);
    }

    /**
     * Dispatches MESSAGE_CREATE for a message {@code userId} writes in {@code channelId} (the text channel, a
     * thread, or a DM channel from {@link #dmChannel}); returns the message id. Mentions ({@code <@id>}) in the
     * content are reported in {@code mentions}.
     */
    public String message(String userId, String channelId, String content) {
        return messages.memberWrites(userId, channelId, content);
    }

    /** Dispatches MESSAGE_UPDATE for {@code userId}'s edit of their message {@code messageId} to {@code content}. */
    public void editMessage(String userId, String messageId, String content) {
        messages.memberEdits(userId, messageId, content);
    }

    /** Member {@code userId} deletes a message they wrote; the bot gets MESSAGE_DELETE, which does not name them. */
    public void deleteMessage(String userId, String messageId) {
        messages.memberDeletes(userId, messageId);
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
        rest.stopLateAnswers();
        http.stop(0);
        httpPool.shutdownNow();
    }
}
