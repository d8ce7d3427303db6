package dev.interviewcoach.engine;

import dev.interviewcoach.chat.ChatPort;
import dev.interviewcoach.chat.Inbound;
import dev.interviewcoach.command.CommandInput;
import dev.interviewcoach.command.CommandSpec;
import java.util.List;

/**
 * A feature that answers commands ({@code /coach mock python 5}, or {@code mock python 5} in the
 * console). It declares them as data; the engine parses what was typed or filled in against them
 * and calls {@link #handle} once per delivery, in order per conversation.
 */
public interface CommandHandler extends Feature {

    /** The commands it answers, with their options: help and every platform's form come from these. */
    List<CommandSpec> commands();

    /**
     * Runs one use of one of its commands. A value the command needs may be missing when typed: the
     * handler says what to give.
     */
    void handle(Inbound.Command command, CommandInput input, ChatPort port);
}
