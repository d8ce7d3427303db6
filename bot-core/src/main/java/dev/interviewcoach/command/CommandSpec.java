package dev.interviewcoach.command;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A command as data, declared once by the feature that handles it: its word, what it does, its
 * options, or the subcommands of a group ({@code daily subscribe}, {@code daily status}). Help,
 * the typed grammar of Slack and the console, and Discord's {@code /coach} form are all made from it.
 *
 * @param name        the word that selects it, e.g. {@code mock}
 * @param summary     one line on what it does
 * @param aliases     other words that select it when typed
 * @param options     its options, in the order forms show them and sentences are written
 * @param subcommands for a group, its commands; then it has no options of its own
 * @param otherwise   for a group, the subcommand its word alone means (e.g. {@code status}); empty for none
 */
public record CommandSpec(String name, String summary, List<String> aliases, List<OptionSpec> options,
                          List<CommandSpec> subcommands, String otherwise) {

    public CommandSpec {
        Objects.requireNonNull(name);
        Objects.requireNonNull(summary);
        aliases = List.copyOf(aliases);
        options = List.copyOf(options);
        subcommands = List.copyOf(subcommands);
        Objects.requireNonNull(otherwise);
        if (!name.matches("[a-z][a-z0-9-]{0,31}")) {
            throw new IllegalArgumentException("a command name is lower-case letters, digits and hyphens: " + name);
        }
        if (!subcommands.isEmpty() && !options.isEmpty()) {
            throw new IllegalArgumentException("the group " + name + " has options of its own");
        }
        if (options.stream().map(OptionSpec::name).distinct().count() < options.size()) {
            throw new IllegalArgumentException("two options of " + name + " have the same name");
        }
        if (options.stream().filter(o -> o.byPosition() && o.takesAnyWord()).count() > 1) {
            throw new IllegalArgumentException(name + " has two options that take any word: typed, they cannot be told apart");
        }
    }

    /** A command with options. */
    public static CommandSpec of(String name, String summary, OptionSpec... options) {
        return new CommandSpec(name, summary, List.of(), List.of(options), List.of(), "");
    }

    /** A group of subcommands; typed alone it means {@code otherwise}. */
    public static CommandSpec group(String name, String summary, String otherwise, CommandSpec... subcommands) {
        return new CommandSpec(name, summary, List.of(), List.of(), List.of(subcommands), otherwise);
    }

    /** The same command, also selected by these words. */
    public CommandSpec alsoCalled(String... words) {
        List<String> all = new ArrayList<>(aliases);
        all.addAll(List.of(words));
        return new CommandSpec(name, summary, all, options, subcommands, otherwise);
    }

    /** Whether it is a group of subcommands. */
    public boolean isGroup() {
        return !subcommands.isEmpty();
    }

    /** The subcommand called {@code word}, ignoring case. */
    public Optional<CommandSpec> subcommand(String word) {
        return subcommands.stream().filter(s -> s.name().equalsIgnoreCase(word)).findFirst();
    }

    /** The option called {@code optionName}. */
    public Optional<OptionSpec> option(String optionName) {
        return options.stream().filter(o -> o.name().equals(optionName)).findFirst();
    }

    /** How to call it, e.g. {@code mock [track] [questions] [on TOPIC]}; a group lists its subcommands. */
    public String usage() {
        if (isGroup()) {
            return name + " " + String.join(" | ", subcommands.stream().map(CommandSpec::usage).toList());
        }
        return usage(name);
    }

    /** As {@link #usage()}, for a subcommand called by its full words ({@code daily subscribe}). */
    public String usage(String words) {
        StringBuilder usage = new StringBuilder(words);
        options.stream().filter(OptionSpec::inForms).forEach(o -> usage.append(' ').append(o.usage()));
        return usage.toString();
    }
}
