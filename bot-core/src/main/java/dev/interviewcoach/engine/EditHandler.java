package dev.interviewcoach.engine;

import dev.interviewcoach.chat.ChatPort;
import dev.interviewcoach.chat.Inbound;

/**
 * Takes edits of messages in conversations a feature owns (an answer to a question of the day
 * changed before the reveal). The engine offers each edit to the handlers in order until one takes
 * it; an edit no one takes is left alone.
 */
public interface EditHandler extends Feature {

    /** Handles the edit if the edited message belongs to this feature; false leaves it to others. */
    boolean onEdit(Inbound.Edit edit, ChatPort port);
}
