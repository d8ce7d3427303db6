package dev.interviewcoach.text;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Turns text into English stems with Lucene's English analysis: lower case, possessives and
 * stop words dropped, Porter stems, so "retries", "retried" and "retrying" all read "retri".
 * Thread-safe: Lucene analyzers reuse per-thread token streams.
 */
public final class TextAnalyzer implements AutoCloseable {

    private final Analyzer analyzer = new EnglishAnalyzer();

    public List<String> stems(String text) {
        List<String> out = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream("answer", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                out.add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException("reading text from memory cannot fail", e);
        }
        return out;
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
