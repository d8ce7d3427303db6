package dev.interviewcoach.testkit.discord;

import static dev.interviewcoach.testkit.discord.DiscordJson.JSON;
import static dev.interviewcoach.testkit.discord.FakeDiscord.GUILD_ID;
import static dev.interviewcoach.testkit.discord.FakeDiscord.INTENT_GUILD_MEMBERS;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/** What a server admin does to members' permissions, applied to the guild and announced on the gateway. */
final class PermissionGrants {

    private final GuildState guild;
    private final GatewayDispatcher dispatcher;

    PermissionGrants(GuildState guild, GatewayDispatcher dispatcher) {
        this.guild = guild;
        this.dispatcher = dispatcher;
    }

    /** Gives {@code userId} a new role with {@code permissions}; returns the role id. */
    String grant(String userId, long permissions) {
        Objects.requireNonNull(userId, "userId");
        ObjectNode role = guild.grantRole(userId, permissions);
        ObjectNode created = JSON.createObjectNode();
        created.put("guild_id", GUILD_ID);
        created.set("role", role.deepCopy());
        dispatcher.dispatchToAll("GUILD_ROLE_CREATE", created, 0);
        ObjectNode updated = guild.member(userId);
        updated.put("guild_id", GUILD_ID);
        dispatcher.dispatchToAll("GUILD_MEMBER_UPDATE", updated, INTENT_GUILD_MEMBERS);
        return role.get("id").asText();
    }

    /** Allows {@code userId} {@code permissions} in one text channel, replacing their earlier overwrite there. */
    void allowInChannel(String userId, String channelId, long permissions) {
        ObjectNode channel = guild.knownChannel(channelId);
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
        dispatcher.dispatchToAll("CHANNEL_UPDATE", GuildState.snapshot(channel), 0);
    }
}
