package dev.interviewcoach.review;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interviewcoach.TestBanks;
import dev.interviewcoach.chat.Platform;
import dev.interviewcoach.chat.UserRef;
import dev.interviewcoach.question.Question;
import dev.interviewcoach.store.Database;
import dev.interviewcoach.store.SamePerson;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sixty simulated days of a person who practises whatever is due each morning and always answers a
 * question as well as they did the first time: weak answers come back daily, strong ones rarely.
 */
class SpacedReviewTest {

    private static final Instant DAY0 = Instant.parse("2026-12-01T08:00:00Z");

    @TempDir
    Path dir;

    private Map<String, List<Integer>> simulate(Path file) {
        try (Database db = Database.sqlite(file)) {
            db.migrate();
            SpacedReview reviews = new SpacedReview(new ReviewRepository(db.jdbi()), new Fsrs(0.9), new SamePerson(db.jdbi()));
            UserRef ana = new UserRef(Platform.SLACK, "T1", "UANA");
            Map<String, Integer> scoreOf = Map.of("caching", 2, "conflict", 4, "why-role", 5);
            Map<String, Question> questions = new LinkedHashMap<>();
            scoreOf.keySet().stream().sorted().forEach(id ->
                    questions.put(id, TestBanks.tinyCatalog().current().question("tiny", id).orElseThrow()));
            questions.forEach((id, q) -> reviews.scored(ana, q, scoreOf.get(id), DAY0));
            Map<String, List<Integer>> reviewedOn = new LinkedHashMap<>();
            questions.keySet().forEach(id -> reviewedOn.put(id, new ArrayList<>()));
            for (int day = 1; day <= 60; day++) {
                Instant morning = DAY0.plus(Duration.ofDays(day));
                for (ReviewRepository.Stored due : reviews.due(ana, morning)) {
                    reviews.scored(ana, questions.get(due.questionId()), scoreOf.get(due.questionId()), morning);
                    reviewedOn.get(due.questionId()).add(day);
                }
            }
            assertThat(reviews.dueCount(ana, DAY0.plus(Duration.ofDays(61)))).isBetween(1, 3);
            return reviewedOn;
        }
    }

    @Test
    void weakAnswersComeBackDailyStrongOnesRarelyAndTheScheduleIsTheSameEveryTime() {
        Map<String, List<Integer>> reviewed = simulate(dir.resolve("a.db"));
        assertThat(reviewed.get("caching")).as("a 2/5 answer comes back every day").hasSize(60);
        assertThat(reviewed.get("conflict")).as("a 4/5 answer: after 4 days, then 15, then further")
                .startsWith(4, 19).hasSizeBetween(2, 4);
        assertThat(reviewed.get("why-role")).as("a 5/5 answer comes back after two weeks, then much later")
                .hasSizeBetween(1, 2);
        assertThat(reviewed.get("why-role").getFirst()).isEqualTo(14);
        assertThat(simulate(dir.resolve("b.db"))).as("deterministic").isEqualTo(reviewed);
    }

    @Test
    void onDiscordOnePersonHasOneDeckInEveryServerAndInDirectMessages() {
        try (Database db = Database.sqlite(dir.resolve("discord.db"))) {
            db.migrate();
            ReviewRepository cards = new ReviewRepository(db.jdbi());
            SpacedReview reviews = new SpacedReview(cards, new Fsrs(0.9), new SamePerson(db.jdbi()));
            UserRef inServer = new UserRef(Platform.DISCORD, "G1", "42");
            UserRef inDm = new UserRef(Platform.DISCORD, "dm", "42");
            Question caching = TestBanks.tinyCatalog().current().question("tiny", "caching").orElseThrow();
            reviews.scored(inServer, caching, 2, DAY0);
            Instant nextDay = DAY0.plus(Duration.ofDays(1));
            assertThat(reviews.dueCount(inDm, nextDay)).as("due in her DMs for what she answered in a server").isOne();

            reviews.scored(inDm, caching, 5, nextDay);
            assertThat(cards.all(inDm)).as("the card moved on where it is, no second card").isEmpty();
            assertThat(cards.all(inServer)).singleElement().satisfies(c -> assertThat(c.card().reps()).isEqualTo(2));
            assertThat(reviews.dueCount(inServer, nextDay.plus(Duration.ofDays(1)))).isZero();

            UserRef slackAna = new UserRef(Platform.SLACK, "T1", "42");
            UserRef slackOther = new UserRef(Platform.SLACK, "T2", "42");
            reviews.scored(slackAna, caching, 2, DAY0);
            assertThat(reviews.dueCount(slackOther, nextDay)).as("Slack ids are per workspace: another person").isZero();
        }
    }
}
