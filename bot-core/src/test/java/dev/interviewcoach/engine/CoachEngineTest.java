package dev.interviewcoach.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interviewcoach.RecordingChatPort;
import dev.interviewcoach.TestBanks;
import dev.interviewcoach.chat.ActionId;
import dev.interviewcoach.MovingClock;
import dev.interviewcoach.chat.Block;
import dev.interviewcoach.chat.Reply;
import dev.interviewcoach.chat.Inbound;
import dev.interviewcoach.chat.Place;
import dev.interviewcoach.chat.Platform;
import dev.interviewcoach.chat.UserRef;
import dev.interviewcoach.chat.Visibility;
import dev.interviewcoach.feedback.RuleBasedFeedbackEngine;
import dev.interviewcoach.text.TextAnalyzer;
import dev.interviewcoach.interview.AnswerRecord;
import dev.interviewcoach.interview.AskCommand;
import dev.interviewcoach.interview.InterviewHome;
import dev.interviewcoach.interview.InterviewMachine;
import dev.interviewcoach.interview.InterviewReplies;
import dev.interviewcoach.interview.MockInterviewFeature;
import dev.interviewcoach.interview.MockSession;
import dev.interviewcoach.interview.QuestionPicker;
import dev.interviewcoach.interview.SessionRepository;
import dev.interviewcoach.question.BankCatalog;
import dev.interviewcoach.interview.TracksCommand;
import dev.interviewcoach.observe.CoachMetrics;
import dev.interviewcoach.store.Database;
import dev.interviewcoach.store.Inbox;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The engine and the mock interview feature together, on a real SQLite file, as an adapter drives them. */
class CoachEngineTest {

    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

    @TempDir
    Path dir;

    private Database db;
    private CoachEngine engine;
    private SessionRepository sessions;
    private final RecordingChatPort port = new RecordingChatPort();
    private final AtomicInteger eventIds = new AtomicInteger();
    private final UserRef ana = new UserRef(Platform.SLACK, "T1", "UANA");
    private final UserRef ben = new UserRef(Platform.SLACK, "T1", "UBEN");
    private final Place channel = Place.channel(Platform.SLACK, "T1", "C1");
    private final Place dm = Place.direct(Platform.SLACK, "T1", "DANA");

    /** Still unless a test moves it: an interview started later than an answer given earlier. */
    private MovingClock clock;

    @BeforeEach
    void wire() {
        db = Database.sqlite(dir.resolve("coach.db"));
        db.migrate();
        BankCatalog banks = TestBanks.tinyCatalog();
        sessions = new SessionRepository(db.jdbi());
        clock = new MovingClock(NOW);
        AtomicInteger ids = new AtomicInteger();
        MockInterviewFeature mock = new MockInterviewFeature(banks, sessions,
                new InterviewMachine(banks, new RuleBasedFeedbackEngine(banks, new TextAnalyzer())), new InterviewReplies(),
                new QuestionPicker(new Random(7)), clock, () -> "session-" + ids.incrementAndGet(),
                new MockInterviewFeature.Settings("tiny", 3, 10));
        engine = new CoachEngine(List.of(mock, new AskCommand(banks, mock, new TextAnalyzer(), new Random(3)), new TracksCommand(banks),
                new InterviewHome(sessions, banks)), new Inbox(db.jdbi(), clock), CoachMetrics.none(),
                CoachEngine.ConversationGuard.inProcess());
    }

    @AfterEach
    void close() {
        db.close();
    }

    private String id() {
        return "Ev" + eventIds.incrementAndGet();
    }

    private void command(UserRef user, Place place, String text) {
        engine.handle(new Inbound.Command(id(), user, place, text, NOW), port);
    }

    private void message(UserRef user, Place place, String text) {
        engine.handle(new Inbound.Message(id(), user, place, text, NOW), port);
    }

    @Test
    void aMockStartedInAChannelRunsInAThreadOfItsOwn() {
        command(ana, channel, "mock tiny 2");
        assertThat(port.threadsOpened).hasSize(1);
        Place thread = port.threadsOpened.getFirst();
        assertThat(port.posted.getFirst().place()).isEqualTo(channel);
        assertThat(port.posted.getLast().place()).isEqualTo(thread);
        assertThat(port.last()).startsWith("Answer each question as you would out loud")
                .contains("Send each answer as one message (Shift+Enter for a new line)")
                .contains(Reply.PARAGRAPH + "Question 1 of 2");
        assertThat(sessions.activeAt(thread)).map(MockSession::user).hasValue(ana);
    }

    @Test
    void onlyTheOwnersRepliesCount() {
        command(ana, channel, "mock tiny 2");
        Place thread = port.threadsOpened.getFirst();
        port.clear();
        message(ben, thread, "I would use a cache with a TTL.");
        assertThat(port.posted).singleElement().satisfies(p -> {
            assertThat(p.reply().visibility()).isEqualTo(Visibility.onlyTo(ben));
            assertThat(p.text()).contains("belongs to someone else").contains("mock");
        });
        assertThat(sessions.activeFor(ana).orElseThrow().position()).isZero();
    }

    @Test
    void someoneElsesMockInAnInterviewThreadOpensTheirOwnThreadAndLeavesTheOwnersAlone() {
        command(ana, channel, "mock tiny 2");
        Place anasThread = port.threadsOpened.getFirst();
        port.clear();
        command(ben, anasThread, "mock tiny 1");
        assertThat(port.threadsOpened).as("Ben gets a thread of his own").hasSize(2);
        Place bensThread = port.threadsOpened.getLast();
        assertThat(bensThread).isNotEqualTo(anasThread);
        assertThat(bensThread.channelId()).isEqualTo(channel.channelId());
        assertThat(sessions.activeAt(anasThread)).map(MockSession::user).hasValue(ana);
        assertThat(sessions.activeAt(bensThread)).map(MockSession::user).hasValue(ben);
        assertThat(port.posted).filteredOn(p -> p.place().equals(anasThread)).singleElement().satisfies(p -> {
            assertThat(p.reply().visibility()).as("only Ben is told, in Ana's thread").isEqualTo(Visibility.onlyTo(ben));
            assertThat(p.text()).contains("thread of its own");
        });
        port.clear();
        message(ana, anasThread, "I would put a cache-aside cache in front of the database with a TTL.");
        assertThat(port.all()).as("Ana's answers still count in her thread").contains("Score").doesNotContain("someone else");
        assertThat(sessions.activeFor(ana).orElseThrow().position()).isEqualTo(1);
    }

    @Test
    void anAnswerWithNulAndBrokenCharactersIsScoredAndStoredClean() {
        command(ana, dm, "mock tiny 1");
        message(ana, dm, "cache-aside\u0000 with a TTL\uDC00 and evict on write");
        assertThat(port.all()).contains("Score").doesNotContain("went wrong");
        String session = sessions.recentFor(ana, 1).getFirst().id();
        assertThat(sessions.answers(session)).singleElement()
                .satisfies(a -> assertThat(a.answerText()).isEqualTo("cache-aside with a TTL\uFFFD and evict on write"));
    }

    @Test
    void anEditOfTheLatestAnswerIsScoredAgainAndTheInterviewGoesOnWhereItWas() {
        command(ana, dm, "mock tiny 3");
        MockSession session = sessions.activeFor(ana).orElseThrow();
        String better = TestBanks.tiny().questions().stream()
                .filter(q -> q.id().equals(session.currentQuestionId())).findFirst().orElseThrow().exampleAnswer().strip();
        engine.handle(new Inbound.Message(id(), ana, dm, "I am not sure, maybe something.", "m-1", NOW), port);
        int first = sessions.answers(session.id()).getFirst().score();
        port.clear();

        engine.handle(new Inbound.Edit(id(), ana, dm, "m-1", better, NOW), port);
        assertThat(port.posted).singleElement().satisfies(p -> {
            assertThat(p.place()).isEqualTo(dm);
            assertThat(p.text()).startsWith("Scored again after your edit (it was " + first + "/5):")
                    .contains("Score ").contains("Question 2 above is still waiting for you.");
        });
        AnswerRecord now = sessions.answers(session.id()).getFirst();
        assertThat(now.answerText()).isEqualTo(better);
        assertThat(now.score()).isGreaterThan(first);
        assertThat(sessions.activeFor(ana).orElseThrow().position()).as("still on question 2").isEqualTo(1);

        port.clear();
        engine.handle(new Inbound.Edit(id(), ana, dm, "m-1", better, NOW), port);
        assertThat(port.posted).as("the same words: nothing to score again").isEmpty();

        engine.handle(new Inbound.Edit(id(), ana, dm, "m-1", "Pondría una caché delante de la base de datos y borraría"
                + " la clave en cada escritura, con un tiempo de vida corto por si acaso.", NOW), port);
        assertThat(port.last()).isEqualTo("Your edit reads as written in another language, which I can't judge, so your"
                + " answer to question 1 keeps its score of " + now.score() + "/5.");
        assertThat(sessions.answers(session.id()).getFirst().answerText()).isEqualTo(better);

        engine.handle(new Inbound.Message(id(), ana, dm, "I would talk to them in private first.", "m-2", NOW), port);
        port.clear();
        engine.handle(new Inbound.Edit(id(), ana, dm, "m-1", better + " Also measure the hit rate.", NOW), port);
        assertThat(port.last()).isEqualTo("Your answer to question 1 was scored as you first sent it: the interview has"
                + " moved on since.");
        assertThat(sessions.answers(session.id()).getFirst().answerText()).isEqualTo(better);
    }

    @Test
    void aDeletedAnswerIsWithdrawnFromTheScorecardAndItsTextIsNotKept() {
        command(ana, dm, "mock tiny 3");
        MockSession session = sessions.activeFor(ana).orElseThrow();
        String good = TestBanks.tiny().questions().stream()
                .filter(q -> q.id().equals(session.currentQuestionId())).findFirst().orElseThrow().exampleAnswer().strip();
        engine.handle(new Inbound.Message(id(), ana, dm, good, "m-1", NOW), port);
        engine.handle(new Inbound.Message(id(), ana, dm, "I would talk to them in private first.", "m-2", NOW), port);
        port.clear();

        engine.handle(new Inbound.Deletion(id(), ben, dm, "m-1", NOW), port);
        assertThat(port.posted).as("someone else's deletion leaves the answer").isEmpty();
        assertThat(sessions.answers(session.id()).getFirst().answerText()).isEqualTo(good);

        engine.handle(new Inbound.Deletion(id(), ana, dm, "m-1", NOW), port);
        assertThat(port.posted).singleElement().satisfies(p -> {
            assertThat(p.reply().visibility()).isEqualTo(Visibility.onlyTo(ana));
            assertThat(p.text()).isEqualTo("You deleted your answer to question 1, so it no longer counts on this"
                    + " interview's scorecard and its text is no longer kept. Question 3 above is still waiting for you.");
        });
        AnswerRecord withdrawn = sessions.answers(session.id()).getFirst();
        assertThat(withdrawn.outcome()).isEqualTo(AnswerRecord.Outcome.WITHDRAWN);
        assertThat(withdrawn.answerText()).isNull();
        assertThat(withdrawn.score()).isNull();
        assertThat(sessions.activeFor(ana).orElseThrow().position()).as("the interview goes on where it was").isEqualTo(2);

        port.clear();
        engine.handle(new Inbound.Deletion(id(), ana, dm, "m-1", NOW), port);
        engine.handle(new Inbound.Deletion(id(), ana, dm, "m-unknown", NOW), port);
        assertThat(port.posted).as("a second delivery, and a message that held no answer").isEmpty();

        engine.handle(new Inbound.Message(id(), ana, dm, "I would add an index on the column we filter by.", "m-3", NOW),
                port);
        assertThat(port.last()).as("the withdrawn answer is not counted").contains("Scorecard: ").contains(" over 2 answered");
        assertThat(port.posted.getLast().reply().toString()).contains("withdrawn");

        port.clear();
        engine.handle(new Inbound.Deletion(id(), ana, dm, "m-2", NOW), port);
        assertThat(port.last()).isEqualTo("You deleted your answer to question 2, so it no longer counts on that"
                + " interview's scorecard and its text is no longer kept.");
        assertThat(sessions.answers(session.id()).get(1).answerText()).isNull();
    }

    @Test
    void aHugeCommandIsRefusedAtOnceWithWhatToDo() {
        long start = System.nanoTime();
        command(ana, channel, "mock " + "a ".repeat(2_500_000));
        assertThat(java.time.Duration.ofNanos(System.nanoTime() - start)).isLessThan(java.time.Duration.ofSeconds(5));
        assertThat(port.last()).contains("too long for a command").contains("mock python-developer 5");
        assertThat(sessions.activeFor(ana)).isEmpty();
    }

    @Test
    void aMentionOfTheBotInOnesOwnInterviewThreadIsTheAnswer() {
        command(ana, channel, "mock tiny 2");
        Place thread = port.threadsOpened.getFirst();
        port.clear();
        command(ana, thread, "I would use cache-aside with a TTL and evict on every write.");
        assertThat(port.all()).contains("Score").doesNotContain("I don't know the command");
        assertThat(sessions.activeFor(ana).orElseThrow().position()).isEqualTo(1);
    }

    @Test
    void helpOnOneCommandListsItsWaysToCallItAndThePlainListSaysSo() {
        command(ana, dm, "help");
        assertThat(port.last()).contains("help [command]: one command in full");
        command(ana, dm, "help mock");
        assertThat(port.last()).contains("mock [track] [questions]").doesNotContain("tracks  list");
        command(ana, dm, "mock help");
        assertThat(port.last()).as("asking for help is not starting an interview on a track called help")
                .contains("mock [track] [questions]").doesNotContain("Question 1");
        assertThat(sessions.activeFor(ana)).isEmpty();
    }

    @Test
    void helpOrACommandTypedDuringAnInterviewIsRunAndTheQuestionStaysOpen() {
        command(ana, dm, "mock tiny 2");
        port.clear();
        message(ana, dm, "help");
        assertThat(port.all()).as("help, not feedback on the word help").contains("Commands:").doesNotContain("Score");
        message(ana, dm, "tracks");
        assertThat(port.last()).contains("tracks").doesNotContain("Score");
        assertThat(sessions.activeFor(ana).orElseThrow().position()).as("still the first question").isZero();

        port.clear();
        message(ana, dm, "Help them first.");
        assertThat(port.all()).as("a short answer that starts with help is an answer").contains("Score")
                .doesNotContain("Commands:");
        assertThat(sessions.activeFor(ana).orElseThrow().position()).isEqualTo(1);
    }

    @Test
    void anInterviewEndedBeforeAnyAnswerSaysSoInsteadOfAScorecardOfUnreachedQuestions() {
        command(ana, dm, "mock tiny 2");
        message(ana, dm, "end");
        assertThat(port.last()).isEqualTo("Interview ended before any answer");
        assertThat(port.posted.getLast().reply().blocks().toString())
                .contains("Ended before any answer, so there is nothing to score. Start another with: mock tiny 2")
                .doesNotContain("not reached").doesNotContain("Review my answers");
        command(ana, dm, "mock tiny 2");
        message(ana, dm, "skip");
        message(ana, dm, "end");
        assertThat(port.posted.getLast().reply().blocks().toString()).as("a skip is something to show")
                .contains("skipped").contains("not reached");
    }

    @Test
    void thanksAfterFeedbackIsNotAnAnswerAndAGreetingGetsAFriendlyStart() {
        message(ana, dm, "hi!");
        assertThat(port.last()).startsWith("Hi! I coach people for job interviews").doesNotContain("I don't know");
        command(ana, dm, "mock tiny 2");
        message(ana, dm, "I would put Redis in front of Postgres using cache-aside with a TTL, and evict on every write.");
        port.clear();
        message(ana, dm, "Thanks!");
        assertThat(port.last()).startsWith("The question is still open");
        message(ana, dm, "ok got it, thanks a lot");
        assertThat(port.last()).as("thanks in any words").startsWith("The question is still open");
        assertThat(sessions.activeFor(ana).orElseThrow().position()).as("question 2 still waits").isEqualTo(1);
        message(ana, dm, "end");
        port.clear();
        message(ana, dm, "thank you");
        assertThat(port.last()).startsWith("You're welcome!").doesNotContain("I don't know");
        message(ana, dm, "ok");
        assertThat(port.last()).as("\"ok\" is no mistyped mock").startsWith("Type mock when you want to practise again")
                .doesNotContain("Did you mean");
        message(ana, dm, "bye!");
        assertThat(port.last()).startsWith("Good luck with your interviews!");
        message(ana, dm, "Yes");
        assertThat(port.last()).as("a yes after forget-me's question is pointed at its button, never taken for it")
                .startsWith("If you are answering one of my questions, press its button").contains("forget-me confirm");
        message(ana, dm, "end");
        assertThat(port.last()).startsWith("There is no interview running to end. Type mock to start")
                .doesNotContain("I don't know");
        message(ana, dm, "skip please");
        assertThat(port.last()).startsWith("There is no question waiting to skip.");
    }

    @Test
    void helpTypedInOnesInterviewThreadIsAnsweredButNotInOtherThreads() {
        command(ana, channel, "mock tiny 2");
        Place thread = port.threadsOpened.getFirst();
        port.clear();
        message(ana, thread, "help");
        assertThat(port.posted).singleElement().satisfies(p -> {
            assertThat(p.text()).contains("Commands:");
            assertThat(p.reply().visibility()).isEqualTo(Visibility.onlyTo(ana));
        });
        assertThat(sessions.activeFor(ana).orElseThrow().position()).isZero();

        port.clear();
        message(ben, channel.thread("1700000000.000100"), "help");
        message(ben, channel, "stats");
        assertThat(port.posted).as("people talking among themselves are left alone").isEmpty();
    }

    @Test
    void aWholeInterviewInADirectConversationEndsWithAScorecard() {
        command(ana, dm, "mock tiny 3");
        message(ana, dm, "I would put Redis in front of Postgres using cache-aside, so reads check the cache first and fall"
                + " back to the database. Every key gets a TTL of five minutes, and we evict the key on every write"
                + " so nobody reads a stale price.");
        assertThat(port.all()).as("a concise answer that makes every point").containsPattern("Score [45]/5");
        message(ana, dm, "skip");
        message(ana, dm, "I use your product daily and believe in your mission, which is why I applied here.");
        assertThat(port.last()).as("the last feedback, then the scorecard, in one message")
                .matches("(?s)Score \\d/5\\..*" + Reply.PARAGRAPH + "Scorecard: .*");
        assertThat(port.posted.getLast().reply().blocks()).anySatisfy(b -> assertThat(b).isInstanceOf(Block.Fields.class));
        assertThat(sessions.activeFor(ana)).isEmpty();
        assertThat(sessions.recentFor(ana, 5).getFirst().status()).isEqualTo(MockSession.Status.FINISHED);
    }

    @Test
    void aRepeatedDeliveryChangesNothing() {
        command(ana, dm, "mock tiny 3");
        Inbound.Message answer = new Inbound.Message("EvDup", ana, dm, "cache-aside and a ttl", NOW);
        engine.handle(answer, port);
        int replies = port.posted.size();
        engine.handle(answer, port);
        assertThat(port.posted).hasSize(replies);
        assertThat(sessions.activeFor(ana).orElseThrow().position()).isEqualTo(1);
    }

    @Test
    void theScorecardOffersTheWeakestAnswerAgainAndTheRetryOpensWithItsLastScore() {
        command(ana, dm, "mock tiny 2 --no-followups");
        MockSession s = sessions.activeFor(ana).orElseThrow();
        message(ana, dm, "I am not sure, maybe a cache somewhere.");
        String good = TestBanks.tiny().questions().stream().filter(q -> q.id().equals(s.questionIds().get(1)))
                .findFirst().orElseThrow().exampleAnswer().strip();
        message(ana, dm, good);
        int weak = sessions.answers(s.id()).getFirst().score();
        assertThat(weak).isLessThanOrEqualTo(3);
        Block.Buttons buttons = port.posted.getLast().reply().blocks().stream().filter(b -> b instanceof Block.Buttons)
                .map(Block.Buttons.class::cast).reduce((a, b) -> b).orElseThrow();
        assertThat(buttons.buttons()).extracting(Block.Button::label).containsExactly("Review my answers",
                "Try question 1 again");
        Block.Button retry = buttons.buttons().getLast();
        assertThat(retry.typed()).isEqualTo("ask " + s.questionIds().getFirst());
        port.clear();

        engine.handle(new Inbound.Action(id(), ben, dm, retry.action(), null, NOW), port);
        assertThat(port.last()).as("someone else's press").contains("belongs to someone else");
        clock.advance(java.time.Duration.ofMinutes(5));
        engine.handle(new Inbound.Action(id(), ana, dm, retry.action(), null, NOW), port);
        MockSession again = sessions.activeFor(ana).orElseThrow();
        assertThat(again.id()).isNotEqualTo(s.id());
        assertThat(again.questionIds()).containsExactly(s.questionIds().getFirst());
        assertThat(again.place()).as("in the same DM").isEqualTo(dm);
        assertThat(port.all()).contains("Question 1 again. Last time it scored " + weak + "/5")
                .contains("Question 1 of 1");
        engine.handle(new Inbound.Action(id(), ana, dm, retry.action(), null, NOW), port);
        assertThat(port.last()).as("one interview at a time").contains("already have");

        String better = TestBanks.tiny().questions().stream().filter(q -> q.id().equals(s.questionIds().getFirst()))
                .findFirst().orElseThrow().exampleAnswer().strip();
        message(ana, dm, better);
        int now = sessions.answers(again.id()).getFirst().score();
        String card = port.posted.getLast().reply().blocks().stream().filter(b -> b instanceof Block.Text)
                .map(b -> ((Block.Text) b).text().plainText()).collect(java.util.stream.Collectors.joining("\n"));
        assertThat(card).as("the scorecard shows what practice changed").contains("1. " + now + "/5 (was " + weak + "/5)");
    }

    @Test
    void askingForAQuestionAnsweredBeforeOpensWithTheScoreToBeat() {
        command(ana, dm, "mock tiny 1 --no-followups");
        MockSession s = sessions.activeFor(ana).orElseThrow();
        message(ana, dm, "I am not sure, maybe something.");
        int first = sessions.answers(s.id()).getFirst().score();
        port.clear();
        command(ana, dm, "ask " + s.questionIds().getFirst());
        assertThat(sessions.activeFor(ana).orElseThrow().questionIds()).containsExactly(s.questionIds().getFirst());
        assertThat(port.all()).contains("Last time it scored " + first + "/5");
        port.clear();
        command(ben, dm, "ask " + s.questionIds().getFirst());
        assertThat(port.all()).as("someone who never answered it").doesNotContain("Last time");
    }

    @Test
    void aScorecardOfStrongAnswersOffersNoRetry() {
        command(ana, dm, "mock tiny 1 --no-followups");
        MockSession s = sessions.activeFor(ana).orElseThrow();
        String good = TestBanks.tiny().questions().stream().filter(q -> q.id().equals(s.currentQuestionId()))
                .findFirst().orElseThrow().exampleAnswer().strip();
        message(ana, dm, good);
        assertThat(sessions.answers(s.id()).getFirst().score()).isGreaterThanOrEqualTo(4);
        assertThat(port.posted.getLast().reply().blocks().toString()).contains("Review my answers")
                .doesNotContain("again");
    }

    @Test
    void buttonsDoWhatTheWordsDoAndStaleOnesAreRefused() {
        command(ana, dm, "mock tiny 3");
        MockSession s = sessions.activeFor(ana).orElseThrow();
        engine.handle(new Inbound.Action(id(), ana, dm, new ActionId("mock", "skip", s.id(), 0), null, NOW), port);
        assertThat(sessions.activeFor(ana).orElseThrow().position()).isEqualTo(1);
        engine.handle(new Inbound.Action(id(), ana, dm, new ActionId("mock", "skip", s.id(), 0), null, NOW), port);
        assertThat(port.last()).contains("earlier question");
        assertThat(sessions.activeFor(ana).orElseThrow().position()).isEqualTo(1);
        engine.handle(new Inbound.Action(id(), ben, dm, new ActionId("mock", "end", s.id(), 1), null, NOW), port);
        assertThat(port.last()).contains("belongs to someone else");
        engine.handle(new Inbound.Action(id(), ana, dm, new ActionId("mock", "end", s.id(), 1), null, NOW), port);
        assertThat(port.last()).startsWith("Scorecard");
    }

    @Test
    void aSecondStartPointsToTheInterviewInProgress() {
        command(ana, dm, "mock tiny 3");
        command(ana, channel, "mock tiny 2");
        assertThat(port.threadsOpened).isEmpty();
        assertThat(port.last()).contains("already have a tiny interview in progress (question 1 of 3)")
                .contains("Answer it where it started");
        command(ana, dm, "mock tiny 2");
        assertThat(port.last()).contains("already have a tiny interview in progress (question 1 of 3)")
                .contains("Type end to finish it first").doesNotContain("where it started");
    }

    @Test
    void mistakesInCommandsGetHelpfulReplies() {
        command(ana, channel, "mokc tiny");
        assertThat(port.last()).contains("Did you mean \"mock\"?");
        command(ana, channel, "mock tinny");
        assertThat(port.last()).contains("I don't know the track \"tinny\"").contains("Did you mean tiny?");
        command(ana, channel, "mock tiny 99");
        assertThat(port.last()).contains("1 to 10 questions");
        command(ana, channel, "");
        assertThat(port.last()).contains("mock [track] [questions]");
        command(ana, channel, "I want to practise for my interview on Monday");
        assertThat(port.last()).startsWith("I didn't find a command in \"I want to practise for my interview on Monday\"")
                .contains("Type mock to start a mock interview");
        assertThat(port.posted).allSatisfy(p -> assertThat(p.reply().visibility()).isEqualTo(Visibility.onlyTo(ana)));
        assertThat(sessions.activeFor(ana)).isEmpty();
    }

    @Test
    void aMessageInADirectConversationWithNoInterviewIsACommand() {
        message(ana, dm, "tracks");
        assertThat(port.last()).contains("1 tracks");
        message(ana, dm, "mock");
        assertThat(port.last()).startsWith("Answer each question").contains(Reply.PARAGRAPH + "Question 1 of 3");
    }

    @Test
    void aTopicTypedNearlyRightIsTheTopicMeant() {
        command(ana, dm, "mock tiny 1 on cachng");
        assertThat(port.last()).as("one letter out").contains("Question 1 of 1: How would you cache an expensive endpoint?");
        message(ana, dm, "end");
        command(ana, dm, "mock tiny 1 on team");
        assertThat(port.last()).as("the start of teamwork").contains("Question 1 of 1: Tell me about a conflict");
        message(ana, dm, "end");
        command(ana, dm, "mock tiny 1 on quantum");
        assertThat(port.last()).startsWith("The tiny track has no questions on \"quantum\". Its topics:");
    }

    @Test
    void askStartsAOneQuestionInterviewOnTheTopic() {
        command(ana, dm, "ask a question about a conflict with a colleague");
        assertThat(port.last()).startsWith("Answer each question")
                .contains(Reply.PARAGRAPH + "Question 1 of 1: Tell me about a conflict with a colleague.");
        command(ben, dm, "ask quantum chromodynamics");
        assertThat(port.last()).contains("I have no question about \"quantum chromodynamics\"")
                .doesNotContain("Did you mean");
        command(ben, dm, "ask cachng");
        assertThat(port.last()).as("a misspelt topic").startsWith("I have no question about \"cachng\"."
                + " Did you mean: ask caching?");
        command(ben, dm, "ask");
        assertThat(port.last()).contains("ask caching");
        command(ben, dm, "ask a random question");
        assertThat(port.last()).startsWith("Answer each question").contains(Reply.PARAGRAPH + "Question 1 of 1: ");
    }

    /** The headings of a message's blocks, in order, with "|" where a divider separates two parts. */
    private static List<String> headings(Reply reply) {
        return reply.blocks().stream().filter(b -> b instanceof Block.Heading || b instanceof Block.Divider)
                .map(b -> b instanceof Block.Heading h ? h.text() : "|").toList();
    }

    @Test
    void eachAnswerIsOneMessageFeedbackFirstThenWhatComesNextAndTheOldQuestionIsLeftAsItWas() {
        command(ana, dm, "mock tiny 2 on caching --followups");
        assertThat(port.posted).as("the how-to and the first question: one message").singleElement()
                .satisfies(p -> assertThat(headings(p.reply())).containsExactly("|", "Question 1 of 2"));
        port.clear();

        message(ana, dm, "I would use cache-aside in front of the database and invalidate the key on writes.");
        assertThat(port.posted).singleElement().satisfies(p -> {
            assertThat(p.reply().visibility()).isEqualTo(Visibility.everyone());
            assertThat(p.text()).startsWith("Score ").contains(Reply.PARAGRAPH
                    + "A follow-up on question 1 of 2: What happens to an entry that nobody writes to for a week?");
            assertThat(headings(p.reply())).as("feedback, divider, follow-up").hasSize(3)
                    .satisfies(h -> assertThat(h.get(0)).startsWith("Score "))
                    .endsWith("|", "A follow-up on question 1 of 2");
            assertThat(p.reply().blocks().toString()).contains("Covered").contains("Missed").contains("Give entries a time to live");
        });
        port.clear();

        message(ana, dm, "Nothing writes it, so it stays until its TTL expires: a time to live of five minutes drops it.");
        assertThat(port.posted).singleElement().satisfies(p -> {
            assertThat(p.text()).startsWith("Follow-up: Score ").contains(Reply.PARAGRAPH + "Question 2 of 2: ");
            assertThat(headings(p.reply())).endsWith("|", "Question 2 of 2");
            Block.Buttons buttons = (Block.Buttons) p.reply().blocks().stream().filter(b -> b instanceof Block.Buttons)
                    .reduce((a, b) -> b).orElseThrow();
            assertThat(p.reply().blocks().getLast()).as("the next question's buttons close the message").isEqualTo(buttons);
            assertThat(buttons.buttons()).allSatisfy(b -> assertThat(b.action().version()).isEqualTo(1));
        });
        assertThat(port.updated).as("no call spent on editing the question left behind").isEmpty();
        MockSession session = sessions.activeFor(ana).orElseThrow();
        port.clear();

        engine.handle(new Inbound.Action(id(), ana, dm, new ActionId("mock", "hint", session.id(), 0), null, NOW), port);
        assertThat(port.posted).as("a button left on question 1 is refused, privately").singleElement().satisfies(p -> {
            assertThat(p.reply().visibility()).isEqualTo(Visibility.onlyTo(ana));
            assertThat(p.text()).contains("belongs to an earlier question").contains("question 2");
        });
        assertThat(sessions.activeFor(ana).orElseThrow().hintsShown()).isZero();
        port.clear();

        message(ana, dm, "skip");
        assertThat(port.posted).as("skipped, then the scorecard: one message").singleElement().satisfies(p -> {
            assertThat(p.text()).startsWith("Skipped.").contains(Reply.PARAGRAPH + "Scorecard: ");
            assertThat(headings(p.reply())).as("the scorecard's own divider is not doubled")
                    .containsExactly("|", "Scorecard: tiny");
        });
        port.clear();

        engine.handle(new Inbound.Action(id(), ana, dm, new ActionId("mock", "hint", session.id(), 1), null, NOW), port);
        assertThat(port.posted).as("a button left on the last question, once the interview is over").singleElement()
                .satisfies(p -> {
                    assertThat(p.reply().visibility()).isEqualTo(Visibility.onlyTo(ana));
                    assertThat(p.text()).contains("interview that has finished");
                });
        assertThat(port.updated).isEmpty();
    }
}
