package dev.interviewcoach.testkit.discord;

import static dev.interviewcoach.testkit.discord.DiscordJson.JSON;
import static dev.interviewcoach.testkit.discord.FakeDiscord.APPLICATION_ID;
import static dev.interviewcoach.testkit.discord.FakeDiscord.BOT_USER_ID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** How the bot answers interactions over REST: callbacks (reply, defer, update), follow-ups and response edits. */
final class InteractionResponder {

    // Callback types (Discord's numbering).
    private static final List<Integer> CALLBACK_TYPES = List.of(1, 4, 5, 6, 7, 8, 9, 12);
    private static final int CHANNEL_MESSAGE_WITH_SOURCE = 4;
    private static final int DEFERRED_CHANNEL_MESSAGE_WITH_SOURCE = 5;
    private static final int DEFERRED_UPDATE_MESSAGE = 6;
    private static final int UPDATE_MESSAGE = 7;

    private final GuildState guild;
    private final GatewayDispatcher dispatcher;
    private final IssuedInteractions issued;

    InteractionResponder(GuildState guild, GatewayDispatcher dispatcher, IssuedInteractions issued) {
        this.guild = guild;
        this.dispatcher = dispatcher;
        this.issued = issued;
    }

    /**
     * {@code POST interactions/{id}/{token}/callback}: the one answer an interaction takes. With
     * {@code with_response=true} in {@code query} the reply describes the message it made.
     */
    RestReply callback(String interactionId, String token, JsonNode body, String query) {
        Interaction interaction = issued.byToken(token);
        if (interaction == null || !interaction.id().equals(interactionId)) {
            return RestReply.error(404, "Unknown interaction", 10062);
        }
        int type = body.path("type").asInt(-1);
        if (!CALLBACK_TYPES.contains(type)) {
            return RestReply.invalidFormBody();
        }
        if (!interaction.acknowledge()) {
            return RestReply.error(400, "Interaction has already been acknowledged.", 40060);
        }
        JsonNode data = body.path("data");
        ObjectNode message = null;
        switch (type) {
            case CHANNEL_MESSAGE_WITH_SOURCE -> {
                message = interactionMessage(interaction, data, false, List.of());
                interaction.originalMessageId(message.get("id").asText());
            }
            case DEFERRED_CHANNEL_MESSAGE_WITH_SOURCE -> { // "Bot is thinking..."
                message = interactionMessage(interaction, null, true, List.of());
                message.put("flags", DiscordJson.LOADING | (data.path("flags").asInt(0) & DiscordJson.EPHEMERAL));
                interaction.originalMessageId(message.get("id").asText());
                dispatcher.dispatchMessageIfVisible("MESSAGE_CREATE", message);
            }
            case DEFERRED_UPDATE_MESSAGE -> interaction.originalMessageId(interaction.sourceMessageId());
            case UPDATE_MESSAGE -> {
                interaction.originalMessageId(interaction.sourceMessageId());
                ObjectNode source = interaction.sourceMessageId() == null ? null
                        : guild.message(interaction.sourceMessageId());
                if (source != null) {
                    synchronized (source) {
                        DiscordJson.applyMessageRequest(source, data);
                        source.put("edited_timestamp", DiscordJson.now());
                    }
                    message = source;
                    dispatcher.dispatchMessageIfVisible("MESSAGE_UPDATE", source);
                }
            }
            default -> {
                // PONG, AUTOCOMPLETE_RESULT, MODAL, LAUNCH_ACTIVITY: nothing to remember.
            }
        }
        if (query == null || !query.contains("with_response=true")) {
            return RestReply.noContent();
        }
        ObjectNode out = JSON.createObjectNode();
        ObjectNode about = out.putObject("interaction");
        about.put("id", interaction.id());
        about.put("type", interaction.type());
        about.putNull("activity_instance_id");
        if (message != null) {
            about.put("response_message_id", message.get("id").asText());
            about.put("response_message_loading", type == DEFERRED_CHANNEL_MESSAGE_WITH_SOURCE);
            about.put("response_message_ephemeral", (message.path("flags").asInt() & DiscordJson.EPHEMERAL) != 0);
        }
        ObjectNode resource = out.putObject("resource");
        resource.put("type", type);
        if (message != null) {
            resource.set("message", GuildState.snapshot(message));
        }
        return RestReply.ok(out);
    }

    /** {@code POST webhooks/{application}/{token}}: a follow-up message, once the interaction was answered. */
    RestReply followUp(String applicationId, String token, JsonNode body, List<UploadedFile> files) {
        Interaction interaction = issued.byToken(token);
        if (!applicationId.equals(APPLICATION_ID) || interaction == null || !interaction.acknowledged()) {
            return RestReply.error(404, "Unknown Webhook", 10015);
        }
        ObjectNode message = interactionMessage(interaction, body, false, files);
        return RestReply.ok(GuildState.snapshot(message));
    }

    /** {@code webhooks/{application}/{token}/messages/{@original|id}}: fetch, edit or delete a response. */
    RestReply webhookMessage(String method, String applicationId, String token, String messageRef, JsonNode body) {
        Interaction interaction = issued.byToken(token);
        if (!applicationId.equals(APPLICATION_ID) || interaction == null) {
            return RestReply.error(404, "Unknown Webhook", 10015);
        }
        String messageId = messageRef.equals("@original") ? interaction.originalMessageId() : messageRef;
        ObjectNode message = messageId == null ? null : guild.message(messageId);
        if (message == null) {
            return RestReply.unknownMessage();
        }
        switch (method) {
            case "GET" -> {
                return RestReply.ok(GuildState.snapshot(message));
            }
            case "PATCH" -> {
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

    /**
     * A message the bot posts in answer to an interaction (original response or follow-up), stored and, unless
     * it is still loading, dispatched.
     */
    private ObjectNode interactionMessage(Interaction interaction, JsonNode request, boolean loading,
                                          List<UploadedFile> files) {
        ObjectNode message = DiscordJson.message(DiscordJson.snowflake(), interaction.channelId(),
                interaction.guildId(), guild.user(BOT_USER_ID), "");
        // CHAT_INPUT_COMMAND for slash command answers
        message.put("type", interaction.type() == Interaction.APPLICATION_COMMAND ? 20 : 0);
        message.put("webhook_id", APPLICATION_ID);
        message.put("application_id", APPLICATION_ID);
        ObjectNode metadata = message.putObject("interaction_metadata");
        metadata.put("id", interaction.id());
        metadata.put("type", interaction.type());
        metadata.set("user", guild.user(interaction.userId()));
        metadata.set("authorizing_integration_owners", DiscordJson.integrationOwners(interaction.guildId()));
        if (interaction.commandName() != null) {
            metadata.put("name", interaction.commandName());
        }
        if (interaction.originalMessageId() != null) {
            metadata.put("original_response_message_id", interaction.originalMessageId());
        }
        if (interaction.sourceMessageId() != null) {
            metadata.put("interacted_message_id", interaction.sourceMessageId());
        }
        if (!loading) {
            DiscordJson.applyMessageRequest(message, request);
            ChannelMessages.attach(message, files);
        }
        guild.remember(message);
        if (!loading) {
            dispatcher.dispatchMessageIfVisible("MESSAGE_CREATE", message);
        }
        return message;
    }
}
