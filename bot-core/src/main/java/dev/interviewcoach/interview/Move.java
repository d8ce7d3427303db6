package dev.interviewcoach.interview;

import java.util.Locale;
import java.util.Optional;

/** What a person can do in a mock interview, whether typed as a word or pressed as a button. */
public sealed interface Move permits Move.Answer, Move.Hint, Move.Skip, Move.Repeat, Move.End {

    record Answer(String text) implements Move {}

    record Hint() implements Move {}

    record Skip() implements Move {}

    record Repeat() implements Move {}

    record End() implements Move {}

    /** The move a typed message means: a command word alone on its line, otherwise an answer. */
    static Move fromTyped(String text) {
        return commandWord(text).orElseGet(() -> new Answer(text));
    }

    /** The move named by a word or button verb ({@code hint}, {@code skip}, {@code repeat}, {@code end}). */
    static Optional<Move> commandWord(String text) {
        String word = text.strip().toLowerCase(Locale.ROOT);
        if (word.startsWith("/")) {
            word = word.substring(1);
        }
        return switch (word) {
            case "hint" -> Optional.of(new Hint());
            case "skip", "pass", "next" -> Optional.of(new Skip());
            case "repeat", "again" -> Optional.of(new Repeat());
            case "end", "stop", "quit", "finish" -> Optional.of(new End());
            default -> Optional.empty();
        };
    }
}
