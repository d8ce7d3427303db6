package dev.interviewcoach.testkit.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.slack.api.app_backend.SlackSignature;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Builds the signed HTTP requests Slack sends to an app's request URL (slash commands, events, interactions).
 *
 * <p>Bodies are shaped like Slack's and signed with the SDK's own {@link SlackSignature.Generator}, so Bolt's
 * request verification accepts them exactly when it would accept Slack's. {@link #unsigned()},
 * {@link #badlySigned()} and {@link #stale()} return builders that break the signature on purpose.
 */
public final class SlackRequests {

    /** The command every slash-command request carries. */
    public static final String COMMAND = "/coach";
    /** The response_url in slash commands and interactions; nothing listens there. */
    public static final String UNUSED_RESPONSE_URL = "http://127.0.0.1/unused";

    private static final ObjectMapper JSON = new ObjectMapper();
    // Old-style verification token Slack still puts in bodies; Bolt ignores it unless configured to check it.
    private static final String VERIFICATION_TOKEN = "fake-verification-token";
    private static final String USER_AGENT = "Slackbot 1.0 (+https://api.slack.com/robots)";
    // Bolt rejects timestamps older than five minutes; ten is safely outside that window.
    private static final Duration STALE_AGE = Duration.ofMinutes(10);
    private static final AtomicLong LAST_TS_MICROS = new AtomicLong();

    private enum Signing { VALID, NONE, WRONG_SECRET, STALE, FUTURE }

    private final String signingSecret;
    private final Signing signing;
    private final String team;
    private final String enterprise;

    /** Requests signed with {@code signingSecret}, the app's signing secret. */
    public SlackRequests(String signingSecret) {
        this(signingSecret, Signing.VALID);
    }

    private SlackRequests(String signingSecret, Signing signing) {
        this(signingSecret, signing, FakeSlack.TEAM_ID);
    }

    private SlackRequests(String signingSecret, Signing signing, String team) {
        this(signingSecret, signing, team, null);
    }

    private SlackRequests(String signingSecret, Signing signing, String team, String enterprise) {
        this.signingSecret = Objects.requireNonNull(signingSecret, "signingSecret");
        this.signing = signing;
        this.team = Objects.requireNonNull(team, "team");
        this.enterprise = enterprise;
    }

    /** The same builders, for events and interactions from workspace {@code teamId} instead of the default one. */
    public SlackRequests fromTeam(String teamId) {
        return new SlackRequests(signingSecret, signing, teamId, null);
    }

    /** The same builders, from workspace {@code teamId} of Enterprise Grid org {@code enterpriseId}. */
    public SlackRequests fromTeam(String teamId, String enterpriseId) {
        return new SlackRequests(signingSecret, signing, teamId, enterpriseId);
    }


    /** The same builders, but the requests carry no signature or timestamp headers. */
    public SlackRequests unsigned() {
        return new SlackRequests(signingSecret, Signing.NONE, team, enterprise);
    }

    /** The same builders, but the requests are signed with a different secret. */
    public SlackRequests badlySigned() {
        return new SlackRequests(signingSecret, Signing.WRONG_SECRET, team, enterprise);
    }

    /** The same builders, correctly signed but with a timestamp too old for Bolt (replay protection). */
    public SlackRequests stale() {
        return new SlackRequests(signingSecret, Signing.STALE, team, enterprise);
    }

    /** The same builders, correctly signed but dated ten minutes ahead of this machine's clock. */
    public SlackRequests fromTheFuture() {
        return new SlackRequests(signingSecret, Signing.FUTURE, team, enterprise);
    }

    // ---------------------------------------------------------------- requests

    /** A {@value #COMMAND} slash command, form-encoded as Slack sends it. */
    public HttpRequest slashCommand(URI url, String teamId, String channelId, String userId, String text) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("token", VERIFICATION_TOKEN);
        form.put("team_id", teamId);
        form.put("team_domain", "test");
        if (enterprise != null) {
            form.put("enterprise_id", enterprise);
        }
        form.put("channel_id", channelId);
        form.put("channel_name", channelName(channelId));
        form.put("user_id", userId);
        form.put("user_name", userId.toLowerCase(Locale.ROOT));
        form.put("command", COMMAND);
        form.put("text", text);
        form.put("api_app_id", FakeSlack.APP_ID);
        form.put("is_enterprise_install", "false");
        form.put("response_url", UNUSED_RESPONSE_URL);
        form.put("trigger_id", triggerId());
        return signed(url, "application/x-www-form-urlencoded", formEncode(form), Map.of());
    }

    /** An Events API event_callback delivering {@code event}, as a JSON body. */
    public HttpRequest event(URI url, String eventId, JsonNode event) {
        return signed(url, "application/json", eventCallback(eventId, event).toString(), Map.of());
    }

    /** The same event delivered again by Slack's retry, with X-Slack-Retry-Num and X-Slack-Retry-Reason. */
    public HttpRequest eventRetry(URI url, String eventId, JsonNode event, int retryNum) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("X-Slack-Retry-Num", Integer.toString(retryNum));
        headers.put("X-Slack-Retry-Reason", "http_timeout");
        return signed(url, "application/json", eventCallback(eventId, event).toString(), headers);
    }

    /** A click on a button in a top-level message: a block_actions interaction, form-encoded as {@code payload=}. */
    public HttpRequest blockAction(URI url, String userId, String channelId, String messageTs,
                                   String actionId, String value) {
        return blockAction(url, userId, channelId, messageTs, null, actionId, value);
    }

    /** A click on a button in a message; {@code threadTs} is the thread the message sits in, or null. */
    public HttpRequest blockAction(URI url, String userId, String channelId, String messageTs, String threadTs,
                                   String actionId, String value) {
        return interaction(url, blockActionPayload(userId, channelId, messageTs, threadTs, actionId, value));
    }

    /** A click on a button of the App Home: a block_actions interaction from a view, with no channel. */
    public HttpRequest homeButton(URI url, String userId, String actionId, String value) {
        ObjectNode payload = JSON.createObjectNode();
        payload.put("type", "block_actions");
        payload.set("user", user(userId));
        payload.putObject("team").put("id", team).put("domain", "test");
        payload.put("api_app_id", FakeSlack.APP_ID);
        payload.put("token", VERIFICATION_TOKEN);
        payload.putObject("container").put("type", "view").put("view_id", "VHOME" + userId);
        payload.putObject("view").put("id", "VHOME" + userId).put("type", "home");
        payload.put("trigger_id", triggerId());
        ObjectNode action = payload.putArray("actions").addObject();
        action.put("action_id", actionId);
        action.put("block_id", "home");
        action.put("value", value);
        action.put("type", "button");
        action.put("action_ts", newTs());
        return interaction(url, payload);
    }

    /**
     * A click on a button of a message the app posted ({@code chat.postMessage} as the fake recorded it):
     * the button is looked up in the message's blocks, and the click carries its label and value, as
     * Slack's does. The message's own ts is not in the recorded call, so a fresh one stands in for it.
     *
     * @throws IllegalArgumentException when the message has no button with that action id
     */
    public HttpRequest clickButton(URI url, String userId, ApiCall posted, String actionId) {
        JsonNode button = findButton(posted.args().get("blocks"), actionId);
        if (button == null) {
            throw new IllegalArgumentException("no button " + actionId + " in " + posted);
        }
        ObjectNode payload = blockActionPayload(userId, posted.arg("channel"), newTs(), posted.arg("thread_ts"), actionId,
                button.path("value").asText(null));
        // A button on a message only one person sees comes back marked so, as Slack marks it.
        ((ObjectNode) payload.get("container")).put("is_ephemeral", "chat.postEphemeral".equals(posted.method()));
        ObjectNode action = (ObjectNode) payload.get("actions").get(0);
        action.set("text", button.get("text"));
        if (button.hasNonNull("style")) {
            action.put("style", button.get("style").asText());
        }
        return interaction(url, payload);
    }

    private static JsonNode findButton(JsonNode blocks, String actionId) {
        if (blocks == null || !blocks.isArray()) {
            return null;
        }
        for (JsonNode block : blocks) {
            for (JsonNode element : block.path("elements")) {
                if ("button".equals(element.path("type").asText()) && actionId.equals(element.path("action_id").asText())) {
                    return element;
                }
            }
        }
        return null;
    }

    private ObjectNode blockActionPayload(String userId, String channelId, String messageTs, String threadTs,
                                                 String actionId, String value) {
        ObjectNode payload = JSON.createObjectNode();
        payload.put("type", "block_actions");
        payload.set("user", user(userId));
        payload.putObject("team").put("id", team).put("domain", "test");
        if (enterprise != null) {
            payload.putObject("enterprise").put("id", enterprise).put("name", "org");
        }
        payload.put("api_app_id", FakeSlack.APP_ID);
        payload.put("token", VERIFICATION_TOKEN);
        ObjectNode container = payload.putObject("container");
        container.put("type", "message");
        container.put("message_ts", messageTs);
        container.put("channel_id", channelId);
        container.put("is_ephemeral", false);
        payload.put("trigger_id", triggerId());
        payload.putObject("channel").put("id", channelId).put("name", channelName(channelId));
        ObjectNode message = payload.putObject("message");
        message.put("type", "message");
        message.put("user", FakeSlack.BOT_USER_ID);
        message.put("bot_id", FakeSlack.BOT_ID);
        message.put("text", "");
        message.put("ts", messageTs);
        if (threadTs != null) {
            message.put("thread_ts", threadTs);
        }
        payload.put("response_url", UNUSED_RESPONSE_URL);
        payload.put("is_enterprise_install", false);
        ObjectNode action = payload.putArray("actions").addObject();
        action.put("action_id", actionId);
        action.put("block_id", "block-" + actionId);
        action.put("value", value);
        action.put("type", "button");
        action.put("action_ts", newTs());
        return payload;
    }

    /**
     * A modal submitted by {@code userId}: a view_submission interaction.
     *
     * @param stateValues what Slack puts in {@code view.state.values}: block id to action id to value object
     */
    public HttpRequest viewSubmission(URI url, String userId, String callbackId, String privateMetadata,
                                      JsonNode stateValues) {
        String viewId = "VSUB" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
        return viewSubmission(url, userId, viewId, callbackId, privateMetadata, stateValues);
    }

    /**
     * A modal the app opened, filled in and sent by {@code userId}: the submission carries the view's
     * id, callback_id and private_metadata, as Slack's does, and {@code typed} (action id to text)
     * in the state of the input blocks whose element has that action id.
     */
    public HttpRequest submitView(URI url, String userId, OpenedView opened, Map<String, String> typed) {
        ObjectNode values = JSON.createObjectNode();
        for (JsonNode block : opened.view().path("blocks")) {
            JsonNode element = block.path("element");
            String actionId = element.path("action_id").asText(null);
            if ("input".equals(block.path("type").asText()) && actionId != null && typed.containsKey(actionId)) {
                ObjectNode state = JSON.createObjectNode();
                state.put("type", element.path("type").asText());
                state.put("value", typed.get(actionId));
                values.putObject(block.path("block_id").asText()).set(actionId, state);
            }
        }
        return viewSubmission(url, userId, opened.id(), opened.callbackId(), opened.privateMetadata(), values);
    }

    private HttpRequest viewSubmission(URI url, String userId, String viewId, String callbackId, String privateMetadata,
                                       JsonNode stateValues) {
        ObjectNode payload = JSON.createObjectNode();
        payload.put("type", "view_submission");
        payload.putObject("team").put("id", team).put("domain", "test");
        if (enterprise != null) {
            payload.putObject("enterprise").put("id", enterprise).put("name", "org");
        }
        payload.set("user", user(userId));
        payload.put("api_app_id", FakeSlack.APP_ID);
        payload.put("token", VERIFICATION_TOKEN);
        payload.put("trigger_id", triggerId());
        ObjectNode view = payload.putObject("view");
        view.put("id", viewId);
        view.put("team_id", team);
        view.put("type", "modal");
        view.put("callback_id", callbackId);
        view.put("private_metadata", privateMetadata == null ? "" : privateMetadata);
        view.putObject("state").set("values", stateValues == null ? JSON.createObjectNode() : stateValues);
        view.put("hash", "fake-hash");
        view.put("app_id", FakeSlack.APP_ID);
        view.put("bot_id", FakeSlack.BOT_ID);
        payload.putArray("response_urls");
        payload.put("is_enterprise_install", false);
        return interaction(url, payload);
    }

    /** Any body, signed according to this builder's mode; for shapes the other methods do not cover. */
    public HttpRequest signed(URI url, String contentType, String body, Map<String, String> extraHeaders) {
        HttpRequest.Builder request = HttpRequest.newBuilder(url)
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", contentType)
                .header("User-Agent", USER_AGENT)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        extraHeaders.forEach(request::header);
        if (signing != Signing.NONE) {
            long seconds = Instant.now().getEpochSecond();
            if (signing == Signing.STALE) {
                seconds -= STALE_AGE.toSeconds();
            } else if (signing == Signing.FUTURE) {
                seconds += STALE_AGE.toSeconds();
            }
            String timestamp = Long.toString(seconds);
            String secret = signing == Signing.WRONG_SECRET ? signingSecret + "-wrong" : signingSecret;
            // The SDK's generator computes "v0=" + hex(HMAC-SHA256(secret, "v0:" + ts + ":" + body)),
            // the same code Bolt's verifier uses, so the two cannot drift apart.
            String signature = new SlackSignature.Generator(secret).generate(timestamp, body);
            request.header(SlackSignature.HeaderNames.X_SLACK_REQUEST_TIMESTAMP, timestamp);
            request.header(SlackSignature.HeaderNames.X_SLACK_SIGNATURE, signature);
        }
        return request.build();
    }

    // ---------------------------------------------------------------- event builders

    /** A user's message event; {@code channelType} is im, channel or group, {@code threadTs} may be null. */
    public static ObjectNode messageEvent(String channel, String user, String text, String ts, String threadTs,
                                          String channelType) {
        ObjectNode event = JSON.createObjectNode();
        event.put("type", "message");
        event.put("channel", channel);
        event.put("user", user);
        event.put("text", text);
        event.put("ts", ts);
        if (threadTs != null) {
            event.put("thread_ts", threadTs);
        }
        event.put("team", FakeSlack.TEAM_ID);
        event.put("event_ts", ts);
        event.put("channel_type", channelType);
        return event;
    }

    /** An app_mention event; put {@code <@UBOT>} in {@code text} as Slack does. */
    public static ObjectNode appMention(String channel, String user, String text, String ts, String threadTs) {
        ObjectNode event = JSON.createObjectNode();
        event.put("type", "app_mention");
        event.put("channel", channel);
        event.put("user", user);
        event.put("text", text);
        event.put("ts", ts);
        if (threadTs != null) {
            event.put("thread_ts", threadTs);
        }
        event.put("team", FakeSlack.TEAM_ID);
        event.put("event_ts", ts);
        return event;
    }

    /** An app_home_opened event for the Home tab. */
    public static ObjectNode appHomeOpened(String user) {
        ObjectNode event = JSON.createObjectNode();
        event.put("type", "app_home_opened");
        event.put("user", user);
        event.put("channel", "D" + user);
        event.put("tab", "home");
        event.put("event_ts", newTs());
        return event;
    }

    /** A message posted by a bot (subtype bot_message), which an app must not answer. */
    public static ObjectNode botMessage(String channel, String botId, String text, String ts, String channelType) {
        ObjectNode event = JSON.createObjectNode();
        event.put("type", "message");
        event.put("subtype", "bot_message");
        event.put("channel", channel);
        event.put("bot_id", botId);
        event.put("username", "some bot");
        event.put("text", text);
        event.put("ts", ts);
        event.put("event_ts", ts);
        event.put("channel_type", channelType);
        return event;
    }

    /** A message sent with a file attached (subtype file_share), as Slack sends one: the typed text and the file. */
    public static ObjectNode fileShare(String channel, String user, String text, String ts, String threadTs,
                                       String channelType) {
        ObjectNode event = messageEvent(channel, user, text, ts, threadTs, channelType);
        event.put("subtype", "file_share");
        event.put("upload", false);
        ObjectNode file = event.putArray("files").addObject();
        file.put("id", "F" + ts.replace(".", ""));
        file.put("name", "diagram.png");
        file.put("mimetype", "image/png");
        return event;
    }

    /** A reply in thread {@code threadTs} also sent to the channel (subtype thread_broadcast). */
    public static ObjectNode threadBroadcast(String channel, String user, String text, String ts, String threadTs) {
        ObjectNode event = messageEvent(channel, user, text, ts, threadTs, "channel");
        event.put("subtype", "thread_broadcast");
        event.putObject("root").put("ts", threadTs).put("user", "UBOT").put("text", "Mock interview");
        return event;
    }

    /** An edit of message {@code ts} (subtype message_changed); the event itself gets a fresh ts. */
    public static ObjectNode messageChanged(String channel, String user, String ts, String oldText, String newText,
                                            String channelType) {
        return messageChanged(channel, user, ts, null, oldText, newText, channelType);
    }

    /** An edit of reply {@code ts} in thread {@code threadTs} (null: not in a thread), as Slack sends it. */
    public static ObjectNode messageChanged(String channel, String user, String ts, String threadTs, String oldText,
                                            String newText, String channelType) {
        ObjectNode event = aboutMessage("message_changed", channel, channelType, user, ts, threadTs, oldText);
        ObjectNode message = event.putObject("message");
        message.put("type", "message");
        message.put("user", user);
        message.put("text", newText);
        message.put("ts", ts);
        message.putObject("edited").put("user", user).put("ts", event.get("ts").asText());
        if (threadTs != null) {
            message.put("thread_ts", threadTs);
        }
        return event;
    }

    /** A deletion of reply {@code ts} in thread {@code threadTs} (subtype message_deleted), as Slack sends it. */
    public static ObjectNode messageDeleted(String channel, String user, String ts, String threadTs, String oldText,
                                            String channelType) {
        ObjectNode event = aboutMessage("message_deleted", channel, channelType, user, ts, threadTs, oldText);
        event.put("deleted_ts", ts);
        return event;
    }

    /**
     * A message event Slack sends about another message (an edit, a deletion): a fresh ts of its own, and the
     * message as it was in {@code previous_message}.
     */
    private static ObjectNode aboutMessage(String subtype, String channel, String channelType, String user, String ts,
                                           String threadTs, String oldText) {
        String eventTs = newTs();
        ObjectNode event = JSON.createObjectNode();
        event.put("type", "message");
        event.put("subtype", subtype);
        event.put("hidden", true);
        event.put("channel", channel);
        event.put("channel_type", channelType);
        event.put("ts", eventTs);
        event.put("event_ts", eventTs);
        ObjectNode previous = event.putObject("previous_message");
        previous.put("type", "message");
        previous.put("user", user);
        previous.put("text", oldText);
        previous.put("ts", ts);
        if (threadTs != null) {
            previous.put("thread_ts", threadTs);
        }
        return event;
    }

    /** A fresh message ts from the wall clock ("seconds.micros"), unique and increasing within this JVM. */
    public static String newTs() {
        Instant now = Instant.now();
        long micros = now.getEpochSecond() * 1_000_000 + now.getNano() / 1_000;
        // Two events built in the same microsecond must still get distinct ts values: Slack's ts is an id.
        long unique = LAST_TS_MICROS.accumulateAndGet(micros, (last, candidate) -> Math.max(last + 1, candidate));
        return String.format(Locale.ROOT, "%d.%06d", unique / 1_000_000, unique % 1_000_000);
    }

    // ---------------------------------------------------------------- helpers

    private ObjectNode eventCallback(String eventId, JsonNode event) {
        ObjectNode body = JSON.createObjectNode();
        body.put("token", VERIFICATION_TOKEN);
        body.put("team_id", team);
        if (enterprise != null) {
            body.put("enterprise_id", enterprise);
        }
        body.put("api_app_id", FakeSlack.APP_ID);
        body.set("event", event);
        body.put("type", "event_callback");
        body.put("event_id", eventId);
        body.put("event_time", Instant.now().getEpochSecond());
        ArrayNode authorizations = body.putArray("authorizations");
        ObjectNode authorization = authorizations.addObject();
        authorization.put("team_id", team);
        if (enterprise != null) {
            authorization.put("enterprise_id", enterprise);
        }
        authorization.put("user_id", FakeSlack.BOT_USER_ID);
        authorization.put("is_bot", true);
        authorization.put("is_enterprise_install", false);
        body.put("is_ext_shared_channel", false);
        return body;
    }

    private HttpRequest interaction(URI url, ObjectNode payload) {
        // Interactions arrive form-encoded with the whole JSON in one field, not as a JSON body.
        Map<String, String> form = Map.of("payload", payload.toString());
        return signed(url, "application/x-www-form-urlencoded", formEncode(form), Map.of());
    }

    private ObjectNode user(String userId) {
        ObjectNode user = JSON.createObjectNode();
        user.put("id", userId);
        user.put("username", userId.toLowerCase(Locale.ROOT));
        user.put("name", userId.toLowerCase(Locale.ROOT));
        user.put("team_id", team);
        return user;
    }

    /** Slack's channel_name: DMs and private groups get fixed names, public channels their own. */
    private static String channelName(String channelId) {
        if (channelId.startsWith("D")) {
            return "directmessage";
        }
        if (channelId.startsWith("G")) {
            return "privategroup";
        }
        return "general";
    }

    private static String triggerId() {
        return Instant.now().getEpochSecond() + ".1." + UUID.randomUUID().toString().replace("-", "");
    }

    private static String formEncode(Map<String, String> form) {
        StringBuilder out = new StringBuilder();
        for (Map.Entry<String, String> field : form.entrySet()) {
            if (!out.isEmpty()) {
                out.append('&');
            }
            out.append(URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8))
                    .append('=')
                    .append(URLEncoder.encode(field.getValue() == null ? "" : field.getValue(), StandardCharsets.UTF_8));
        }
        return out.toString();
    }
}
