package dev.interviewcoach.testkit.discord;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Builders for the Discord API objects the fake hands out, shaped like Discord's own payloads.
 *
 * <p>Field lists follow the Discord API documentation; the fields JDA 6.5 reads without a default (and so
 * fails without) are noted where they are easy to forget.
 */
final class DiscordJson {

    static final ObjectMapper JSON = new ObjectMapper();

    /** Milliseconds of the Discord epoch (2015-01-01T00:00:00Z); snowflakes count from it. */
    static final long DISCORD_EPOCH = 1_420_070_400_000L;

    // Permission bits (https://discord.com/developers/docs/topics/permissions).
    static final long ADMINISTRATOR = 1L << 3;
    static final long MANAGE_CHANNELS = 1L << 4;
    static final long MANAGE_GUILD = 1L << 5;
    static final long ADD_REACTIONS = 1L << 6;
    static final long VIEW_CHANNEL = 1L << 10;
    static final long SEND_MESSAGES = 1L << 11;
    static final long EMBED_LINKS = 1L << 14;
    static final long ATTACH_FILES = 1L << 15;
    static final long READ_MESSAGE_HISTORY = 1L << 16;
    static final long USE_EXTERNAL_EMOJIS = 1L << 18;
    static final long USE_APPLICATION_COMMANDS = 1L << 31;
    static final long MANAGE_THREADS = 1L << 34;
    static final long CREATE_PUBLIC_THREADS = 1L << 35;
    static final long CREATE_PRIVATE_THREADS = 1L << 36;
    static final long SEND_MESSAGES_IN_THREADS = 1L << 38;
    /** What @everyone may do in the fake guild: enough to practise interviews in channels and threads. */
    static final long EVERYONE_PERMISSIONS = VIEW_CHANNEL | SEND_MESSAGES | EMBED_LINKS | ATTACH_FILES
            | READ_MESSAGE_HISTORY | ADD_REACTIONS | USE_EXTERNAL_EMOJIS | USE_APPLICATION_COMMANDS
            | CREATE_PUBLIC_THREADS | CREATE_PRIVATE_THREADS | SEND_MESSAGES_IN_THREADS;
    /** The bot's managed role adds thread management on top of @everyone. */
    static final long BOT_ROLE_PERMISSIONS = EVERYONE_PERMISSIONS | MANAGE_THREADS;
    /** Every permission bit Discord currently defines; what the owner effectively has. */
    static final long ALL_PERMISSIONS = (1L << 51) - 1;

    // Channel types.
    static final int GUILD_TEXT = 0;
    static final int DM = 1;
    static final int PUBLIC_THREAD = 11;
    static final int PRIVATE_THREAD = 12;

    // Message flags.
    static final int EPHEMERAL = 1 << 6;
    static final int LOADING = 1 << 7;

    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSxxx", Locale.ROOT).withZone(ZoneOffset.UTC);

    private static final AtomicLong LAST_SNOWFLAKE = new AtomicLong();
    private static final AtomicInteger COMPONENT_IDS = new AtomicInteger();

    private DiscordJson() {
    }

    /** A fresh snowflake for "now", strictly greater than every snowflake handed out before. */
    static String snowflake() {
        long candidate = (System.currentTimeMillis() - DISCORD_EPOCH) << 22;
        return Long.toString(LAST_SNOWFLAKE.accumulateAndGet(candidate, (last, next) -> Math.max(last + 1, next)));
    }

    /** An ISO-8601 timestamp in Discord's format, e.g. {@code 2024-06-01T12:00:00.000000+00:00}. */
    static String timestamp(Instant at) {
        return TIMESTAMP.format(at);
    }

    static String now() {
        return timestamp(Instant.now());
    }

    /** A user object; JDA requires id and username and reads the rest with defaults. */
    static ObjectNode user(String id, String username, String globalName, boolean bot) {
        ObjectNode user = JSON.createObjectNode();
        user.put("id", id);
        user.put("username", username);
        user.put("global_name", globalName);
        user.put("discriminator", "0");
        user.putNull("avatar");
        user.putNull("avatar_decoration_data");
        user.putNull("banner");
        user.putNull("accent_color");
        user.put("public_flags", 0);
        user.put("flags", 0);
        user.putNull("primary_guild");
        if (bot) {
            user.put("bot", true);
        }
        return user;
    }

    /** The bot's own user as users/@me and READY report it (adds verified and mfa_enabled). */
    static ObjectNode selfUser(ObjectNode botUser) {
        ObjectNode self = botUser.deepCopy();
        self.put("verified", true);
        self.put("mfa_enabled", false);
        self.putNull("email");
        self.put("locale", "en-US");
        self.put("premium_type", 0);
        return self;
    }

    /** A guild member; GUILD_CREATE members and interaction members carry the user, MESSAGE_CREATE ones do not. */
    static ObjectNode member(ObjectNode user, ArrayNode roles, String joinedAt) {
        ObjectNode member = JSON.createObjectNode();
        if (user != null) {
            member.set("user", user);
        }
        member.set("roles", roles);
        member.putNull("nick");
        member.putNull("avatar");
        member.putNull("banner");
        member.put("joined_at", joinedAt);
        member.putNull("premium_since");
        member.put("deaf", false);
        member.put("mute", false);
        member.put("flags", 0);
        member.put("pending", false);
        member.putNull("communication_disabled_until");
        return member;
    }

    /** A role; JDA 6.5 requires name, position, permissions, managed, hoist, mentionable and colors.primary_color. */
    static ObjectNode role(String id, String name, int position, long permissions, boolean managed) {
        ObjectNode role = JSON.createObjectNode();
        role.put("id", id);
        role.put("name", name);
        role.putNull("description");
        role.put("color", 0);
        ObjectNode colors = role.putObject("colors");
        colors.put("primary_color", 0);
        colors.putNull("secondary_color");
        colors.putNull("tertiary_color");
        role.put("hoist", false);
        role.putNull("icon");
        role.putNull("unicode_emoji");
        role.put("position", position);
        role.put("permissions", Long.toString(permissions));
        role.put("managed", managed);
        role.put("mentionable", false);
        role.put("flags", 0);
        return role;
    }

    /** A guild text channel; JDA requires name and position (and permission_overwrites to build overrides). */
    static ObjectNode textChannel(String id, String guildId, String name, int position) {
        ObjectNode channel = JSON.createObjectNode();
        channel.put("id", id);
        channel.put("type", GUILD_TEXT);
        channel.put("guild_id", guildId);
        channel.put("name", name);
        channel.put("position", position);
        channel.putArray("permission_overwrites");
        channel.putNull("parent_id");
        channel.put("topic", "Practice interviews with the coach");
        channel.put("nsfw", false);
        channel.putNull("last_message_id");
        channel.put("rate_limit_per_user", 0);
        channel.put("default_thread_rate_limit_per_user", 0);
        channel.put("default_auto_archive_duration", 1440);
        channel.put("flags", 0);
        return channel;
    }

    /**
     * A thread channel. JDA 6.5 requires parent_id, owner_id, name, type, member_count, message_count and
     * thread_metadata with archived, locked, invitable, archive_timestamp and auto_archive_duration; the
     * optional {@code member} (the bot's own thread membership) needs join_timestamp.
     */
    static ObjectNode thread(String id, String guildId, String parentId, String ownerId, String name, int type,
                             int autoArchiveMinutes, boolean invitable, String createdAt) {
        ObjectNode thread = JSON.createObjectNode();
        thread.put("id", id);
        thread.put("type", type);
        thread.put("guild_id", guildId);
        thread.put("parent_id", parentId);
        thread.put("owner_id", ownerId);
        thread.put("name", name);
        thread.putNull("last_message_id");
        thread.put("rate_limit_per_user", 0);
        thread.put("flags", 0);
        thread.put("message_count", 0);
        thread.put("total_message_count", 0);
        thread.put("member_count", 1);
        ObjectNode metadata = thread.putObject("thread_metadata");
        metadata.put("archived", false);
        metadata.put("archive_timestamp", createdAt);
        metadata.put("auto_archive_duration", autoArchiveMinutes);
        metadata.put("locked", false);
        metadata.put("invitable", type == PRIVATE_THREAD && invitable);
        metadata.put("create_timestamp", createdAt);
        ObjectNode member = thread.putObject("member");
        member.put("id", id);
        member.put("user_id", ownerId);
        member.put("join_timestamp", createdAt);
        member.put("flags", 0);
        return thread;
    }

    /** A DM channel with one recipient. */
    static ObjectNode dmChannel(String id, ObjectNode recipient) {
        ObjectNode channel = JSON.createObjectNode();
        channel.put("id", id);
        channel.put("type", DM);
        channel.putNull("last_message_id");
        channel.put("flags", 0);
        channel.putArray("recipients").add(recipient);
        return channel;
    }

    /**
     * A message. JDA 6.5 requires id, type, channel_id, author, mentions and mention_roles; it reads content,
     * pinned, tts, mention_everyone, embeds, attachments and components with defaults.
     */
    static ObjectNode message(String id, String channelId, String guildId, ObjectNode author, String content) {
        ObjectNode message = JSON.createObjectNode();
        message.put("id", id);
        message.put("type", 0);
        message.put("channel_id", channelId);
        if (guildId != null) {
            message.put("guild_id", guildId);
        }
        message.set("author", author);
        message.put("content", content == null ? "" : content);
        message.put("timestamp", now());
        message.putNull("edited_timestamp");
        message.put("tts", false);
        message.put("mention_everyone", false);
        message.putArray("mentions");
        message.putArray("mention_roles");
        message.putArray("attachments");
        message.putArray("embeds");
        message.putArray("components");
        message.put("pinned", false);
        message.put("flags", 0);
        return message;
    }

    /**
     * Copies what a client may set on a message (content, embeds, components, flags, ...) from a create or edit
     * request onto a message, the way Discord echoes them back: embeds get {@code type: rich}, components get ids.
     */
    static void applyMessageRequest(ObjectNode message, JsonNode request) {
        if (request == null || !request.isObject()) {
            return;
        }
        if (request.has("content")) {
            message.put("content", request.get("content").isNull() ? "" : request.get("content").asText());
        }
        if (request.get("embeds") instanceof ArrayNode embeds) {
            ArrayNode copy = embeds.deepCopy();
            for (JsonNode embed : copy) {
                if (embed instanceof ObjectNode object && !object.has("type")) {
                    object.put("type", "rich");
                }
            }
            message.set("embeds", copy);
        }
        if (request.get("components") instanceof ArrayNode components) {
            ArrayNode copy = components.deepCopy();
            assignComponentIds(copy);
            message.set("components", copy);
        }
        if (request.has("flags") && request.get("flags").canConvertToInt()) {
            // Only the flags a client may set survive; LOADING is cleared once real content arrives.
            int kept = message.path("flags").asInt(0) & ~LOADING;
            message.put("flags", kept | request.get("flags").asInt());
        } else {
            message.put("flags", message.path("flags").asInt(0) & ~LOADING);
        }
        if (request.has("tts")) {
            message.put("tts", request.get("tts").asBoolean(false));
        }
        if (request.hasNonNull("nonce")) {
            message.set("nonce", request.get("nonce"));
        }
        if (request.get("message_reference") instanceof ObjectNode reference) {
            message.set("message_reference", reference.deepCopy());
            message.put("type", 19); // REPLY
            message.putNull("referenced_message");
        }
        if (request.get("attachments") instanceof ArrayNode attachments && !attachments.isEmpty()) {
            message.set("attachments", attachments.deepCopy());
        }
    }

    /**
     * An uploaded file as a message's attachment. JDA 6.5 requires id, filename, size, url and proxy_url; the URLs
     * point at Discord's CDN shape and are never served.
     */
    static ObjectNode attachment(String id, String channelId, String fileName, String contentType, int size,
                                 boolean ephemeral) {
        ObjectNode attachment = JSON.createObjectNode();
        attachment.put("id", id);
        attachment.put("filename", fileName);
        attachment.put("size", size);
        String path = "attachments/" + channelId + "/" + id + "/" + fileName;
        attachment.put("url", "https://cdn.discordapp.com/" + path);
        attachment.put("proxy_url", "https://media.discordapp.net/" + path);
        attachment.put("content_type", contentType);
        if (ephemeral) {
            attachment.put("ephemeral", true);
        }
        return attachment;
    }

    /** A reaction on a message as Discord reports it: a unicode emoji, counted once, added by the bot itself. */
    static ObjectNode reaction(String emoji, int count, boolean me) {
        ObjectNode reaction = JSON.createObjectNode();
        reaction.put("count", count);
        ObjectNode details = reaction.putObject("count_details");
        details.put("burst", 0);
        details.put("normal", count);
        reaction.put("me", me);
        reaction.put("me_burst", false);
        ObjectNode emojiNode = reaction.putObject("emoji");
        emojiNode.putNull("id");
        emojiNode.put("name", emoji);
        reaction.putArray("burst_colors");
        return reaction;
    }

    /** Who installed the app where an interaction happened: the guild (GUILD_INSTALL), or "0" in the bot's DMs. */
    static ObjectNode integrationOwners(String guildId) {
        ObjectNode owners = JSON.createObjectNode();
        owners.put("0", guildId == null ? "0" : guildId);
        return owners;
    }

    /** The application object ({@code applications/@me}); {@code flags} says which privileged intents it has. */
    static ObjectNode application(String id, ObjectNode owner, ObjectNode bot, long flags) {
        ObjectNode app = JSON.createObjectNode();
        app.put("id", id);
        app.put("name", "Interview Coach");
        app.putNull("icon");
        app.put("description", "Practise job interviews with a coach.");
        app.put("summary", "");
        app.putNull("type");
        app.put("bot_public", true);
        app.put("bot_require_code_grant", false);
        app.putNull("terms_of_service_url");
        app.putNull("privacy_policy_url");
        app.put("verify_key", "0".repeat(64));
        app.put("flags", flags);
        app.set("owner", owner);
        app.putNull("team");
        app.set("bot", bot);
        app.putArray("tags");
        app.putArray("redirect_uris");
        app.putNull("interactions_endpoint_url");
        app.putNull("role_connections_verification_url");
        app.putNull("custom_install_url");
        app.put("hook", true);
        app.put("is_monetized", false);
        app.put("approximate_guild_count", 1);
        app.put("approximate_user_install_count", 0);
        ObjectNode integrationTypes = app.putObject("integration_types_config");
        integrationTypes.putObject("0");
        return app;
    }

    /** Discord numbers every component of a message that has no {@code id} yet; so does the fake. */
    private static void assignComponentIds(JsonNode node) {
        if (node instanceof ArrayNode array) {
            array.forEach(DiscordJson::assignComponentIds);
        } else if (node instanceof ObjectNode object) {
            if (object.has("type") && !object.has("id")) {
                object.put("id", COMPONENT_IDS.incrementAndGet());
            }
            object.properties().forEach(entry -> {
                if (entry.getValue().isContainerNode()) {
                    assignComponentIds(entry.getValue());
                }
            });
        }
    }
}
