package dev.interviewcoach.chat;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiPredicate;
import java.util.function.UnaryOperator;

/**
 * Platform-neutral text plumbing for adapters: splitting rendered text to a platform's size limit
 * without losing a character, and wrapping formatted text the way markdown dialects need it.
 */
public final class TextPieces {

    private TextPieces() {
    }

    /**
     * Splits text into pieces of at most {@code limit} characters, at a line break or a space when
     * one is in the second half of the piece; {@code unsafeCut} marks positions where a hard cut
     * would break an escape, and the cut moves left past them.
     */
    public static List<String> split(String text, int limit, BiPredicate<String, Integer> unsafeCut) {
        List<String> pieces = new ArrayList<>();
        String rest = text;
        while (rest.length() > limit) {
            int cut = rest.lastIndexOf('\n', limit);
            if (cut < limit / 2) {
                cut = rest.lastIndexOf(' ', limit);
            }
            if (cut < limit / 2) {
                cut = limit;
                while (cut > limit / 2 && unsafeCut.test(rest, cut)) {
                    cut--;
                }
            }
            pieces.add(rest.substring(0, cut));
            rest = rest.substring(cut).stripLeading();
        }
        if (!rest.isEmpty() || pieces.isEmpty()) {
            pieces.add(rest);
        }
        return pieces;
    }

    /**
     * Appends {@code text} wrapped in {@code delimiter}; spaces at either end go outside the
     * delimiters, since markdown only formats text that the delimiters hug.
     */
    public static void wrap(StringBuilder out, String delimiter, String text, UnaryOperator<String> escape) {
        String trimmed = text.strip();
        if (trimmed.isEmpty()) {
            out.append(escape.apply(text));
            return;
        }
        int lead = text.indexOf(trimmed);
        out.append(text, 0, lead).append(delimiter).append(escape.apply(trimmed)).append(delimiter)
                .append(text.substring(lead + trimmed.length()));
    }
}
