package dev.interviewcoach.console;

import dev.interviewcoach.chat.ChatPort;
import dev.interviewcoach.chat.MessageRef;
import dev.interviewcoach.chat.Place;
import dev.interviewcoach.chat.Reply;
import dev.interviewcoach.chat.UserRef;
import java.io.PrintStream;
import java.util.concurrent.atomic.AtomicLong;
import java.time.ZoneId;
import java.util.Optional;

/** The console as a platform: every reply is printed in order; threads and DMs are the terminal itself. */
public final class ConsoleChatPort implements ChatPort {

    private final PrintStream out;
    private final ConsoleRenderer renderer;
    private final AtomicLong messages = new AtomicLong();

    public ConsoleChatPort(PrintStream out, ConsoleRenderer renderer) {
        this.out = out;
        this.renderer = renderer;
    }

    @Override
    public MessageRef post(Place place, Reply reply) {
        out.print(renderer.render(reply));
        out.flush();
        return new MessageRef(place, Long.toString(messages.incrementAndGet()));
    }

    @Override
    public Place openThread(Place channel, Reply opening) {
        MessageRef ref = post(channel, opening);
        return channel.thread(ref.messageId());
    }

    @Override
    public Place openDirect(UserRef user) {
        return ConsoleSession.placeFor(user);
    }

    /** In the terminal, the person at the keyboard runs the simulated channel. */
    @Override
    public boolean mayManage(UserRef user, Place channel) {
        return true;
    }

    @Override
    public Optional<ZoneId> zoneOf(UserRef user) {
        return Optional.of(ZoneId.systemDefault());
    }

    /** A terminal cannot change what it printed; the next reply says what happened instead. */
    @Override
    public void update(MessageRef message, Reply reply) {
    }
}
