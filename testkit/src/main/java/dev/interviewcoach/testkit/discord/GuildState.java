package dev.interviewcoach.testkit.discord;

import static dev.interviewcoach.testkit.discord.DiscordJson.JSON;
import static dev.interviewcoach.testkit.discord.FakeDiscord.BOT_ROLE_ID;
import static dev.interviewcoach.testkit.discord.FakeDiscord.BOT_USER_ID;
import static dev.interviewcoach.testkit.discord.FakeDiscord.CHANNEL_ID;
import static dev.interviewcoach.testkit.discord.FakeDiscord.GUILD_ID;
import static dev.interviewcoach.testkit.discord.FakeDiscord.OWNER_ID;
import static dev.interviewcoach.testkit.discord.FakeDiscord.USER_A;
import static dev.interviewcoach.testkit.discord.FakeDiscord.USER_B;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/** The fake's world: users, the guild's channels and threads, DMs, messages, and members' roles and permissions. */
final class GuildState {

    // Stored channels and messages are edited under their own lock; copies for others come from snapshot().
    private final Map<String, ObjectNode> users = new ConcurrentHashMap<>();
    private final Map<String, ObjectNode> channels = new ConcurrentHashMap<>();
    private final Map<String, String> dmByUser = new ConcurrentHashMap<>();
    private final Map<String, ObjectNode> messages = new ConcurrentHashMap<>();
    private final Map<String, String> lastMessageByChannel = new ConcurrentHashMap<>();
    private final Map<String, List<String>> botReactions = new ConcurrentHashMap<>();
    private final MemberRoles roles = new MemberRoles();
    private final AtomicReference<String> lastThreadId = new AtomicReference<>();
    private final String joinedAt = DiscordJson.timestamp(Instant.parse("2024-01-15T10:00:00Z"));

    GuildState() {
        users.put(BOT_USER_ID, DiscordJson.user(BOT_USER_ID, "interview-coach", "Interview Coach", true));
        users.put(OWNER_ID, DiscordJson.user(OWNER_ID, "owner", "Guild Owner", false));
        users.put(USER_A, DiscordJson.user(USER_A, "alice", "Alice", false));
        users.put(USER_B, DiscordJson.user(USER_B, "bob", "Bob", false));
        channels.put(CHANNEL_ID, DiscordJson.textChannel(CHANNEL_ID, GUILD_ID, "interview-practice", 0));
        channels.put(FakeDiscord.LEADS_CHANNEL_ID, DiscordJson.textChannel(FakeDiscord.LEADS_CHANNEL_ID, GUILD_ID,
                "prep-leads", 1));
    }

    /** A copy of a stored channel or message, taken under its lock. */
    static ObjectNode snapshot(ObjectNode stored) {
        synchronized (stored) {
            return stored.deepCopy();
        }
    }

    // ---------------------------------------------------------------- users and members

    /** A copy of a user the fake knows, or a made-up one (named after the id) for anyone else. */
    ObjectNode user(String id) {
        ObjectNode known = users.get(id);
        if (known != null) {
            return known.deepCopy();
        }
        return DiscordJson.user(id, "user" + id.substring(Math.max(0, id.length() - 4)), null, false);
    }

    /** A copy of a user the fake knows, or {@code null}. */
    ObjectNode knownUser(String id) {
        ObjectNode known = users.get(id);
        return known == null ? null : known.deepCopy();
    }

    boolean isKnownUser(String id) {
        return users.containsKey(id);
    }

    /** The guild's members: the bot, the owner and the two users. */
    List<String> memberIds() {
        return List.of(BOT_USER_ID, OWNER_ID, USER_A, USER_B);
    }

    /** The member object of {@code userId}, user and roles included. */
    ObjectNode member(String userId) {
        return DiscordJson.member(user(userId), rolesOf(userId), joinedAt);
    }

    /** When every member joined (one date for all). */
    String joinedAt() {
        return joinedAt;
    }

    ArrayNode rolesOf(String userId) {
        return roles.of(userId);
    }

    /** Gives {@code userId} a new role with {@code permissions}; returns the stored role. */
    ObjectNode grantRole(String userId, long permissions) {
        return roles.grant(userId, permissions);
    }

    /**
     * What a member may do in a channel, computed as Discord does: owner and administrators everything; else
     * @everyone plus their roles, then the channel's member overwrite (a thread follows its parent).
     */
    long permissionsOf(String userId, String channelId) {
        if (userId.equals(OWNER_ID)) {
            return DiscordJson.ALL_PERMISSIONS;
        }
        long permissions = DiscordJson.EVERYONE_PERMISSIONS;
        if (userId.equals(BOT_USER_ID)) {
            permissions |= DiscordJson.BOT_ROLE_PERMISSIONS;
        }
        permissions |= roles.grantedPermissions(userId);
        if ((permissions & DiscordJson.ADMINISTRATOR) != 0) {
            return DiscordJson.ALL_PERMISSIONS;
        }
        ObjectNode channel = channelId == null ? null : channels.get(channelId);
        if (channel != null && channel.hasNonNull("parent_id")
                && channels.containsKey(channel.get("parent_id").asText())) {
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

    // ---------------------------------------------------------------- channels

    /** A stored channel, or {@code null}. */
    ObjectNode channel(String channelId) {
        return channels.get(channelId);
    }

    boolean hasChannel(String channelId) {
        return channels.containsKey(channelId);
    }

    /** A stored channel that a test named; fails with what the fake does know when it is unknown. */
    ObjectNode knownChannel(String channelId) {
        ObjectNode channel = channels.get(channelId);
        if (channel == null) {
            throw new IllegalArgumentException("the fake Discord knows no channel " + channelId + " (known: "
                    + CHANNEL_ID + " [text], threads created through REST, DMs from dmChannel())");
        }
        return channel;
    }

    /** The guild of a stored channel, or {@code null} for a DM. */
    static String guildOf(ObjectNode channel) {
        return channel.hasNonNull("guild_id") ? channel.get("guild_id").asText() : null;
    }

    /** Stores a thread the bot created. */
    void addThread(ObjectNode thread) {
        channels.put(thread.get("id").asText(), thread);
    }

    /** Makes {@code threadId} the latest thread, once everything creating it did is stored. */
    void markLatestThread(String threadId) {
        lastThreadId.set(threadId);
    }

    /** The id of the latest thread the bot created, or {@code null}. */
    String lastThreadId() {
        return lastThreadId.get();
    }

    /** The DM channel between the bot and {@code userId}, created on first use. */
    ObjectNode dmChannelFor(String userId) {
        String channelId = dmByUser.computeIfAbsent(userId, u -> {
            String id = DiscordJson.snowflake();
            channels.put(id, DiscordJson.dmChannel(id, user(u)));
            return id;
        });
        return channels.get(channelId);
    }

    // ---------------------------------------------------------------- messages

    /** A stored message, or {@code null}. */
    ObjectNode message(String messageId) {
        return messages.get(messageId);
    }

    /** A stored message, stored first by {@code create} when the fake does not know it yet. */
    ObjectNode messageOrCreate(String messageId, Function<String, ObjectNode> create) {
        return messages.computeIfAbsent(messageId, create);
    }

    /** Stores a new message as the latest of its channel. */
    void remember(ObjectNode message) {
        String id = message.get("id").asText();
        messages.put(id, message);
        lastMessageByChannel.put(message.get("channel_id").asText(), id);
    }

    /** Makes {@code messageId} the latest message of a channel that has none yet. */
    void rememberIfFirst(String channelId, String messageId) {
        lastMessageByChannel.putIfAbsent(channelId, messageId);
    }

    void forget(String messageId) {
        messages.remove(messageId);
    }

    /** The id of the latest message in a channel, or {@code null}. */
    String lastMessageId(String channelId) {
        return lastMessageByChannel.get(channelId);
    }

    /** The bot's own reactions on a message, oldest first; changed in place under the message's lock. */
    List<String> botReactionsOn(String messageId) {
        return botReactions.computeIfAbsent(messageId, id -> new CopyOnWriteArrayList<>());
    }

    /** A copy of the bot's own reactions on a message; empty when none. */
    List<String> botReactions(String messageId) {
        return List.copyOf(botReactions.getOrDefault(messageId, List.of()));
    }

    // ---------------------------------------------------------------- the whole guild

    /** The guild's text channels, as {@code GET guilds/{id}/channels} lists them. */
    ArrayNode guildChannels() {
        ArrayNode out = JSON.createArrayNode();
        out.add(channels.get(CHANNEL_ID).deepCopy());
        out.add(channels.get(FakeDiscord.LEADS_CHANNEL_ID).deepCopy());
        return out;
    }

    /**
     * The full guild, as GUILD_CREATE carries it. Besides id, name and owner_id, JDA 6.5 requires the arrays roles,
     * channels, threads, emojis, voice_states and guild_scheduled_events (members and member_count for setup), a
     * self member in members, and in each role the colors object.
     */
    ObjectNode guildCreate() {
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
        ArrayNode guildRoles = guild.putArray("roles");
        guildRoles.add(DiscordJson.role(GUILD_ID, "@everyone", 0, DiscordJson.EVERYONE_PERMISSIONS, false));
        ObjectNode botRole = DiscordJson.role(BOT_ROLE_ID, "Interview Coach", 1, DiscordJson.BOT_ROLE_PERMISSIONS,
                true);
        botRole.putObject("tags").put("bot_id", BOT_USER_ID);
        guildRoles.add(botRole);
        roles.granted().forEach(guildRoles::add);
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
            members.add(member(id));
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
}
