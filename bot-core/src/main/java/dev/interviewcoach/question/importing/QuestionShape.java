package dev.interviewcoach.question.importing;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether a line reads like an interview question. {@link #STRONG} lines are questions wherever
 * they stand; {@link #WEAK} lines (short, no full stop) only when a labelled answer follows them.
 */
enum QuestionShape {
    NONE,
    WEAK,
    STRONG;

    private static final Set<String> ASKING = Set.of("what", "what's", "whats", "why", "how", "when", "where",
            "who", "which", "whom", "whose", "can", "could", "would", "will", "do", "does", "did", "is", "are",
            "was", "were", "have", "has", "had", "should", "shall", "may", "might", "if");
    private static final Set<String> IMPERATIVE = Set.of("tell", "describe", "explain", "give", "walk", "talk",
            "share", "name", "compare", "define", "design", "discuss", "list", "outline", "summarize", "summarise",
            "introduce", "imagine", "suppose", "estimate", "implement", "sketch", "contrast", "differentiate",
            "distinguish", "identify");
    private static final Pattern NUMBER = Pattern.compile("^\\(?\\d{1,3}[.):]\\s+");
    private static final Pattern FIRST_WORD = Pattern.compile("^[^\\p{L}]*([\\p{L}'\u2019]+)");

    private static final int MAX_QUESTION_WORDS = 40;
    private static final int MAX_COMMAND_WORDS = 30;
    private static final int MAX_WEAK_WORDS = 12;

    /** The shape of a line whose list number, if it had one, is already removed. */
    static QuestionShape of(String text, boolean numbered) {
        String t = text.strip();
        int words = wordCount(t);
        if (words == 0) {
            return NONE;
        }
        if (t.endsWith("?") && words <= MAX_QUESTION_WORDS) {
            return STRONG;
        }
        String first = firstWord(t);
        if (IMPERATIVE.contains(first) && words <= MAX_COMMAND_WORDS) {
            return STRONG;
        }
        if (numbered && ASKING.contains(first) && words <= MAX_COMMAND_WORDS) {
            return STRONG;
        }
        if (words <= MAX_WEAK_WORDS && !t.matches(".*[.!,;:\"\u201d]$")) {
            return WEAK;
        }
        return NONE;
    }

    static boolean numbered(String text) {
        return NUMBER.matcher(text.strip()).find();
    }

    /** "3. What is X?" becomes "What is X?". */
    static String withoutNumber(String text) {
        return NUMBER.matcher(text.strip()).replaceFirst("");
    }

    static int wordCount(String text) {
        int count = 0;
        boolean inWord = false;
        for (int i = 0; i < text.length(); i++) {
            boolean wordChar = Character.isLetterOrDigit(text.charAt(i));
            if (wordChar && !inWord) {
                count++;
            }
            inWord = wordChar;
        }
        return count;
    }

    private static String firstWord(String text) {
        Matcher m = FIRST_WORD.matcher(text);
        return m.find() ? m.group(1).toLowerCase(Locale.ROOT).replace('\u2019', '\'') : "";
    }
}
