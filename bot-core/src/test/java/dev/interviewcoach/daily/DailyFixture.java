package dev.interviewcoach.daily;

import dev.interviewcoach.question.BankCatalog;
import dev.interviewcoach.store.Database;
import java.time.Duration;
import java.util.Random;

/** The question of the day's parts on one database, as the app wires them. */
final class DailyFixture {

    private DailyFixture() {
    }

    static DailyPoster poster(Database db, BankCatalog banks, long seed) {
        return poster(db, banks, seed, dev.interviewcoach.observe.CoachMetrics.none());
    }

    /** As {@link #poster(Database, BankCatalog, long)}, counting into {@code metrics}. */
    static DailyPoster poster(Database db, BankCatalog banks, long seed, dev.interviewcoach.observe.CoachMetrics metrics) {
        DailyAnswerRepository answers = new DailyAnswerRepository(db.jdbi());
        return new DailyPoster(new SubscriptionRepository(db.jdbi()), new DailyPostRepository(db.jdbi()), answers, banks,
                new QuestionPool(new Random(seed)), new DailyRecap(answers, new Leaderboard(answers)), Duration.ofHours(2),
                Duration.ofSeconds(30), new ScheduleRules(db.jdbi()), metrics, db::besideTheUnit);
    }
}
