package dev.interviewcoach.app;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.AppenderBase;
import dev.interviewcoach.chat.ChatPort;
import dev.interviewcoach.chat.MessageRef;
import dev.interviewcoach.chat.Place;
import dev.interviewcoach.chat.Reply;
import dev.interviewcoach.chat.UserRef;
import dev.interviewcoach.console.ConsoleChatPort;
import dev.interviewcoach.console.ConsoleRenderer;
import dev.interviewcoach.console.ConsoleSession;
import dev.interviewcoach.engine.CoachEngine;
import dev.interviewcoach.interview.MockInterviewFeature;
import dev.interviewcoach.question.BankCatalog;
import dev.interviewcoach.question.BankReader;
import dev.interviewcoach.question.QuestionBanks;
import dev.interviewcoach.store.Database;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * What the log holds while a whole mock interview runs through the console, at DEBUG: nothing a
 * person wrote at INFO or above, and on every line the id of the event that caused it.
 */
@Isolated("it watches process-wide output: the log or the standard streams")
class LogSafetyTest {

    /** Made-up names that appear in no bank, one per answer: finding one in a log line means an answer leaked. */
    private static final List<String> MARKERS = List.of("Quillmarsh", "Brindlecove", "Tarnwhistle", "Osprevale");

    private static final List<String> ANSWERS = List.of("""
            The GIL lets only one thread run Python bytecode at a time. At Quillmarsh we moved CPU-bound
            report rendering to a ProcessPoolExecutor and kept asyncio for 200 partner API calls.
            """, """
            At Brindlecove I would measure first with a profiler, then fix the slowest query; we cut p99
            from 900 ms to 120 ms by adding an index.
            """, """
            I would write tests for the riskiest parts first, as we did at Tarnwhistle before a refactor.
            """, """
            I am not sure; at Osprevale we used a context manager to close files.
            """);

    /** One captured line: taken when logged, since logback reads the MDC lazily. */
    record Line(Level level, String logger, String thread, String text, Map<String, String> mdc) {
        Optional<String> event() {
            return Optional.ofNullable(mdc.get(CoachEngine.EVENT_ID));
        }
    }

    @TempDir
    Path dir;

    private final List<Line> lines = Collections.synchronizedList(new ArrayList<>());
    private final AppenderBase<ILoggingEvent> capture = new AppenderBase<>() {
        @Override
        protected void append(ILoggingEvent e) {
            String thrown = e.getThrowableProxy() == null ? "" : "\n" + ThrowableProxyUtil.asString(e.getThrowableProxy());
            lines.add(new Line(e.getLevel(), e.getLoggerName(), e.getThreadName(), e.getFormattedMessage() + thrown,
                    new HashMap<>(e.getMDCPropertyMap()))); // HashMap: an MDC value may be null
        }
    };
    private Logger root;
    private Level rootLevel;

    @BeforeEach
    void captureEverything() {
        root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        rootLevel = root.getLevel();
        root.setLevel(Level.DEBUG);
        capture.setContext(root.getLoggerContext());
        capture.start();
        root.addAppender(capture);
    }

    @AfterEach
    void stopCapturing() {
        root.detachAppender(capture);
        capture.stop();
        root.setLevel(rootLevel);
    }

    /** The console's port, noting which event id was in the MDC at each reply. */
    private static final class WatchedPort implements ChatPort {
        private final ConsoleChatPort console;
        final List<Optional<String>> eventAtReply = new ArrayList<>();

        WatchedPort(ConsoleChatPort console) {
            this.console = console;
        }

        private void note() {
            eventAtReply.add(Optional.ofNullable(MDC.get(CoachEngine.EVENT_ID)));
        }

        @Override
        public MessageRef post(Place place, Reply reply) {
            note();
            return console.post(place, reply);
        }

        @Override
        public Place openThread(Place channel, Reply opening) {
            note();
            return console.openThread(channel, opening);
        }

        @Override
        public Place openDirect(UserRef user) {
            note();
            return console.openDirect(user);
        }

        @Override
        public void update(MessageRef message, Reply reply) {
            note();
            console.update(message, reply);
        }
    }

    @Test
    void aWholeInterviewLogsNoAnswerAtInfoAndTagsEveryLineWithItsEvent() throws Exception {
        String input = ANSWERS.get(0) + "\n" + "hint\n" + ANSWERS.get(1) + "\n" + "skip\n" + "repeat\n"
                + ANSWERS.get(2) + "\n" + ANSWERS.get(3) + "\n" + "tracks\n" + "quit\n";
        ByteArrayOutputStream shown = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(shown, true, StandardCharsets.UTF_8);
        WatchedPort port = new WatchedPort(new ConsoleChatPort(out, new ConsoleRenderer(false)));
        Database database = Database.sqlite(dir.resolve("coach.db"));
        database.migrate();
        try (Coach coach = new Coach(database, BankCatalog.of(QuestionBanks.load(new BankReader(), Optional.empty())),
                Optional.empty(), new MockInterviewFeature.Settings("python-developer", 5, 20), Clock.systemUTC(),
                new Random(7))) {
            lines.clear(); // from here on, only what the interview logs
            new ConsoleSession(coach.engine(), coach.interviews(), coach.sessions(), port, out, Clock.systemUTC())
                    .run(ConsoleSession.user("ada"), "mock python 5", new BufferedReader(new StringReader(input)));
        }
        String console = shown.toString(StandardCharsets.UTF_8);
        assertThat(console).contains("Question 5 of 5").contains("== Scorecard: python-developer ==");
        // the answers were really taken, so their text was in the engine's hands
        assertThat(console).contains("Answered: 4 of 5");

        List<Line> logged = List.copyOf(lines);
        assertThat(logged).as("the interview logged something at DEBUG").isNotEmpty();

        // 1. Nothing a person wrote reaches a line at INFO or above, on any thread.
        for (Line line : logged) {
            if (!line.level().isGreaterOrEqual(Level.INFO)) {
                continue;
            }
            String text = line.text().toLowerCase(Locale.ROOT) + " " + line.mdc();
            for (String marker : MARKERS) {
                assertThat(text).as("%s line from %s", line.level(), line.logger())
                        .doesNotContain(marker.toLowerCase(Locale.ROOT));
            }
            for (String answer : ANSWERS) {
                for (String answerLine : answer.strip().split("\n")) {
                    assertThat(text).doesNotContain(answerLine.strip().toLowerCase(Locale.ROOT));
                }
            }
        }
        assertThat(logged).as("the interview's start and end are logged at INFO")
                .anyMatch(l -> l.level() == Level.INFO && l.text().contains("started"))
                .anyMatch(l -> l.level() == Level.INFO && l.text().contains("finished"));

        // 2. Every line the console's thread logged came from handling an event and carries its id:
        //    the console loop itself only reads input and hands each line to the engine.
        String consoleThread = Thread.currentThread().getName();
        List<Line> handled = logged.stream().filter(l -> l.thread().equals(consoleThread)).toList();
        String current = null;
        List<String> ids = new ArrayList<>();
        for (Line line : handled) {
            assertThat(line.event()).as("event id on: %s %s", line.logger(), line.text())
                    .hasValueSatisfying(id -> assertThat(id).matches("[0-9a-f]{8}"));
            if (line.logger().equals(CoachEngine.class.getName()) && line.text().startsWith("handling ")) {
                current = line.event().orElseThrow();
                ids.add(current);
            } else {
                // a line belongs to the event whose handling began last
                assertThat(line.event()).as("same id as its event: %s", line.text()).contains(current);
            }
        }
        // one inbound event per typed answer, move and command, each with its own id
        assertThat(ids).hasSizeGreaterThanOrEqualTo(9).doesNotHaveDuplicates();

        // 3. The adapter's reply calls happen inside the engine, under the same ids.
        assertThat(port.eventAtReply).isNotEmpty()
                .allSatisfy(id -> assertThat(id).hasValueSatisfying(v -> assertThat(ids).contains(v)));

        // 4. Nothing is left behind for whatever the thread does next.
        assertThat(MDC.get(CoachEngine.EVENT_ID)).isNull();
    }
}
