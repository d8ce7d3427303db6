package dev.interviewcoach.chat;

import java.util.Objects;

/**
 * A person on one platform. The tenant is the Slack team id or Discord guild id
 * (the console uses "local"); together the three parts identify a person across restarts.
 */
public record UserRef(Platform platform, String tenant, String userId) {
    public UserRef {
        Objects.requireNonNull(platform, "platform");
        tenant = requireText(tenant, "tenant");
        userId = requireText(userId, "userId");
    }

    /** Stands for a person the platform did not name (a message deleted in a Discord server). */
    public static UserRef unknown(Platform platform, String tenant) {
        return new UserRef(platform, tenant, UNKNOWN);
    }

    /** Whether this names a person, rather than standing in for one the platform did not name ({@link #unknown}). */
    public boolean named() {
        return !UNKNOWN.equals(userId);
    }

    private static final String UNKNOWN = "?";

    static String requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
        return value;
    }
}
