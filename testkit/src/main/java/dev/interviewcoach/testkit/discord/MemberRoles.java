package dev.interviewcoach.testkit.discord;

import static dev.interviewcoach.testkit.discord.DiscordJson.JSON;
import static dev.interviewcoach.testkit.discord.FakeDiscord.BOT_ROLE_ID;
import static dev.interviewcoach.testkit.discord.FakeDiscord.BOT_USER_ID;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** The guild's roles beyond @everyone: the bot's managed role and the roles tests grant members. */
final class MemberRoles {

    // Roles granted by tests, in creation order, and which members hold them.
    private final Map<String, ObjectNode> granted = Collections.synchronizedMap(new LinkedHashMap<>());
    private final Map<String, List<String>> byMember = new ConcurrentHashMap<>();

    /** Creates a role with {@code permissions} and gives it to {@code userId}; returns the stored role. */
    ObjectNode grant(String userId, long permissions) {
        String id = DiscordJson.snowflake();
        ObjectNode role = DiscordJson.role(id, "granted-" + granted.size(), 2 + granted.size(), permissions, false);
        granted.put(id, role);
        byMember.computeIfAbsent(userId, u -> new CopyOnWriteArrayList<>()).add(id);
        return role;
    }

    /** The role ids a member holds, as member objects list them. */
    ArrayNode of(String userId) {
        ArrayNode roles = JSON.createArrayNode();
        if (userId.equals(BOT_USER_ID)) {
            roles.add(BOT_ROLE_ID);
        }
        byMember.getOrDefault(userId, List.of()).forEach(roles::add);
        return roles;
    }

    /** The permission bits a member's granted roles add. */
    long grantedPermissions(String userId) {
        long permissions = 0;
        for (String roleId : byMember.getOrDefault(userId, List.of())) {
            permissions |= Long.parseLong(granted.get(roleId).path("permissions").asText("0"));
        }
        return permissions;
    }

    /** Copies of the granted roles, in creation order. */
    List<ObjectNode> granted() {
        synchronized (granted) {
            return granted.values().stream().map(ObjectNode::deepCopy).toList();
        }
    }
}
