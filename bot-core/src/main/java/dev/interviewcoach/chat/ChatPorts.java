package dev.interviewcoach.chat;

import java.util.Map;
import java.util.Optional;

/**
 * The ports of the platforms this process runs, for work no event started (scheduled posts,
 * reminders): a subscription on a platform that is not running here is left to an instance
 * that runs it.
 */
@FunctionalInterface
public interface ChatPorts {

    Optional<ChatPort> on(Platform platform);

    /** One port for every platform: the console, and tests. */
    static ChatPorts only(ChatPort port) {
        return platform -> Optional.of(port);
    }

    /** No platform at all: for work that posts nothing. */
    static ChatPorts none() {
        return platform -> Optional.empty();
    }

    static ChatPorts of(Map<Platform, ChatPort> ports) {
        Map<Platform, ChatPort> copy = Map.copyOf(ports);
        return platform -> Optional.ofNullable(copy.get(platform));
    }
}
