package dev.interviewcoach;

import dev.interviewcoach.chat.ChatPort;
import dev.interviewcoach.chat.MessageRef;
import dev.interviewcoach.chat.Place;
import dev.interviewcoach.chat.Reply;
import dev.interviewcoach.chat.UserRef;
import java.util.ArrayList;
import java.util.List;

/** A chat platform that keeps what was said, for tests to read back. */
public final class RecordingChatPort implements ChatPort {

    /** One posted reply and where it went. */
    public record Posted(Place place, Reply reply) {
        public String text() {
            return reply.fallback();
        }
    }

    public final List<Posted> posted = new ArrayList<>();
    public final List<Place> threadsOpened = new ArrayList<>();
    /** Replies that replaced earlier messages, in order. */
    public final List<Posted> updated = new ArrayList<>();
    public final List<MessageRef> reactions = new ArrayList<>();
    /** Who may manage channels here. */
    public final java.util.Set<UserRef> managers = new java.util.HashSet<>();
    private int counter;

    @Override
    public MessageRef post(Place place, Reply reply) {
        posted.add(new Posted(place, reply));
        return new MessageRef(place, "m" + (++counter));
    }

    @Override
    public Place openThread(Place channel, Reply opening) {
        MessageRef ref = post(channel, opening);
        Place thread = channel.thread(ref.messageId());
        threadsOpened.add(thread);
        return thread;
    }

    /** Group conversations opened, with who was in each. */
    public final List<List<UserRef>> groupsOpened = new ArrayList<>();

    @Override
    public Place openGroup(Place near, List<UserRef> members, Reply opening) {
        Place group = Place.channel(near.platform(), near.tenant(), "G" + (++counter));
        groupsOpened.add(List.copyOf(members));
        post(group, opening);
        return group;
    }

    @Override
    public Place openDirect(UserRef user) {
        return Place.direct(user.platform(), user.tenant(), "D-" + user.userId());
    }

    @Override
    public void update(MessageRef message, Reply reply) {
        updated.add(new Posted(message.place(), reply));
    }

    @Override
    public boolean mayManage(UserRef user, Place channel) {
        return managers.contains(user);
    }

    @Override
    public void markReceived(MessageRef message) {
        reactions.add(message);
    }

    public String last() {
        return posted.getLast().text();
    }

    public String all() {
        return String.join("\n", posted.stream().map(Posted::text).toList());
    }

    public void clear() {
        posted.clear();
    }
}
