package dev.interviewcoach.testkit.discord;

import static dev.interviewcoach.testkit.discord.DiscordJson.JSON;
import static dev.interviewcoach.testkit.discord.FakeDiscord.APPLICATION_ID;
import static dev.interviewcoach.testkit.discord.FakeDiscord.BOT_USER_ID;
import static dev.interviewcoach.testkit.discord.FakeDiscord.GUILD_ID;
import static dev.interviewcoach.testkit.discord.FakeDiscord.OWNER_ID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import dev.interviewcoach.testkit.CallLog;
import dev.interviewcoach.testkit.LateAnswers;
import dev.interviewcoach.testkit.StateMonitor;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The REST API over HTTP: records each request, answers queued faults, and routes the rest to its owner. */
final class DiscordRestApi {

    /** Where the routes start; {@link RestCall#path()} is relative to it. */
    static final String API_PREFIX = "/api/v10/";

    private static final Logger LOG = LoggerFactory.getLogger(FakeDiscord.class); // one log name for the fake

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

    private final StateMonitor monitor;
    private final CallLog<RestCall> calls;
    private final RestFaults faults;
    private final GuildState guild;
    private final DiscordGateway gateway;
    private final ApplicationCommands commands;
    private final ChannelMessages messages;
    private final GuildThreads threads;
    private final InteractionResponder responder;
    // Which message each message-creating call made; by identity, as equal calls may differ. Guarded by monitor.
    private final Map<RestCall, String> createdBy = new IdentityHashMap<>();
    private volatile String handedOutGateway;
    private volatile Consumer<RestCall> listener = call -> { };
    private final LateAnswers late = new LateAnswers("discord");

    DiscordRestApi(StateMonitor monitor, CallLog<RestCall> calls, RestFaults faults, GuildState guild,
                   DiscordGateway gateway, ApplicationCommands commands, ChannelMessages messages,
                   GuildThreads threads, InteractionResponder responder) {
        this.monitor = monitor;
        this.calls = calls;
        this.faults = faults;
        this.guild = guild;
        this.gateway = gateway;
        this.commands = commands;
        this.messages = messages;
        this.threads = threads;
        this.responder = responder;
    }

    /** Makes {@code gateway/bot} hand out {@code url} instead of the fake's gateway. */
    void handOutGateway(String url) {
        this.handedOutGateway = url;
    }

    /** The id of the message {@code call} created, waiting for the fake to finish answering it. */
    String messageCreatedBy(RestCall call, Duration timeout) {
        if (!monitor.waitUntil(() -> createdBy.containsKey(call), timeout)) {
            throw new AssertionError("the call created no message within " + timeout + ": " + call);
        }
        return monitor.read(() -> createdBy.get(call));
    }

    /** Calls {@code listener} with every REST call as it arrives, after recording it and before answering it. */
    void onCall(Consumer<RestCall> listener) {
        this.listener = listener;
    }

    /** Forgets which calls created which messages. */
    void forgetCreated() {
        monitor.update(createdBy::clear);
    }

    /** Answers every REST call this much after it arrives (see {@link FakeDiscord#answerAfter}). */
    void answerAfter(Duration latency) {
        late.after(latency);
    }

    /** The HTTP handler for every path. */
    void handle(HttpExchange exchange) throws IOException {
        RestReply reply;
        try {
            reply = answer(exchange);
        } catch (RuntimeException | IOException e) {
            // The JDK server swallows handler exceptions silently; say what broke instead.
            LOG.error("fake Discord failed to answer {} {}", exchange.getRequestMethod(),
                    exchange.getRequestURI(), e);
            reply = RestReply.error(500, "fake Discord internal error: " + e, 0);
        }
        RestReply answer = reply;
        late.send(() -> send(exchange, answer));
    }

    /** Stops answering late calls (at close). */
    void stopLateAnswers() {
        late.close();
    }

    private static void send(HttpExchange exchange, RestReply reply) throws IOException {
        try (exchange) {
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

    private RestReply answer(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
        String fullPath = exchange.getRequestURI().getPath();
        String path = fullPath.startsWith(API_PREFIX) ? fullPath.substring(API_PREFIX.length()) : fullPath;
        byte[] raw = exchange.getRequestBody().readAllBytes();
        RequestBody body = RequestBody.parse(exchange.getRequestHeaders().getFirst("Content-Type"), raw);
        RestCall call = new RestCall(method, path, body.json(), exchange.getRequestURI().getRawQuery(), Instant.now(),
                body.files(), exchange.getRequestHeaders().getFirst("User-Agent"));
        RestReply controlled = monitor.updateAndGet(() -> {
            calls.record(call);
            return faults.take(method, path);
        });
        listener.accept(call);
        if (controlled != null) {
            return controlled;
        }
        if (!fullPath.startsWith(API_PREFIX)) {
            return RestReply.unknownRoute();
        }
        return route(call);
    }

    private RestReply route(RestCall call) {
        String method = call.method();
        String path = call.path();
        JsonNode body = call.body();
        Matcher m;
        switch (method + " " + path) {
            case "GET gateway" -> {
                ObjectNode out = JSON.createObjectNode();
                out.put("url", gateway.url());
                return RestReply.ok(out);
            }
            case "GET gateway/bot" -> {
                ObjectNode out = JSON.createObjectNode();
                out.put("url", handedOutGateway != null ? handedOutGateway : gateway.url());
                out.put("shards", 1);
                ObjectNode limit = out.putObject("session_start_limit");
                limit.put("total", 1000);
                limit.put("remaining", 999);
                limit.put("reset_after", 14_400_000);
                limit.put("max_concurrency", 1);
                return RestReply.ok(out);
            }
            case "GET users/@me" -> {
                return RestReply.ok(DiscordJson.selfUser(guild.user(BOT_USER_ID)));
            }
            case "GET oauth2/applications/@me", "GET applications/@me" -> {
                return RestReply.ok(DiscordJson.application(APPLICATION_ID, guild.user(OWNER_ID),
                        guild.user(BOT_USER_ID), gateway.applicationFlags()));
            }
            case "POST users/@me/channels" -> {
                String recipient = body.path("recipient_id").asText("");
                if (!guild.isKnownUser(recipient)) {
                    return RestReply.error(400, "Invalid Recipient(s)", 50033);
                }
                return RestReply.ok(guild.dmChannelFor(recipient).deepCopy());
            }
            default -> {
                // Parameterised routes below.
            }
        }
        if ((m = match(GUILD_COMMANDS, path)) != null) {
            return commands.handle(method, m.group(1), m.group(2), body);
        }
        if ((m = match(APP_COMMANDS, path)) != null) {
            return commands.handle(method, m.group(1), null, body);
        }
        if (method.equals("POST") && (m = match(CALLBACK, path)) != null) {
            return responder.callback(m.group(1), m.group(2), body, call.query());
        }
        if ((m = match(WEBHOOK_MESSAGE, path)) != null) {
            return responder.webhookMessage(method, m.group(1), m.group(2), m.group(3), body);
        }
        if (method.equals("POST") && (m = match(WEBHOOK, path)) != null) {
            return created(call, responder.followUp(m.group(1), m.group(2), body, call.files()));
        }
        if (method.equals("POST") && (m = match(CHANNEL_MESSAGES, path)) != null) {
            return created(call, messages.create(m.group(1), body, call.files()));
        }
        if ((m = match(CHANNEL_MESSAGE, path)) != null) {
            return messages.handle(method, m.group(1), m.group(2), body);
        }
        if (method.equals("POST") && (m = match(THREADS, path)) != null) {
            return threads.create(m.group(1), null, body);
        }
        if (method.equals("POST") && (m = match(MESSAGE_THREADS, path)) != null) {
            return threads.create(m.group(1), m.group(2), body);
        }
        if ((method.equals("PUT") || method.equals("DELETE")) && (m = match(THREAD_MEMBER, path)) != null) {
            return threads.member(method, m.group(1));
        }
        if ((method.equals("PUT") || method.equals("DELETE")) && (m = match(OWN_REACTION, path)) != null) {
            return messages.ownReaction(method, m.group(1), m.group(2), m.group(3));
        }
        if ((method.equals("PUT") || method.equals("DELETE")) && match(REACTIONS, path) != null) {
            return RestReply.noContent();
        }
        if (method.equals("POST") && (m = match(TYPING, path)) != null) {
            return guild.hasChannel(m.group(1)) ? RestReply.noContent() : RestReply.unknownChannel();
        }
        if (method.equals("GET") && (m = match(CHANNEL, path)) != null) {
            ObjectNode channel = guild.channel(m.group(1));
            return channel == null ? RestReply.unknownChannel() : RestReply.ok(GuildState.snapshot(channel));
        }
        if (method.equals("GET") && (m = match(USER, path)) != null) {
            ObjectNode user = guild.knownUser(m.group(1));
            return user == null ? RestReply.error(404, "Unknown User", 10013) : RestReply.ok(user);
        }
        if (method.equals("GET") && (m = match(GUILD_MEMBER, path)) != null) {
            if (!m.group(1).equals(GUILD_ID) || !guild.isKnownUser(m.group(2))) {
                return RestReply.error(404, "Unknown Member", 10007);
            }
            return RestReply.ok(guild.member(m.group(2)));
        }
        if (method.equals("GET") && (m = match(GUILD_CHANNELS, path)) != null && m.group(1).equals(GUILD_ID)) {
            return RestReply.ok(guild.guildChannels());
        }
        return RestReply.unknownRoute();
    }

    /** Remembers which message a call created, for {@link #messageCreatedBy}. */
    private RestReply created(RestCall call, RestReply reply) {
        if (reply.status() / 100 == 2 && reply.body() != null && reply.body().hasNonNull("id")) {
            String messageId = reply.body().get("id").asText();
            monitor.update(() -> createdBy.put(call, messageId));
        }
        return reply;
    }

    private static Matcher match(Pattern pattern, String path) {
        Matcher matcher = pattern.matcher(path);
        return matcher.matches() ? matcher : null;
    }
}
