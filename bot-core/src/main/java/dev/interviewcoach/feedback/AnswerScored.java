package dev.interviewcoach.feedback;

import dev.interviewcoach.chat.UserRef;
import dev.interviewcoach.question.Question;
import java.time.Instant;

/** Told of every answer a person gave that was scored: in a mock interview or to a question of the day. */
@FunctionalInterface
public interface AnswerScored {

    void scored(UserRef user, Question question, int score, Instant at);

    /** Tells no one. */
    static AnswerScored nobody() {
        return (user, question, score, at) -> {
        };
    }
}
