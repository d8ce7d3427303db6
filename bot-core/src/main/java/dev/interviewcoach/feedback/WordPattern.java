package dev.interviewcoach.feedback;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Compiles a pattern of the form {@code \b(alternative|alternative|...)...} so that it tries its
 * alternatives only where a word starts with one of their first letters: the regex engine would
 * otherwise try each of dozens of alternatives at every word boundary of an answer. It matches
 * exactly what the plain pattern matches; a pattern whose first letters cannot be told for certain
 * (an optional first letter, a class, an escape) is compiled as it is.
 */
final class WordPattern {

    private static final String LEAD = "\\b(";

    private WordPattern() {
    }

    static Pattern compile(String regex) {
        if (regex.startsWith(LEAD)) {
            int close = closing(regex, LEAD.length() - 1);
            Set<Character> first = new TreeSet<>();
            if (close > 0 && firstLetters(regex.substring(LEAD.length(), close), first)) {
                StringBuilder letters = new StringBuilder();
                first.forEach(letters::append);
                return Pattern.compile("\\b(?=[" + letters + "])" + regex.substring(2));
            }
        }
        return Pattern.compile(regex);
    }

    /** Adds the letter each alternative must start with; false when that cannot be told. */
    private static boolean firstLetters(String alternatives, Set<Character> out) {
        for (String alternative : topLevel(alternatives)) {
            if (alternative.isEmpty()) {
                return false;
            }
            char c = alternative.charAt(0);
            int next;
            if (c == '(') {
                int close = closing(alternative, 0);
                boolean plainGroup = !alternative.startsWith("(?") || alternative.startsWith("(?:");
                if (close < 0 || !plainGroup
                        || !firstLetters(alternative.substring(alternative.startsWith("(?:") ? 3 : 1, close), out)) {
                    return false;
                }
                next = close + 1;
            } else if (Character.isLetterOrDigit(c) || c == '\'') {
                out.add(c);
                next = 1;
            } else {
                return false;
            }
            // "x?..." or "x*..." or "x{0,1}..." may start without it.
            if (next < alternative.length() && "?*{".indexOf(alternative.charAt(next)) >= 0) {
                return false;
            }
        }
        return true;
    }

    /** The alternatives of a regex at its top level (not inside a group or a class). */
    private static List<String> topLevel(String regex) {
        List<String> out = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < regex.length(); i++) {
            char c = regex.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '[') {
                i = classEnd(regex, i);
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == '|' && depth == 0) {
                out.add(regex.substring(start, i));
                start = i + 1;
            }
        }
        out.add(regex.substring(start));
        return out;
    }

    /** Where the group opened at {@code open} closes, or -1. */
    private static int closing(String regex, int open) {
        int depth = 0;
        for (int i = open; i < regex.length(); i++) {
            char c = regex.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '[') {
                i = classEnd(regex, i);
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    /** Where the character class opened at {@code open} ends (its ']'). */
    private static int classEnd(String regex, int open) {
        int i = open + 1;
        if (i < regex.length() && regex.charAt(i) == '^') {
            i++;
        }
        if (i < regex.length() && regex.charAt(i) == ']') {
            i++;
        }
        for (; i < regex.length(); i++) {
            if (regex.charAt(i) == '\\') {
                i++;
            } else if (regex.charAt(i) == ']') {
                return i;
            }
        }
        return regex.length();
    }
}
