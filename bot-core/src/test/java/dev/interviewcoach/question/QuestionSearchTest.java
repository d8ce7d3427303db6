package dev.interviewcoach.question;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interviewcoach.text.TextAnalyzer;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class QuestionSearchTest {

    private final QuestionSearch search = new QuestionSearch(QuestionBanks.load(new BankReader(), Optional.empty()),
            new TextAnalyzer());

    @Test
    void findsQuestionsByTopicInPlainWords() {
        assertThat(search.search("give me a question about caching", Optional.empty(), 3))
                .extracting(h -> h.question().id())
                .containsAnyOf("caching-and-invalidation", "caching-strategy", "caching-layers-and-invalidation");
        assertThat(search.search("deadlocks", Optional.empty(), 1)).first()
                .satisfies(h -> assertThat(h.question().track()).isEqualTo("sql-and-data"));
        assertThat(search.search("the GIL and asyncio", Optional.of("python-developer"), 1)).first()
                .satisfies(h -> assertThat(h.question().id()).isEqualTo("gil-and-concurrency"));
    }

    @Test
    void ranksBestFirstAndStaysInTheTrackAsked() {
        var hits = search.search("retries idempotency", Optional.of("java-backend"), 5);
        assertThat(hits).isNotEmpty().allSatisfy(h -> assertThat(h.question().track()).isEqualTo("java-backend"));
        assertThat(hits).isSortedAccordingTo((a, b) -> Double.compare(b.score(), a.score()));
    }

    @Test
    void nothingMatchesNonsense() {
        assertThat(search.search("zxqv flurble", Optional.empty(), 5)).isEmpty();
        assertThat(search.search("", Optional.empty(), 5)).isEmpty();
    }
}
