package dev.interviewcoach.bench;

import dev.interviewcoach.chat.ChatPort;
import dev.interviewcoach.chat.ChatPorts;
import dev.interviewcoach.daily.SubscriptionRepository;
import dev.interviewcoach.chat.Inbound;
import dev.interviewcoach.chat.Place;
import dev.interviewcoach.chat.Platform;
import dev.interviewcoach.chat.UserRef;
import dev.interviewcoach.engine.CoachEngine;
import dev.interviewcoach.testkit.slack.FakeSlack;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;

/**
 * Heap with many interviews in progress: the coach runs on Slack as in the load test, then {@code interviews}
 * people each start a mock interview through the engine and answer its first question, with a chat port that
 * drops the replies; then {@code subscriptions} channels get a question of the day and one scheduled check runs.
 * The heap after a full GC is compared with the same process before.
 */
final class InProgressInterviewsMemory {

    /**
     * @param subscriptions       questions of the day asked for; {@code subscriptionsStored} counted in the database
     * @param dailyPosts          questions of the day the one scheduled check (all jobs, once) posted
     */
    record Result(int interviews, long inProgress, int subscriptions, long subscriptionsStored, long dailyPosts,
                  double baselineMb, double withInterviewsMb, double seconds, String loadBefore, String loadAfter,
                  long maxHeapMb) {
        double perInterviewBytes() {
            return (withInterviewsMb - baselineMb) * 1024 * 1024 / interviews;
        }
    }

    static Result run(int interviews, int subscriptions, int lanes, int queuePerLane, PrintStream out)
            throws Exception {
        try (FakeSlack slack = FakeSlack.start(); CoachOnSlack coach = new CoachOnSlack(slack, lanes, queuePerLane)) {
            CoachEngine engine = coach.coach().engine();
            DroppingPort port = new DroppingPort();
            // Warm the code paths first, so the baseline holds the classes and caches a running coach has.
            drive(engine, port, "UWARM", 50);
            double baseline = SlackLoadBenchmark.heapAfterGcMb(slack);
            String loadBefore = ResourceUse.loadAverageNow();
            long started = System.nanoTime();
            drive(engine, port, "UMEM", interviews);
            double seconds = (System.nanoTime() - started) / 1e9;
            // Channels with a question of the day, spread over zones and times as DailyCheckCost makes them; then
            // one scheduled check (every job once, as the scheduler runs them), so its state is in the heap too.
            SubscriptionRepository repo = new SubscriptionRepository(coach.coach().database().jdbi());
            Instant now = Instant.now();
            DailyCheckCost.subscriptions(subscriptions, now.minus(Duration.ofDays(1))).forEach(repo::save);
            long postsBefore = port.posts();
            coach.coach().tick(now, ChatPorts.only(port));
            long dailyPosts = port.posts() - postsBefore;
            long stored = coach.coach().database().jdbi().withHandle(h -> h.createQuery(
                    "SELECT count(*) FROM daily_subscription").mapTo(Long.class).one());
            double with = SlackLoadBenchmark.heapAfterGcMb(slack);
            long inProgress = coach.coach().database().jdbi().withHandle(h -> h.createQuery(
                    "SELECT count(*) FROM mock_session WHERE status = 'ACTIVE' AND user_id LIKE 'UMEM%'")
                    .mapTo(Long.class).one());
            out.printf("started %,d interviews in %.1f s; %,d questions of the day stored, %,d posted by one check%n",
                    interviews, seconds, stored, dailyPosts);
            return new Result(interviews, inProgress, subscriptions, stored, dailyPosts, baseline, with, seconds,
                    loadBefore, ResourceUse.loadAverageNow(), Runtime.getRuntime().maxMemory() / (1024 * 1024));
        }
    }

    /** Each person starts an interview in their DM and answers the first question, leaving it in progress. */
    private static void drive(CoachEngine engine, ChatPort port, String group, int count) {
        DirectChannelIds.Generator channels = DirectChannelIds.RANDOM.generator(group.hashCode());
        for (int i = 0; i < count; i++) {
            UserRef user = new UserRef(Platform.SLACK, FakeSlack.TEAM_ID, String.format("%s%05d", group, i));
            Place dm = Place.direct(Platform.SLACK, FakeSlack.TEAM_ID, channels.forUser(user.userId()));
            engine.handle(new Inbound.Command("mem-c-" + group + i, user, dm, SimulatedPerson.COMMAND_TEXT,
                    Instant.now()), port);
            engine.handle(new Inbound.Message("mem-a-" + group + i, user, dm, PracticeAnswers.answer(i, 0),
                    Instant.now()), port);
        }
    }
}
