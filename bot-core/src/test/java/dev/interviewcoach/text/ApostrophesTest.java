package dev.interviewcoach.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ApostrophesTest {

    private static final Pattern BARE = Pattern.compile(
            "\\b(do|does|did|is|was|are|were|could|should|would|have|has|had|must|need|ca|wo|ai)nt\\b",
            Pattern.CASE_INSENSITIVE);

    /** The pattern alone, tried on every text, as withApostrophes did before it looked at the words first. */
    private static String patternAlone(String text) {
        Matcher m = BARE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(m.group(1) + text.charAt(m.end(1)) + "'"
                    + text.substring(m.end(1) + 1, m.end())));
        }
        m.appendTail(out);
        return out.toString();
    }

    @Test
    void writesBareContractionsWithTheirApostrophe() {
        assertEquals("I don't think so, it Wasn't and we CAN'T", TextAnalyzer.withApostrophes("I dont think so, it Wasnt and we CANT"));
        assertEquals("want a point, the client isn'tx", TextAnalyzer.withApostrophes("want a point, the client isn'tx"));
    }

    @Test
    void changesWhatThePatternAloneChanges() {
        String[] pieces = {"dont", "DoNt", "wont", "cant", "shouldnt", "want", "isnt", "_", "é", "2", " ", ".", "'", "nt",
            "do", "ai", "t", "x", "couldn", "-"};
        Random random = new Random(5);
        for (int n = 0; n < 20_000; n++) {
            StringBuilder text = new StringBuilder();
            for (int i = random.nextInt(10); i > 0; i--) {
                text.append(pieces[random.nextInt(pieces.length)]);
            }
            assertEquals(patternAlone(text.toString()), TextAnalyzer.withApostrophes(text.toString()), text.toString());
        }
    }
}
