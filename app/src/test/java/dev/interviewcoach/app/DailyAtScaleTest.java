package dev.interviewcoach.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interviewcoach.chat.ChatPorts;
import dev.interviewcoach.chat.Place;
import dev.interviewcoach.chat.Platform;
import dev.interviewcoach.daily.PostTimes;
import dev.interviewcoach.daily.Subscription;
import dev.interviewcoach.daily.SubscriptionRepository;
import dev.interviewcoach.engine.ConversationExecutor;
import dev.interviewcoach.interview.MockInterviewFeature;
import dev.interviewcoach.question.BankCatalog;
import dev.interviewcoach.question.BankReader;
import dev.interviewcoach.question.QuestionBanks;
import dev.interviewcoach.slack.SlackAdapter;
import dev.interviewcoach.slack.SlackSettings;
import dev.interviewcoach.store.Database;
import dev.interviewcoach.testkit.SharedPostgres;
import dev.interviewcoach.testkit.slack.ApiCall;
import dev.interviewcoach.testkit.slack.FakeSlack;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * Two coach instances on one database, 50 subscriptions in five zones with three kinds of day
 * sets, 30 simulated days across the spring daylight-saving switches: the fake Slack receives
 * exactly the posts that are due, each once, none missing. Once on a SQLite file, once on an
 * embedded PostgreSQL.
 */
@Execution(value = ExecutionMode.CONCURRENT, reason = "the SQLite and PostgreSQL runs share nothing; each waits mostly on its database")
class DailyAtScaleTest {

    private static final BankCatalog BANKS = BankCatalog.of(QuestionBanks.load(new BankReader(), Optional.empty()));
    private static final List<ZoneId> ZONES = List.of(ZoneId.of("Europe/Berlin"), ZoneId.of("America/St_Johns"),
            ZoneId.of("Pacific/Auckland"), ZoneId.of("America/New_York"), ZoneId.of("Asia/Kolkata"));
    private static final List<Set<DayOfWeek>> DAYS = List.of(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
            EnumSet.of(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY, DayOfWeek.FRIDAY), EnumSet.allOf(DayOfWeek.class));
    // 15 Mar to 14 Apr 2026: Europe and North America spring forward, New Zealand falls back.
    private static final Instant START = Instant.parse("2026-03-15T00:00:00Z");
    private static final Instant END = START.plus(Duration.ofDays(30));

    @TempDir
    Path dir;

    @Test
    void twoInstancesOnOneSqliteFilePostEveryDuePostOnce() throws Exception {
        Path file = dir.resolve("coach.db");
        runFor(() -> Database.sqlite(file));
    }

    @Test
    void twoInstancesOnPostgresPostEveryDuePostOnce() throws Exception {
        String url = SharedPostgres.newDatabase();
        runFor(() -> Database.open(url, "postgres", "postgres"));
    }

    private void runFor(Supplier<Database> open) throws Exception {
        List<Subscription> subs = subscriptions();
        try (FakeSlack slack = FakeSlack.start(); Database one = open.get(); Database two = open.get()) {
            one.migrate();
            SubscriptionRepository repo = new SubscriptionRepository(one.jdbi());
            subs.forEach(repo::save);
            List<Instance> instances = List.of(new Instance(one, slack, 1), new Instance(two, slack, 2));
            try {
                for (Instant now = START; now.isBefore(END); now = now.plus(Duration.ofMinutes(15))) {
                    for (Instance instance : instances) {
                        instance.coach.tick(now, instance.ports);
                    }
                }
            } finally {
                for (Instance instance : instances) {
                    instance.close();
                }
            }
            Map<String, List<ApiCall>> byChannel = slack.calls("chat.postMessage").stream()
                    .filter(c -> c.arg("text") != null && c.arg("text").startsWith("Question of the day"))
                    .collect(Collectors.groupingBy(c -> c.arg("channel")));
            int expectedTotal = 0;
            for (Subscription s : subs) {
                int expected = due(s);
                expectedTotal += expected;
                assertThat(byChannel.getOrDefault(s.channel().channelId(), List.of()))
                        .as("posts in %s (%s, %s)", s.channel().channelId(), s.times().zone(), s.times().days())
                        .hasSize(expected);
            }
            assertThat(byChannel.values().stream().mapToInt(List::size).sum()).isEqualTo(expectedTotal);
            assertThat(expectedTotal).isGreaterThan(50 * 12);
            Set<String> questionsSeen = new HashSet<>();
            for (List<ApiCall> posts : byChannel.values()) {
                questionsSeen.clear();
                for (ApiCall post : posts) {
                    assertThat(questionsSeen.add(post.arg("text"))).as("no question repeats before the track is used up")
                            .isTrue();
                }
            }
        }
    }

    /** The posts a subscription is owed in the window, counted from the calendar alone. */
    private static int due(Subscription s) {
        int count = 0;
        ZoneId zone = s.times().zone();
        for (LocalDate d = START.atZone(zone).toLocalDate().minusDays(1); !d.isAfter(END.atZone(zone).toLocalDate()); d = d.plusDays(1)) {
            Instant at = ZonedDateTime.of(d, s.times().at(), zone).toInstant();
            if (s.times().days().contains(d.getDayOfWeek()) && !at.isBefore(START) && at.isBefore(END)) {
                count++;
            }
        }
        return count;
    }

    private static List<Subscription> subscriptions() {
        List<Subscription> subs = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            ZoneId zone = ZONES.get(i % ZONES.size());
            LocalTime time = LocalTime.of(7 + i % 5, (i % 4) * 15);
            subs.add(new Subscription("sub-" + i, Place.channel(Platform.SLACK, FakeSlack.TEAM_ID, "C" + i),
                    i % 2 == 0 ? "python-developer" : "behavioral", new PostTimes(time, zone, DAYS.get(i % DAYS.size())),
                    "UADMIN", START));
        }
        return subs;
    }

    /** One running coach: its own pool on the shared database, and a Slack port to the fake. */
    private static final class Instance implements AutoCloseable {
        final Coach coach;
        final ConversationExecutor executor = new ConversationExecutor(2, 16);
        final SlackAdapter slack;
        final ChatPorts ports;

        Instance(Database db, FakeSlack fake, long seed) {
            coach = new Coach(db, BANKS, Optional.empty(), new MockInterviewFeature.Settings("python-developer", 5, 20),
                    new Coach.DailySettings("python-developer", Duration.ofHours(2)), java.time.Clock.systemUTC(),
                    new Random(seed));
            slack = new SlackAdapter(new SlackSettings("xoxb-scale", Optional.of("secret"), Optional.empty(),
                    Optional.of(fake.methodsUrl()), "127.0.0.1", 0, "/slack/events"), coach.engine(), executor,
                    java.time.Clock.systemUTC(), millis -> { });
            Map<Platform, dev.interviewcoach.chat.ChatPort> map = new HashMap<>();
            map.put(Platform.SLACK, slack.port());
            ports = ChatPorts.of(map);
        }

        @Override
        public void close() throws Exception {
            slack.close();
            executor.close();
            coach.close();
        }
    }
}
