package dev.interviewcoach.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.interviewcoach.RandomText;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PlainWordsTest {

    /** What plainWords did as two regular expressions; the loop must give the same words for any text. */
    private static String asRegex(String text) {
        return text.toLowerCase(Locale.ROOT).replace('\u2019', '\'').replaceAll("[^\\p{L}\\p{N}' ]+", " ").strip()
                .replaceAll("\\s+", " ");
    }

    @Test
    void reducesALineToItsWords() {
        assertEquals("thanks", TextAnalyzer.plainWords("Thanks!!"));
        assertEquals("ok got it", TextAnalyzer.plainWords("  ok,\tgot   it 👍 "));
        assertEquals("don't know", TextAnalyzer.plainWords("Don\u2019t know..."));
        assertEquals("", TextAnalyzer.plainWords("?!… 🎉"));
    }

    @Test
    void givesWhatTheRegularExpressionsGaveForOddText() {
        List<String> odd = List.of("", " ", "İstanbul ıi", "½ ² Ⅻ ٣", "a\u00a0b\u2003c", "tab\there\nnew\r\nline",
                "\ud83d\ude00x\ud800y", "x\udc00", "C++ / C# & F#", "e.g. 10ms, 5%", "'quoted' ‘curly’ it\u2019s",
                "ǅemal", "ﬁne", "ΣΑΣ", "日本語のテキスト", "don't dont do n't");
        for (String text : odd) {
            assertEquals(asRegex(text), TextAnalyzer.plainWords(text), text);
        }
        RandomText.readAlike(new Random(7), "aZ9 '\u2019.,!?\t\n-_İıΣσς½٣😀\ud800é\u00a0\u0301", 0, 24, 20_000,
                PlainWordsTest::asRegex, TextAnalyzer::plainWords);
    }
}
