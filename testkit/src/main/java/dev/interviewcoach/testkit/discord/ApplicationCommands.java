package dev.interviewcoach.testkit.discord;

import static dev.interviewcoach.testkit.discord.DiscordJson.JSON;
import static dev.interviewcoach.testkit.discord.FakeDiscord.APPLICATION_ID;
import static dev.interviewcoach.testkit.discord.FakeDiscord.GUILD_ID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The application commands the bot registers, globally or in the guild, and the ids the fake gives them. */
final class ApplicationCommands {

    private final Map<String, ArrayNode> byScope = new ConcurrentHashMap<>();
    private final Map<String, String> idsByName = new ConcurrentHashMap<>();

    /** The id of command {@code name}, the same wherever it is registered and in interactions that run it. */
    String idOf(String name) {
        return idsByName.computeIfAbsent(name, n -> DiscordJson.snowflake());
    }

    /**
     * {@code applications/{id}/commands} and {@code applications/{id}/guilds/{id}/commands}: list, overwrite all
     * (PUT) or create one (POST, replacing a command of the same name).
     *
     * @param guildId the guild of guild commands, {@code null} for global ones
     */
    RestReply handle(String method, String applicationId, String guildId, JsonNode body) {
        if (!applicationId.equals(APPLICATION_ID) || (guildId != null && !guildId.equals(GUILD_ID))) {
            return RestReply.error(404, "Unknown Application", 10002);
        }
        String scope = guildId == null ? "global" : guildId;
        switch (method) {
            case "GET" -> {
                return RestReply.ok(byScope.getOrDefault(scope, JSON.createArrayNode()).deepCopy());
            }
            case "PUT" -> {
                if (!body.isArray()) {
                    return RestReply.invalidFormBody();
                }
                ArrayNode stored = JSON.createArrayNode();
                body.forEach(command -> stored.add(registered(command, guildId)));
                byScope.put(scope, stored);
                return RestReply.ok(stored.deepCopy());
            }
            case "POST" -> {
                ObjectNode created = registered(body, guildId);
                ArrayNode stored = byScope.computeIfAbsent(scope, s -> JSON.createArrayNode());
                synchronized (stored) {
                    for (int i = stored.size() - 1; i >= 0; i--) {
                        if (stored.get(i).path("name").asText().equals(created.path("name").asText())) {
                            stored.remove(i);
                        }
                    }
                    stored.add(created);
                }
                return RestReply.json(201, created.deepCopy());
            }
            default -> {
                return RestReply.unknownRoute();
            }
        }
    }

    /** A command as Discord stores it: what the client sent plus id, application_id, version and defaults. */
    private ObjectNode registered(JsonNode sent, String guildId) {
        ObjectNode command = sent.isObject() ? ((ObjectNode) sent).deepCopy() : JSON.createObjectNode();
        String name = command.path("name").asText("");
        command.put("id", idOf(name));
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
}
