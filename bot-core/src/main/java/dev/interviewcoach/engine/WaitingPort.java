package dev.interviewcoach.engine;

import dev.interviewcoach.chat.ChatPort;
import dev.interviewcoach.chat.ForwardingChatPort;
import java.util.function.Supplier;

/** A platform's port whose calls give the event's place in the {@link WorkGate} up while they wait. */
final class WaitingPort extends ForwardingChatPort {

    private final WorkGate gate;

    WaitingPort(ChatPort port, WorkGate gate) {
        super(port);
        this.gate = gate;
    }

    @Override
    protected <T> T sending(Supplier<T> call) {
        return gate.whileWaiting(call);
    }

    @Override
    protected <T> T asking(Supplier<T> call) {
        return gate.whileWaiting(call);
    }
}
