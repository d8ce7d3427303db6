package dev.interviewcoach.interview;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interviewcoach.TestBanks;
import dev.interviewcoach.chat.Place;
import dev.interviewcoach.chat.Platform;
import dev.interviewcoach.chat.UserRef;
import dev.interviewcoach.feedback.RuleBasedFeedbackEngine;
import dev.interviewcoach.text.TextAnalyzer;
import dev.interviewcoach.interview.InterviewEvent.AlreadyFinished;
import dev.interviewcoach.interview.InterviewEvent.Asked;
import dev.interviewcoach.interview.InterviewEvent.Assessed;
import dev.interviewcoach.interview.InterviewEvent.EmptyAnswer;
import dev.interviewcoach.interview.InterviewEvent.Finished;
import dev.interviewcoach.interview.InterviewEvent.HintGiven;
import dev.interviewcoach.interview.InterviewEvent.NoMoreHints;
import dev.interviewcoach.interview.InterviewEvent.Skipped;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class InterviewMachineTest {

    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
    private final InterviewMachine machine = new InterviewMachine(TestBanks.tinyCatalog(),
            new RuleBasedFeedbackEngine(TestBanks.tinyCatalog(), new TextAnalyzer()));
    private final UserRef alice = new UserRef(Platform.CONSOLE, "local", "alice");

    private MockSession fresh() {
        return new MockSession("s1", alice, Place.direct(Platform.CONSOLE, "local", "c"), "tiny",
                List.of("caching", "conflict", "why-role"), 0, 0, MockSession.Status.ACTIVE, false, 0, NOW, null);
    }

    private MockSession probing() {
        return new MockSession("s1", alice, Place.direct(Platform.CONSOLE, "local", "c"), "tiny",
                List.of("caching", "conflict", "why-role"), 0, 0, MockSession.Status.ACTIVE, false, 0, NOW, null, true,
                null);
    }

    @Test
    void anAnswerThatMissesAPointGetsThatPointsFollowUpBeforeTheNextQuestion() {
        InterviewMachine.Step first = machine.apply(probing(), new Move.Answer(
                "I would use cache-aside in front of the database and evict the key on every write."), NOW);
        assertThat(first.events()).hasSize(2);
        assertThat(first.events().get(0)).isInstanceOf(Assessed.class);
        assertThat(first.events().get(1)).isInstanceOfSatisfying(InterviewEvent.FollowUpAsked.class, f -> {
            assertThat(f.text()).isEqualTo("What happens to an entry that nobody writes to for a week?");
            assertThat(f.number()).isEqualTo(1);
        });
        assertThat(first.recorded()).as("the answer is kept").isPresent();
        assertThat(first.session().position()).as("the question waits on its follow-up").isZero();
        assertThat(first.session().followUpOn()).isEqualTo("ttl");

        InterviewMachine.Step second = machine.apply(first.session(), new Move.Answer(
                "It would stay stale forever, so every key gets a time to live and expires after ten minutes."), NOW);
        assertThat(second.events().get(0)).isInstanceOfSatisfying(InterviewEvent.FollowUpAssessed.class,
                f -> assertThat(f.feedback().covered()).extracting(m -> m.point().id()).containsExactly("ttl"));
        assertThat(second.events().get(1)).isInstanceOfSatisfying(Asked.class, a -> assertThat(a.number()).isEqualTo(2));
        assertThat(second.recorded()).isEmpty();
        assertThat(second.followUp()).hasValueSatisfying(f -> {
            assertThat(f.probe()).isEqualTo("ttl");
            assertThat(f.position()).isZero();
            assertThat(f.coveredPointIds()).containsExactly("ttl");
            assertThat(f.score()).isBetween(1, 5);
        });
        assertThat(second.session().position()).isEqualTo(1);
        assertThat(second.session().awaitingFollowUp()).isFalse();
    }

    @Test
    void aFullAnswerGetsNoFollowUpAndAPointWithoutOneFallsBackToTheQuestionsOwn() {
        InterviewMachine.Step full = machine.apply(probing(), new Move.Answer(
                "I would use cache-aside with a TTL of ten minutes and evict the key on every write."), NOW);
        assertThat(full.events().get(1)).isInstanceOf(Asked.class);

        InterviewMachine.Step missedAside = machine.apply(probing(), new Move.Answer(
                "Every key gets a TTL of ten minutes, and I evict the key on every write."), NOW);
        assertThat(missedAside.events().get(1)).isInstanceOfSatisfying(InterviewEvent.FollowUpAsked.class,
                f -> assertThat(f.text()).isEqualTo("How do you avoid a stampede when a hot key expires?"));
        assertThat(missedAside.session().followUpOn()).isEqualTo(FollowUps.QUESTION);
    }

    @Test
    void duringAFollowUpSkipMovesOnHintHasNoneRepeatAsksAgainAndEndEnds() {
        MockSession waiting = machine.apply(probing(), new Move.Answer(
                "I would use cache-aside in front of the database and evict the key on every write."), NOW).session();
        assertThat(machine.apply(waiting, new Move.Hint(), NOW).events()).singleElement()
                .isInstanceOf(InterviewEvent.NoHintForFollowUp.class);
        assertThat(machine.apply(waiting, new Move.Repeat(), NOW).events()).singleElement()
                .isInstanceOfSatisfying(InterviewEvent.FollowUpAsked.class, f -> assertThat(f.repeated()).isTrue());
        InterviewMachine.Step skipped = machine.apply(waiting, new Move.Skip(), NOW);
        assertThat(skipped.events().get(0)).isInstanceOf(InterviewEvent.FollowUpSkipped.class);
        assertThat(skipped.followUp()).hasValueSatisfying(f -> assertThat(f.outcome()).isEqualTo(AnswerRecord.Outcome.SKIPPED));
        assertThat(skipped.session().position()).isEqualTo(1);
        InterviewMachine.Step ended = machine.apply(waiting, new Move.End(), NOW);
        assertThat(ended.session().active()).isFalse();
        assertThat(ended.events()).singleElement().isInstanceOf(Finished.class);
    }

    @Test
    void endOnTheLastQuestionsFollowUpFinishesTheInterviewAsWholeNotEarly() {
        MockSession last = new MockSession("s1", alice, Place.direct(Platform.CONSOLE, "local", "c"), "tiny",
                List.of("caching"), 0, 0, MockSession.Status.ACTIVE, false, 0, NOW, null, true, null);
        MockSession waiting = machine.apply(last, new Move.Answer(
                "I would use cache-aside in front of the database and evict the key on every write."), NOW).session();
        assertThat(waiting.followUpOn()).as("a follow-up is waiting").isNotNull();
        InterviewMachine.Step ended = machine.apply(waiting, new Move.End(), NOW);
        assertThat(ended.session().active()).isFalse();
        assertThat(ended.session().endedEarly()).as("its one question was answered").isFalse();
        assertThat(ended.followUp()).hasValueSatisfying(f -> assertThat(f.outcome()).isEqualTo(AnswerRecord.Outcome.SKIPPED));
    }

    @Test
    void withFollowUpsOffTheNextQuestionComesStraightAway() {
        InterviewMachine.Step step = machine.apply(fresh(), new Move.Answer(
                "I would use cache-aside in front of the database and evict the key on every write."), NOW);
        assertThat(step.events().get(1)).isInstanceOf(Asked.class);
        assertThat(step.session().awaitingFollowUp()).isFalse();
    }

    @Test
    void startAsksTheFirstQuestion() {
        InterviewMachine.Step step = machine.start(fresh());
        assertThat(step.events()).singleElement().isInstanceOfSatisfying(Asked.class, a -> {
            assertThat(a.question().id()).isEqualTo("caching");
            assertThat(a.number()).isEqualTo(1);
            assertThat(a.total()).isEqualTo(3);
        });
    }

    @Test
    void anAnswerIsScoredRecordedAndTheNextQuestionAsked() {
        InterviewMachine.Step step = machine.apply(fresh(), new Move.Answer(
                "I would use cache-aside with a TTL of ten minutes and evict the key on every write."), NOW);
        assertThat(step.events()).hasSize(2);
        assertThat(step.events().get(0)).isInstanceOfSatisfying(Assessed.class,
                a -> assertThat(a.feedback().covered()).hasSize(3));
        assertThat(step.events().get(1)).isInstanceOfSatisfying(Asked.class, a -> assertThat(a.number()).isEqualTo(2));
        assertThat(step.session().position()).isEqualTo(1);
        assertThat(step.session().version()).isEqualTo(1);
        assertThat(step.recorded()).hasValueSatisfying(r -> {
            assertThat(r.outcome()).isEqualTo(AnswerRecord.Outcome.ANSWERED);
            assertThat(r.coveredPointIds()).containsExactly("cache-aside", "ttl", "invalidate");
            assertThat(r.position()).isZero();
        });
    }

    @Test
    void anEmptyAnswerChangesNothing() {
        MockSession session = fresh();
        InterviewMachine.Step step = machine.apply(session, new Move.Answer("  \n\t "), NOW);
        assertThat(step.events()).singleElement().isInstanceOf(EmptyAnswer.class);
        assertThat(step.session()).isEqualTo(session);
        assertThat(step.recorded()).isEmpty();
        assertThat(machine.apply(session, new Move.Answer("??"), NOW).events()).as("punctuation alone is no answer either")
                .singleElement().isInstanceOf(EmptyAnswer.class);
    }

    @Test
    void hintsComeOneAtATimeUntilTheyRunOut() {
        MockSession session = fresh();
        InterviewMachine.Step first = machine.apply(session, new Move.Hint(), NOW);
        assertThat(first.events()).singleElement().isInstanceOfSatisfying(HintGiven.class,
                h -> assertThat(h.number()).isEqualTo(1));
        InterviewMachine.Step second = machine.apply(first.session(), new Move.Hint(), NOW);
        assertThat(second.events()).singleElement().isInstanceOfSatisfying(HintGiven.class,
                h -> assertThat(h.hint()).isEqualTo("Where does the cache sit?"));
        InterviewMachine.Step third = machine.apply(second.session(), new Move.Hint(), NOW);
        assertThat(third.events()).singleElement().isInstanceOf(NoMoreHints.class);
        assertThat(third.session()).isEqualTo(second.session());
    }

    @Test
    void hintsUsedAreRecordedWithTheAnswerAndResetForTheNextQuestion() {
        MockSession hinted = machine.apply(fresh(), new Move.Hint(), NOW).session();
        InterviewMachine.Step answered = machine.apply(hinted, new Move.Answer("cache-aside"), NOW);
        assertThat(answered.recorded().orElseThrow().hintsUsed()).isEqualTo(1);
        assertThat(answered.session().hintsShown()).isZero();
    }

    @Test
    void twoSkipsSkipTwoQuestions() {
        InterviewMachine.Step first = machine.apply(fresh(), new Move.Skip(), NOW);
        InterviewMachine.Step second = machine.apply(first.session(), new Move.Skip(), NOW);
        assertThat(second.events().getFirst()).isInstanceOfSatisfying(Skipped.class,
                s -> assertThat(s.question().id()).isEqualTo("conflict"));
        assertThat(second.events().get(1)).isInstanceOfSatisfying(Asked.class, a -> assertThat(a.number()).isEqualTo(3));
        assertThat(second.recorded().orElseThrow().outcome()).isEqualTo(AnswerRecord.Outcome.SKIPPED);
        assertThat(second.session().position()).isEqualTo(2);
    }

    @Test
    void skippingTheLastQuestionFinishes() {
        MockSession s = fresh();
        s = machine.apply(s, new Move.Skip(), NOW).session();
        s = machine.apply(s, new Move.Skip(), NOW).session();
        InterviewMachine.Step last = machine.apply(s, new Move.Skip(), NOW);
        assertThat(last.events()).last().isEqualTo(new Finished(false));
        assertThat(last.session().status()).isEqualTo(MockSession.Status.FINISHED);
        assertThat(last.session().finishedAt()).isEqualTo(NOW);
    }

    @Test
    void repeatAsksTheSameQuestionAgainWithoutChangingState() {
        MockSession session = fresh();
        InterviewMachine.Step step = machine.apply(session, new Move.Repeat(), NOW);
        assertThat(step.events()).singleElement().isInstanceOfSatisfying(Asked.class, a -> {
            assertThat(a.repeated()).isTrue();
            assertThat(a.question().id()).isEqualTo("caching");
        });
        assertThat(step.session()).isEqualTo(session);
    }

    @Test
    void endFinishesEarly() {
        InterviewMachine.Step step = machine.apply(fresh(), new Move.End(), NOW);
        assertThat(step.events()).singleElement().isEqualTo(new Finished(true));
        assertThat(step.session().endedEarly()).isTrue();
        assertThat(step.session().active()).isFalse();
        assertThat(step.recorded()).isEmpty();
    }

    @Test
    void anythingAfterTheEndIsTurnedAway() {
        MockSession ended = machine.apply(fresh(), new Move.End(), NOW).session();
        for (Move move : List.of(new Move.Answer("late answer"), new Move.Skip(), new Move.Hint(), new Move.End())) {
            InterviewMachine.Step step = machine.apply(ended, move, NOW);
            assertThat(step.events()).singleElement().isInstanceOf(AlreadyFinished.class);
            assertThat(step.session()).isEqualTo(ended);
        }
    }

    @Test
    void answeringEveryQuestionFinishesWithoutEndingEarly() {
        MockSession s = fresh();
        s = machine.apply(s, new Move.Answer("cache-aside with a ttl"), NOW).session();
        s = machine.apply(s, new Move.Answer("At my last job I proposed a call; as a result we agreed."), NOW).session();
        InterviewMachine.Step last = machine.apply(s, new Move.Answer("I love your product."), NOW);
        assertThat(last.events()).hasSize(2).last().isEqualTo(new Finished(false));
        assertThat(last.session().endedEarly()).isFalse();
    }

    @Test
    void anAnswerInAnotherLanguageIsNotScoredAndTheQuestionStaysOpen() {
        InterviewMachine.Step step = machine.apply(fresh(), new Move.Answer("Usaría una caché delante de la base de datos"
                + " y borraría la clave en cada escritura, con un tiempo de vida de diez minutos por si acaso."), NOW);
        assertThat(step.events()).containsExactly(new InterviewEvent.NotInEnglish(false));
        assertThat(step.recorded()).as("nothing stored, so nothing counts on the scorecard").isEmpty();
        assertThat(step.session()).isEqualTo(fresh());

        InterviewMachine.Step probe = machine.apply(probing(), new Move.Answer(
                "I would use cache-aside in front of the database and evict the key on every write."), NOW);
        InterviewMachine.Step onFollowUp = machine.apply(probe.session(), new Move.Answer("Die Einträge würden für"
                + " immer veraltet bleiben, deshalb bekommt jeder Schlüssel eine Lebensdauer von zehn Minuten."), NOW);
        assertThat(onFollowUp.events()).containsExactly(new InterviewEvent.NotInEnglish(true));
        assertThat(onFollowUp.followUp()).isEmpty();
        assertThat(onFollowUp.session().awaitingFollowUp()).as("the follow-up still waits").isTrue();
    }

    @Test
    void typedWordsMapToTheSameMovesAsButtons() {
        assertThat(Move.fromTyped("hint")).isEqualTo(new Move.Hint());
        assertThat(Move.fromTyped("  SKIP ")).isEqualTo(new Move.Skip());
        assertThat(Move.fromTyped("/repeat")).isEqualTo(new Move.Repeat());
        assertThat(Move.fromTyped("end")).isEqualTo(new Move.End());
        assertThat(Move.fromTyped("I would skip the cache")).isEqualTo(new Move.Answer("I would skip the cache"));
        assertThat(Move.commandWord("skip")).isEqualTo(Move.commandWord("next"));
        assertThat(Move.fromTyped("Next question, please.")).isEqualTo(new Move.Skip());
        assertThat(Move.fromTyped("can I get a hint?")).isEqualTo(new Move.Hint());
        assertThat(Move.fromTyped("repeat the question")).isEqualTo(new Move.Repeat());
        assertThat(Move.fromTyped("End interview")).isEqualTo(new Move.End());
        assertThat(Move.fromTyped("skip the cache")).as("a word that is no move makes it an answer")
                .isEqualTo(new Move.Answer("skip the cache"));
        assertThat(Move.fromTyped("hint then skip")).isEqualTo(new Move.Answer("hint then skip"));
        assertThat(Move.fromTyped("please")).isEqualTo(new Move.Answer("please"));
        assertThat(Move.fromTyped("I don\u2019t know.")).as("said alone, it moves on").isEqualTo(new Move.Skip());
        assertThat(Move.fromTyped("I don't know the exact number, but I would measure it first"))
                .isInstanceOf(Move.Answer.class);
        assertThat(Move.fromTyped("sorry, no clue what this one is about honestly")).as("said with words around it")
                .isEqualTo(new Move.Skip());
        assertThat(Move.fromTyped("can you give me a hint for this one?")).isEqualTo(new Move.Hint());
        assertThat(Move.fromTyped("can we skip this one")).isEqualTo(new Move.Skip());
        assertThat(Move.fromTyped("let's move on")).isEqualTo(new Move.Skip());
        assertThat(Move.fromTyped("I'd like to skip")).isEqualTo(new Move.Skip());
        assertThat(Move.fromTyped("I give up")).isEqualTo(new Move.Skip());
        assertThat(Move.fromTyped("can you repeat that")).isEqualTo(new Move.Repeat());
        assertThat(Move.fromTyped("say that again")).isEqualTo(new Move.Repeat());
        assertThat(Move.fromTyped("I want to stop")).isEqualTo(new Move.End());
        assertThat(Move.fromTyped("we move on to the next service")).isInstanceOf(Move.Answer.class);
        assertThat(Move.fromTyped("What does the question mean?")).isEqualTo(new Move.Hint());
        // not having caught the question is never an answer to score
        assertThat(Move.fromTyped("what?")).isEqualTo(new Move.Repeat());
        assertThat(Move.fromTyped("huh")).isEqualTo(new Move.Repeat());
        assertThat(Move.fromTyped("Sorry, come again?")).isEqualTo(new Move.Repeat());
        assertThat(Move.fromTyped("?")).isEqualTo(new Move.Repeat());
        assertThat(Move.fromTyped("wait what was the question")).isEqualTo(new Move.Repeat());
        assertThat(Move.fromTyped("what was the question again?")).isEqualTo(new Move.Repeat());
        assertThat(Move.fromTyped("What I'd do first is measure")).isInstanceOf(Move.Answer.class);
        assertThat(Move.fromTyped("what matters is the p99")).isInstanceOf(Move.Answer.class);
        assertThat(Move.fromTyped("I'd add type hints and run mypy in CI")).isInstanceOf(Move.Answer.class);
        assertThat(Move.fromTyped("Not sure. I think the GIL stops threads")).isInstanceOf(Move.Answer.class);
        assertThat(Move.fromTyped("I don't know much about B-trees, so I read up on how indexes keep keys sorted and"
                + " found that writes get slower")).as("a long line says something").isInstanceOf(Move.Answer.class);
        assertThat(InterviewMachine.wordless("?")).isTrue();
        assertThat(InterviewMachine.wordless(" \uD83D\uDC4D ")).as("an emoji alone").isTrue();
        assertThat(InterviewMachine.wordless("B-tree")).isFalse();
    }

    @Test
    void aQuestionRemovedFromTheBankMidInterviewIsSkippedNotFailed() {
        MockSession session = new MockSession("s2", alice, Place.direct(Platform.CONSOLE, "local", "c"), "tiny",
                List.of("gone-question", "conflict"), 0, 0, MockSession.Status.ACTIVE, false, 0, NOW, null);
        InterviewMachine.Step step = machine.apply(session, new Move.Answer("my answer"), NOW);
        assertThat(step.events().getFirst()).isInstanceOf(Skipped.class);
        assertThat(step.events().get(1)).isInstanceOfSatisfying(Asked.class, a -> assertThat(a.question().id())
                .isEqualTo("conflict"));
        assertThat(step.recorded()).hasValueSatisfying(r -> assertThat(r.outcome()).isEqualTo(AnswerRecord.Outcome.SKIPPED));
        assertThat(machine.start(session).events()).singleElement().isInstanceOfSatisfying(Asked.class,
                a -> assertThat(a.question().text()).contains("removed from the question bank"));
    }
}
