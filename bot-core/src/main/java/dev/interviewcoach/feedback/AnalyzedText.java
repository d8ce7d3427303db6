package dev.interviewcoach.feedback;

import dev.interviewcoach.text.TextAnalyzer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An answer read once for every signal: its stems (Lucene English analysis) with where each stands
 * in the text and whether a negation governs it, its lower-case words as typed, its sentences, its
 * word count, and its words with single spaces, padded ({@code spaced}), for phrase look-ups on whole words.
 */
public record AnalyzedText(String text, List<Stem> analysed, List<String> stems, List<String> words,
                           List<String> sentences, int wordCount, String spaced) {

    /** One content word: its stem, its place in the text, and whether "not", "never" or the like denies it. */
    public record Stem(String stem, int start, int end, boolean negated) {}

    private static final Pattern SENTENCE_END = Pattern.compile(
            // each way starts on white space: elsewhere nothing more is tried
            "(?=\\s)(?:(?<=[.!?])\\s+|\\n\\s*\\n|\\n\\s*[-*\\d]+[.)]?\\s+)");
    /**
     * What ends the reach of a negation: punctuation, a blank line or a new list item (a single line
     * break is only where a typed line wrapped), a word that turns the clause, or "and" before a new subject
     * ("nothing needs checking and they come with the standard library" denies nothing of the library).
     */
    static final Pattern CLAUSE_BREAK = Pattern.compile("[,;:.!?()]|\\n\\s*\\n|\\n\\s*[-*\u2022\\d]|\\s[-\u2013\u2014]\\s|\\b(but|however|so|because|although|though"
            + "|while|whereas|yet|unless|except|which|then|and then|and (i|we|they|he|she|you|it))\\b");
    /** How many content words after a negator it denies. */
    private static final int NEGATION_REACH = 4;
    /** Words quoted in context at most (a longer match is quoted whole), and at most before the match. */
    static final int QUOTE_WORDS = 14;
    private static final int QUOTE_WORDS_BEFORE = 5;
    /** What a quote does not end or begin with: trailing marks, and a list item's marker before the words. */
    private static final Pattern TRAILING_MARKS = Pattern.compile("[,;:.!?\\s]+$");
    private static final Pattern LIST_MARKS = Pattern.compile("^([,;:\\s]|[-*\u2022]\\s|\\d{1,2}[.)]\\s)+");
    /** After a line break, what starts a new paragraph or list item (a single line break is where a line wrapped). */
    private static final Pattern PARAGRAPH_OR_ITEM = Pattern.compile("[ \\t]*(\\n|[-*\u2022]\\s|\\d+[.)]\\s)");

    public AnalyzedText {
        analysed = List.copyOf(analysed);
        stems = List.copyOf(stems);
        words = List.copyOf(words);
        sentences = List.copyOf(sentences);
    }

    public static AnalyzedText of(String text, TextAnalyzer analyzer) {
        List<String> words = words(text.toLowerCase(Locale.ROOT));
        List<String> sentences = sentences(text);
        List<Stem> analysed = negations(text, analyzer.tokens(text));
        return new AnalyzedText(text, analysed, analysed.stream().map(Stem::stem).toList(), words, sentences,
                TextAnalyzer.wordCount(text), " " + String.join(" ", words) + " ");
    }

    /**
     * The words of a text: a letter or digit, then letters, digits and {@code '+#.-}, ending on a letter, a digit,
     * {@code +} or {@code #} ("c++", "c#", "asyncio.gather", "don't", "e.g", "3.11"), as the pattern
     * {@code [\p{L}\p{N}][\p{L}\p{N}'+#.-]*[\p{L}\p{N}+#]|[\p{L}\p{N}]} finds them one after another; a loop,
     * as it reads every character of every answer.
     */
    static List<String> words(String text) {
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            int c = text.codePointAt(i);
            if (!letterOrDigit(c)) {
                i += Character.charCount(c);
                continue;
            }
            int start = i;
            int end = i + Character.charCount(c);
            for (int j = end; j < text.length(); ) {
                int d = text.codePointAt(j);
                boolean ends = letterOrDigit(d) || d == '+' || d == '#';
                if (!ends && d != '\'' && d != '.' && d != '-') {
                    break;
                }
                j += Character.charCount(d);
                if (ends) {
                    end = j;
                }
            }
            out.add(text.substring(start, end));
            i = end;
        }
        return out;
    }

    /** What {@code [\p{L}\p{N}]} matches. */
    static boolean letterOrDigit(int c) {
        if (Character.isLetter(c)) {
            return true;
        }
        int type = Character.getType(c);
        return type == Character.DECIMAL_DIGIT_NUMBER || type == Character.LETTER_NUMBER
                || type == Character.OTHER_NUMBER;
    }

    /** The text's sentences (list items and paragraphs count as sentences), as {@link #sentences()} holds them. */
    public static List<String> sentences(String text) {
        List<String> sentences = new ArrayList<>();
        for (String s : SENTENCE_END.split(text.strip())) {
            if (!s.isBlank()) {
                sentences.add(s.strip());
            }
        }
        return sentences;
    }

    /** The content words' stems, sentence by sentence (sentences without one left out), from the analysis made once. */
    public List<List<String>> stemsBySentence() {
        List<List<String>> out = new ArrayList<>();
        Matcher end = SENTENCE_END.matcher(text);
        int nextEnd = end.find() ? end.start() : Integer.MAX_VALUE;
        List<String> current = new ArrayList<>();
        for (Stem stem : analysed) {
            while (stem.start() >= nextEnd) {
                if (!current.isEmpty()) {
                    out.add(current);
                    current = new ArrayList<>();
                }
                nextEnd = end.find() ? end.start() : Integer.MAX_VALUE;
            }
            current.add(stem.stem());
        }
        if (!current.isEmpty()) {
            out.add(current);
        }
        return out;
    }

    /** Marks the content words that a negator earlier in the same clause denies. */
    private static List<Stem> negations(String text, List<TextAnalyzer.Token> tokens) {
        List<Stem> out = new ArrayList<>(tokens.size());
        int reach = 0;
        int previousEnd = 0;
        for (int i = 0; i < tokens.size(); i++) {
            TextAnalyzer.Token t = tokens.get(i);
            int gapFrom = Math.min(previousEnd, t.start());
            String word = text.substring(t.start(), t.end()).toLowerCase(Locale.ROOT);
            // Most gaps are white space on one line, where no clause break can be (it needs a mark, a line break or a
            // word); a token, which holds no white space, breaks a clause only as one mark or one turning word.
            if (!blankOnOneLine(text, gapFrom, t.start())
                    && CLAUSE_BREAK.matcher(text.substring(gapFrom, t.start()).toLowerCase(Locale.ROOT)).find()
                    || breaksClause(word)) {
                reach = 0;
            }
            previousEnd = t.end();
            if (t.negator()) {
                String next = i + 1 < tokens.size()
                        ? text.substring(tokens.get(i + 1).start(), tokens.get(i + 1).end()).toLowerCase(Locale.ROOT) : "";
                boolean asserts = !TextAnalyzer.denies(word, next);
                // "not true that...", "don't think..." deny the whole clause that follows.
                boolean wholeClause = Set.of("true", "case", "think", "believe", "agree", "correct").contains(next);
                reach = asserts ? 0 : wholeClause ? Integer.MAX_VALUE : NEGATION_REACH;
                continue;
            }
            out.add(new Stem(t.stem(), t.start(), t.end(), reach > 0));
            if (reach > 0) {
                reach--;
            }
        }
        return out;
    }

    /** The words of {@link #CLAUSE_BREAK} that stand alone, as a token can match it whole. */
    private static final Set<String> CLAUSE_WORDS = Set.of("but", "however", "so", "because", "although", "though",
            "while", "whereas", "yet", "unless", "except", "which", "then");

    /** Whether a token (lower case, no white space) matches {@link #CLAUSE_BREAK} whole. */
    static boolean breaksClause(String token) {
        return token.length() == 1 ? ",;:.!?()".indexOf(token.charAt(0)) >= 0 : CLAUSE_WORDS.contains(token);
    }

    /** Whether text[from, to) is white space with no line break (or empty). */
    private static boolean blankOnOneLine(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c == '\n' || !Character.isWhitespace(c)) {
                return false;
            }
        }
        return true;
    }

    /** The words of the answer between two stems, inclusive, exactly as the person typed them. */
    public String quote(int fromStem, int toStem) {
        return TextAnalyzer.singleSpaced(text.substring(analysed.get(fromStem).start(), analysed.get(toStem).end()));
    }

    /**
     * The words between two stems with the words around them, as typed: the sentence or clause they stand
     * in, cut to about {@value #QUOTE_WORDS} words around them, with "..." where it was cut. A match is
     * often one or two words ("Records"), which alone does not show the person what was read in their answer.
     */
    public String quoteInContext(int fromStem, int toStem) {
        int start = analysed.get(fromStem).start();
        int end = analysed.get(toStem).end();
        int left = start;
        while (left > 0 && !endsClause(left - 1)) {
            left--;
        }
        int right = end;
        while (right < text.length() && !endsClause(right)) {
            right++;
        }
        List<int[]> before = wordsIn(left, start);
        List<int[]> after = wordsIn(end, right);
        int matched = wordsIn(start, end).size();
        int room = Math.max(0, QUOTE_WORDS - matched);
        int takeBefore = Math.min(before.size(), Math.max(QUOTE_WORDS_BEFORE, room - after.size()));
        int takeAfter = Math.min(after.size(), Math.max(0, room - takeBefore));
        int from = takeBefore == 0 ? start : before.get(before.size() - takeBefore)[0];
        int to = takeAfter == 0 ? end : after.get(takeAfter - 1)[1];
        String quoted = TextAnalyzer.singleSpaced(text.substring(from, to)).strip();
        // a list item's marker is not the person's words: "you said "- Every insert..."" reads oddly
        quoted = LIST_MARKS.matcher(TRAILING_MARKS.matcher(quoted).replaceAll("")).replaceAll("");
        return (takeBefore < before.size() ? "..." : "") + quoted + (takeAfter < after.size() ? "..." : "");
    }

    /**
     * Whether the character at {@code i} ends a sentence or clause: . ! ? followed by a space or the end, a
     * semicolon, or a line break before a blank line or a list item (a single line break is where a typed
     * line wrapped).
     */
    private boolean endsClause(int i) {
        char c = text.charAt(i);
        if (c == ';') {
            return true;
        }
        if (c == '\n') {
            return PARAGRAPH_OR_ITEM.matcher(text).region(i + 1, text.length()).lookingAt();
        }
        return (c == '.' || c == '!' || c == '?') && (i + 1 == text.length() || Character.isWhitespace(text.charAt(i + 1)));
    }

    /** The start and end of each whitespace-separated word in {@code [from, to)}. */
    private List<int[]> wordsIn(int from, int to) {
        List<int[]> out = new ArrayList<>();
        int i = from;
        while (i < to) {
            while (i < to && Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            int w = i;
            while (i < to && !Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            if (i > w) {
                out.add(new int[] {w, i});
            }
        }
        return out;
    }

}
