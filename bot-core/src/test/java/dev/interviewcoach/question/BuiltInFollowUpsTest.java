package dev.interviewcoach.question;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Every built-in question can be probed: each talking point has its follow-up, each question at least two of its own. */
class BuiltInFollowUpsTest {

    @Test
    void everyBuiltInPointHasAFollowUpAndEveryQuestionAtLeastTwo() {
        QuestionBanks banks = QuestionBanks.load(new BankReader(), Optional.empty());
        List<Question> questions = banks.tracks().stream().flatMap(b -> b.questions().stream()).toList();
        assertThat(questions).hasSizeGreaterThan(100);
        for (Question q : questions) {
            assertThat(q.followUps()).as("follow_ups of %s/%s", q.track(), q.id()).hasSizeGreaterThanOrEqualTo(2);
            for (TalkingPoint p : q.talkingPoints()) {
                assertThat(p.followUp()).as("follow_up of %s/%s point %s", q.track(), q.id(), p.id())
                        .hasValueSatisfying(text -> assertThat(text).isNotBlank().hasSizeLessThanOrEqualTo(200)
                                .doesNotContainIgnoringCase(p.point()));
            }
        }
    }
}
