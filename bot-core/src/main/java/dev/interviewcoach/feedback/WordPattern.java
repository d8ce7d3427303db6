package dev.interviewcoach.feedback;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A pattern of the form {@code \b(alternative|alternative|...)...}, found by trying, at each word start, only the
 * alternatives that can begin with that word's first character: the regex engine would otherwise try each of dozens
 * of alternatives at every word boundary of an answer, and these patterns run on every answer. It finds exactly what
 * the plain pattern finds, in the same order; a pattern whose first characters cannot be told for certain (an
 * optional first letter, a class, an escape) is searched as it is.
 */
final class WordPattern {

    private static final String LEAD = "\\b(";
    private static final int ASCII = 128;

    private final Pattern whole;
    /** By first character, the pattern with only the alternatives that may start with it; null for none. */
    private final Pattern[] byFirst;
    /**
     * By first character, the words each of those alternatives must begin with as typed ("in production" for
     * {@code in production|...}, "we ha" for {@code we hav?e}): where none of them stands, the pattern is not tried.
     * Null where some alternative's beginning cannot be told beyond its first character, and it is always tried.
     */
    private final String[][] leadsByFirst;

    private WordPattern(Pattern whole, Pattern[] byFirst, String[][] leadsByFirst) {
        this.whole = whole;
        this.byFirst = byFirst;
        this.leadsByFirst = leadsByFirst;
    }

    static WordPattern compile(String regex) {
        Pattern whole = Pattern.compile(regex);
        if (!regex.startsWith(LEAD)) {
            return new WordPattern(whole, null, null);
        }
        int close = closing(regex, LEAD.length() - 1);
        if (close < 0) {
            return new WordPattern(whole, null, null);
        }
        List<String> alternatives = topLevel(regex.substring(LEAD.length(), close));
        Map<Character, List<String>> byLetter = new TreeMap<>();
        for (String alternative : alternatives) {
            Set<Character> first = new TreeSet<>();
            if (!firstLetters(alternative, first)) {
                return new WordPattern(whole, null, null);
            }
            for (char c : first) {
                if (c >= ASCII) {
                    return new WordPattern(whole, null, null);
                }
                byLetter.computeIfAbsent(c, k -> new ArrayList<>()).add(alternative);
            }
        }
        Pattern[] byFirst = new Pattern[ASCII];
        String[][] leadsByFirst = new String[ASCII][];
        String rest = regex.substring(close);
        byLetter.forEach((c, alts) -> {
            byFirst[c] = Pattern.compile(LEAD + String.join("|", alts) + rest);
            List<String> leads = new ArrayList<>();
            for (String alternative : alts) {
                String lead = literalLead(alternative);
                if (lead.length() < 2) {
                    return; // nothing to tell its places apart by: tried at every word starting with c
                }
                leads.add(lead);
            }
            leadsByFirst[c] = leads.toArray(String[]::new);
        });
        return new WordPattern(whole, byFirst, leadsByFirst);
    }

    /**
     * What every match of an alternative begins with, character for character: its letters, digits, spaces and
     * apostrophes up to the first other character, less the last one when a {@code ?}, {@code *} or {@code {}
     * after it may leave it out.
     */
    static String literalLead(String alternative) {
        int end = 0;
        while (end < alternative.length()) {
            char c = alternative.charAt(end);
            if (c < ASCII && (Character.isLetterOrDigit(c) || c == ' ' || c == '\'')) {
                end++;
            } else {
                break;
            }
        }
        if (end < alternative.length() && "?*{".indexOf(alternative.charAt(end)) >= 0) {
            end--;
        }
        return alternative.substring(0, Math.max(end, 0));
    }

    /** The pattern as written. */
    Pattern pattern() {
        return whole;
    }

    /** The first characters a match can start with, or empty when the pattern is searched as it is. */
    String firstCharacters() {
        StringBuilder out = new StringBuilder();
        for (int c = 0; byFirst != null && c < ASCII; c++) {
            if (byFirst[c] != null) {
                out.append((char) c);
            }
        }
        return out.toString();
    }

    /** Whether the text holds a match. */
    boolean foundIn(String text) {
        return next(text, 0, new Matcher[ASCII]) != null;
    }

    /** Each match in the text, left to right, as {@link Matcher#find()} would give them one after another. */
    List<MatchResult> allIn(String text) {
        List<MatchResult> out = new ArrayList<>();
        Matcher[] matchers = new Matcher[ASCII];
        int from = 0;
        MatchResult m;
        while (from <= text.length() && (m = next(text, from, matchers)) != null) {
            out.add(m);
            from = m.end() == m.start() ? m.end() + 1 : m.end();
        }
        return out;
    }

    private MatchResult next(String text, int from, Matcher[] matchers) {
        if (byFirst == null) {
            Matcher m = matchers[0] == null ? (matchers[0] = whole.matcher(text)) : matchers[0];
            return m.find(from) ? m.toMatchResult() : null;
        }
        for (int p = from; p < text.length(); p++) {
            char c = text.charAt(p);
            // a word character after another is no word start, where \b( must be (the pattern's own \b decides the
            // rest, seeing the text before p: "'s" follows a word)
            if (c >= ASCII || byFirst[c] == null || wordChar(c) && p > 0 && wordChar(text.charAt(p - 1))
                    || leadsByFirst[c] != null && !anyStartsAt(text, p, leadsByFirst[c])) {
                continue;
            }
            Matcher m = matchers[c];
            if (m == null) {
                m = matchers[c] = byFirst[c].matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
            }
            m.region(p, text.length());
            if (m.lookingAt()) {
                return m.toMatchResult();
            }
        }
        return null;
    }

    private static boolean anyStartsAt(String text, int p, String[] leads) {
        for (String lead : leads) {
            if (text.startsWith(lead, p)) {
                return true;
            }
        }
        return false;
    }

    private static boolean wordChar(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_';
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
