package dev.interviewcoach.engine;

import dev.interviewcoach.chat.ChatPort;
import dev.interviewcoach.chat.Inbound;

/**
 * Takes messages in conversations a feature owns (an interview thread, a DM session). The engine
 * offers each message to the handlers in order until one takes it.
 */
public interface MessageHandler extends Feature {

    /** Handles the message if it belongs to this feature; false leaves it to others. */
    boolean onMessage(Inbound.Message message, ChatPort port);

    /**
     * Whether the message's place is one of this feature's conversations, without acting on it: a
     * command typed there (help, stats) is for the coach, where the same word in a thread of people
     * talking among themselves is not.
     */
    default boolean holdsConversation(Inbound.Message message) {
        return false;
    }
}
