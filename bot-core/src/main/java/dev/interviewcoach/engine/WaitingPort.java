package dev.interviewcoach.engine;

import dev.interviewcoach.chat.ChatPort;
import dev.interviewcoach.chat.MessageRef;
import dev.interviewcoach.chat.Place;
import dev.interviewcoach.chat.Reply;
import dev.interviewcoach.chat.UserRef;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/** A platform's port whose calls give the event's place in the {@link WorkGate} up while they wait. */
final class WaitingPort implements ChatPort {

    private final ChatPort port;
    private final WorkGate gate;

    WaitingPort(ChatPort port, WorkGate gate) {
        this.port = port;
        this.gate = gate;
    }

    private void waiting(Runnable call) {
        gate.whileWaiting(() -> {
            call.run();
            return null;
        });
    }

    private <T> T waiting(Supplier<T> call) {
        return gate.whileWaiting(call);
    }

    @Override
    public boolean repliesWithinEvent() {
        return port.repliesWithinEvent();
    }

    @Override
    public MessageRef post(Place place, Reply reply) {
        return waiting(() -> port.post(place, reply));
    }

    @Override
    public Place openThread(Place channel, Reply opening) {
        return waiting(() -> port.openThread(channel, opening));
    }

    @Override
    public MessageRef postForReplies(Place channel, Reply reply) {
        return waiting(() -> port.postForReplies(channel, reply));
    }

    @Override
    public Place openGroup(Place near, List<UserRef> members, Reply opening) {
        return waiting(() -> port.openGroup(near, members, opening));
    }

    @Override
    public Place openDirect(UserRef user) {
        return waiting(() -> port.openDirect(user));
    }

    @Override
    public void update(MessageRef message, Reply reply) {
        waiting(() -> port.update(message, reply));
    }

    @Override
    public void publishHome(UserRef user, Reply home) {
        waiting(() -> port.publishHome(user, home));
    }

    @Override
    public boolean mayManage(UserRef user, Place channel) {
        return waiting(() -> port.mayManage(user, channel));
    }

    @Override
    public Optional<ZoneId> zoneOf(UserRef user) {
        return waiting(() -> port.zoneOf(user));
    }

    @Override
    public Optional<Place> channelNamed(Place near, String name) {
        return waiting(() -> port.channelNamed(near, name));
    }

    @Override
    public void markReceived(MessageRef message) {
        waiting(() -> port.markReceived(message));
    }

    @Override
    public void postFile(Place place, Reply message, String fileName, byte[] content) {
        waiting(() -> port.postFile(place, message, fileName, content));
    }
}
