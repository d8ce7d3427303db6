package dev.interviewcoach.question;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interviewcoach.text.TextAnalyzer;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Every built-in talking point can be heard in other words: it carries at least two sentences that
 * make it differently, each a real sentence, none the point itself, and none a denial unless the
 * point itself is one (a denying wording is compared with denials only, so it would hear the
 * opposite claim as the point).
 */
class BuiltInOtherWordingsTest {

    @Test
    void everyBuiltInPointHasAtLeastTwoOtherWordingsThatAssertIt() {
        QuestionBanks banks = QuestionBanks.load(new BankReader(), Optional.empty());
        List<Question> questions = banks.tracks().stream().flatMap(b -> b.questions().stream()).toList();
        assertThat(questions).hasSizeGreaterThan(100);
        for (Question q : questions) {
            for (TalkingPoint p : q.talkingPoints()) {
                String where = q.track() + "/" + q.id() + " point " + p.id();
                assertThat(p.inOtherWords()).as("in_other_words of %s", where).hasSizeGreaterThanOrEqualTo(2);
                boolean pointDenies = denies(p.point());
                for (String wording : p.inOtherWords()) {
                    assertThat(TextAnalyzer.wordCount(wording)).as("%s: %s", where, wording).isBetween(6, 40);
                    assertThat(wording).as(where).isNotEqualToIgnoringCase(p.point());
                    if (!pointDenies) {
                        assertThat(denies(wording)).as("%s says it as a denial: %s", where, wording).isFalse();
                    }
                }
                for (String wording : p.inEverydayWords()) {
                    assertThat(TextAnalyzer.wordCount(wording)).as("%s: %s", where, wording).isBetween(6, 45);
                    if (!pointDenies) {
                        assertThat(denies(wording)).as("%s says it as a denial: %s", where, wording).isFalse();
                    }
                }
            }
        }
    }

    private static boolean denies(String text) {
        String[] w = text.toLowerCase(Locale.ROOT).split("[^\\p{L}'\u2019]+");
        for (int i = 0; i < w.length; i++) {
            if (TextAnalyzer.isNegator(w[i]) && TextAnalyzer.denies(w[i], i + 1 < w.length ? w[i + 1] : "")) {
                return true;
            }
        }
        return false;
    }
}
