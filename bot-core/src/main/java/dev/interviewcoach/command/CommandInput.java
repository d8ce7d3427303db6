package dev.interviewcoach.command;

import java.util.Map;
import java.util.Optional;

/**
 * One use of a command as its handler gets it: which command (a group's subcommand included, e.g.
 * {@code daily subscribe}) and the option values given, by option name, as typed.
 *
 * @param command the command's words, e.g. {@code mock} or {@code daily subscribe}
 * @param values  the values given, by option name; an option not given is absent
 */
public record CommandInput(String command, Map<String, String> values) {

    public CommandInput {
        values = Map.copyOf(values);
    }

    /** The value given for {@code option}, if any. */
    public Optional<String> value(String option) {
        return Optional.ofNullable(values.get(option));
    }

    /** The last word of the command: a group's subcommand ({@code subscribe}), or the command itself. */
    public String verb() {
        int space = command.lastIndexOf(' ');
        return space < 0 ? command : command.substring(space + 1);
    }
}
