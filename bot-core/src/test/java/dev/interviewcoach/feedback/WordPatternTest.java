package dev.interviewcoach.feedback;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class WordPatternTest {

    @Test
    void looksOnlyAtWordsStartingWithAFirstLetterOfItsAlternatives() {
        assertEquals("\\b(?=[1ciu])(i think|um+|(?:completely|utterly) (?:safe|fine)|can't (lose|fail)|100%)\\b",
                WordPattern.compile("\\b(i think|um+|(?:completely|utterly) (?:safe|fine)|can't (lose|fail)|100%)\\b").pattern());
    }

    @Test
    void keepsAPatternWhoseFirstLetterIsNotCertain() {
        for (String regex : List.of("\\b(costs?|x?y)\\b", "\\b(a|[bc]d)\\b", "\\b(a|\\d+)\\b", "\\b(a|(?=b)b)\\b",
                "\\b(a|(b|c)*d)\\b", "(?<![a-z])\\d+")) {
            assertEquals(regex, WordPattern.compile(regex).pattern());
        }
    }

    @Test
    void findsWhatThePlainPatternFinds() {
        String regex = "\\b(i think|maybe|um+|nothing (?:breaks|can)|(?:completely|totally) (?:safe|fine)|costs? (?:almost )?nothing"
                + "|100%|trade-?off|e\\.g\\.|in \\d{4}|once,? (i|we))\\b";
        String text = " um i think maybe it's completely safe, e.g. in 2019 once, we said the trade-off costs almost nothing"
                + " and nothing breaks 100% of the time ummm ok tradeoff maybeno ";
        assertEquals(all(Pattern.compile(regex), text), all(WordPattern.compile(regex), text));
    }

    private static List<String> all(Pattern pattern, String text) {
        List<String> found = new ArrayList<>();
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            found.add(m.start() + ":" + m.group());
        }
        return found;
    }
}
