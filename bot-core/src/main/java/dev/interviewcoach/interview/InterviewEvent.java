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

    record EmptyAnswer() implements InterviewEvent {}

    record AlreadyFinished() implements InterviewEvent {}

    /** The interview is over; the scorecard is built from what was stored. */
    record Finished(boolean early) implements InterviewEvent {}
}
