package dev.interviewcoach.digest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interviewcoach.chart.ScoreChart;
import dev.interviewcoach.chat.ChatPort;
import dev.interviewcoach.chat.ChatPorts;
import dev.interviewcoach.chat.MessageRef;
import dev.interviewcoach.chat.Place;
import dev.interviewcoach.chat.Platform;
import dev.interviewcoach.chat.Reply;
import dev.interviewcoach.chat.UserRef;
import dev.interviewcoach.daily.DailyAnswerRepository;
import dev.interviewcoach.daily.PostTimes;
import dev.interviewcoach.daily.Subscription;
import dev.interviewcoach.daily.SubscriptionRepository;
import dev.interviewcoach.question.BankCatalog;
import dev.interviewcoach.question.BankReader;
import dev.interviewcoach.question.Question;
import dev.interviewcoach.question.QuestionBanks;
import dev.interviewcoach.store.Database;
import dev.interviewcoach.testkit.SharedPostgres;
import java.nio.file.Path;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sending digests on the real databases: V13 migrates on SQLite and PostgreSQL, two instances
 * running the job at the same moment send each digest once, a muted person who agreed is still not
 * named, and forgetting a person leaves no digest row naming them.
 */
class DigestSendingTest {

    private static final BankCatalog BANKS = BankCatalog.of(QuestionBanks.load(new BankReader(), Optional.empty()));
    private static final Place COHORT = Place.channel(Platform.SLACK, "T1", "C1");
    private static final Place LEADS = Place.channel(Platform.SLACK, "T1", "CLEADS");
    /** Monday 30 Nov 2026, 09:00:20 UTC. */
    private static final Instant DUE = Instant.parse("2026-11-30T09:00:20Z");

    @TempDir
    Path dir;

    @Test
    void aChannelThatHasNotPractisedInTwoWeeksGetsNoDigestUnlessItIsNew() throws Exception {
        try (Database db = Database.sqlite(dir.resolve("quiet.db"))) {
            db.migrate();
            DigestRepository digests = new DigestRepository(db.jdbi());
            SubscriptionRepository subscriptions = new SubscriptionRepository(db.jdbi());
            Subscription sub = subscriptions.save(new Subscription("sub-1", COHORT, "python-developer",
                    new PostTimes(LocalTime.of(9, 0), ZoneOffset.UTC, Set.of(DayOfWeek.MONDAY)), "UADMIN",
                    DUE.minus(Duration.ofDays(60))));
            digests.save(new Digest(COHORT, LEADS, new PostTimes(LocalTime.of(9, 0), ZoneOffset.UTC,
                    Set.of(DayOfWeek.MONDAY)), "UADMIN", DUE.minus(Duration.ofDays(30))));
            // the last answer, 20 days before: not in either of the two weeks the digest would show
            String question = BANKS.current().track("python-developer").orElseThrow().questions().getFirst().id();
            Instant old = DUE.minus(Duration.ofDays(20));
            new DailyAnswerRepository(db.jdbi()).add(new DailyAnswerRepository.Answer(sub.id(),
                    old.atZone(ZoneOffset.UTC).toLocalDate(), user("UANA"), question, "words", 3, List.of(), List.of(),
                    false, old));
            List<Reply> sent = new ArrayList<>();
            DigestFeature feature = new DigestFeature(digests, new DigestReport(digests, BANKS, u -> false,
                    zone -> new ScoreChart(ScoreChart.TextMode.WITHOUT_TEXT, zone)), subscriptions, u -> false,
                    Clock.fixed(DUE, ZoneOffset.UTC), Duration.ofHours(2), Duration.ofSeconds(30));
            ChatPorts ports = ChatPorts.only(new SyncPort(sent, new ArrayList<>()));
            assertThat(feature.sendDue(DUE, ports)).isZero();
            assertThat(feature.sendDue(DUE.plusSeconds(60), ports)).isZero();
            assertThat(sent).as("nothing posted to the channel").isEmpty();
            assertThat(digests.claim(COHORT, DUE.atZone(ZoneOffset.UTC).toLocalDate(), DUE.plusSeconds(90)))
                    .as("the week is taken, so no later check sends it").isFalse();

            // A digest set up a few days ago comes even so: whoever set it up sees that it works.
            Place other = Place.channel(Platform.SLACK, "T1", "C2");
            digests.save(new Digest(other, other, new PostTimes(LocalTime.of(9, 0), ZoneOffset.UTC,
                    Set.of(DayOfWeek.MONDAY)), "UADMIN", DUE.minus(Duration.ofDays(3))));
            assertThat(feature.sendDue(DUE.plusSeconds(120), ports)).isEqualTo(1);
            assertThat(sent).singleElement().satisfies(r -> assertThat(r.blocks().toString())
                    .contains("Nobody answered a question of the day"));
        }
    }

    @Test
    void onSqliteTwoInstancesSendOneDigestNamingOnlyTheUnmutedWhoAgreed() throws Exception {
        try (Database db = Database.sqlite(dir.resolve("coach.db"))) {
            db.migrate();
            exercise(db);
        }
    }

    @Test
    void onPostgresTwoInstancesSendOneDigestNamingOnlyTheUnmutedWhoAgreed() throws Exception {
        try (Database db = Database.open(SharedPostgres.newDatabase(), "postgres", "postgres")) {
            db.migrate();
            exercise(db);
        }
    }

    private void exercise(Database db) throws Exception {
        DigestRepository digests = new DigestRepository(db.jdbi());
        SubscriptionRepository subscriptions = new SubscriptionRepository(db.jdbi());
        Subscription sub = subscriptions.save(new Subscription("sub-1", COHORT, "python-developer",
                new PostTimes(LocalTime.of(9, 0), ZoneOffset.UTC, Set.of(DayOfWeek.MONDAY)), "UADMIN",
                DUE.minus(Duration.ofDays(30))));
        digests.save(new Digest(COHORT, LEADS, new PostTimes(LocalTime.of(9, 0), ZoneOffset.UTC, Set.of(DayOfWeek.MONDAY)),
                "UADMIN", DUE.minus(Duration.ofDays(1))));
        DailyAnswerRepository answers = new DailyAnswerRepository(db.jdbi());
        List<Question> questions = BANKS.current().track("python-developer").orElseThrow().questions();
        List<String> people = List.of("UANA", "UBEN", "UCAT");
        for (int i = 0; i < people.size(); i++) {
            Instant at = DUE.minus(Duration.ofDays(1 + i));
            answers.add(new DailyAnswerRepository.Answer(sub.id(), at.atZone(ZoneOffset.UTC).toLocalDate(),
                    user(people.get(i)), questions.get(i).id(), "private words", 2 + i, List.of(), List.of(), false, at));
        }
        digests.showMe(user("UBEN"), true, DUE);
        digests.showMe(user("UCAT"), true, DUE); // agreed, but muted below
        Set<UserRef> muted = Set.of(user("UCAT"));

        List<Reply> sent = new CopyOnWriteArrayList<>();
        List<Place> where = new CopyOnWriteArrayList<>();
        ExecutorService two = Executors.newFixedThreadPool(2);
        CyclicBarrier together = new CyclicBarrier(2);
        List<Future<Integer>> runs = new ArrayList<>();
        try {
            for (int instance = 0; instance < 2; instance++) {
                DigestFeature feature = new DigestFeature(digests, new DigestReport(digests, BANKS, muted::contains,
                        zone -> new ScoreChart(ScoreChart.TextMode.WITHOUT_TEXT, zone)), subscriptions, muted::contains,
                        Clock.fixed(DUE, ZoneOffset.UTC), Duration.ofHours(2), Duration.ofSeconds(30));
                runs.add(two.submit(() -> {
                    together.await();
                    int n = 0;
                    for (int tick = 0; tick < 3; tick++) {
                        n += feature.sendDue(DUE.plusSeconds(tick), ChatPorts.only(new SyncPort(sent, where)));
                    }
                    return n;
                }));
            }
            int total = 0;
            for (Future<Integer> run : runs) {
                total += run.get();
            }
            assertThat(total).as("one digest between both instances").isEqualTo(1);
        } finally {
            two.shutdownNow();
        }
        assertThat(sent).hasSize(1);
        assertThat(where).containsExactly(LEADS);
        String text = sent.getFirst().blocks().toString();
        assertThat(text).contains("UBEN").doesNotContain("UANA").doesNotContain("UCAT").contains("and 2 others")
                .doesNotContain("private words");
        assertThat(sent.getFirst().attachments()).singleElement()
                .satisfies(a -> assertThat(a.mediaType()).isEqualTo("image/png"));

        assertThat(digests.forget(user("UBEN"))).isEqualTo(1);
        assertThat(digests.forget(user("UADMIN"))).as("the digest UADMIN set up stays, unnamed").isEqualTo(1);
        assertThat(digests.showsMe(user("UBEN"))).isFalse();
        assertThat(digests.find(COHORT)).hasValueSatisfying(d -> assertThat(d.createdBy()).isEqualTo("forgotten"));
        int naming = db.jdbi().withHandle(h -> h.createQuery("""
                        SELECT (SELECT COUNT(*) FROM digest_show_me WHERE user_id IN ('UBEN', 'UADMIN'))
                             + (SELECT COUNT(*) FROM cohort_digest WHERE created_by IN ('UBEN', 'UADMIN'))
                        """).mapTo(Integer.class).one());
        assertThat(naming).as("no digest row names a forgotten person").isZero();
    }

    private static UserRef user(String id) {
        return new UserRef(Platform.SLACK, "T1", id);
    }

    /** A platform that records what it was asked to post, from any thread. */
    private record SyncPort(List<Reply> sent, List<Place> where) implements ChatPort {
        @Override
        public MessageRef post(Place place, Reply reply) {
            sent.add(reply);
            where.add(place);
            return new MessageRef(place, "m" + sent.size());
        }

        @Override
        public Place openThread(Place channel, Reply opening) {
            return channel.thread(post(channel, opening).messageId());
        }

        @Override
        public Place openDirect(UserRef user) {
            return Place.direct(user.platform(), user.tenant(), "D" + user.userId());
        }

        @Override
        public void update(MessageRef message, Reply reply) {
        }
    }
}
