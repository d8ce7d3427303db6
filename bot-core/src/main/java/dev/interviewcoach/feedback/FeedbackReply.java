package dev.interviewcoach.feedback;

import dev.interviewcoach.chat.Reply;
import dev.interviewcoach.chat.RichText;
import dev.interviewcoach.question.Question;
import java.util.ArrayList;
import java.util.List;

/** Feedback on one answer as every platform shows it: in a mock interview and on a question of the day alike. */
public final class FeedbackReply {

    private FeedbackReply() {
    }

    /** Feedback on one answer, as the person reads it, with a follow-up an interviewer might ask. */
    public static Reply of(Question question, Feedback feedback) {
        return of(question, feedback, true);
    }

    /** As {@link #of(Question, Feedback)}; {@code suggestFollowUp} false when a follow-up is being asked instead. */
    public static Reply of(Question question, Feedback feedback, boolean suggestFollowUp) {
        Reply.Builder reply = Reply.builder("Score " + feedback.score() + "/5. " + feedback.scoreReason())
                .heading("Score " + feedback.score() + "/5")
                .text(feedback.scoreReason());
        if (!feedback.covered().isEmpty()) {
            List<RichText> items = new ArrayList<>();
            for (TalkingPointMatcher.Match match : feedback.covered()) {
                items.add(RichText.builder().plain(match.point().point()).italic(match.ownWords()
                        ? " (you said \"" + match.inContext() + "\")" : " (shown by " + match.evidence() + ")").build());
            }
            reply.text(RichText.builder().bold("Covered").build()).text(new RichText(List.of(new RichText.Bullets(items))));
        }
        if (!feedback.wrongClaims().isEmpty()) {
            List<RichText> items = new ArrayList<>();
            for (Feedback.WrongClaim claim : feedback.wrongClaims()) {
                items.add(RichText.builder().italic("\"" + claim.evidence() + "\"").plain(": " + claim.correction()).build());
            }
            reply.text(RichText.builder().bold(question.kind().claimsAreConduct() ? "Works against you" : "Not right")
                    .build()).text(new RichText(List.of(new RichText.Bullets(items))));
        }
        if (!feedback.missed().isEmpty()) {
            reply.text(RichText.builder().bold("Missed").build()).text(new RichText(List.of(new RichText.Bullets(
                    feedback.missed().stream().map(p -> RichText.of(p.point())).toList()))));
        }
        if (!feedback.strengths().isEmpty()) {
            reply.text(RichText.builder().bold("What worked").build()).text(new RichText(List.of(new RichText.Bullets(
                    feedback.strengths().stream().map(RichText::of).toList()))));
        }
        if (!feedback.improvements().isEmpty()) {
            reply.text(RichText.builder().bold("To improve").build()).text(new RichText(List.of(new RichText.Bullets(
                    feedback.improvements().stream().map(RichText::of).toList()))));
        }
        if (suggestFollowUp && !question.followUps().isEmpty()) {
            reply.text(RichText.builder().bold("An interviewer might follow up: ")
                    .italic(question.followUps().getFirst()).build());
        }
        return reply.build();
    }
}
