package dev.interviewcoach.daily;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interviewcoach.question.Bank;
import dev.interviewcoach.question.BankReader;
import dev.interviewcoach.question.Question;
import dev.interviewcoach.question.QuestionBanks;
import dev.interviewcoach.store.Database;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DailyPostingTest {

    @TempDir
    Path dir;

    @Test
    void twoWritersOnOneDatabaseClaimEachPostExactlyOnce() throws Exception {
        try (Database a = Database.sqlite(dir.resolve("coach.db")); Database b = Database.sqlite(dir.resolve("coach.db"))) {
            a.migrate();
            List<DailyPostRepository> instances = List.of(new DailyPostRepository(a.jdbi()), new DailyPostRepository(b.jdbi()));
            AtomicInteger won = new AtomicInteger();
            ExecutorService pool = Executors.newFixedThreadPool(4);
            List<Future<?>> work = new ArrayList<>();
            for (int day = 0; day < 30; day++) {
                LocalDate date = LocalDate.of(2026, 11, 1).plusDays(day);
                for (int attempt = 0; attempt < 4; attempt++) {
                    DailyPostRepository repo = instances.get(attempt % 2);
                    work.add(pool.submit(() -> {
                        if (repo.claim("sub-1", date, "q", Instant.now())) {
                            won.incrementAndGet();
                        }
                    }));
                }
            }
            for (Future<?> f : work) {
                f.get();
            }
            pool.shutdown();
            assertThat(won.get()).isEqualTo(30);
            assertThat(instances.getFirst().postedQuestions("sub-1")).hasSize(30);
        }
    }

    @Test
    void theTrackIsUsedUpBeforeAnyRepeatAndTheChannelIsToldWhenItStartsOver() {
        Bank sql = QuestionBanks.load(new BankReader(), Optional.empty()).track("sql-and-data").orElseThrow();
        QuestionPool pool = new QuestionPool(new Random(11));
        List<String> posted = new ArrayList<>();
        Set<String> firstRound = new HashSet<>();
        for (int i = 0; i < sql.questions().size(); i++) {
            QuestionPool.Choice choice = pool.next(sql.questions(), posted);
            assertThat(choice.startedOver()).isFalse();
            assertThat(firstRound.add(choice.question().id())).as("no repeat in the first round").isTrue();
            posted.add(choice.question().id());
        }
        QuestionPool.Choice again = pool.next(sql.questions(), posted);
        assertThat(again.startedOver()).isTrue();
        assertThat(again.question().id()).isNotEqualTo(posted.getLast());
        posted.add(again.question().id());
        assertThat(pool.next(sql.questions(), posted).startedOver()).as("told once").isFalse();
    }

    @Test
    void consecutiveQuestionsMixTopics() {
        Bank python = QuestionBanks.load(new BankReader(), Optional.empty()).track("python-developer").orElseThrow();
        QuestionPool pool = new QuestionPool(new Random(3));
        List<String> posted = new ArrayList<>();
        String lastTopic = null;
        for (int i = 0; i < 10; i++) {
            Question q = pool.next(python.questions(), posted).question();
            String topic = q.topics().getFirst();
            assertThat(topic).isNotEqualTo(lastTopic);
            lastTopic = topic;
            posted.add(q.id());
        }
    }
}
