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

    static String requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
        return value;
    }
}
