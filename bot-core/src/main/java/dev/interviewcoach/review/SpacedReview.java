package dev.interviewcoach.review;

import dev.interviewcoach.chat.UserRef;
import dev.interviewcoach.feedback.AnswerScored;
import dev.interviewcoach.question.Question;
import dev.interviewcoach.store.SamePerson;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Every scored answer schedules its question for review with FSRS: a weak answer comes back the
 * next day, a strong one after days or weeks, further apart each time it is answered well. A
 * person's cards are one deck wherever they practise (on Discord: every server and direct messages).
 */
public final class SpacedReview implements AnswerScored {

    private final ReviewRepository cards;
    private final Fsrs fsrs;
    private final SamePerson samePerson;

    public SpacedReview(ReviewRepository cards, Fsrs fsrs, SamePerson samePerson) {
        this.cards = cards;
        this.fsrs = fsrs;
        this.samePerson = samePerson;
    }

    @Override
    public void scored(UserRef user, Question question, int score, Instant at) {
        Fsrs.Rating rating = Fsrs.Rating.ofScore(score);
        // The question's card where it already is (answered first in another server, say), else a new one here.
        for (UserRef held : samePerson.withReviewCards(user)) {
            Optional<Fsrs.Card> previous = cards.find(held, question.track(), question.id());
            if (previous.isPresent()) {
                cards.save(held, question.track(), question.id(), fsrs.next(previous.get(), rating, at));
                return;
            }
        }
        cards.save(user, question.track(), question.id(), fsrs.first(rating, at));
    }

    /** The questions due for a person at {@code now}, most overdue first. */
    public List<ReviewRepository.Stored> due(UserRef user, Instant now) {
        List<UserRef> everywhere = samePerson.withReviewCards(user);
        if (everywhere.size() == 1) {
            return cards.due(user, now);
        }
        List<ReviewRepository.Stored> all = new ArrayList<>();
        everywhere.forEach(held -> all.addAll(cards.due(held, now)));
        all.sort(Comparator.comparing((ReviewRepository.Stored s) -> s.card().due()).thenComparing(ReviewRepository.Stored::questionId));
        return all;
    }

    /** How many questions are due for a person at {@code now}. */
    public int dueCount(UserRef user, Instant now) {
        return due(user, now).size();
    }
}
