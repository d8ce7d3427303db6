package dev.interviewcoach.engine;

import dev.interviewcoach.chat.ChatPort;
import dev.interviewcoach.chat.Inbound;

/**
 * Takes deletions of messages in conversations a feature owns (an answer to a question of the day deleted
 * before the reveal is withdrawn). The engine offers each deletion to the handlers in order until one takes
 * it; a deletion no one takes is left alone.
 */
public interface DeletionHandler extends Feature {

    /** Handles the deletion if the deleted message belongs to this feature; false leaves it to others. */
    boolean onDeletion(Inbound.Deletion deletion, ChatPort port);
}
