package dev.interviewcoach.bench;

import dev.interviewcoach.app.Coach;
import dev.interviewcoach.chat.ChatPorts;
import dev.interviewcoach.chat.Place;
import dev.interviewcoach.chat.Platform;
import dev.interviewcoach.daily.PostTimes;
import dev.interviewcoach.daily.Subscription;
import dev.interviewcoach.daily.SubscriptionRepository;
import dev.interviewcoach.engine.Scheduled;
import dev.interviewcoach.interview.MockInterviewFeature;
import dev.interviewcoach.question.BankCatalog;
import dev.interviewcoach.question.BankReader;
import dev.interviewcoach.question.QuestionBanks;
import dev.interviewcoach.store.Database;
import dev.interviewcoach.testkit.slack.FakeSlack;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

/**
 * What the scheduled check for questions of the day costs as subscriptions grow: for each size, a new database
 * (embedded PostgreSQL, as the app's tests start it, or an SQLite file) with that many channel subscriptions spread
 * over five zones, the hours of the day and three kinds of day sets; then the coach's {@code daily-posts} job runs
 * at a fixed instant (the check that posts what is due), again a minute later several times (the checks of a
 * running bot, where what is due is already posted), and the whole scheduler tick (every job) likewise. Statements
 * are counted by a {@link StatementCounter} on the coach's own Jdbi (harness side; the core is not changed).
 */
final class DailyCheckCost {

    private static final List<ZoneId> ZONES = List.of(ZoneId.of("Europe/Berlin"), ZoneId.of("America/St_Johns"),
            ZoneId.of("Pacific/Auckland"), ZoneId.of("America/New_York"), ZoneId.of("Asia/Kolkata"));
    private static final List<Set<DayOfWeek>> DAYS = List.of(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
            EnumSet.of(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY, DayOfWeek.FRIDAY), EnumSet.allOf(DayOfWeek.class));
    /** A Wednesday morning in Europe: every kind of day set is due somewhere. */
    static final Instant AT = Instant.parse("2026-03-18T09:00:00Z");
    private static final Duration GRACE = Duration.ofHours(2);

    /**
     * The figures for one size.
     *
     * @param firstPosts     questions the first check posted (those due within the grace window)
     * @param first          the first check: statements and milliseconds
     * @param quiet          the median of the later checks of the daily-posts job
     * @param tick           the median of whole scheduler ticks (every job) after them
     * @param topStatements  the first check's statements by text, most frequent first (the first few)
     */
    record Size(int subscriptions, long firstPosts, Cost first, Cost quiet, Cost tick, double saveSeconds,
                String load, List<String> topStatements) {
    }

    /** Statements and time of one check (or a median of several). */
    record Cost(double statements, double millis) {
        double statementsPerSubscription(int n) {
            return statements / n;
        }

        double microsPerSubscription(int n) {
            return millis * 1000 / n;
        }
    }

    private DailyCheckCost() {
    }

    /** {@code n} channel subscriptions on Slack created a day before {@code createdAt + 1 day}, spread as above. */
    static List<Subscription> subscriptions(int n, Instant createdAt) {
        List<Subscription> subs = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            ZoneId zone = ZONES.get(i % ZONES.size());
            LocalTime time = LocalTime.of((i * 7) % 24, (i % 4) * 15);
            subs.add(new Subscription("bench-sub-" + i, Place.channel(Platform.SLACK, FakeSlack.TEAM_ID,
                    String.format("CB%07d", i)), i % 2 == 0 ? "python-developer" : "behavioral",
                    new PostTimes(time, zone, DAYS.get(i % DAYS.size())), "UADMIN", createdAt));
        }
        return subs;
    }

    static List<Size> run(int[] sizes, int checks, String database, PrintStream out) throws Exception {
        BankCatalog banks = BankCatalog.of(QuestionBanks.load(new BankReader(), Optional.empty()));
        List<Size> results = new ArrayList<>();
        EmbeddedPostgres postgres = database.equals("postgres") ? EmbeddedPostgres.builder().start() : null;
        Path dir = Files.createTempDirectory("coach-daily-");
        try {
            // A first, smaller size to warm the code paths up; its figures are printed but not returned.
            int warm = Math.max(10, sizes[0] / 2);
            out.printf(Locale.ROOT, "warm-up with %,d subscriptions (not counted)%n", warm);
            once(warm, checks, "warm", postgres, dir, banks, out);
            for (int n : sizes) {
                results.add(once(n, checks, "s" + n, postgres, dir, banks, out));
            }
        } finally {
            if (postgres != null) {
                postgres.close();
            }
            SlackLoadBenchmark.deleteTree(dir);
        }
        summarize(results, database, out);
        return results;
    }

    private static Size once(int n, int checks, String name, EmbeddedPostgres postgres, Path dir, BankCatalog banks,
                             PrintStream out) throws Exception {
        Database db;
        if (postgres != null) {
            String dbName = "daily_" + name.toLowerCase(Locale.ROOT);
            try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement st = c.createStatement()) {
                st.execute("CREATE DATABASE " + dbName);
            }
            db = Database.open(postgres.getJdbcUrl("postgres", dbName), "postgres", "postgres");
        } else {
            db = Database.sqlite(dir.resolve(name + ".db"));
        }
        db.migrate();
        Coach coach = new Coach(db, banks, Optional.empty(), new MockInterviewFeature.Settings("python-developer", 5,
                20), new Coach.DailySettings("python-developer", GRACE), Clock.systemUTC(), new Random(5));
        try {
            long saving = System.nanoTime();
            SubscriptionRepository repo = new SubscriptionRepository(db.jdbi());
            subscriptions(n, AT.minus(Duration.ofDays(1))).forEach(repo::save);
            double saveSeconds = (System.nanoTime() - saving) / 1e9;
            StatementCounter counter = new StatementCounter();
            db.jdbi().setSqlLogger(counter);
            DroppingPort port = new DroppingPort();
            ChatPorts ports = ChatPorts.only(port);
            Scheduled.Work dailyPosts = coach.engine().jobs().stream().filter(j -> j.name().equals("daily-posts"))
                    .findFirst().orElseThrow().work();
            String loadBefore = ResourceUse.loadAverageNow();

            counter.reset();
            long postsBefore = port.posts();
            Cost first = timed(() -> dailyPosts.run(AT, ports), counter);
            long firstPosts = port.posts() - postsBefore;
            List<String> top = counter.top(10);

            List<Cost> quiet = new ArrayList<>();
            for (int i = 1; i <= checks; i++) {
                Instant at = AT.plus(Duration.ofMinutes(i));
                quiet.add(timed(() -> dailyPosts.run(at, ports), counter));
            }
            List<String> quietTop = counter.top(8);
            List<Cost> ticks = new ArrayList<>();
            for (int i = 1; i <= checks; i++) {
                Instant at = AT.plus(Duration.ofMinutes(checks + i));
                ticks.add(timed(() -> coach.tick(at, ports), counter));
            }
            String load = loadBefore + " -> " + ResourceUse.loadAverageNow();
            Size size = new Size(n, firstPosts, first, median(quiet), median(ticks), saveSeconds, load, top);
            out.printf(Locale.ROOT, "%,7d subscriptions (saved in %.1f s): first check %,.0f statements %,.1f ms, posted"
                            + " %,d; later checks (median of %d) %,.0f statements %,.1f ms %s; whole tick %,.0f statements"
                            + " %,.1f ms %s; load average %s%n", n, saveSeconds, first.statements(), first.millis(),
                    firstPosts, checks, median(quiet).statements(), median(quiet).millis(), quiet.stream()
                            .map(c -> fmtMs(c.millis())).toList(), median(ticks).statements(), median(ticks).millis(),
                    ticks.stream().map(c -> fmtMs(c.millis())).toList(), load);
            out.printf("        first check's statements, most frequent first: %s%n", String.join("; ", top));
            out.printf("        a later check's statements: %s%n", String.join("; ", quietTop));
            return size;
        } finally {
            coach.close();
        }
    }

    private static String fmtMs(double ms) {
        return String.format(Locale.ROOT, "%.1f", ms);
    }

    private static Cost timed(Runnable check, StatementCounter counter) {
        counter.reset();
        long start = System.nanoTime();
        check.run();
        double millis = (System.nanoTime() - start) / 1e6;
        return new Cost(counter.total(), millis);
    }

    private static Cost median(List<Cost> costs) {
        return new Cost(SlackLoadBenchmark.median(costs.stream().mapToDouble(Cost::statements).toArray()),
                SlackLoadBenchmark.median(costs.stream().mapToDouble(Cost::millis).toArray()));
    }

    private static void summarize(List<Size> sizes, String database, PrintStream out) {
        out.printf("%n== the daily check on %s, per subscription ==%n", database);
        for (Size s : sizes) {
            int n = s.subscriptions();
            out.printf(Locale.ROOT, "%,7d: first check %.2f statements and %.1f µs per subscription (%,d posted); later"
                            + " checks %.2f statements and %.1f µs; whole tick %.2f statements and %.1f µs%n", n,
                    s.first().statementsPerSubscription(n), s.first().microsPerSubscription(n), s.firstPosts(),
                    s.quiet().statementsPerSubscription(n), s.quiet().microsPerSubscription(n),
                    s.tick().statementsPerSubscription(n), s.tick().microsPerSubscription(n));
        }
        if (sizes.size() >= 2) {
            Size small = sizes.getFirst();
            Size large = sizes.getLast();
            double x = Math.log((double) large.subscriptions() / small.subscriptions());
            out.printf(Locale.ROOT, "growth exponent from %,d to %,d (1 = linear): first check time %.2f, statements"
                            + " %.2f; later checks time %.2f, statements %.2f; whole tick time %.2f, statements %.2f%n",
                    small.subscriptions(), large.subscriptions(),
                    Math.log(large.first().millis() / small.first().millis()) / x,
                    Math.log(large.first().statements() / small.first().statements()) / x,
                    Math.log(large.quiet().millis() / small.quiet().millis()) / x,
                    Math.log(large.quiet().statements() / small.quiet().statements()) / x,
                    Math.log(large.tick().millis() / small.tick().millis()) / x,
                    Math.log(large.tick().statements() / small.tick().statements()) / x);
        }
    }

    /** Counts the statements Jdbi runs, in all and by their SQL (whitespace folded). */
}
