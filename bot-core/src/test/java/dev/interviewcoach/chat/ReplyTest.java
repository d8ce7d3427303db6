package dev.interviewcoach.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Replies joined into one message keep their order, with one divider at the seam. */
class ReplyTest {

    private final UserRef ana = new UserRef(Platform.SLACK, "T1", "UANA");

    @Test
    void aReplyFollowedByAnotherIsOneMessageInOrderWithADividerBetween() {
        Reply feedback = Reply.builder("Score 4/5. Good.").heading("Score 4/5").text("Good.").build();
        Reply next = Reply.builder("Question 2 of 5: Why?").heading("Question 2 of 5").text("Why?").build();

        Reply joined = feedback.followedBy(next);

        assertThat(joined.blocks()).containsExactly(new Block.Heading("Score 4/5"), new Block.Text(RichText.of("Good.")),
                new Block.Divider(), new Block.Heading("Question 2 of 5"), new Block.Text(RichText.of("Why?")));
        assertThat(joined.fallback()).isEqualTo("Score 4/5. Good." + Reply.PARAGRAPH + "Question 2 of 5: Why?");
        assertThat(joined.visibility()).isEqualTo(Visibility.everyone());
    }

    @Test
    void aDividerAlreadyAtTheSeamIsNotDoubled() {
        Reply card = Reply.builder("Scorecard").divider().heading("Scorecard").build();

        assertThat(Reply.text("Skipped.").followedBy(card).blocks()).containsExactly(
                new Block.Text(RichText.of("Skipped.")), new Block.Divider(), new Block.Heading("Scorecard"));
    }

    @Test
    void onlyRepliesForTheSamePeopleAreJoinedAndAPrivateOneStaysPrivate() {
        Reply mine = Reply.text("a").onlyTo(ana);

        assertThat(mine.followedBy(Reply.text("b").onlyTo(ana)).visibility()).isEqualTo(Visibility.onlyTo(ana));
        assertThatThrownBy(() -> mine.followedBy(Reply.text("b"))).isInstanceOf(IllegalArgumentException.class);
    }
}
