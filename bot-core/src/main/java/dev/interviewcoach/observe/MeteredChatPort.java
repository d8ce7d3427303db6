package dev.interviewcoach.observe;

import dev.interviewcoach.chat.ChatPort;
import dev.interviewcoach.chat.MessageRef;
import dev.interviewcoach.chat.Place;
import dev.interviewcoach.chat.Platform;
import dev.interviewcoach.chat.PlatformRefusal;
import dev.interviewcoach.chat.Reply;
import dev.interviewcoach.chat.UserRef;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/** A port that counts what goes out and what fails, around the platform's own port. */
public final class MeteredChatPort implements ChatPort {

    private final ChatPort port;
    private final Platform platform;
    private final CoachMetrics metrics;

    public MeteredChatPort(ChatPort port, Platform platform, CoachMetrics metrics) {
        this.port = port;
        this.platform = platform;
        this.metrics = metrics;
    }

    private <T> T counted(Supplier<T> call) {
        try {
            T result = call.get();
            metrics.replyOut(platform);
            return result;
        } catch (PlatformRefusal refusal) {
            metrics.platformError(platform, "refused");
            throw refusal;
        } catch (RuntimeException e) {
            metrics.platformError(platform, "failed");
            throw e;
        }
    }

    @Override
    public boolean repliesWithinEvent() {
        return port.repliesWithinEvent();
    }

    @Override
    public MessageRef post(Place place, Reply reply) {
        return counted(() -> port.post(place, reply));
    }

    @Override
    public MessageRef postForReplies(Place channel, Reply reply) {
        return counted(() -> port.postForReplies(channel, reply));
    }

    @Override
    public Place openThread(Place channel, Reply opening) {
        return counted(() -> port.openThread(channel, opening));
    }

    @Override
    public Place openGroup(Place near, List<UserRef> members, Reply opening) {
        return counted(() -> port.openGroup(near, members, opening));
    }

    @Override
    public Place openDirect(UserRef user) {
        return port.openDirect(user);
    }

    @Override
    public void update(MessageRef message, Reply reply) {
        counted(() -> {
            port.update(message, reply);
            return null;
        });
    }

    @Override
    public void publishHome(UserRef user, Reply home) {
        counted(() -> {
            port.publishHome(user, home);
            return null;
        });
    }

    @Override
    public boolean mayManage(UserRef user, Place channel) {
        return port.mayManage(user, channel);
    }

    @Override
    public Optional<Place> channelNamed(Place near, String name) {
        return port.channelNamed(near, name);
    }

    @Override
    public Optional<ZoneId> zoneOf(UserRef user) {
        return port.zoneOf(user);
    }

    @Override
    public void markReceived(MessageRef message) {
        port.markReceived(message);
    }

    @Override
    public void postFile(Place place, Reply message, String fileName, byte[] content) {
        counted(() -> {
            port.postFile(place, message, fileName, content);
            return null;
        });
    }
}
