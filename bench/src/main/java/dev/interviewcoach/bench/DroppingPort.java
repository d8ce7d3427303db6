package dev.interviewcoach.bench;

import dev.interviewcoach.chat.ChatPort;
import dev.interviewcoach.chat.MessageRef;
import dev.interviewcoach.chat.Place;
import dev.interviewcoach.chat.Platform;
import dev.interviewcoach.chat.Reply;
import dev.interviewcoach.chat.UserRef;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A chat port whose replies go nowhere; ids are made up so the coach can remember its messages (an interview's
 * questions, a daily post) as on Slack. Counts the posts it swallowed.
 */
final class DroppingPort implements ChatPort {

    private final AtomicLong ids = new AtomicLong();
    private final AtomicLong posts = new AtomicLong();

    @Override
    public MessageRef post(Place place, Reply reply) {
        posts.incrementAndGet();
        return new MessageRef(place, "m" + ids.incrementAndGet());
    }

    @Override
    public Place openThread(Place channel, Reply opening) {
        posts.incrementAndGet();
        return channel.thread("t" + ids.incrementAndGet());
    }

    @Override
    public Place openDirect(UserRef user) {
        return Place.direct(Platform.SLACK, user.tenant(), "D" + user.userId());
    }

    @Override
    public void update(MessageRef message, Reply reply) {
    }

    /** Posts (and threads opened with a post) so far. */
    long posts() {
        return posts.get();
    }
}
