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
}
