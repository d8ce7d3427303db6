package dev.interviewcoach.engine;

import dev.interviewcoach.chat.ChatPort;
import dev.interviewcoach.chat.Inbound;
import java.util.List;

/**
 * A command word a person can give ({@code /coach mock python 5}, or {@code mock python 5} in
 * the console). The engine calls {@link #handle} once per delivery, in order per conversation,
 * with the words that followed the command word.
 */
public interface CommandHandler {

    /** The word that selects this command, e.g. {@code mock}. */
    String name();

    /** Other words that select it. */
    default List<String> aliases() {
        return List.of();
    }

    /** How to call it, e.g. {@code mock [track] [questions]}. */
    String usage();

    /** One line on what it does, for help. */
    String summary();

    void handle(Inbound.Command command, List<String> args, ChatPort port);
}
