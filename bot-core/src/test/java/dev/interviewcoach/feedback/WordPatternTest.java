package dev.interviewcoach.feedback;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class WordPatternTest {

    private static final String REGEX = "\\b(i think|maybe|um+|nothing (?:breaks|can)|(?:completely|totally) (?:safe|fine)"
            + "|costs? (?:almost )?nothing|100%|trade-?off|e\\.g\\.|in \\d{4}|once,? (i|we)|i (would|'d) never|(has|'s|'ve) used)\\b";

    @Test
    void looksOnlyAtWordsStartingWithAFirstCharacterOfItsAlternatives() {
        assertEquals("1ciu", WordPattern.compile("\\b(i think|um+|(?:completely|utterly) (?:safe|fine)|can't (lose|fail)|100%)\\b")
                .firstCharacters());
    }

    @Test
    void searchesAsItIsAPatternWhoseFirstCharacterIsNotCertain() {
        for (String regex : List.of("\\b(costs?|x?y)\\b", "\\b(a|[bc]d)\\b", "\\b(a|\\d+)\\b", "\\b(a|(?=b)b)\\b",
                "\\b(a|(b|c)*d)\\b", "(?<![a-z])\\d+", "\\b(a|é)\\b")) {
            WordPattern pattern = WordPattern.compile(regex);
            assertEquals("", pattern.firstCharacters(), regex);
            assertEquals(regex, pattern.pattern().pattern());
        }
    }

    @Test
    void findsWhatThePlainPatternFinds() {
        String text = " um i think maybe it's completely safe, e.g. in 2019 once, we said the trade-off costs almost nothing"
                + " and nothing breaks 100% of the time ummm ok tradeoff maybeno i'd never éi think _maybe 9maybe";
        assertEquals(all(Pattern.compile(REGEX), text), all(WordPattern.compile(REGEX), text));
    }

    @Test
    void findsWhatThePlainPatternFindsInAnyText() {
        findsAsThePlainPatternFinds(REGEX, new Random(11), "i", " ", "think", "maybe", "um", "m", "once", ",", "we", "in",
                "2019", "100", "%", "é", "_", "'d", "never", "'s", "'ve", "used", "has", "trade", "-", "off", "e.g.",
                "nothing", "can", "x", ".");
    }

    @Test
    void triesAnAlternativeOnlyWhereWhatItMustBeginWithStands() {
        assertEquals("in production", WordPattern.literalLead("in production"));
        assertEquals("we ha", WordPattern.literalLead("we hav?e"));
        assertEquals("cost", WordPattern.literalLead("costs?"));
        assertEquals("um", WordPattern.literalLead("um+"));
        assertEquals("in ", WordPattern.literalLead("in (one|a) project"));
        assertEquals("", WordPattern.literalLead("(?:a|b)c"));
        assertEquals("e", WordPattern.literalLead("e\\.g"));
        String regex = "\\b(in production|in (one|a) project|we had|we hav?e|wee|costs?|i once|it's|its|i|x{2}y|ab*c)\\b";
        findsAsThePlainPatternFinds(regex, new Random(13), "i", " ", "in", "production", "one", "a", "project", "we",
                "had", "have", "hae", "wee", "cost", "s", "once", "it", "'s", "its", "x", "xx", "y", "ab", "b", "c", "ac",
                "_", "é", ".");
    }

    /** On 20,000 texts of up to 13 random pieces, the fast pattern finds what the plain one finds. */
    private static void findsAsThePlainPatternFinds(String regex, Random random, String... pieces) {
        WordPattern fast = WordPattern.compile(regex);
        Pattern plain = Pattern.compile(regex);
        for (int n = 0; n < 20_000; n++) {
            StringBuilder text = new StringBuilder();
            for (int i = random.nextInt(14); i > 0; i--) {
                text.append(pieces[random.nextInt(pieces.length)]);
            }
            assertEquals(all(plain, text.toString()), all(fast, text.toString()), text.toString());
            assertEquals(plain.matcher(text).find(), fast.foundIn(text.toString()), text.toString());
        }
    }

    private static List<String> all(Pattern pattern, String text) {
        List<String> found = new ArrayList<>();
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            found.add(m.start() + ":" + m.group() + ":" + m.group(1));
        }
        return found;
    }

    private static List<String> all(WordPattern pattern, String text) {
        return pattern.allIn(text).stream().map(m -> m.start() + ":" + m.group() + ":" + m.group(1)).toList();
    }
}
