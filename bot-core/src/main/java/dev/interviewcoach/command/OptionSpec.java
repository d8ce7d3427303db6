package dev.interviewcoach.command;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One option of a command, as data: what it is called, what kind of value it takes, how it is
 * written in a typed command and how a platform's form shows it. Typed, options are recognised by
 * their shape ({@code 5} is a number, {@code sealed} a choice, {@code 09:00} a time), by a word
 * before them ({@code on caching}) or by a key ({@code topic:caching}); in a form, by name.
 *
 * @param name        the option's name in forms and in help, e.g. {@code track}
 * @param kind        what values it takes
 * @param description one line for forms and help
 * @param placeholder how help shows its value, e.g. {@code HH:MM}
 * @param required    whether the command needs it
 * @param choices     the values a {@link Kind#CHOICE} option takes
 * @param marker      how it is written when typed: empty for by position, a word ({@code on}) the
 *                    value follows, or a key ending in a colon ({@code topic:}) the value is joined to
 * @param shape       for a one-word option, the shape a typed word must have to be taken for it;
 *                    empty takes any word
 * @param joined      whether several typed words make one value, joined with hyphens
 *                    ({@code python developer} is {@code python-developer})
 * @param suggest     where a form suggests values from as people type
 * @param min         the least a number may be
 * @param max         the most a number may be
 * @param maxLength   the longest value a form takes
 * @param inForms     whether platform forms show it; typed-only options (a confirmation word) are not
 */
public record OptionSpec(String name, Kind kind, String description, String placeholder, boolean required,
                         List<Choice> choices, String marker, Optional<Pattern> shape, boolean joined,
                         Suggest suggest, int min, int max, int maxLength, boolean inForms) {

    /** What values an option takes. */
    public enum Kind {
        /** One word (several with {@link #joined}). */
        WORD,
        /** A whole number. */
        NUMBER,
        /** One of the listed choices. */
        CHOICE,
        /** The rest of what was typed, spaces kept. */
        TEXT
    }

    /** Where a platform's form suggests values from as people type. */
    public enum Suggest {
        NONE,
        /** The question tracks. */
        TRACKS,
        /** The topics of all questions. */
        TOPICS
    }

    /** One value of a choice option and how a form labels it. */
    public record Choice(String value, String label) {
        public Choice {
            Objects.requireNonNull(value);
            label = label == null || label.isBlank() ? value : label;
        }
    }

    public OptionSpec {
        Objects.requireNonNull(name);
        Objects.requireNonNull(kind);
        choices = List.copyOf(choices);
        Objects.requireNonNull(marker);
        Objects.requireNonNull(shape);
        Objects.requireNonNull(suggest);
        if (!name.matches("[a-z][a-z0-9-]{0,31}")) {
            throw new IllegalArgumentException("an option name is lower-case letters, digits and hyphens: " + name);
        }
        if (kind == Kind.CHOICE && choices.isEmpty()) {
            throw new IllegalArgumentException("the choice option " + name + " lists no choices");
        }
    }

    /** A one-word option taken by position, e.g. a track. */
    public static OptionSpec word(String name, String description) {
        return new OptionSpec(name, Kind.WORD, description, name, false, List.of(), "", Optional.empty(), false,
                Suggest.NONE, 0, 0, 64, true);
    }

    /** A whole number from {@code min} to {@code max}, taken by position. */
    public static OptionSpec number(String name, String description, int min, int max) {
        return new OptionSpec(name, Kind.NUMBER, description, name, false, List.of(), "", Optional.empty(), false,
                Suggest.NONE, min, max, 0, true);
    }

    /** One of a few values, taken by position. */
    public static OptionSpec choice(String name, String description, Choice... choices) {
        return new OptionSpec(name, Kind.CHOICE, description, String.join("|", List.of(choices).stream()
                .map(Choice::value).toList()), false, List.of(choices), "", Optional.empty(), false, Suggest.NONE, 0, 0,
                0, true);
    }

    /** The rest of the typed words, spaces kept. */
    public static OptionSpec text(String name, String description) {
        return new OptionSpec(name, Kind.TEXT, description, name.toUpperCase(Locale.ROOT), false, List.of(), "",
                Optional.empty(), false, Suggest.NONE, 0, 0, 200, true);
    }

    /** Choices written as {@code value: label}. */
    public static Choice of(String value, String label) {
        return new Choice(value, label);
    }

    /** The command needs this option. */
    public OptionSpec mandatory() {
        return new OptionSpec(name, kind, description, placeholder, true, choices, marker, shape, joined, suggest, min, max,
                maxLength, inForms);
    }

    /** Typed after {@code word}, which the value follows ({@code on caching}). */
    public OptionSpec after(String word) {
        return new OptionSpec(name, kind, description, placeholder, required, choices, word.toLowerCase(Locale.ROOT),
                shape, joined, suggest, min, max, maxLength, inForms);
    }

    /** Typed as {@code key:value}, the key being the option's name. */
    public OptionSpec keyed() {
        return new OptionSpec(name, kind, description, placeholder, required, choices, name + ":", shape, joined, suggest,
                min, max, maxLength, inForms);
    }

    /** Taken by position only for words of this shape (matched whole, ignoring case). */
    public OptionSpec shaped(String regex) {
        return new OptionSpec(name, kind, description, placeholder, required, choices, marker,
                Optional.of(Pattern.compile(regex, Pattern.CASE_INSENSITIVE)), joined, suggest, min, max, maxLength, inForms);
    }

    /** Several typed words make one value, joined with hyphens. */
    public OptionSpec manyWords() {
        return new OptionSpec(name, kind, description, placeholder, required, choices, marker, shape, true, suggest, min,
                max, maxLength, inForms);
    }

    /** Forms suggest values from {@code source}. */
    public OptionSpec suggesting(Suggest source) {
        return new OptionSpec(name, kind, description, placeholder, required, choices, marker, shape, joined, source, min,
                max, maxLength, inForms);
    }

    /** Help shows the value as {@code shown}. */
    public OptionSpec shownAs(String shown) {
        return new OptionSpec(name, kind, description, shown, required, choices, marker, shape, joined, suggest, min, max,
                maxLength, inForms);
    }

    /** A form takes at most {@code chars} characters. */
    public OptionSpec maxLength(int chars) {
        return new OptionSpec(name, kind, description, placeholder, required, choices, marker, shape, joined, suggest, min,
                max, chars, inForms);
    }

    /** Only typed, never shown in a platform's form (a confirmation word the form asks with buttons instead). */
    public OptionSpec typedOnly() {
        return new OptionSpec(name, kind, description, placeholder, required, choices, marker, shape, joined, suggest, min,
                max, maxLength, false);
    }

    /** Whether it is written as {@code key:value}. */
    public boolean isKeyed() {
        return marker.endsWith(":");
    }

    /** Whether it is written after a word of its own ({@code on TOPIC}). */
    public boolean followsWord() {
        return !marker.isEmpty() && !isKeyed();
    }

    /** Whether it is taken by where it stands and what it looks like. */
    public boolean byPosition() {
        return marker.isEmpty();
    }

    /** Whether a typed word can be this option's value by its shape alone. */
    boolean fits(String word) {
        return switch (kind) {
            case NUMBER -> word.matches("\\d{1,6}");
            case CHOICE -> choices.stream().anyMatch(c -> c.value().equalsIgnoreCase(word));
            case WORD -> shape.map(p -> p.matcher(word).matches()).orElse(true);
            case TEXT -> true;
        };
    }

    /** Whether any word at all fits (a free word, not recognised by shape). */
    boolean takesAnyWord() {
        return kind == Kind.TEXT || kind == Kind.WORD && shape.isEmpty();
    }

    /** How help shows it: {@code [track]}, {@code TOPIC}, {@code [on TOPIC]}, {@code [topic:TOPIC]}. */
    public String usage() {
        String value = isKeyed() ? marker + placeholder : followsWord() ? marker + " " + placeholder : placeholder;
        return required ? value : "[" + value + "]";
    }
}
