package dev.interviewcoach.feedback;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.interviewcoach.RandomText;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class AnswerFormWordsTest {

    private static final Pattern LIST_ITEM_BREAK = Pattern.compile("[,;\\n\u2022]+|\\s[-*]\\s");
    private static final Pattern NOT_A_WORD = Pattern.compile("[^\\p{L}\\p{N}'+#]+");

    private static List<String> bySplitting(String text) {
        List<String> out = new ArrayList<>();
        for (String w : NOT_A_WORD.split(text.toLowerCase(Locale.ROOT))) {
            if (!w.isEmpty()) {
                out.add(w);
            }
        }
        return out;
    }

    @Test
    void keepsContractionsAndLanguageNamesWhole() {
        assertEquals(List.of("don't", "use", "c++", "or", "c#", "3", "times"),
                AnswerForm.words("Don't use C++ (or C#) 3 times."));
    }

    @Test
    void findsWhatSplittingFinds() {
        RandomText.readAlike(new Random(5), "aB9 '+#.-,_é½٣😀\ud800\u0301İΣ\n", 0, 16, 30_000,
                AnswerFormWordsTest::bySplitting, AnswerForm::words);
    }

    @Test
    void listItemsAreThePiecesSplittingGives() {
        assertEquals(List.of("redis", " memcached", " ttl", " cache-aside", "more"),
                AnswerForm.listItems("redis, memcached; ttl\n cache-aside - more"));
        RandomText.readAlike(new Random(7), "ab -*,;\n\u2022\t\r\f\u000Bé", 0, 14, 30_000,
                text -> List.of(LIST_ITEM_BREAK.split(text)), AnswerForm::listItems);
    }

    @Test
    void anotherScriptIsCountedAsTheStreamsCountedIt() {
        RandomText.readAlike(new Random(11), "aZ@[`{ 9éжΩ中😀\ud800ñ", 20, 50, 30_000, t -> {
            long letters = t.codePoints().filter(Character::isLetter).count();
            long latin = t.codePoints().filter(c -> Character.isLetter(c)
                    && Character.UnicodeScript.of(c) == Character.UnicodeScript.LATIN).count();
            return letters >= 20 && latin < letters / 2;
        }, t -> AnswerForm.otherLanguage(t, List.of()));
    }
}
