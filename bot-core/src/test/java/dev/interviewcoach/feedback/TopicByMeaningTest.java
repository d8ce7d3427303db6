package dev.interviewcoach.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interviewcoach.feedback.meaning.CachedEmbedder;
import dev.interviewcoach.feedback.meaning.SentenceEmbedder;
import dev.interviewcoach.question.Question;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Where the asked question ranks, by meaning, among all the banks' questions for an answer's gist. */
class TopicByMeaningTest {

    private static final SentenceEmbedder LETTERS = new SentenceEmbedder() {
        @Override
        public String modelId() {
            return "letters";
        }

        /** A toy model: how often each of a few letters occurs, so that texts about the same things point alike. */
        @Override
        public List<float[]> embed(List<String> texts) {
            return texts.stream().map(t -> {
                float[] v = new float[4];
                for (char c : t.toLowerCase(Locale.ROOT).toCharArray()) {
                    int i = "aeio".indexOf(c);
                    if (i >= 0) {
                        v[i]++;
                    }
                }
                return SentenceEmbedder.normalized(v);
            }).toList();
        }
    };

    @Test
    void aRankIsAPlaceAmongAllTheBanksQuestionsAndAnAnswerWithoutPiecesHasNone() {
        TopicByMeaning topics = new TopicByMeaning(SentenceModelForTests.BANKS, new CachedEmbedder(LETTERS, Optional.empty()));
        Question q = SentenceModelForTests.BANKS.question("system-design", "design-url-shortener").orElseThrow();
        int rank = topics.rankOf(q, SentenceEmbedder.normalized(new float[] {1, 1, 1, 1}));
        assertThat(rank).isBetween(1, SentenceModelForTests.BANKS.tracks().stream().mapToInt(b -> b.questions().size()).sum());
        assertThat(topics.rankOf(q, new float[0])).isZero();
    }

    @Test
    void withTheRealModelAQuestionsOwnExampleAnswerPointsAtIt() {
        TopicByMeaning topics = new TopicByMeaning(SentenceModelForTests.BANKS, SentenceModelForTests.MODEL);
        for (String[] id : List.of(new String[] {"system-design", "design-url-shortener"},
                new String[] {"python-developer", "gil-and-concurrency"}, new String[] {"behavioral", "conflict-with-coworker"})) {
            Question q = SentenceModelForTests.BANKS.question(id[0], id[1]).orElseThrow();
            float[] gist = SentenceEmbedder.mean(SentenceModelForTests.MODEL.embedFresh(AnalyzedText.sentences(q.exampleAnswer())));
            assertThat(topics.rankOf(q, gist)).as(q.id()).isEqualTo(1);
        }
    }
}
