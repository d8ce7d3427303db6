package dev.interviewcoach.daily;

import java.time.LocalDate;
import java.time.MonthDay;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * A channel's exceptions to its schedule (table from V11__daily_schedule_rules.sql): paused until
 * resumed, dates skipped once, and holidays skipped every year. No question goes out on a day they
 * block, and the next post named anywhere passes over it.
 */
public final class ScheduleRules {

    private static final String PAUSED = "paused";
    private static final String SKIP = "skip";
    private static final String HOLIDAY = "holiday";
    /** A day whose post failed and whose manager was told; it blocks nothing. */
    private static final String FAILURE_TOLD = "failure-told";
    private static final DateTimeFormatter MONTH_DAY = DateTimeFormatter.ofPattern("MM-dd");

    private final Jdbi jdbi;

    public ScheduleRules(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Whether a subscription posts nothing on {@code date}. */
    public boolean blocks(String subscriptionId, LocalDate date) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT COUNT(*) FROM daily_schedule_rule WHERE subscription_id = :id
                           AND (rule = 'paused' OR (rule = 'skip' AND day = :date) OR (rule = 'holiday' AND day = :monthDay))
                        """)
                .bind("id", subscriptionId).bind("date", date.toString()).bind("monthDay", MONTH_DAY.format(date))
                .mapTo(Integer.class).one()) > 0;
    }

    public boolean paused(String subscriptionId) {
        return !days(subscriptionId, PAUSED).isEmpty();
    }

    /** Pauses or resumes; false when it already was so. */
    public boolean pause(String subscriptionId, boolean pause) {
        return pause ? add(subscriptionId, PAUSED, "") : remove(subscriptionId, PAUSED, "");
    }

    /** Skips each date once; returns how many were new. */
    public int skip(String subscriptionId, List<LocalDate> dates) {
        return (int) dates.stream().filter(d -> add(subscriptionId, SKIP, d.toString())).count();
    }

    /** Takes dates off the skipped list; returns how many were on it. */
    public int unskip(String subscriptionId, List<LocalDate> dates) {
        return (int) dates.stream().filter(d -> remove(subscriptionId, SKIP, d.toString())).count();
    }

    /** The dates still to be skipped from {@code from} on, in order. */
    public List<LocalDate> skipped(String subscriptionId, LocalDate from) {
        return days(subscriptionId, SKIP).stream().map(LocalDate::parse).filter(d -> !d.isBefore(from)).sorted().toList();
    }

    public boolean addHoliday(String subscriptionId, MonthDay day) {
        return add(subscriptionId, HOLIDAY, MONTH_DAY.format(day));
    }

    public boolean removeHoliday(String subscriptionId, MonthDay day) {
        return remove(subscriptionId, HOLIDAY, MONTH_DAY.format(day));
    }

    /** The yearly holidays, in calendar order. */
    public List<MonthDay> holidays(String subscriptionId) {
        return days(subscriptionId, HOLIDAY).stream().map(d -> MonthDay.parse("--" + d)).sorted().toList();
    }

    /** True for the first caller, on any instance, to note that {@code date}'s post failed and its manager is told. */
    public boolean claimFailureNotice(String subscriptionId, LocalDate date) {
        try {
            return add(subscriptionId, FAILURE_TOLD, date.toString());
        } catch (RuntimeException raced) {
            return false; // another instance inserted it first
        }
    }

    /** The question the next post will use, if a preview chose it already. */
    public Optional<String> nextQuestion(String subscriptionId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT question_id FROM daily_next_question WHERE subscription_id = :id")
                .bind("id", subscriptionId).mapTo(String.class).findOne());
    }

    /** Keeps {@code questionId} for the next post. */
    public void reserveNext(String subscriptionId, String questionId) {
        jdbi.useTransaction(h -> {
            h.createUpdate("DELETE FROM daily_next_question WHERE subscription_id = :id").bind("id", subscriptionId).execute();
            h.createUpdate("INSERT INTO daily_next_question (subscription_id, question_id) VALUES (:id, :question)")
                    .bind("id", subscriptionId).bind("question", questionId).execute();
        });
    }

    /** The next post used it, or it no longer fits: the post after chooses afresh. */
    public void clearNext(String subscriptionId) {
        jdbi.useHandle(h -> h.createUpdate("DELETE FROM daily_next_question WHERE subscription_id = :id")
                .bind("id", subscriptionId).execute());
    }

    /** Forgets every rule of a subscription (it was unsubscribed). */
    public void forget(String subscriptionId) {
        jdbi.useHandle(h -> h.createUpdate("DELETE FROM daily_schedule_rule WHERE subscription_id = :id")
                .bind("id", subscriptionId).execute());
        clearNext(subscriptionId);
    }

    private List<String> days(String subscriptionId, String rule) {
        return jdbi.withHandle(h -> h.createQuery("SELECT day FROM daily_schedule_rule WHERE subscription_id = :id AND rule = :rule")
                .bind("id", subscriptionId).bind("rule", rule).mapTo(String.class).list());
    }

    private boolean add(String subscriptionId, String rule, String day) {
        if (jdbi.withHandle(h -> h.createQuery("""
                        SELECT COUNT(*) FROM daily_schedule_rule WHERE subscription_id = :id AND rule = :rule AND day = :day
                        """)
                .bind("id", subscriptionId).bind("rule", rule).bind("day", day).mapTo(Integer.class).one()) > 0) {
            return false;
        }
        jdbi.useHandle(h -> h.createUpdate("INSERT INTO daily_schedule_rule (subscription_id, rule, day) VALUES (:id, :rule, :day)")
                .bind("id", subscriptionId).bind("rule", rule).bind("day", day).execute());
        return true;
    }

    private boolean remove(String subscriptionId, String rule, String day) {
        return jdbi.withHandle(h -> h.createUpdate("""
                        DELETE FROM daily_schedule_rule WHERE subscription_id = :id AND rule = :rule AND day = :day
                        """)
                .bind("id", subscriptionId).bind("rule", rule).bind("day", day).execute()) > 0;
    }
}
