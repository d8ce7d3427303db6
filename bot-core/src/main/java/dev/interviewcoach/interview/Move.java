package dev.interviewcoach.interview;

import dev.interviewcoach.text.NotAnAnswer;
import dev.interviewcoach.text.TextAnalyzer;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** What a person can do in a mock interview, whether typed as a word or pressed as a button. */
public sealed interface Move permits Move.Answer, Move.Hint, Move.Skip, Move.Repeat, Move.End {

    record Answer(String text) implements Move {}

    record Hint() implements Move {}

    record Skip() implements Move {}

    record Repeat() implements Move {}

    record End() implements Move {}

    /** The move a typed message means: a move named on its own ("skip", "next question please"), otherwise an answer. */
    static Move fromTyped(String text) {
        return named(text).orElseGet(() -> new Answer(text));
    }

    /** Words that may stand around a move word without making the line an answer: "can I get a hint", "skip this one". */
    Set<String> AROUND = Set.of("please", "pls", "the", "this", "that", "one", "question", "interview", "a", "an", "me",
            "give", "can", "could", "i", "get", "have", "another", "now", "just", "ok", "okay", "thanks", "to", "it",
            "we", "you", "let's", "lets", "like", "want", "i'd", "say", "us");
    /** Moves said in two words: "let's move on", "I give up". */
    Map<String, String> PHRASED = Map.of("move on", "skip", "give up", "skip", "go on", "skip");

    /** The longest line read as a move; anything longer is an answer. */
    int MOST_WORDS = 6;

    /**
     * The move a short typed line names: one move word ({@code hint}, {@code skip}, {@code repeat},
     * {@code end} or a synonym), alone or with a few words around it such as "please" or "question".
     */
    static Optional<Move> named(String text) {
        String plain = TextAnalyzer.plainWords(text);
        if (NotAnAnswer.asksAgain(text)) {
            return Optional.of(new Repeat());
        }
        if (NotAnAnswer.saysDontKnow(text)) {
            // Said on its own it asks to move on: the skip shows what a strong answer would cover.
            return Optional.of(new Skip());
        }
        for (var phrased : PHRASED.entrySet()) {
            plain = (" " + plain + " ").replace(" " + phrased.getKey() + " ", " " + phrased.getValue() + " ").strip();
        }
        String[] words = plain.split(" ");
        if (NotAnAnswer.asksForHint(text)) {
            return Optional.of(new Hint());
        }
        if (words.length > MOST_WORDS) {
            return Optional.empty();
        }
        Optional<Move> move = Optional.empty();
        for (String word : words) {
            if (AROUND.contains(word)) {
                continue;
            }
            Optional<Move> named = commandWord(word);
            if (named.isEmpty() || move.isPresent()) {
                return Optional.empty();
            }
            move = named;
        }
        return move;
    }

    /** The words a move is typed as most often: what a slip of two letters is most likely to be. */
    List<String> WORDS = List.of("hint", "skip", "repeat", "end");

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
