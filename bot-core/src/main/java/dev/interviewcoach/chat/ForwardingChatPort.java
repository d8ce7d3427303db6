package dev.interviewcoach.chat;

import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A port that hands every call on to another, around a hook: for ports that add something to the
 * platform's calls (counting them, letting other work run while they wait) without changing them.
 */
public abstract class ForwardingChatPort implements ChatPort {

    private final ChatPort port;

    protected ForwardingChatPort(ChatPort port) {
        this.port = port;
    }

    /** Around a call that posts or changes something on the platform. */
    protected abstract <T> T sending(Supplier<T> call);

    /** Around a call that asks the platform something or marks a message; by default it just runs. */
    protected <T> T asking(Supplier<T> call) {
        return call.get();
    }

    /** Around the wait that ends an event's work ({@link ChatPort#finishWaiting}); by default it just runs. */
    protected void finishing(Runnable wait) {
        wait.run();
    }

    private void sending(Runnable call) {
        sending(() -> {
            call.run();
            return null;
        });
    }

    @Override
    public boolean repliesWithinEvent() {
        return port.repliesWithinEvent();
    }

    @Override
    public boolean reaches(String tenant) {
        return port.reaches(tenant);
    }

    @Override
    public String whereChannelsAre() {
        return port.whereChannelsAre();
    }

    @Override
    public void finishWaiting(Runnable wait) {
        finishing(() -> port.finishWaiting(wait));
    }

    @Override
    public MessageRef post(Place place, Reply reply) {
        return sending(() -> port.post(place, reply));
    }

    @Override
    public MessageRef postForReplies(Place channel, Reply reply) {
        return sending(() -> port.postForReplies(channel, reply));
    }

    @Override
    public Place openThread(Place channel, Reply opening) {
        return sending(() -> port.openThread(channel, opening));
    }

    @Override
    public Place openGroup(Place near, List<UserRef> members, Reply opening) {
        return sending(() -> port.openGroup(near, members, opening));
    }

    @Override
    public Place openDirect(UserRef user) {
        return asking(() -> port.openDirect(user));
    }

    @Override
    public void update(MessageRef message, Reply reply) {
        sending(() -> port.update(message, reply));
    }

    @Override
    public void publishHome(UserRef user, Reply home) {
        sending(() -> port.publishHome(user, home));
    }

    @Override
    public boolean mayManage(UserRef user, Place channel) {
        return asking(() -> port.mayManage(user, channel));
    }

    @Override
    public Optional<Place> channelNamed(Place near, String name) {
        return asking(() -> port.channelNamed(near, name));
    }

    @Override
    public Optional<ZoneId> zoneOf(UserRef user) {
        return asking(() -> port.zoneOf(user));
    }

    @Override
    public void markReceived(MessageRef message) {
        asking(() -> {
            port.markReceived(message);
            return null;
        });
    }

    @Override
    public void postFile(Place place, Reply message, String fileName, byte[] content) {
        sending(() -> port.postFile(place, message, fileName, content));
    }
}
