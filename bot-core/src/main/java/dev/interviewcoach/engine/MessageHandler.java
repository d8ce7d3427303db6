package dev.interviewcoach.engine;

import dev.interviewcoach.chat.ChatPort;
import dev.interviewcoach.chat.Inbound;
import java.util.List;

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

    /**
     * Whether the message's author is answering this feature's questions one after another at its place (a mock
     * interview), where a command word typed with two letters swapped is a slip to point out rather than an answer
     * to score. A question of the day's thread or a peer pairing is not: people talk there.
     */
    default boolean interviewing(Inbound.Message message) {
        return false;
    }

    /** The words that are moves in this feature's interviews ("hint", "skip"), besides the coach's commands. */
    default List<String> moveWords() {
        return List.of();
    }
}
