package dev.interviewcoach.interview;

import dev.interviewcoach.feedback.Feedback;
import dev.interviewcoach.question.Question;

/** What the person should hear after a move; {@link InterviewReplies} turns these into replies. */
public sealed interface InterviewEvent {

    record Asked(Question question, int number, int total, boolean repeated) implements InterviewEvent {}

    record HintGiven(String hint, int number, int of) implements InterviewEvent {}

    record NoMoreHints(Question question) implements InterviewEvent {}

    record Assessed(Question question, Feedback feedback) implements InterviewEvent {}

    record Skipped(Question question) implements InterviewEvent {}

    /** A follow-up on the current question: {@code number} is the question's. */
    record FollowUpAsked(Question question, String text, int number, int total, boolean repeated)
            implements InterviewEvent {}

    /** Feedback on the answer to a follow-up. */
    record FollowUpAssessed(Question question, String text, Feedback feedback) implements InterviewEvent {}

    /** The follow-up was skipped; the question it followed keeps its score. */
    record FollowUpSkipped(Question question) implements InterviewEvent {}

    /** A hint was asked for during a follow-up, which has none. */
    record NoHintForFollowUp() implements InterviewEvent {}

    record EmptyAnswer() implements InterviewEvent {}

    /** An answer in another language than English: not judged, not stored; the question or follow-up stays open. */
    record NotInEnglish(boolean followUp) implements InterviewEvent {}

    /** A word of thanks or agreement ("thanks!", "ok") between questions, which is not an answer. */
    record Courtesy() implements InterviewEvent {}

    record AlreadyFinished() implements InterviewEvent {}

    /** The interview is over; the scorecard is built from what was stored. */
    record Finished(boolean early) implements InterviewEvent {}
}
