package dev.interviewcoach.engine;

import dev.interviewcoach.chat.ChatPort;
import dev.interviewcoach.chat.ForwardingChatPort;
import java.util.function.Supplier;

/**
 * A platform's port whose calls give the event's place in the {@link WorkGate} up while they wait, and first run
 * what lets go of other things the event need not hold meanwhile (its database connection).
 */
final class WaitingPort extends ForwardingChatPort {

    private final WorkGate gate;
    private final Runnable beforeWaiting;

    WaitingPort(ChatPort port, WorkGate gate, Runnable beforeWaiting) {
        super(port);
        this.gate = gate;
        this.beforeWaiting = beforeWaiting;
    }

    @Override
    protected <T> T sending(Supplier<T> call) {
        beforeWaiting.run();
        return gate.whileWaiting(call);
    }

    /** The event's engine work is done: its place goes to another event, and it does not take one again. */
    @Override
    protected void finishing(Runnable wait) {
        gate.leave();
        wait.run();
    }

    @Override
    protected <T> T asking(Supplier<T> call) {
        beforeWaiting.run();
        return gate.whileWaiting(call);
    }
}
