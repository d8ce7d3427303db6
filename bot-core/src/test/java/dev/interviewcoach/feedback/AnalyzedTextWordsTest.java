package dev.interviewcoach.feedback;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.interviewcoach.RandomText;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class AnalyzedTextWordsTest {

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}'+#.-]*[\\p{L}\\p{N}+#]|[\\p{L}\\p{N}]");

    private static List<String> byPattern(String text) {
        List<String> out = new ArrayList<>();
        Matcher m = WORD.matcher(text);
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }

    @Test
    void keepsCodeAndNumbersWhole() {
        assertEquals(List.of("c++", "c#", "asyncio.gather", "don't", "e.g", "3.11", "x"),
                AnalyzedText.words("c++, c#; asyncio.gather() don't e.g. 3.11- x"));
    }

    @Test
    void findsWhatThePatternFinds() {
        RandomText.readAlike(new Random(3), "ab9 '+#.-,_é½٣😀\ud800\u0301İ", 0, 16, 30_000,
                AnalyzedTextWordsTest::byPattern, AnalyzedText::words);
    }
}
