package dev.interviewcoach.feedback;

import dev.interviewcoach.text.TextAnalyzer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An answer read once for every signal: its stems (Lucene English analysis), its lower-case
 * words as typed, its sentences and its word count.
 */
public record AnalyzedText(String text, List<String> stems, List<String> words, List<String> sentences, int wordCount) {

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}'+#.-]*[\\p{L}\\p{N}+#]|[\\p{L}\\p{N}]");
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s+|\\n\\s*\\n|\\n\\s*[-*\\d]+[.)]?\\s+");

    public AnalyzedText {
        stems = List.copyOf(stems);
        words = List.copyOf(words);
        sentences = List.copyOf(sentences);
    }

    public static AnalyzedText of(String text, TextAnalyzer analyzer) {
        List<String> words = new ArrayList<>();
        Matcher m = WORD.matcher(text.toLowerCase(Locale.ROOT));
        while (m.find()) {
            words.add(m.group());
        }
        List<String> sentences = new ArrayList<>();
        for (String s : SENTENCE_END.split(text.strip())) {
            if (!s.isBlank()) {
                sentences.add(s.strip());
            }
        }
        return new AnalyzedText(text, analyzer.stems(text), words, sentences, TextAnalyzer.wordCount(text));
    }

    /** The text in lower case with single spaces, padded, for phrase look-ups on whole words. */
    public String spaced() {
        return " " + String.join(" ", words) + " ";
    }
}
