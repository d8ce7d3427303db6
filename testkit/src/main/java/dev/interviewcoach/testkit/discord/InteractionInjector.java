package dev.interviewcoach.testkit.discord;

import static dev.interviewcoach.testkit.discord.DiscordJson.JSON;
import static dev.interviewcoach.testkit.discord.FakeDiscord.APPLICATION_ID;
import static dev.interviewcoach.testkit.discord.FakeDiscord.BOT_USER_ID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Injects what members start as interactions (slash commands, clicks, modals, autocomplete) on the gateway. */
final class InteractionInjector {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final GuildState guild;
    private final GatewayDispatcher dispatcher;
    private final IssuedInteractions issued;
    private final ApplicationCommands commands;

    InteractionInjector(GuildState guild, GatewayDispatcher dispatcher, IssuedInteractions issued,
                        ApplicationCommands commands) {
        this.guild = guild;
        this.dispatcher = dispatcher;
        this.issued = issued;
        this.commands = commands;
    }

    /** {@code /name [group] [subcommand]} with {@code options}; returns the interaction token. */
    String slashCommand(String userId, String channelId, String name, String group, String subcommand,
                        Map<String, ?> options) {
        if (group != null && subcommand == null) {
            throw new IllegalArgumentException("a subcommand group needs a subcommand");
        }
        Interaction interaction = newInteraction(Interaction.APPLICATION_COMMAND, userId, channelId);
        ObjectNode data = JSON.createObjectNode();
        data.put("id", commands.idOf(name));
        data.put("name", name);
        data.put("type", 1);
        ArrayNode values = optionValues(options);
        if (subcommand != null) {
            data.set("options", subcommandOptions(group, subcommand, values));
        } else if (!values.isEmpty()) {
            data.set("options", values);
        }
        interaction.commandName(commandName(name, group, subcommand));
        return dispatch(interaction, data, null);
    }

    /**
     * A click on button {@code customId} of message {@code messageId}; a message the fake does not know is made
     * up as the bot's, holding just that button. Returns the interaction token.
     */
    String buttonClick(String userId, String channelId, String messageId, String customId) {
        Interaction interaction = newInteraction(Interaction.MESSAGE_COMPONENT, userId, channelId);
        ObjectNode message = guild.messageOrCreate(messageId, id -> messageWithButton(id, channelId, customId));
        interaction.sourceMessageId(messageId);
        ObjectNode data = JSON.createObjectNode();
        data.put("custom_id", customId);
        data.put("component_type", 2);
        data.put("id", buttonComponentId(message, customId));
        return dispatch(interaction, data, GuildState.snapshot(message));
    }

    /**
     * A submitted modal whose text inputs hold {@code fields}; the inputs arrive wrapped in labels (component type
     * 18), the structure JDA 6 builds modals with and the only one its ModalInteraction reads.
     */
    String modalSubmit(String userId, String channelId, String customId, Map<String, String> fields) {
        return modalSubmit(userId, channelId, null, customId, fields);
    }

    /**
     * As {@link #modalSubmit(String, String, String, Map)} for a modal opened from a button of message
     * {@code messageId} (null: from a command): Discord then sends that message with the submission, and the
     * bot may answer with an update of it (callback types 6 and 7) instead of a reply.
     */
    String modalSubmit(String userId, String channelId, String messageId, String customId, Map<String, String> fields) {
        Interaction interaction = newInteraction(Interaction.MODAL_SUBMIT, userId, channelId);
        ObjectNode message = null;
        if (messageId != null) {
            message = guild.messageOrCreate(messageId, id -> messageWithButton(id, channelId, customId));
            interaction.sourceMessageId(messageId);
        }
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
        return dispatch(interaction, data, message == null ? null : GuildState.snapshot(message));
    }

    /**
     * Autocomplete of option {@code focusedOption}, typed so far {@code value}, in
     * {@code /name [group] [subcommand]}; returns the interaction token.
     */
    String autocomplete(String userId, String channelId, String name, String group, String subcommand,
                        String focusedOption, String value) {
        if (group != null && subcommand == null) {
            throw new IllegalArgumentException("a subcommand group needs a subcommand");
        }
        Interaction interaction = newInteraction(Interaction.AUTOCOMPLETE, userId, channelId);
        ObjectNode data = JSON.createObjectNode();
        data.put("id", commands.idOf(name));
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
        interaction.commandName(commandName(name, group, subcommand));
        return dispatch(interaction, data, null);
    }

    private Interaction newInteraction(int type, String userId, String channelId) {
        Objects.requireNonNull(userId, "userId");
        ObjectNode channel = guild.knownChannel(channelId);
        byte[] secret = new byte[48];
        RANDOM.nextBytes(secret);
        String token = "aW50ZXJhY3Rpb246" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        return new Interaction(DiscordJson.snowflake(), token, type, userId, channelId, GuildState.guildOf(channel));
    }

    /** Issues the interaction and sends INTERACTION_CREATE; fails when no client would receive it. */
    private String dispatch(Interaction interaction, ObjectNode data, ObjectNode message) {
        ObjectNode channel = guild.knownChannel(interaction.channelId()).deepCopy();
        channel.put("permissions", Long.toString(guild.permissionsOf(interaction.userId(), interaction.channelId())));
        ObjectNode payload = JSON.createObjectNode();
        payload.put("id", interaction.id());
        payload.put("application_id", APPLICATION_ID);
        payload.put("type", interaction.type());
        payload.set("data", data);
        if (interaction.guildId() != null) {
            ObjectNode guildInfo = payload.putObject("guild");
            guildInfo.put("id", interaction.guildId());
            guildInfo.put("locale", "en-US");
            guildInfo.putArray("features");
            payload.put("guild_id", interaction.guildId());
            payload.put("guild_locale", "en-US");
            ObjectNode member = guild.member(interaction.userId());
            member.put("permissions",
                    Long.toString(guild.permissionsOf(interaction.userId(), interaction.channelId())));
            payload.set("member", member);
            payload.put("context", 0); // GUILD
        } else {
            payload.set("user", guild.user(interaction.userId()));
            payload.put("context", 1); // BOT_DM
        }
        payload.set("channel", channel);
        payload.put("channel_id", interaction.channelId());
        if (message != null) {
            payload.set("message", message);
        }
        payload.put("token", interaction.token());
        payload.put("version", 1);
        payload.put("app_permissions", Long.toString(DiscordJson.BOT_ROLE_PERMISSIONS));
        payload.put("locale", "en-US");
        payload.putArray("entitlements");
        payload.set("authorizing_integration_owners", DiscordJson.integrationOwners(interaction.guildId()));
        payload.put("attachment_size_limit", 10_485_760);
        issued.add(interaction);
        if (dispatcher.dispatchToAll("INTERACTION_CREATE", payload, 0) == 0) {
            throw new IllegalStateException("no gateway client is connected and identified to the fake Discord");
        }
        return interaction.token();
    }

    /** Option values as Discord types them: Boolean, whole numbers, other numbers and everything else as text. */
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

    private ObjectNode messageWithButton(String messageId, String channelId, String customId) {
        ObjectNode channel = guild.knownChannel(channelId);
        ObjectNode message = DiscordJson.message(messageId, channelId, GuildState.guildOf(channel),
                guild.user(BOT_USER_ID), "");
        ObjectNode row = message.putArray("components").addObject();
        row.put("type", 1);
        row.put("id", 1);
        ObjectNode button = row.putArray("components").addObject();
        button.put("type", 2);
        button.put("id", 2);
        button.put("style", 1);
        button.put("label", customId);
        button.put("custom_id", customId);
        guild.rememberIfFirst(channelId, messageId);
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
}
