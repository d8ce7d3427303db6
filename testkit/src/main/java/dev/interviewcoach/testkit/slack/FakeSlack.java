package dev.interviewcoach.testkit.slack;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.interviewcoach.testkit.CallLog;
import dev.interviewcoach.testkit.DaemonThreads;
import dev.interviewcoach.testkit.LateAnswers;
import dev.interviewcoach.testkit.StateMonitor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.java_websocket.WebSocket;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A fake Slack on loopback that the real Slack SDK talks to: Web API over HTTP and Socket Mode over WebSocket.
 *
 * <p>Point the SDK at it with {@code SlackConfig.setMethodsEndpointUrlPrefix(fake.methodsUrl())}; Socket Mode
 * clients find the WebSocket through the fake's {@code apps.connections.open}, as they would against Slack.
 */
public final class FakeSlack implements AutoCloseable {

    /** Workspace id every canned answer uses. */
    public static final String TEAM_ID = "T0TEST";
    /** The bot's user id, as auth.test reports it. */
    public static final String BOT_USER_ID = "UBOT";
    /** The bot id, as auth.test reports it. */
    public static final String BOT_ID = "BBOT";
    /** The app id, as Socket Mode's hello reports it. */
    public static final String APP_ID = "A0TEST";

    private static final Logger LOG = LoggerFactory.getLogger(FakeSlack.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String LOOPBACK = "127.0.0.1";
    private static final String API_PREFIX = "/api/";
    private static final String SOCKET_PATH = "/socket";
    // Where files.getUploadURLExternal sends uploads: this fake's own server, as Slack sends them to its own.
    private static final String UPLOAD_PATH = "/upload/";
    // Slack's OAuth consent page; here it approves at once, for the workspace set with installNextIn.
    private static final String AUTHORIZE_PATH = "/oauth/v2/authorize";
    // Slack sends these nested structures as JSON text inside form fields; tests want to look into them.
    private static final Set<String> JSON_FORM_FIELDS = Set.of("blocks", "view", "attachments", "files");
    private static final long TS_BASE_SECONDS = 1_700_000_000L;

    private final HttpServer http;
    private final ExecutorService httpPool;
    /** Answers Web API calls, late when a test or the load harness asks (see {@link #answerAfter}). */
    private final LateAnswers late = new LateAnswers("slack");
    private final SocketServer socket;
    private final AtomicBoolean closed = new AtomicBoolean();

    // One monitor guards the mutable test state below and wakes every await* method when any of it changes.
    private final StateMonitor monitor = new StateMonitor("the fake Slack");
    private final CallLog<ApiCall> calls = new CallLog<>(monitor);
    // What each call was answered with, when that was a message ts; by identity, as equal calls may differ.
    private final Map<ApiCall, String> answeredTs = new IdentityHashMap<>();
    private final Map<String, Throttle> rateLimits = new HashMap<>();
    private final Map<String, Deque<String>> failures = new HashMap<>();
    private final Map<String, Integer> serverErrors = new HashMap<>();
    private final List<WebSocket> readySockets = new ArrayList<>();
    private final List<JsonNode> socketMessages = new ArrayList<>();
    private final Map<String, UserProfile> users = new HashMap<>();
    private final Set<String> reactions = new HashSet<>();
    private final List<OpenedView> openedViews = new ArrayList<>();
    private final Map<String, PendingUpload> pendingUploads = new HashMap<>();
    private final List<UploadedFile> uploads = new ArrayList<>();
    /** Channels {@code conversations.list} answers with, by id. */
    private final Map<String, String> channels = new LinkedHashMap<>();

    private final Map<String, CompletableFuture<JsonNode>> acks = new ConcurrentHashMap<>();
    /** Workspaces besides the default one, by bot token: auth.test answers with the token's own team. */
    private final Map<String, Workspace> workspacesByToken = new ConcurrentHashMap<>();
    /** The workspace the next OAuth authorize approves the app in. */
    private final AtomicReference<Workspace> nextInstall = new AtomicReference<>();
    /** Workspaces whose app has token rotation on, with the lifetime of each access token handed out. */
    private final Map<String, Duration> rotatingTeams = new ConcurrentHashMap<>();
    /** Refresh tokens handed out and not yet used (each works once), with their workspace. */
    private final Map<String, Workspace> refreshTokens = new ConcurrentHashMap<>();
    private final AtomicLong rotationCounter = new AtomicLong();
    /** Codes handed out by authorize and not yet exchanged by oauth.v2.access. */
    private final Map<String, Workspace> codes = new ConcurrentHashMap<>();
    private final List<URI> authorizeRequests = new CopyOnWriteArrayList<>();
    private final AtomicLong codeCounter = new AtomicLong();
    private final List<Consumer<ApiCall>> listeners = new CopyOnWriteArrayList<>();
    private final AtomicLong tsCounter = new AtomicLong();
    private final AtomicLong viewCounter = new AtomicLong();
    private final AtomicLong fileCounter = new AtomicLong();

    private FakeSlack(HttpServer http, ExecutorService httpPool, SocketServer socket) {
        this.http = http;
        this.httpPool = httpPool;
        this.socket = socket;
    }

    /** Starts a fake Slack on free loopback ports (HTTP for the Web API, WebSocket for Socket Mode). */
    public static FakeSlack start() {
        InetAddress loopback;
        HttpServer http;
        try {
            // Bind the literal address the URLs name, not getLoopbackAddress(), which may be ::1.
            loopback = InetAddress.getByName(LOOPBACK);
            http = HttpServer.create(new InetSocketAddress(loopback, 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("could not bind the fake Slack HTTP server", e);
        }
        ExecutorService pool = Executors.newFixedThreadPool(4, DaemonThreads.named("fake-slack-http-"));
        http.setExecutor(pool);
        SocketServer socket = new SocketServer(new InetSocketAddress(loopback, 0));
        FakeSlack fake = new FakeSlack(http, pool, socket);
        socket.owner = fake;
        http.createContext(API_PREFIX, fake::handle);
        http.createContext(UPLOAD_PATH, fake::handleUpload);
        http.createContext(AUTHORIZE_PATH, fake::handleAuthorize);
        http.start();
        try {
            socket.startAndAwait(Duration.ofSeconds(5));
        } catch (RuntimeException e) {
            fake.close();
            throw e;
        }
        return fake;
    }

    /** The HTTP port of the Web API. */
    public int port() {
        return http.getAddress().getPort();
    }

    /** The WebSocket port of Socket Mode. */
    public int socketPort() {
        return socket.getPort();
    }

    /** The Web API prefix for {@code SlackConfig.setMethodsEndpointUrlPrefix}, e.g. {@code http://127.0.0.1:1234/api/}. */
    public String methodsUrl() {
        return "http://" + LOOPBACK + ":" + port() + API_PREFIX;
    }

    /** The Socket Mode URL that {@code apps.connections.open} hands out. */
    public String socketUrl() {
        return "ws://" + LOOPBACK + ":" + socketPort() + SOCKET_PATH;
    }

    // ---------------------------------------------------------------- controls

    /** Answers the next {@code times} calls of {@code method} with HTTP 429 and {@code Retry-After: retryAfterSeconds}. */
    public void rateLimitNext(String method, int times, int retryAfterSeconds) {
        if (times < 0 || retryAfterSeconds < 0) {
            throw new IllegalArgumentException("times and retryAfterSeconds must not be negative");
        }
        monitor.update(() -> rateLimits.put(method, new Throttle(times, retryAfterSeconds)));
    }

    /**
     * Answers every Web API call {@code latency} after it arrives, as Slack's own answers take 100-300 ms; the call is
     * seen (and its listeners told) when it arrives.
     */
    public void answerAfter(Duration latency) {
        late.after(latency);
    }

    /** Answers the next call of {@code method} with {@code {"ok":false,"error":error}}; repeated calls queue up. */
    public void failNext(String method, String error) {
        monitor.update(() -> failures.computeIfAbsent(method, m -> new ArrayDeque<>()).addLast(error));
    }

    /** Answers the next {@code times} calls of {@code method} with HTTP 500, as Slack does in an outage. */
    public void serverErrorNext(String method, int times) {
        if (times < 0) {
            throw new IllegalArgumentException("times must not be negative");
        }
        monitor.update(() -> serverErrors.put(method, times));
    }

    /** How {@code users.info} describes {@code userId} from now on; anyone not set is a plain member with no time zone. */
    public void setUser(String userId, UserProfile profile) {
        monitor.update(() -> users.put(userId, profile));
    }

    /**
     * Tells {@code listener} about every Web API call as it arrives, on the fake's HTTP thread, after the call is
     * recorded and before it is answered. For harnesses that time replies; keep the listener quick.
     */
    public void onCall(Consumer<ApiCall> listener) {
        listeners.add(listener);
    }

    /**
     * Forgets recorded calls, socket messages, acks, reactions, opened views, uploads and pending rate
     * limits and failures; user profiles set with {@link #setUser} stay.
     */
    public void reset() {
        monitor.update(() -> {
            calls.clear();
            // Keyed by the calls just dropped; kept, it would hold every call ever made (and its JSON).
            answeredTs.clear();
            reactions.clear();
            openedViews.clear();
            pendingUploads.clear();
            uploads.clear();
            rateLimits.clear();
            failures.clear();
            serverErrors.clear();
            socketMessages.clear();
            acks.clear();
            // Timestamps and view ids keep counting so a reset never hands out a ts that was seen before.
        });
    }

    // ---------------------------------------------------------------- workspaces and OAuth

    /**
     * A workspace with its own bot token: calls carrying {@code botToken} are answered as that team's
     * (auth.test), and an OAuth install in it hands out that token.
     *
     * @param enterpriseId the Enterprise Grid org, or null for a workspace outside one
     */
    public record Workspace(String teamId, String enterpriseId, String botToken, String botUserId) {
    }

    /** Adds a workspace that can install the app (through OAuth) and whose token the fake recognises. */
    public Workspace addWorkspace(String teamId, String enterpriseId, String botToken, String botUserId) {
        Workspace w = new Workspace(teamId, enterpriseId, botToken, botUserId);
        workspacesByToken.put(botToken, w);
        return w;
    }

    /**
     * Turns token rotation on for a workspace's installs: oauth.v2.access hands out a refresh token
     * and an access token that expires after {@code lifetime}, and exchanges a refresh token (once)
     * for a new pair; calls with any token handed out are answered as the workspace's.
     */
    public void rotateTokens(Workspace workspace, Duration lifetime) {
        rotatingTeams.put(workspace.teamId(), lifetime);
    }

    /** The next visit to the authorize page approves the install in {@code workspace} (a person pressing Allow). */
    public void installNextIn(Workspace workspace) {
        nextInstall.set(workspace);
    }

    /** Slack's authorize page on this fake: where the app's "Add to Slack" link points, with its host replaced. */
    public String authorizeUrl() {
        return "http://" + LOOPBACK + ":" + port() + AUTHORIZE_PATH;
    }

    /** Every visit to the authorize page, with its query (client_id, scope, state, redirect_uri). */
    public List<URI> authorizeRequests() {
        return List.copyOf(authorizeRequests);
    }

    /**
     * The authorize page: approves at once, redirecting (302) to the app's redirect_uri with a
     * one-time code and the state it was given; 400 when no install was set up with installNextIn.
     */
    private void handleAuthorize(HttpExchange exchange) throws IOException {
        try (exchange) {
            URI uri = exchange.getRequestURI();
            authorizeRequests.add(uri);
            ObjectNode query = JSON.createObjectNode();
            if (uri.getRawQuery() != null) {
                putFormFields(query, uri.getRawQuery());
            }
            Workspace w = nextInstall.getAndSet(null);
            String redirect = text(query, "redirect_uri");
            if (w == null || redirect == null) {
                exchange.sendResponseHeaders(400, -1);
                return;
            }
            String code = "code-" + w.teamId() + "-" + codeCounter.incrementAndGet();
            codes.put(code, w);
            String state = text(query, "state");
            exchange.getResponseHeaders().set("Location", redirect + (redirect.contains("?") ? "&" : "?") + "code="
                    + code + (state == null ? "" : "&state=" + URLEncoder.encode(state, StandardCharsets.UTF_8)));
            exchange.sendResponseHeaders(302, -1);
        }
    }

    /**
     * oauth.v2.access: a code from the authorize page, once, for its workspace's bot token; with
     * token rotation on, also a refresh token, and {@code grant_type=refresh_token} exchanges one.
     */
    private ObjectNode oauthAccess(ObjectNode args, ObjectNode out) {
        if ("refresh_token".equals(text(args, "grant_type"))) {
            return refreshed(args, out);
        }
        String code = text(args, "code");
        Workspace w = code == null ? null : codes.remove(code);
        if (w == null) {
            return error("invalid_code");
        }
        out.put("access_token", w.botToken());
        out.put("token_type", "bot");
        Duration lifetime = rotatingTeams.get(w.teamId());
        if (lifetime != null) {
            out.put("refresh_token", newRefreshToken(w));
            out.put("expires_in", lifetime.toSeconds());
        }
        out.put("scope", "chat:write,commands");
        out.put("bot_user_id", w.botUserId());
        out.put("app_id", APP_ID);
        out.putObject("team").put("id", w.teamId()).put("name", "Team " + w.teamId());
        if (w.enterpriseId() == null) {
            out.putNull("enterprise");
        } else {
            out.putObject("enterprise").put("id", w.enterpriseId()).put("name", "Org " + w.enterpriseId());
        }
        out.put("is_enterprise_install", false);
        out.putObject("authed_user").put("id", "UINSTALLER");
        return out;
    }

    private ObjectNode refreshed(ObjectNode args, ObjectNode out) {
        String refresh = text(args, "refresh_token");
        Workspace w = refresh == null ? null : refreshTokens.remove(refresh);
        if (w == null) {
            return error("invalid_refresh_token");
        }
        String token = "xoxe.xoxb-" + w.teamId() + "-" + rotationCounter.incrementAndGet();
        workspacesByToken.put(token, w);
        out.put("access_token", token);
        out.put("token_type", "bot");
        out.put("refresh_token", newRefreshToken(w));
        out.put("expires_in", rotatingTeams.getOrDefault(w.teamId(), Duration.ofHours(12)).toSeconds());
        out.put("scope", "chat:write,commands");
        out.put("bot_user_id", w.botUserId());
        out.put("app_id", APP_ID);
        out.putObject("team").put("id", w.teamId()).put("name", "Team " + w.teamId());
        if (w.enterpriseId() == null) {
            out.putNull("enterprise");
        } else {
            out.putObject("enterprise").put("id", w.enterpriseId()).put("name", "Org " + w.enterpriseId());
        }
        return out;
    }

    private String newRefreshToken(Workspace w) {
        String refresh = "xoxe-1-" + w.teamId() + "-" + rotationCounter.incrementAndGet();
        refreshTokens.put(refresh, w);
        return refresh;
    }

    // ---------------------------------------------------------------- Web API inspection

    /** Every Web API call received so far, oldest first (including rate-limited and failed ones). */
    public List<ApiCall> calls() {
        return calls.all();
    }

    /** The calls of one Web API method, oldest first. */
    public List<ApiCall> calls(String method) {
        return calls.matching(c -> c.method().equals(method));
    }

    /** Waits for the first call of {@code method} that matches, failing with every call seen when it does not come. */
    public ApiCall awaitCall(String method, Predicate<ApiCall> match, Duration timeout) {
        return calls.await(call -> call.method().equals(method) && match.test(call), timeout, method);
    }

    /** Waits for the first call of {@code method}, whatever its arguments. */
    public ApiCall awaitCall(String method, Duration timeout) {
        return awaitCall(method, call -> true, timeout);
    }

    /** Modals opened with {@code views.open}, oldest first. */
    public List<OpenedView> openedViews() {
        return monitor.read(() -> List.copyOf(openedViews));
    }

    /** Waits for the first opened modal that matches. */
    public OpenedView awaitOpenedView(Predicate<OpenedView> match, Duration timeout) {
        return monitor.awaitFirst(openedViews, match, timeout).orElseThrow(() -> new AssertionError(
                "no matching modal opened within " + timeout + "; calls seen: " + calls.describe()));
    }

    /** Makes a channel known by name, as {@code conversations.list} lists it. */
    public void addChannel(String id, String name) {
        monitor.update(() -> channels.put(id, name));
    }

    /** Files shared through the upload v2 flow, oldest first. */
    public List<UploadedFile> uploads() {
        return monitor.read(() -> List.copyOf(uploads));
    }

    /** Waits for the first shared file that matches. */
    public UploadedFile awaitUpload(Predicate<UploadedFile> match, Duration timeout) {
        return monitor.awaitFirst(uploads, match, timeout).orElseThrow(() -> new AssertionError(
                "no matching file shared within " + timeout + "; calls seen: " + calls.describe()));
    }

    // ---------------------------------------------------------------- Socket Mode

    /** Whether a Socket Mode client is connected and has been greeted with hello. */
    public boolean socketConnected() {
        return monitor.read(() -> readySockets.stream().anyMatch(WebSocket::isOpen));
    }

    /** Waits until a Socket Mode client is connected and greeted. */
    public void awaitSocketConnected(Duration timeout) {
        if (!monitor.waitUntil(() -> readySockets.stream().anyMatch(WebSocket::isOpen), timeout)) {
            throw new AssertionError("no Socket Mode client connected within " + timeout
                    + "; Web API calls seen: " + calls.describe());
        }
    }

    /**
     * Sends a Socket Mode envelope to the connected client(s) and returns its envelope id.
     *
     * @param type    {@code events_api}, {@code slash_commands} or {@code interactive}
     * @param payload what Slack would put in {@code payload} (e.g. an event_callback body, a slash command)
     */
    public String sendEnvelope(String type, JsonNode payload) {
        String envelopeId = UUID.randomUUID().toString();
        ObjectNode envelope = JSON.createObjectNode();
        envelope.put("envelope_id", envelopeId);
        envelope.put("type", type);
        // Slack only lets the app answer with a payload where the answer means something to the user.
        envelope.put("accepts_response_payload", type.equals("slash_commands") || type.equals("interactive"));
        envelope.put("retry_attempt", 0);
        envelope.put("retry_reason", "");
        envelope.set("payload", payload);
        String text = envelope.toString();
        List<WebSocket> targets = monitor.read(() -> readySockets.stream().filter(WebSocket::isOpen).toList());
        if (targets.isEmpty()) {
            throw new IllegalStateException("no Socket Mode client is connected to the fake Slack");
        }
        // Register before sending so an ack that races ahead of this method's return is not lost.
        acks.computeIfAbsent(envelopeId, id -> new CompletableFuture<>());
        for (WebSocket target : targets) {
            target.send(text);
        }
        return envelopeId;
    }

    /** Waits for the client's acknowledgement of an envelope and returns that message. */
    public JsonNode awaitAck(String envelopeId, Duration timeout) {
        CompletableFuture<JsonNode> ack = acks.computeIfAbsent(envelopeId, id -> new CompletableFuture<>());
        try {
            return ack.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            throw new AssertionError("no ack for envelope " + envelopeId + " within " + timeout
                    + "; socket messages seen: " + socketMessages());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for the ack of envelope " + envelopeId, e);
        } catch (ExecutionException e) {
            throw new AssertionError("ack of envelope " + envelopeId + " failed", e.getCause());
        }
    }

    /** Every message Socket Mode clients sent to the fake (acks and anything else), oldest first. */
    public List<JsonNode> socketMessages() {
        return monitor.read(() -> List.copyOf(socketMessages));
    }

    /** Stops both servers; connected Socket Mode clients see the connection close. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            socket.stop(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        http.stop(0);
        httpPool.shutdownNow();
        late.close();
    }

    // ---------------------------------------------------------------- HTTP handling

    private void handle(HttpExchange exchange) throws IOException {
        Reply reply;
        try {
            reply = answer(exchange);
        } catch (RuntimeException | IOException e) {
            // The JDK server swallows handler exceptions silently; say what broke instead.
            LOG.error("fake Slack failed to answer {}", exchange.getRequestURI(), e);
            ObjectNode body = JSON.createObjectNode();
            body.put("ok", false);
            body.put("error", "fake_slack_internal_error: " + e);
            reply = new Reply(500, body, null);
        }
        Reply answer = reply;
        late.send(() -> send(exchange, answer));
    }

    private static void send(HttpExchange exchange, Reply reply) throws IOException {
        try (exchange) {
            byte[] bytes = reply.body().toString().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
            if (reply.retryAfterSeconds() != null) {
                exchange.getResponseHeaders().set("Retry-After", reply.retryAfterSeconds().toString());
            }
            exchange.sendResponseHeaders(reply.status(), bytes.length);
            exchange.getResponseBody().write(bytes);
        }
    }

    private Reply answer(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestURI().getPath().substring(API_PREFIX.length());
        byte[] body = exchange.getRequestBody().readAllBytes();
        ObjectNode args = JSON.createObjectNode();
        String rawQuery = exchange.getRequestURI().getRawQuery();
        if (rawQuery != null) {
            putFormFields(args, rawQuery);
        }
        String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
        if (contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("application/json")) {
            JsonNode parsed = body.length == 0 ? null : JSON.readTree(body);
            if (parsed instanceof ObjectNode object) {
                args.setAll(object);
            }
        } else if (body.length > 0) {
            putFormFields(args, new String(body, StandardCharsets.UTF_8));
        }
        String token = bearer(exchange.getRequestHeaders().getFirst("Authorization"));
        if (token == null && args.hasNonNull("token")) {
            token = args.get("token").asText();
        }
        ApiCall call = new ApiCall(method, args, token, Instant.now());
        Workspace workspace = token == null ? null : workspacesByToken.get(token);

        Reply reply = monitor.updateAndGet(() -> {
            Reply answered = controlledReply(method);
            if (answered == null) {
                ObjectNode answer = method.equals("oauth.v2.access") ? oauthAccess(args, JSON.createObjectNode().put("ok", true))
                        : cannedAnswer(method, args);
                if (workspace != null && method.equals("auth.test")) {
                    answer.put("team_id", workspace.teamId());
                    answer.put("user_id", workspace.botUserId());
                    if (workspace.enterpriseId() != null) {
                        answer.put("enterprise_id", workspace.enterpriseId());
                    }
                }
                if (answer.hasNonNull("ts")) {
                    answeredTs.put(call, answer.get("ts").asText());
                }
                answered = new Reply(200, answer, null);
            }
            // Recorded once its answer is known, so a test that sees the call can ask what it was answered.
            calls.record(call);
            return answered;
        });
        for (Consumer<ApiCall> listener : listeners) {
            listener.accept(call);
        }
        return reply;
    }

    /**
     * The {@code ts} this fake answered a call with (the id of a posted message), or null when the
     * call was refused or carries none: what the bot learnt from the call, which its arguments lack.
     */
    public String answeredTs(ApiCall call) {
        return monitor.read(() -> answeredTs.get(call));
    }

    /** A rate limit or queued failure for this method, consuming it; null when the call should succeed. */
    private Reply controlledReply(String method) {
        Throttle throttle = rateLimits.get(method);
        if (throttle != null && throttle.remaining > 0) {
            throttle.remaining--;
            return new Reply(429, error("ratelimited"), throttle.retryAfterSeconds);
        }
        int errors = serverErrors.getOrDefault(method, 0);
        if (errors > 0) {
            serverErrors.put(method, errors - 1);
            return new Reply(500, error("internal_error"), null);
        }
        Deque<String> queued = failures.get(method);
        if (queued != null && !queued.isEmpty()) {
            return new Reply(200, error(queued.removeFirst()), null);
        }
        return null;
    }

    private ObjectNode cannedAnswer(String method, ObjectNode args) {
        ObjectNode out = JSON.createObjectNode();
        out.put("ok", true);
        switch (method) {
            case "auth.test" -> {
                out.put("url", "https://test.slack.com/");
                out.put("team", "Test Team");
                out.put("user", "coach");
                out.put("team_id", TEAM_ID);
                out.put("user_id", BOT_USER_ID);
                out.put("bot_id", BOT_ID);
                out.put("is_enterprise_install", false);
            }
            case "chat.postMessage" -> {
                String ts = nextTs();
                out.put("channel", text(args, "channel"));
                out.put("ts", ts);
                ObjectNode message = out.putObject("message");
                message.put("type", "message");
                message.put("text", text(args, "text"));
                message.put("user", BOT_USER_ID);
                message.put("bot_id", BOT_ID);
                message.put("ts", ts);
                String threadTs = text(args, "thread_ts");
                if (threadTs != null && !threadTs.isEmpty()) {
                    message.put("thread_ts", threadTs);
                }
                if (args.get("blocks") instanceof ArrayNode blocks) {
                    message.set("blocks", blocks);
                }
            }
            case "chat.postEphemeral" -> out.put("message_ts", nextTs());
            case "chat.update" -> {
                out.put("channel", text(args, "channel"));
                out.put("ts", text(args, "ts"));
                out.put("text", text(args, "text"));
            }
            case "conversations.open" -> {
                String channelId = conversationFor(args);
                if (channelId == null) {
                    return error("users_list_not_supplied");
                }
                out.putObject("channel").put("id", channelId);
            }
            case "views.publish" -> {
                ObjectNode view = out.putObject("view");
                view.put("id", "V" + viewCounter.incrementAndGet());
                view.put("type", "home");
            }
            case "users.info" -> {
                return userInfo(args, out);
            }
            case "reactions.add" -> {
                return addReaction(args, out);
            }
            case "views.open" -> {
                return openView(args, out);
            }
            case "files.getUploadURLExternal" -> {
                return uploadUrl(args, out);
            }
            case "files.completeUploadExternal" -> {
                return completeUpload(args, out);
            }
            case "conversations.list" -> {
                ArrayNode list = out.putArray("channels");
                monitor.read(() -> {
                    channels.forEach((id, name) -> list.addObject().put("id", id).put("name", name)
                            .put("is_channel", true).put("is_archived", false));
                    return null;
                });
                out.putObject("response_metadata").put("next_cursor", "");
            }
            case "team.info" -> {
                ObjectNode team = out.putObject("team");
                team.put("id", TEAM_ID);
                team.put("name", "Test Team");
            }
            case "apps.connections.open" -> out.put("url", socketUrl());
            default -> {
                // Everything else: a bare ok is what most write methods answer.
            }
        }
        return out;
    }

    /** users.info: the profile set for the user, or a plain member with no time zone. */
    private ObjectNode userInfo(ObjectNode args, ObjectNode out) {
        String user = text(args, "user");
        if (user == null || user.isEmpty()) {
            return error("user_not_found");
        }
        UserProfile profile = monitor.read(() -> users.getOrDefault(user, UserProfile.member()));
        ObjectNode u = out.putObject("user");
        u.put("id", user);
        u.put("team_id", TEAM_ID);
        u.put("name", user.toLowerCase(Locale.ROOT));
        u.put("is_admin", profile.admin());
        u.put("is_owner", profile.owner());
        u.put("is_primary_owner", profile.primaryOwner());
        u.put("is_bot", false);
        if (profile.tz() != null) {
            u.put("tz", profile.tz());
        }
        return out;
    }

    /** reactions.add: one reaction of a name per message, as Slack counts the bot's own. */
    private ObjectNode addReaction(ObjectNode args, ObjectNode out) {
        String channel = text(args, "channel");
        String ts = text(args, "timestamp");
        String name = text(args, "name");
        if (channel == null || ts == null) {
            return error("no_item_specified");
        }
        if (name == null || name.isBlank()) {
            return error("invalid_name");
        }
        return monitor.updateAndGet(() -> reactions.add(channel + "/" + ts + "/" + name) ? out
                : error("already_reacted"));
    }

    /** views.open: records the modal and answers with its id, as Slack does. */
    private ObjectNode openView(ObjectNode args, ObjectNode out) {
        String trigger = text(args, "trigger_id");
        if (trigger == null || trigger.isBlank()) {
            return error("invalid_trigger_id");
        }
        if (!(args.get("view") instanceof ObjectNode view)) {
            return error("invalid_arguments");
        }
        String id = "V" + viewCounter.incrementAndGet();
        ObjectNode answered = out.putObject("view");
        answered.setAll(view);
        answered.put("id", id);
        answered.put("team_id", TEAM_ID);
        monitor.update(() -> openedViews.add(new OpenedView(id, trigger, view)));
        return out;
    }

    /** files.getUploadURLExternal: a file id and an upload URL on this fake. */
    private ObjectNode uploadUrl(ObjectNode args, ObjectNode out) {
        String filename = text(args, "filename");
        String length = text(args, "length");
        if (filename == null || filename.isBlank() || length == null) {
            return error("invalid_arguments");
        }
        long announced;
        try {
            announced = Long.parseLong(length);
        } catch (NumberFormatException e) {
            return error("invalid_arguments");
        }
        String id = "F" + fileCounter.incrementAndGet();
        String alt = text(args, "alt_txt");
        monitor.update(() -> pendingUploads.put(id, new PendingUpload(filename, announced, alt)));
        out.put("upload_url", "http://" + LOOPBACK + ":" + port() + UPLOAD_PATH + id);
        out.put("file_id", id);
        return out;
    }

    /** files.completeUploadExternal: shares the uploaded files where asked and records them. */
    private ObjectNode completeUpload(ObjectNode args, ObjectNode out) {
        if (!(args.get("files") instanceof ArrayNode files) || files.isEmpty()) {
            return error("invalid_arguments");
        }
        String channelId = text(args, "channel_id");
        String channel = channelId != null ? channelId : text(args, "channels");
        ArrayNode shared = out.putArray("files");
        return monitor.updateAndGet(() -> {
            for (JsonNode file : files) {
                String id = file.path("id").asText();
                PendingUpload pending = pendingUploads.get(id);
                if (pending == null || pending.content == null || pending.content.length != pending.length) {
                    // Slack answers this when the bytes never arrived or do not match the announced length.
                    return error("file_not_found");
                }
                pendingUploads.remove(id);
                String title = file.hasNonNull("title") ? file.get("title").asText() : pending.filename;
                uploads.add(new UploadedFile(id, pending.filename, title, pending.content, channel,
                        text(args, "thread_ts"), text(args, "initial_comment"), pending.altText));
                shared.addObject().put("id", id).put("name", pending.filename).put("title", title)
                        .put("size", pending.content.length);
            }
            return out;
        });
    }

    /** The upload URL: takes the bytes of a file announced by files.getUploadURLExternal. */
    private void handleUpload(HttpExchange exchange) throws IOException {
        try (exchange) {
            String id = exchange.getRequestURI().getPath().substring(UPLOAD_PATH.length());
            byte[] body = exchange.getRequestBody().readAllBytes();
            boolean known = monitor.updateAndGet(() -> {
                PendingUpload pending = pendingUploads.get(id);
                boolean accepted = pending != null && exchange.getRequestMethod().equals("POST");
                if (accepted) {
                    pending.content = body;
                }
                return accepted;
            });
            byte[] answer = (known ? "OK - " + body.length : "not found").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
            exchange.sendResponseHeaders(known ? 200 : 404, answer.length);
            exchange.getResponseBody().write(answer);
        }
    }

    /**
     * The conversation for conversations.open: "D" + the user for one person; for several, a group DM
     * "G" + their ids in order (the same people always get the same one, as on Slack); or the channel
     * when one is reopened by id.
     */
    private static String conversationFor(ObjectNode args) {
        String users = text(args, "users");
        if (users != null && !users.isBlank()) {
            List<String> ids = Arrays.stream(users.split(",", -1)).map(String::trim).filter(u -> !u.isEmpty())
                    .sorted().toList();
            return ids.size() == 1 ? "D" + ids.getFirst() : "G" + String.join("", ids);
        }
        String channel = text(args, "channel");
        return channel == null || channel.isBlank() ? null : channel;
    }

    /** A "1700000000.000100"-style ts, unique and increasing for the life of this fake. */
    private String nextTs() {
        long micros = tsCounter.incrementAndGet() * 100;
        return String.format(Locale.ROOT, "%d.%06d", TS_BASE_SECONDS + micros / 1_000_000, micros % 1_000_000);
    }

    private static void putFormFields(ObjectNode args, String form) {
        for (String pair : form.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            // A repeated field keeps its last value; the SDK never repeats fields.
            args.set(name, JSON_FORM_FIELDS.contains(name) ? jsonOrText(value) : args.textNode(value));
        }
    }

    private static JsonNode jsonOrText(String value) {
        try {
            return JSON.readTree(value);
        } catch (JsonProcessingException e) {
            // Keep what was sent so a test can see the malformed value instead of losing it.
            return JSON.getNodeFactory().textNode(value);
        }
    }

    private static String bearer(String authorization) {
        if (authorization == null) {
            return null;
        }
        String prefix = "Bearer ";
        return authorization.regionMatches(true, 0, prefix, 0, prefix.length())
                ? authorization.substring(prefix.length()).trim()
                : null;
    }

    private static String text(JsonNode args, String name) {
        JsonNode value = args.get(name);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static ObjectNode error(String error) {
        ObjectNode out = JSON.createObjectNode();
        out.put("ok", false);
        out.put("error", error);
        return out;
    }

    // ---------------------------------------------------------------- WebSocket callbacks

    private void socketOpened(WebSocket connection, ClientHandshake handshake) {
        String path = handshake.getResourceDescriptor();
        if (path == null || !path.startsWith(SOCKET_PATH)) {
            connection.close(1008, "the fake Slack only serves Socket Mode at " + SOCKET_PATH);
            return;
        }
        // onOpen runs after the handshake completed, so the client is ready for hello, as with Slack.
        connection.send(hello().toString());
        monitor.update(() -> readySockets.add(connection));
    }

    private void socketClosed(WebSocket connection) {
        monitor.update(() -> readySockets.remove(connection));
    }

    private void socketMessage(String text) {
        JsonNode message;
        try {
            message = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            message = JSON.getNodeFactory().textNode(text);
        }
        JsonNode received = message;
        monitor.update(() -> socketMessages.add(received));
        JsonNode envelopeId = message.get("envelope_id");
        if (envelopeId != null && envelopeId.isTextual()) {
            acks.computeIfAbsent(envelopeId.asText(), id -> new CompletableFuture<>()).complete(message);
        }
    }

    private static ObjectNode hello() {
        ObjectNode hello = JSON.createObjectNode();
        hello.put("type", "hello");
        hello.put("num_connections", 1);
        ObjectNode debug = hello.putObject("debug_info");
        debug.put("host", "fake");
        debug.put("started", "now");
        debug.put("build_number", 1);
        debug.put("approximate_connection_time", 3600);
        hello.putObject("connection_info").put("app_id", APP_ID);
        return hello;
    }

    private record Reply(int status, ObjectNode body, Integer retryAfterSeconds) {
    }

    /** A file announced by files.getUploadURLExternal; its bytes arrive later at the upload URL. */
    private static final class PendingUpload {
        private final String filename;
        private final long length;
        private byte[] content;

        private final String altText;

        private PendingUpload(String filename, long length, String altText) {
            this.altText = altText;
            this.filename = filename;
            this.length = length;
        }
    }

    private static final class Throttle {
        private int remaining;
        private final int retryAfterSeconds;

        private Throttle(int remaining, int retryAfterSeconds) {
            this.remaining = remaining;
            this.retryAfterSeconds = retryAfterSeconds;
        }
    }

    /** The Socket Mode endpoint; forwards to the owning fake. */
    private static final class SocketServer extends WebSocketServer {
        private final CountDownLatch started = new CountDownLatch(1);
        private final AtomicReference<Exception> startFailure = new AtomicReference<>();
        private volatile FakeSlack owner;

        private SocketServer(InetSocketAddress address) {
            super(address);
            setReuseAddr(true);
            setDaemon(true);
        }

        void startAndAwait(Duration timeout) {
            start();
            try {
                // The selector thread binds asynchronously; the port is only known once onStart ran.
                if (!started.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                    throw new IllegalStateException("the fake Socket Mode server did not start within " + timeout);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while starting the fake Socket Mode server", e);
            }
            Exception failure = startFailure.get();
            if (failure != null) {
                throw new IllegalStateException("the fake Socket Mode server failed to start", failure);
            }
        }

        @Override
        public void onStart() {
            started.countDown();
        }

        @Override
        public void onOpen(WebSocket connection, ClientHandshake handshake) {
            owner.socketOpened(connection, handshake);
        }

        @Override
        public void onClose(WebSocket connection, int code, String reason, boolean remote) {
            owner.socketClosed(connection);
        }

        @Override
        public void onMessage(WebSocket connection, String message) {
            owner.socketMessage(message);
        }

        @Override
        public void onError(WebSocket connection, Exception e) {
            if (connection == null && started.getCount() > 0) {
                // A server-level error before onStart means the bind failed; unblock start().
                startFailure.set(e);
                started.countDown();
                return;
            }
            LOG.warn("fake Socket Mode server error", e);
        }
    }
}
