package dev.interviewcoach.bench;

import dev.interviewcoach.chat.ChatPort;
import dev.interviewcoach.chat.Inbound;
import dev.interviewcoach.chat.MessageRef;
import dev.interviewcoach.chat.Place;
import dev.interviewcoach.chat.Platform;
import dev.interviewcoach.chat.Reply;
import dev.interviewcoach.chat.UserRef;
import dev.interviewcoach.engine.CoachEngine;
import dev.interviewcoach.testkit.slack.FakeSlack;
import java.io.PrintStream;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Heap with many interviews in progress: the coach runs on Slack as in the load test, then {@code interviews}
 * people each start a mock interview through the engine and answer its first question, with a chat port that
 * drops the replies; the heap after a full GC is compared with the same process before.
 */
final class InProgressInterviewsMemory {

    /** Replies go nowhere; ids are made up so the interview can remember its question messages as on Slack. */
    private static final class DroppingPort implements ChatPort {
        private final AtomicLong ids = new AtomicLong();

        @Override
        public MessageRef post(Place place, Reply reply) {
            return new MessageRef(place, "m" + ids.incrementAndGet());
        }

        @Override
        public Place openThread(Place channel, Reply opening) {
            return channel.thread("t" + ids.incrementAndGet());
        }

        @Override
        public Place openDirect(UserRef user) {
            return Place.direct(Platform.SLACK, user.tenant(), "D" + user.userId());
        }

        @Override
        public void update(MessageRef message, Reply reply) {
        }
    }

    record Result(int interviews, long inProgress, double baselineMb, double withInterviewsMb, double seconds,
                  String loadBefore, String loadAfter, long maxHeapMb) {
        double perInterviewBytes() {
            return (withInterviewsMb - baselineMb) * 1024 * 1024 / interviews;
        }
    }

    static Result run(int interviews, int lanes, int queuePerLane, PrintStream out) throws Exception {
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
            double with = SlackLoadBenchmark.heapAfterGcMb(slack);
            long inProgress = coach.coach().database().jdbi().withHandle(h -> h.createQuery(
                    "SELECT count(*) FROM mock_session WHERE status = 'ACTIVE' AND user_id LIKE 'UMEM%'")
                    .mapTo(Long.class).one());
            out.printf("started %,d interviews in %.1f s%n", interviews, seconds);
            return new Result(interviews, inProgress, baseline, with, seconds, loadBefore, ResourceUse.loadAverageNow(),
                    Runtime.getRuntime().maxMemory() / (1024 * 1024));
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
