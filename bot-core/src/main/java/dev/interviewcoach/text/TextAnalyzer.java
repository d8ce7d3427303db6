package dev.interviewcoach.text;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

/**
 * Turns text into English stems with Lucene's English analysis: lower case, possessives and
 * stop words dropped, Porter stems, so "retries", "retried" and "retrying" all read "retri".
 * Negation words ("not", "no", "never", "without", "don't") are kept by the analysis, so that
 * {@link #tokens} can say where a statement is denied; {@link #stems} leaves them out.
 * Thread-safe: Lucene analyzers reuse per-thread token streams.
 */
public final class TextAnalyzer implements AutoCloseable {

    /** Words that deny what follows them. Words ending in n't are negators too. */
    private static final Set<String> NEGATORS = Set.of("not", "no", "never", "without", "hardly", "nor", "neither",
            "none", "nothing", "cannot", "nobody", "barely", "scarcely", "nowhere");

    /** One analysed word: its stem, where it stands in the text, and whether it is a negator. */
    public record Token(String stem, int start, int end, boolean negator) {}

    private final Analyzer analyzer;

    public TextAnalyzer() {
        CharArraySet stop = new CharArraySet(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET, true);
        stop.remove("no");
        stop.remove("not");
        CharArraySet kept = new CharArraySet(stop.size(), true);
        for (Object word : stop) {
            if (!NEGATORS.contains(new String((char[]) word))) {
                kept.add(word);
            }
        }
        this.analyzer = new EnglishAnalyzer(kept);
    }

    /** Whether a word as typed (any case) denies what follows it. */
    public static boolean isNegator(String word) {
        String w = word.toLowerCase(Locale.ROOT).replace('\u2019', '\'');
        return NEGATORS.contains(w) || (w.endsWith("n't") && w.length() > 3);
    }

    /**
     * Whether the word at this place is Python's {@code None} rather than the English "none": typed with a capital
     * inside a sentence ("catching None handling", "returns None"), not at a sentence's start ("None of them worked").
     */
    public static boolean pythonNone(String text, int start, int end) {
        if (!text.startsWith("None", start) || end - start != 4) {
            return false;
        }
        int before = start - 1;
        while (before >= 0 && Character.isWhitespace(text.charAt(before))) {
            before--;
        }
        return before >= 0 && ".!?\n:".indexOf(text.charAt(before)) < 0;
    }

    /**
     * Whether a negator, followed by this word, denies what follows: "not only X", "don't just X"
     * and "no matter", "no doubt" assert rather than deny.
     */
    public static boolean denies(String negator, String next) {
        String n = next.toLowerCase(Locale.ROOT);
        if (ASSERTING_NEXT.contains(n)) {
            return false;
        }
        return !(negator.equalsIgnoreCase("no") && (n.equals("matter") || n.equals("doubt")));
    }

    private static final Set<String> ASSERTING_NEXT = Set.of("only", "just", "simply", "merely");

    /** Every analysed word with its offsets, negators included. */
    public List<Token> tokens(String text) {
        List<Token> out = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream("answer", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                int start = offset.startOffset();
                int end = offset.endOffset();
                boolean negator = start >= 0 && end <= text.length() && isNegator(text.substring(start, end))
                        && !pythonNone(text, start, end);
                out.add(new Token(term.toString(), start, end, negator));
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException("reading text from memory cannot fail", e);
        }
        return out;
    }

    /** The stems of a text, negators left out. */
    public List<String> stems(String text) {
        List<String> out = new ArrayList<>();
        for (Token t : tokens(text)) {
            if (!t.negator()) {
                out.add(t.stem());
            }
        }
        return out;
    }

    /**
     * A short line as typed in chat, reduced to its words for comparing with a fixed phrase: lower case,
     * curly apostrophes straightened, punctuation and emoji dropped, single spaces ("Thanks!!" -> "thanks").
     */
    public static String plainWords(String text) {
        // A loop rather than two regular expressions: this runs several times on every message, answers included.
        String lower = text.toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(lower.length());
        boolean gap = false;
        for (int i = 0; i < lower.length(); ) {
            int c = lower.codePointAt(i);
            i += Character.charCount(c);
            if (c == '\u2019' || c == '\'' || Character.isLetter(c) || isNumber(c)) {
                if (gap && !out.isEmpty()) {
                    out.append(' ');
                }
                gap = false;
                out.appendCodePoint(c == '\u2019' ? '\'' : c);
            } else {
                gap = true;
            }
        }
        return out.toString();
    }

    /** What {@code \\p{N}} matches: any kind of digit or numeral. */
    private static boolean isNumber(int c) {
        int type = Character.getType(c);
        return type == Character.DECIMAL_DIGIT_NUMBER || type == Character.LETTER_NUMBER
                || type == Character.OTHER_NUMBER;
    }

    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    /** The text with each run of white space made one space, as {@code replaceAll("\\s+", " ")} would, compiled once. */
    public static String singleSpaced(String text) {
        return WHITESPACE.matcher(text).replaceAll(" ");
    }

    /** The text split at runs of white space, as {@code split("\\s+")} would, compiled once. */
    public static String[] splitAtSpaces(String text) {
        return WHITESPACE.split(text);
    }

    /** {@link #BARE_CONTRACTION}'s words, for finding them among a text's words before the pattern is tried. */
    private static final Set<String> BARE_CONTRACTIONS = Set.of("dont", "doesnt", "didnt", "isnt", "wasnt", "arent",
            "werent", "couldnt", "shouldnt", "wouldnt", "havent", "hasnt", "hadnt", "mustnt", "neednt", "cant", "wont",
            "aint");

    /**
     * Whether a run of ASCII letters and digits in the text is one of the bare contractions, in any case: a match of
     * the pattern is always such a run, and most texts hold none, so the pattern is tried only on those that do.
     */
    private static boolean hasABareContraction(String text) {
        int start = -1;
        for (int i = 0; i <= text.length(); i++) {
            char c = i < text.length() ? text.charAt(i) : ' ';
            boolean word = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_';
            if (word && start < 0) {
                start = i;
            } else if (!word && start >= 0) {
                int length = i - start;
                if (length >= 4 && length <= 8 && (text.charAt(i - 1) | 0x20) == 't'
                        && BARE_CONTRACTIONS.contains(text.substring(start, i).toLowerCase(Locale.ROOT))) {
                    return true;
                }
                start = -1;
            }
        }
        return false;
    }

    /** A negative contraction typed without its apostrophe, as people do in chat: "dont", "wasnt", "cant". */
    private static final Pattern BARE_CONTRACTION = Pattern.compile(
            "\\b(do|does|did|is|was|are|were|could|should|would|have|has|had|must|need|ca|wo|ai)nt\\b",
            Pattern.CASE_INSENSITIVE);

    /**
     * The text with negative contractions typed without an apostrophe written with one ("dont just add workers" ->
     * "don't just add workers"), so that they read as the denials they are. "cant" and "wont" are read as "can't" and
     * "won't": in an answer typed in chat the contraction is far likelier than the rare nouns.
     */
    public static String withApostrophes(String text) {
        if (!hasABareContraction(text)) {
            return text;
        }
        Matcher m = BARE_CONTRACTION.matcher(text);
        if (!m.find()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 8);
        do {
            String stem = m.group(1);
            String n = text.substring(m.end(1), m.end(1) + 1);
            String t = text.substring(m.end(1) + 1, m.end());
            m.appendReplacement(out, Matcher.quoteReplacement(stem + n + "'" + t));
        } while (m.find());
        m.appendTail(out);
        return out.toString();
    }

    /** Counts words the way a reader would: runs of letters or digits. */
    public static int wordCount(String text) {
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

    @Override
    public void close() {
        analyzer.close();
    }
}
