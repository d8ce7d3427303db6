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

    /**
     * The port to act in {@code tenant} of {@code platform} with, when this process reaches it: none for a
     * platform not running here, or a server whose connection another instance runs (see {@link ChatPort#reaches}).
     */
    default Optional<ChatPort> reaching(Platform platform, String tenant) {
        return on(platform).filter(port -> port.reaches(tenant));
    }

    /** The port to act in {@code place} with, when this process reaches its workspace or server. */
    default Optional<ChatPort> reaching(Place place) {
        return reaching(place.platform(), place.tenant());
    }

    /** The port to act for {@code person} with, when this process reaches their workspace or server. */
    default Optional<ChatPort> reaching(UserRef person) {
        return reaching(person.platform(), person.tenant());
    }

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
