package dev.interviewcoach.review;

import dev.interviewcoach.chat.UserRef;
import dev.interviewcoach.feedback.AnswerScored;
import dev.interviewcoach.question.Question;
import java.time.Instant;
import java.util.List;

/**
 * Every scored answer schedules its question for review with FSRS: a weak answer comes back the
 * next day, a strong one after days or weeks, further apart each time it is answered well.
 */
public final class SpacedReview implements AnswerScored {

    private final ReviewRepository cards;
    private final Fsrs fsrs;

    public SpacedReview(ReviewRepository cards, Fsrs fsrs) {
        this.cards = cards;
        this.fsrs = fsrs;
    }

    @Override
    public void scored(UserRef user, Question question, int score, Instant at) {
        Fsrs.Rating rating = Fsrs.Rating.ofScore(score);
        Fsrs.Card card = cards.find(user, question.track(), question.id())
                .map(previous -> fsrs.next(previous, rating, at))
                .orElseGet(() -> fsrs.first(rating, at));
        cards.save(user, question.track(), question.id(), card);
    }

    /** The questions due for a person at {@code now}, most overdue first. */
    public List<ReviewRepository.Stored> due(UserRef user, Instant now) {
        return cards.due(user, now);
    }

    /** How many questions are due for a person at {@code now}. */
    public int dueCount(UserRef user, Instant now) {
        return cards.due(user, now).size();
    }
}
