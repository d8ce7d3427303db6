package dev.interviewcoach.progress;

import dev.interviewcoach.engine.Scheduled;
import dev.interviewcoach.store.Database;
import dev.interviewcoach.store.Inbox;
import dev.interviewcoach.store.Outbox;
import java.time.Duration;
import java.time.Instant;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The words of answers kept only for a while: past {@code keep}, the text a person typed (mock interviews, their
 * follow-ups, questions of the day, peer pairings) is erased, while what was made of it (the score, the points covered
 * and missed) stays, so stats, streaks, history and what to practise next are unchanged.
 */
public final class AnswerRetention {

    private static final Logger log = LoggerFactory.getLogger(AnswerRetention.class);

    /** How often it looks for answers past their time. */
    public static final Duration EVERY = Duration.ofHours(1);

    private final Jdbi jdbi;
    private final Duration keep;

    /** The shortest time answers may be kept: a shared answer of the day is shown with the next one, days later. */
    public static final int LEAST_DAYS = 7;

    public AnswerRetention(Jdbi jdbi, Duration keep) {
        if (keep.toDays() < LEAST_DAYS) {
            throw new IllegalArgumentException("answers must be kept at least " + LEAST_DAYS + " days, not " + keep);
        }
        this.jdbi = jdbi;
        this.keep = keep;
    }

    /** The scheduler's job: every hour, the texts older than the time they are kept are erased. */
    public Scheduled.Job job() {
        return new Scheduled.Job("answer-retention", EVERY, (now, ports) -> eraseBefore(now.minus(keep)));
    }

    /** Erases the text of every answer given before {@code cutoff}; returns how many were erased. */
    public int eraseBefore(Instant cutoff) {
        long before = cutoff.toEpochMilli();
        int erased = jdbi.inTransaction(h -> h.createUpdate(
                        "UPDATE mock_answer SET answer_text = NULL WHERE answer_text IS NOT NULL AND answered_at < :before")
                .bind("before", before).execute()
                + h.createUpdate("UPDATE mock_follow_up SET answer_text = NULL WHERE answer_text IS NOT NULL"
                        + " AND answered_at < :before").bind("before", before).execute()
                // NOT NULL here: an empty text stands for one erased
                + h.createUpdate("UPDATE daily_answer SET answer_text = '' WHERE answer_text <> '' AND answered_at < :before")
                .bind("before", before).execute()
                // a turn the interviewer never scored is as old as its pairing
                + h.createUpdate("UPDATE peer_turn SET answer_text = NULL WHERE answer_text IS NOT NULL AND COALESCE("
                        + "scored_at, (SELECT p.created_at FROM peer_pairing p WHERE p.id = peer_turn.pairing_id)) < :before")
                .bind("before", before).execute());
        // An event or a reply still waiting that long (its platform was turned off) may hold an answer's words too.
        long now = cutoff.plus(keep).toEpochMilli();
        int[] waiting = jdbi.inTransaction(h -> new int[] {Inbox.giveUpRecordedBefore(h, before),
                Outbox.giveUpWrittenBefore(h, before, now, "not delivered within privacy.keepAnswersDays ("
                        + keep.toDays() + " days)")});
        if (waiting[0] + waiting[1] > 0) {
            log.warn("gave up {} events and {} replies still waiting after {} days, the time answers are kept (was a"
                    + " platform turned off?)", waiting[0], waiting[1], keep.toDays());
        }
        if (erased > 0 || waiting[0] + waiting[1] > 0) {
            Database.purgeDeleted(jdbi);
        }
        if (erased > 0) {
            log.info("erased the text of {} answers given before {} (kept {} days)", erased, cutoff, keep.toDays());
        }
        return erased;
    }
}
