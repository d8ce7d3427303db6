package dev.interviewcoach.feedback;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.interviewcoach.RandomText;
import dev.interviewcoach.text.TextAnalyzer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import org.junit.jupiter.api.Test;

/** Each hand-written reading of an answer reads as the pattern or the plain code it stands in for, on random text. */
class CheaperReadingsTest {

    @Test
    void aTokenBreaksAClauseWhereThePatternMatchesIt() {
        List<String> tokens = new ArrayList<>(List.of("but", "however", "so", "because", "although", "though", "while",
                "whereas", "yet", "unless", "except", "which", "then", "and", "i", "it", "butter", "sow",
                "thence", ",", ";", ":", ".", "!", "?", "(", ")", "-", "--", ",,", "", "'so", "so'", "é"));
        Random random = new Random(3);
        for (int i = 0; i < 30_000; i++) {
            tokens.add(RandomText.of(random, "sobuthew,;:.!?()-'é", 1, 8));
        }
        for (String token : tokens) {
            assertEquals(AnalyzedText.CLAUSE_BREAK.matcher(token).matches(), AnalyzedText.breaksClause(token),
                    () -> "token \"" + token + "\"");
        }
    }

    @Test
    void repeatedPhrasesAreCountedAsJoiningThemCounts() {
        Random random = new Random(17);
        for (int i = 0; i < 5_000; i++) {
            // A few words to choose from gives many repeats; thousands take the joined way past 1,024 distinct words.
            int vocabulary = i % 10 == 0 ? 3_000 : 2 + random.nextInt(12);
            int length = i % 10 == 0 ? 2_000 : random.nextInt(60);
            List<String> words = new ArrayList<>();
            for (int w = 0; w < length; w++) {
                words.add("w" + random.nextInt(vocabulary));
            }
            Set<String> namedByNumbers = new LinkedHashSet<>();
            Set<String> namedByJoining = new LinkedHashSet<>();
            assertEquals(AnswerForm.repeatedPhrasesJoined(words, namedByJoining),
                    AnswerForm.repeatedPhrases(words, namedByNumbers), () -> words.toString());
            assertEquals(namedByJoining, namedByNumbers, () -> words.toString());
        }
    }

    @Test
    void onlyLinksReadsAsThePatternAloneReads() {
        RandomText.readAlike(new Random(23), "hHtTpPsSwW:/.<> x\u0130", 0, 30, 30_000, text -> {
            Matcher link = RuleBasedFeedbackEngine.LINK.matcher(text);
            return link.find() && TextAnalyzer.wordCount(link.replaceAll(" ")) <= 3;
        }, RuleBasedFeedbackEngine::onlyLinks);
    }
}
