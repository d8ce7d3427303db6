package dev.interviewcoach.daily;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interviewcoach.RecordingChatPort;
import dev.interviewcoach.chat.ActionId;
import dev.interviewcoach.chat.Block;
import dev.interviewcoach.chat.Inbound;
import dev.interviewcoach.chat.Place;
import dev.interviewcoach.chat.Platform;
import dev.interviewcoach.chat.UserRef;
import dev.interviewcoach.chat.Visibility;
import dev.interviewcoach.feedback.AnswerScored;
import dev.interviewcoach.feedback.RuleBasedFeedbackEngine;
import dev.interviewcoach.interview.InterviewMachine;
import dev.interviewcoach.interview.InterviewReplies;
import dev.interviewcoach.interview.MockInterviewFeature;
import dev.interviewcoach.interview.QuestionPicker;
import dev.interviewcoach.interview.SessionRepository;
import dev.interviewcoach.question.Bank;
import dev.interviewcoach.question.BankCatalog;
import dev.interviewcoach.question.BankReader;
import dev.interviewcoach.question.Question;
import dev.interviewcoach.question.QuestionBanks;
import dev.interviewcoach.store.Database;
import dev.interviewcoach.text.TextAnalyzer;
import java.nio.file.Path;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Answering a question of the day: in the thread (open) or the private form (sealed), then the reveal. */
class DailyAnswersTest {

    private static final BankCatalog BANKS = BankCatalog.of(QuestionBanks.load(new BankReader(), Optional.empty()));
    private static final Instant NINE = Instant.parse("2026-11-25T09:00:00Z");
    private static final String ANSWER = "I would measure first with a profiler, then fix the slowest part and compare"
            + " before and after; in one service this cut p99 latency from 800 ms to 120 ms.";

    @TempDir
    Path dir;

    private Database db;
    private SubscriptionRepository subs;
    private DailyPostRepository posts;
    private DailyAnswerRepository stored;
    private DailyAnswers answers;
    private DailyPoster poster;
    private MockInterviewFeature interviews;
    private final RecordingChatPort port = new RecordingChatPort();
    private final Place channel = Place.channel(Platform.SLACK, "T1", "C1");

    @BeforeEach
    void open() {
        db = Database.sqlite(dir.resolve("coach.db"));
        db.migrate();
        subs = new SubscriptionRepository(db.jdbi());
        posts = new DailyPostRepository(db.jdbi());
        stored = new DailyAnswerRepository(db.jdbi());
        Clock clock = Clock.fixed(NINE.plusSeconds(600), ZoneOffset.UTC);
        var feedback = new RuleBasedFeedbackEngine(BANKS, new TextAnalyzer());
        SessionRepository sessions = new SessionRepository(db.jdbi());
        interviews = new MockInterviewFeature(BANKS, sessions, new InterviewMachine(BANKS, feedback),
                new InterviewReplies(), new QuestionPicker(new Random(1)), clock, () -> "s-1",
                new MockInterviewFeature.Settings("python-developer", 5, 20));
        answers = new DailyAnswers(subs, posts, stored, BANKS, feedback, interviews::start, clock);
        poster = DailyFixture.poster(db, BANKS, 4);
    }

    @AfterEach
    void close() {
        db.close();
    }

    private Place subscribeAndPost(Subscription.AnswerMode mode) {
        subs.save(new Subscription("sub", channel, "python-developer", new PostTimes(LocalTime.of(9, 0),
                ZoneId.of("UTC"), EnumSet.allOf(DayOfWeek.class)), "UADMIN", Instant.EPOCH, mode, false, null, null));
        assertThat(poster.postDue(NINE, port)).isEqualTo(1);
        port.clear();
        return channel.thread("m1"); // the recording port names its first message m1
    }

    private static UserRef person(String id) {
        return new UserRef(Platform.SLACK, "T1", id);
    }

    @Test
    void openModeAnswersInTheThreadGetPrivateFeedbackAReactionAndOnlyTheFirstOfEachPersonCounts() {
        Place thread = subscribeAndPost(Subscription.AnswerMode.OPEN);
        for (String user : List.of("UANA", "UBEN", "UCAT")) {
            assertThat(answers.onMessage(new Inbound.Message("e-" + user, person(user), thread, ANSWER, "ts-" + user,
                    NINE), port)).isTrue();
            assertThat(port.posted.getLast().reply().visibility()).isEqualTo(Visibility.onlyTo(person(user)));
            assertThat(port.last()).startsWith("Score ");
        }
        assertThat(port.reactions).extracting(r -> r.messageId()).containsExactly("ts-UANA", "ts-UBEN", "ts-UCAT");
        assertThat(port.updated.getLast().text()).startsWith("Question of the day");
        assertThat(port.updated.getLast().reply().blocks().toString()).contains("3 answers so far");
        answers.onMessage(new Inbound.Message("e-again", person("UANA"), thread, "A better second try.", NINE), port);
        assertThat(port.last()).contains("already answered");
        assertThat(stored.count("sub", NINE.atZone(ZoneOffset.UTC).toLocalDate())).isEqualTo(3);
        assertThat(answers.onMessage(new Inbound.Message("e-x", person("UANA"), channel.thread("other"), "hi", NINE), port))
                .as("a thread that is not a daily post is not ours").isFalse();
    }

    @Test
    void aWordOrTwoInTheThreadIsNotTakenAsThePersonsOnlyAnswer() {
        Place thread = subscribeAndPost(Subscription.AnswerMode.OPEN);
        answers.onMessage(new Inbound.Message("e-1", person("UANA"), thread, "hint please", NINE), port);
        assertThat(port.last()).startsWith("Hint");
        answers.onMessage(new Inbound.Message("e-1b", person("UANA"), thread, "sorry, what?", NINE), port);
        assertThat(port.last()).as("asked again, not told it was no answer").startsWith("Today's question: ")
                .contains("reply here with a few sentences");
        answers.onMessage(new Inbound.Message("e-2", person("UANA"), thread, "Great question!", NINE), port);
        assertThat(port.last()).contains("didn't count \"Great question!\"").contains("full one");
        answers.onMessage(new Inbound.Message("e-2b", person("UANA"), thread, "sorry, no clue what this one is about"
                + " honestly", NINE), port);
        assertThat(port.last()).startsWith("No problem, that doesn't count as your answer");
        answers.onMessage(new Inbound.Message("e-2c", person("UANA"), thread, "can you give me a hint for this one?",
                NINE), port);
        assertThat(port.last()).startsWith("Hint");
        answers.onMessage(new Inbound.Message("e-2d", person("UANA"), thread, "El GIL permite que solo un hilo ejecute"
                + " bytecode de Python a la vez, así que para trabajo de CPU uso procesos y para E/S uso asyncio.", NINE),
                port);
        assertThat(port.last()).as("only the first answer counts: one the coach cannot read must not be it")
                .contains("another language").contains("does not count as your answer");
        assertThat(port.posted).allSatisfy(p -> assertThat(p.reply().visibility()).isEqualTo(Visibility.onlyTo(person("UANA"))));
        assertThat(stored.count("sub", NINE.atZone(ZoneOffset.UTC).toLocalDate())).isZero();

        answers.onMessage(new Inbound.Message("e-3", person("UANA"), thread, ANSWER, "ts-3", NINE), port);
        assertThat(port.last()).as("the full answer is the one that counts").startsWith("Score ");
        assertThat(stored.count("sub", NINE.atZone(ZoneOffset.UTC).toLocalDate())).isEqualTo(1);
        int posted = port.posted.size();
        answers.onMessage(new Inbound.Message("e-4", person("UANA"), thread, "thanks!", NINE), port);
        assertThat(port.posted).as("a thanks after answering needs no reply").hasSize(posted);
    }

    @Test
    void anEditOfTheAnswerBeforeTheRevealIsScoredAgainAndOtherEditsChangeNothing() {
        Place thread = subscribeAndPost(Subscription.AnswerMode.OPEN);
        LocalDate day = NINE.atZone(ZoneOffset.UTC).toLocalDate();
        UserRef ana = person("UANA");
        answers.onMessage(new Inbound.Message("e-1", ana, thread, "I would just add caching somewhere.", "ts-1", NINE),
                port);
        int first = stored.find("sub", day, ana).orElseThrow().score();
        String better = BANKS.current().question(posts.byMessage("m1").orElseThrow().questionId()).orElseThrow()
                .exampleAnswer().strip();

        assertThat(answers.onEdit(new Inbound.Edit("edit-1", ana, thread, "ts-1", better, NINE), port)).isTrue();
        assertThat(port.posted.getLast().reply().visibility()).isEqualTo(Visibility.onlyTo(ana));
        assertThat(port.last()).startsWith("Scored again after your edit (it was " + first + "/5):").contains("Score ");
        DailyAnswerRepository.Answer now = stored.find("sub", day, ana).orElseThrow();
        assertThat(now.text()).isEqualTo(better);
        assertThat(now.score()).isGreaterThan(first);
        assertThat(port.last()).contains("Score " + now.score());
        assertThat(stored.count("sub", day)).as("still one answer").isEqualTo(1);

        answers.onEdit(new Inbound.Edit("edit-1b", ana, thread, "ts-1", "Pondría una caché delante de la base de datos y"
                + " borraría la clave en cada escritura, con un tiempo de vida corto por si acaso.", NINE), port);
        assertThat(port.last()).contains("another language").contains("keeps its score of " + now.score() + "/5");
        assertThat(stored.find("sub", day, ana).orElseThrow().text()).as("the answer as it was").isEqualTo(better);

        int posted = port.posted.size();
        answers.onEdit(new Inbound.Edit("edit-2", ana, thread, "ts-1", better, NINE), port);
        answers.onMessage(new Inbound.Message("e-2", ana, thread, "thanks, that helps", "ts-2", NINE), port);
        answers.onEdit(new Inbound.Edit("edit-3", ana, thread, "ts-2", "thanks, that helps a lot", NINE), port);
        assertThat(port.posted).as("the same words again, or a remark after the answer: nothing to say").hasSize(posted);

        // A remark that did not count counts once it is edited into an answer.
        UserRef ben = person("UBEN");
        answers.onMessage(new Inbound.Message("e-3", ben, thread, "Great question!", "ts-3", NINE), port);
        assertThat(stored.find("sub", day, ben)).isEmpty();
        answers.onEdit(new Inbound.Edit("edit-4", ben, thread, "ts-3", ANSWER, NINE), port);
        assertThat(port.last()).startsWith("Score ");
        assertThat(stored.find("sub", day, ben)).isPresent();

        poster.postDue(NINE.plus(java.time.Duration.ofDays(1)), port);
        answers.onEdit(new Inbound.Edit("edit-5", ana, thread, "ts-1", better + " Also caching.", NINE), port);
        assertThat(port.last()).startsWith("Your answer was scored as you first sent it").contains("revealed");
        assertThat(stored.find("sub", day, ana).orElseThrow().text()).isEqualTo(better);

        assertThat(answers.onEdit(new Inbound.Edit("edit-6", ana, channel.thread("other"), "ts-9", ANSWER, NINE), port))
                .as("an edit in a thread that is not a daily post is not ours").isFalse();
    }

    @Test
    void deletingTheAnswerBeforeTheRevealWithdrawsItAndTheDeleterCanAnswerAgain() {
        Place thread = subscribeAndPost(Subscription.AnswerMode.OPEN);
        LocalDate day = NINE.atZone(ZoneOffset.UTC).toLocalDate();
        UserRef ana = person("UANA");
        UserRef ben = person("UBEN");
        answers.onMessage(new Inbound.Message("e-1", ana, thread, ANSWER, "ts-1", NINE), port);
        answers.onMessage(new Inbound.Message("e-2", ana, thread, "thanks, that helps", "ts-2", NINE), port);
        answers.onMessage(new Inbound.Message("e-3", ben, thread, ANSWER, "ts-3", NINE), port);
        assertThat(stored.count("sub", day)).isEqualTo(2);

        int posted = port.posted.size();
        assertThat(answers.onDeletion(new Inbound.Deletion("d-1", ana, thread, "ts-2", NINE), port)).isTrue();
        assertThat(port.posted).as("a remark deleted: nothing to say, the answer stands").hasSize(posted);
        assertThat(answers.onDeletion(new Inbound.Deletion("d-2", ana, thread, "ts-3", NINE), port)).isTrue();
        assertThat(stored.find("sub", day, ben)).as("someone else's answer, deleted by another person (a moderator)")
                .isPresent();

        assertThat(answers.onDeletion(new Inbound.Deletion("d-3", ana, thread, "ts-1", NINE), port)).isTrue();
        assertThat(port.posted.getLast().reply().visibility()).isEqualTo(Visibility.onlyTo(ana));
        assertThat(port.last()).startsWith("You deleted your answer to today's question").contains("answer again");
        assertThat(stored.find("sub", day, ana)).isEmpty();
        assertThat(stored.count("sub", day)).isEqualTo(1);
        answers.onMessage(new Inbound.Message("e-4", ana, thread, ANSWER, "ts-4", NINE), port);
        assertThat(port.last()).as("a new answer counts").startsWith("Score ");

        // A platform that does not say who deleted (Discord in a server): the stored answer names its author.
        assertThat(answers.onDeletion(new Inbound.Deletion("d-4", UserRef.unknown(Platform.SLACK, "T1"), thread, "ts-3",
                NINE), port)).isTrue();
        assertThat(port.posted.getLast().reply().visibility()).isEqualTo(Visibility.onlyTo(ben));
        assertThat(stored.find("sub", day, ben)).isEmpty();

        poster.postDue(NINE.plus(java.time.Duration.ofDays(1)), port);
        posted = port.posted.size();
        answers.onDeletion(new Inbound.Deletion("d-5", ana, thread, "ts-4", NINE), port);
        assertThat(stored.find("sub", day, ana)).as("after the reveal the answer stands").isPresent();
        assertThat(port.posted).hasSize(posted);
        assertThat(answers.onDeletion(new Inbound.Deletion("d-6", ana, channel.thread("other"), "ts-9", NINE), port))
                .as("a deletion in a thread that is not a daily post is not ours").isFalse();
    }

    @Test
    void theDailyThreadIsAConversationOfTheCoachsAndOtherThreadsAreNot() {
        Place thread = subscribeAndPost(Subscription.AnswerMode.OPEN);
        // The engine runs "help" or "stats" typed here as a command only because the thread is the coach's.
        assertThat(answers.holdsConversation(new Inbound.Message("e-h", person("UANA"), thread, "stats", NINE))).isTrue();
        assertThat(answers.holdsConversation(new Inbound.Message("e-o", person("UANA"), channel.thread("other"), "stats",
                NINE))).isFalse();
        assertThat(answers.holdsConversation(new Inbound.Message("e-c", person("UANA"), channel, "stats", NINE))).isFalse();
        assertThat(port.posted).as("asking acts on nothing").isEmpty();
        assertThat(stored.count("sub", NINE.atZone(ZoneOffset.UTC).toLocalDate())).isZero();
    }

    @Test
    void aMockStartedInTheDailyThreadGoesToAThreadOfItsOwnAndEveryoneCanStillAnswer() {
        Place thread = subscribeAndPost(Subscription.AnswerMode.OPEN);
        interviews.handle(new Inbound.Command("e-mock", person("UBEN"), thread, "mock python 1", NINE),
                new dev.interviewcoach.command.CommandInput("mock", java.util.Map.of("track", "python", "questions", "1")), port);
        assertThat(port.threadsOpened).singleElement().isNotEqualTo(thread);
        assertThat(answers.onMessage(new Inbound.Message("e-ana", person("UANA"), thread, ANSWER, "ts-ana", NINE), port))
                .isTrue();
        assertThat(port.last()).as("Ana's daily answer is scored, not refused").startsWith("Score ");
    }

    @Test
    void sealedAnswersStayPrivateUntilTheRevealWhichShowsOnlyTheSharedOnes() {
        Place thread = subscribeAndPost(Subscription.AnswerMode.SEALED);
        String key = posts.byMessage("m1").orElseThrow().key();
        for (String user : List.of("UANA", "UBEN", "UCAT")) {
            answers.onSubmission(new Inbound.Submission("f-" + user, person(user), channel,
                    new ActionId("daily", "answer", key, 0), Map.of(Block.Button.FORM_FIELD, ANSWER + " (" + user + ")"),
                    NINE), port);
            assertThat(port.posted.getLast().reply().visibility()).isEqualTo(Visibility.onlyTo(person(user)));
            assertThat(port.posted.getLast().reply().blocks().toString()).contains("Share my answer at the reveal");
        }
        answers.onAction(new Inbound.Action("a-share", person("UBEN"), channel, new ActionId("daily", "share", key, 0),
                null, NINE), port);
        assertThat(port.last()).contains("shown in the thread at the reveal");
        assertThat(port.posted.getLast().reply().blocks().toString()).contains("Keep it private");
        // Cat shares by mistake and takes it back before the reveal
        answers.onAction(new Inbound.Action("a-share-cat", person("UCAT"), channel, new ActionId("daily", "share", key, 0),
                null, NINE), port);
        answers.onAction(new Inbound.Action("a-unshare-cat", person("UCAT"), channel,
                new ActionId("daily", "unshare", key, 0), null, NINE), port);
        assertThat(port.last()).contains("stays private");
        assertThat(port.posted.getLast().reply().visibility()).isEqualTo(Visibility.onlyTo(person("UCAT")));
        assertThat(port.posted.getLast().reply().blocks().toString()).contains("Share my answer at the reveal");
        answers.onAction(new Inbound.Action("a-unshare-dan", person("UDAN"), channel,
                new ActionId("daily", "unshare", key, 0), null, NINE), port);
        assertThat(port.last()).contains("no answer to this question");
        assertThat(port.posted.stream().filter(p -> p.reply().visibility() instanceof Visibility.Everyone))
                .as("nothing anyone else can read before the reveal").isEmpty();
        assertThat(port.updated).allSatisfy(u -> assertThat(u.reply().blocks().toString()).doesNotContain("(UANA)"));

        poster.postDue(NINE.plus(java.time.Duration.ofDays(1)), port);
        var reveal = port.posted.stream().filter(p -> p.text().startsWith("The reveal")).findFirst().orElseThrow();
        assertThat(reveal.place()).isEqualTo(thread);
        String shown = reveal.reply().blocks().toString();
        assertThat(shown).contains("3 people answered").contains(ANSWER + " (UBEN)")
                .doesNotContain("(UANA)").doesNotContain("(UCAT)").doesNotContain("Score");
        answers.onSubmission(new Inbound.Submission("f-late", person("UDAN"), channel, new ActionId("daily", "answer", key, 0),
                Map.of(Block.Button.FORM_FIELD, ANSWER), NINE), port);
        assertThat(port.last()).contains("revealed already");
    }

    @Test
    void anAnswerSentInTwoMessagesInTheThreadIsJoinedAndScoredAsOne() {
        Clock clock = Clock.fixed(NINE.plusSeconds(600), ZoneOffset.UTC);
        DailyAnswers joining = new DailyAnswers(subs, posts, stored, BANKS, new RuleBasedFeedbackEngine(BANKS,
                new TextAnalyzer()), interviews::start, clock, AnswerScored.nobody(), Optional.empty(),
                Duration.ofSeconds(15));
        Place thread = subscribeAndPost(Subscription.AnswerMode.OPEN);
        LocalDate day = NINE.atZone(ZoneOffset.UTC).toLocalDate();
        UserRef ana = person("UANA");
        Instant answered = clock.instant();
        joining.onMessage(new Inbound.Message("e-1", ana, thread, "I would start by measuring where the time goes.",
                "ts-1", answered), port);
        int first = stored.find("sub", day, ana).orElseThrow().score();

        joining.onMessage(new Inbound.Message("e-2", ana, thread, "Then I would fix the slowest part first and check"
                + " the numbers again before touching anything else.", "ts-2", answered.plusSeconds(5)), port);
        assertThat(port.last()).startsWith("I added that to your answer and scored it again (it was " + first + "/5):");
        assertThat(port.posted.getLast().reply().visibility()).isEqualTo(Visibility.onlyTo(ana));
        assertThat(stored.find("sub", day, ana).orElseThrow().text()).contains("measuring").contains("slowest part");
        assertThat(stored.count("sub", day)).isEqualTo(1);
        joining.onEdit(new Inbound.Edit("edit-1", ana, thread, "ts-1", "I would start by profiling.",
                answered.plusSeconds(7)), port);
        assertThat(port.last()).as("an edit of one part would drop the other")
                .startsWith("Your answer was put together from more than one message");
        assertThat(stored.find("sub", day, ana).orElseThrow().text()).contains("slowest part");

        int posted = port.posted.size();
        joining.onMessage(new Inbound.Message("e-3", ana, thread, "thanks!", "ts-3", answered.plusSeconds(8)), port);
        joining.onMessage(new Inbound.Message("e-3b", ana, thread, "ok got it, thanks a lot", "ts-3b",
                answered.plusSeconds(9)), port);
        assertThat(port.posted).as("a remark is never the rest of an answer").hasSize(posted);
        joining.onMessage(new Inbound.Message("e-4", ana, thread, "Also, I'd write down what I learned for the team.",
                "ts-4", answered.plusSeconds(90)), port);
        assertThat(port.last()).as("too late to be the same answer").contains("already answered");
        assertThat(stored.find("sub", day, ana).orElseThrow().text()).doesNotContain("what I learned");
    }

    @Test
    void aRemarkInThePrivateFormIsNotTakenAsThePersonsOnlyAnswer() {
        subscribeAndPost(Subscription.AnswerMode.SEALED);
        String key = posts.byMessage("m1").orElseThrow().key();
        LocalDate day = NINE.atZone(ZoneOffset.UTC).toLocalDate();
        UserRef ana = person("UANA");
        java.util.function.Consumer<String> submit = text -> answers.onSubmission(new Inbound.Submission("f-" + text,
                ana, channel, new ActionId("daily", "answer", key, 0), Map.of(Block.Button.FORM_FIELD, text), NINE), port);

        submit.accept("no clue, sorry");
        assertThat(port.last()).startsWith("No problem, that doesn't count as your answer");
        submit.accept("pass");
        assertThat(port.last()).contains("didn't count \"pass\"").contains("press Answer privately again");
        submit.accept("can I get a hint?");
        assertThat(port.last()).startsWith("Hint: ");
        submit.accept("what?");
        assertThat(port.last()).startsWith("Today's question: ").contains("press Answer privately again");
        assertThat(port.posted).allSatisfy(p -> assertThat(p.reply().visibility()).isEqualTo(Visibility.onlyTo(ana)));
        assertThat(stored.count("sub", day)).as("none of those used up her one answer").isZero();

        submit.accept(ANSWER);
        assertThat(port.last()).startsWith("Score ");
        submit.accept("thanks");
        assertThat(port.last()).as("a second submission is told the first counts").contains("already answered");
        assertThat(stored.count("sub", day)).isEqualTo(1);
    }

    @Test
    void practiseStartsWithTheQuestionsSharingMostTopicsAndSaysWhatItPicked() {
        List<List<Question>> started = new ArrayList<>();
        DailyAnswers recorded = new DailyAnswers(subs, posts, stored, BANKS, new RuleBasedFeedbackEngine(BANKS,
                new TextAnalyzer()), (command, bank, chosen, intro, out) -> started.add(chosen),
                Clock.fixed(NINE, ZoneOffset.UTC));
        // Every question of the track in turn, as the question of the day, pressed Practise on.
        Bank bank = BANKS.current().track("python-developer").orElseThrow();
        for (Question daily : bank.questions()) {
            port.clear();
            started.clear();
            recorded.practiseOn(daily, person("UANA"), new Inbound.Action("p-" + daily.id(), person("UANA"), channel,
                    new ActionId("daily", "practise", "k", 0), null, NINE), port);
            List<Question> chosen = started.getFirst();
            boolean anyRelated = bank.questions().stream().anyMatch(q -> q != daily
                    && q.topics().stream().anyMatch(daily.topics()::contains));
            String said = port.last();
            if (anyRelated) {
                assertThat(chosen.getFirst().topics()).as(daily.id()).containsAnyElementsOf(daily.topics());
                String named = said.replaceAll("^I've started a \\d-question mock interview on ([^,]+?)(,.*)? in our.*$",
                        "$1");
                assertThat(chosen.getFirst().topics()).as(said).contains(named.split(", ")[0]);
            } else {
                assertThat(said).as(daily.id()).contains("none of its other questions is on " + daily.topics().getFirst());
            }
        }
    }

    @Test
    void hintAndPractiseButtonsAnswerOnlyThePersonWhoPressedThem() {
        subscribeAndPost(Subscription.AnswerMode.SEALED);
        String key = posts.byMessage("m1").orElseThrow().key();
        answers.onAction(new Inbound.Action("a-hint", person("UANA"), channel, new ActionId("daily", "hint", key, 0), null,
                NINE), port);
        assertThat(port.last()).startsWith("Hint: ");
        assertThat(port.posted.getLast().reply().visibility()).isEqualTo(Visibility.onlyTo(person("UANA")));
        answers.onAction(new Inbound.Action("a-practise", person("UANA"), channel, new ActionId("daily", "practise", key, 0),
                null, NINE), port);
        assertThat(port.all()).contains("mock interview on").contains("Question 1 of 3");
        assertThat(port.posted.getLast().place().kind()).isEqualTo(Place.Kind.DIRECT);
    }
}
