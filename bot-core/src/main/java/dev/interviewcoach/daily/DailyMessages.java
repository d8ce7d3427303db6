package dev.interviewcoach.daily;

import dev.interviewcoach.chat.ActionId;
import dev.interviewcoach.chat.Block;
import dev.interviewcoach.chat.Reply;
import dev.interviewcoach.chat.RichText;
import dev.interviewcoach.question.Bank;
import dev.interviewcoach.question.Question;
import java.util.List;

/** What the question of the day looks like in a channel: the post, its state after answers, and after the reveal. */
final class DailyMessages {

    static final String FEATURE = "daily";

    private DailyMessages() {
    }

    /** The post: the question, why it is asked, how to answer, and its buttons. */
    static Reply post(Subscription s, DailyPostRepository.Post post, Question q, Bank bank, int answered) {
        Reply.Builder reply = Reply.builder("Question of the day: " + q.text())
                .heading("Question of the day: " + bank.title())
                .text(RichText.builder().bold(q.text()).build())
                .text(RichText.builder().bold("Why interviewers ask it: ").plain(q.why()).build())
                .text(RichText.builder().bold("How to answer: ").plain(q.guidance()).build())
                .text(s.mode() == Subscription.AnswerMode.SEALED
                        ? "Answer privately with the button: nobody sees answers before the reveal, with the next"
                                + " question. Feedback is for your eyes only."
                        : "Reply in this thread (or privately with the button). Feedback is for your eyes only.");
        if (answered > 0) {
            reply.text(RichText.builder().italic(answered == 1 ? "1 answer so far." : answered + " answers so far.").build());
        }
        return reply.block(new Block.Buttons(List.of(
                        new Block.Button("Answer privately", action("answer", post), Block.Style.PRIMARY, "answer",
                                Block.Form.PRIVATE),
                        new Block.Button("Hint", action("hint", post), Block.Style.DEFAULT, "hint"),
                        new Block.Button("Practise this in a mock interview", action("practise", post), Block.Style.DEFAULT,
                                "practise"))))
                .build();
    }

    /**
     * The question as a DM to someone who takes it at their own time: the same question and
     * buttons, how to answer in a DM, and a way to stop.
     */
    static Reply direct(Subscription s, DailyPostRepository.Post post, Question q, Bank bank) {
        return Reply.builder("Your question of the day: " + q.text())
                .heading("Your question of the day: " + bank.title())
                .text(RichText.builder().bold(q.text()).build())
                .text(RichText.builder().bold("Why interviewers ask it: ").plain(q.why()).build())
                .text(RichText.builder().bold("How to answer: ").plain(q.guidance()).build())
                .text("Answer with the button (or reply to this message in its thread, where the platform has threads)."
                        + " Feedback is for your eyes only; your answer counts in the channel's question of the day,"
                        + " which is revealed there with the next question.")
                .block(new Block.Buttons(List.of(
                        new Block.Button("Answer privately", action("answer", post), Block.Style.PRIMARY, "answer",
                                Block.Form.PRIVATE),
                        new Block.Button("Hint", action("hint", post), Block.Style.DEFAULT, "hint"),
                        new Block.Button("Stop these DMs", action("dm-off", post), Block.Style.DEFAULT, "daily dm off"))))
                .build();
    }

    /** The post once revealed: the question stays, the buttons go, and it points to the thread. */
    static Reply revealedPost(Question q, Bank bank, int answered) {
        return Reply.builder("Question of the day (revealed): " + q.text())
                .heading("Question of the day: " + bank.title())
                .text(RichText.builder().bold(q.text()).build())
                .text(RichText.builder().italic((answered == 1 ? "1 answer" : answered + " answers")
                        + ". Revealed: the example answer and the recap are in the thread.").build())
                .build();
    }

    static ActionId action(String verb, DailyPostRepository.Post post) {
        return new ActionId(FEATURE, verb, post.key(), 0);
    }

    /** The button under a share's confirmation that takes it back before the reveal. */
    static Block.Buttons unshareButton(DailyPostRepository.Post post) {
        return new Block.Buttons(List.of(new Block.Button("Keep it private", action("unshare", post),
                Block.Style.DEFAULT, "unshare")));
    }

    /** The button under private feedback that lets a person show their answer at the reveal. */
    static Block.Buttons shareButton(DailyPostRepository.Post post) {
        return new Block.Buttons(List.of(new Block.Button("Share my answer at the reveal", action("share", post),
                Block.Style.DEFAULT, "share")));
    }
}
