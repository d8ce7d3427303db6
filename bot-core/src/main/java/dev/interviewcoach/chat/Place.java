package dev.interviewcoach.chat;

import java.util.Locale;
import java.util.Objects;

/**
 * Where a conversation happens: a channel, a thread in a channel, or a direct conversation.
 * A place is enough to speak there later without an incoming event (scheduled posts, resumed
 * sessions), so it is stored with subscriptions and sessions.
 */
public record Place(Platform platform, String tenant, String channelId, String threadId, Kind kind) {

    /** What sort of conversation a place is. */
    public enum Kind {
        CHANNEL,
        THREAD,
        DIRECT
    }

    public Place {
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(kind, "kind");
        tenant = UserRef.requireText(tenant, "tenant");
        channelId = UserRef.requireText(channelId, "channelId");
        if (kind == Kind.THREAD && (threadId == null || threadId.isBlank())) {
            throw new IllegalArgumentException("a thread place needs a threadId");
        }
        if (kind == Kind.CHANNEL && threadId != null) {
            throw new IllegalArgumentException("a channel place carries no threadId; use thread(id)");
        }
    }

    public static Place channel(Platform platform, String tenant, String channelId) {
        return new Place(platform, tenant, channelId, null, Kind.CHANNEL);
    }

    public static Place direct(Platform platform, String tenant, String channelId) {
        return new Place(platform, tenant, channelId, null, Kind.DIRECT);
    }

    /** The thread under a message of this channel. */
    public Place thread(String threadId) {
        return new Place(platform, tenant, channelId, threadId, Kind.THREAD);
    }

    /** A stable text key for this place, used to find the conversation it hosts. */
    public String key() {
        return platform.name().toLowerCase(Locale.ROOT) + ":" + tenant + ":" + channelId
                + (threadId == null ? "" : ":" + threadId);
    }
}
