package dev.interviewcoach.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interviewcoach.TestBanks;
import dev.interviewcoach.question.Question;
import org.junit.jupiter.api.Test;

class RuleBasedFeedbackEngineTest {

    private final RuleBasedFeedbackEngine engine = new RuleBasedFeedbackEngine(TestBanks.tinyBanks(), new TextAnalyzer());
    private final Question caching = TestBanks.tiny().question("caching").orElseThrow();

    private static String padded(String core) {
        return core + " In my last project this kept the p95 latency of the product page under eighty milliseconds"
                + " while traffic doubled, and the database load dropped by half.";
    }

    @Test
    void aFullAnswerInOtherWordFormsScoresFive() {
        Feedback f = engine.assess(caching, padded("I'd apply the cache aside pattern, let entries expire after"
                + " ten minutes, and we invalidated keys whenever a row changed."));
        assertThat(f.score()).isEqualTo(5);
        assertThat(f.missed()).isEmpty();
        assertThat(f.covered()).extracting(m -> m.point().id()).containsExactly("cache-aside", "ttl", "invalidate");
        assertThat(f.strengths()).isNotEmpty();
    }

    @Test
    void smallTyposInLongWordsStillCount() {
        Feedback f = engine.assess(caching, padded("Entries should expier and we invalidte them on write."));
        assertThat(f.covered()).extracting(m -> m.point().id()).containsExactly("ttl", "invalidate");
    }

    @Test
    void aPartialAnswerSaysWhatToAdd() {
        Feedback f = engine.assess(caching, padded("Every key gets a TTL so it cannot grow stale forever."));
        assertThat(f.score()).isEqualTo(2);
        assertThat(f.missed()).extracting(p -> p.id()).containsExactly("cache-aside", "invalidate");
        assertThat(f.improvements().getFirst()).isEqualTo("Cover this next time: use cache-aside in front of the database.");
    }

    @Test
    void aShortAnswerCannotScoreAboveThree() {
        Feedback f = engine.assess(caching, "cache-aside, ttl, evict on write");
        assertThat(f.score()).isEqualTo(3);
        assertThat(f.scoreReason()).contains("too short");
    }

    @Test
    void anAnswerAboutSomethingElseScoresOne() {
        Feedback f = engine.assess(caching, padded("I would write unit tests first and then deploy on Fridays."));
        assertThat(f.score()).isEqualTo(1);
        assertThat(f.covered()).isEmpty();
    }

    @Test
    void sameAnswerSameFeedback() {
        String answer = padded("cache aside with a ttl");
        assertThat(engine.assess(caching, answer)).isEqualTo(engine.assess(caching, answer));
    }
}
