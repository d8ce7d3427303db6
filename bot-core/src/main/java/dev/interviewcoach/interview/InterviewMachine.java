package dev.interviewcoach.interview;

import dev.interviewcoach.feedback.Feedback;
import dev.interviewcoach.feedback.FeedbackEngine;
import dev.interviewcoach.feedback.TalkingPointMatcher;
import dev.interviewcoach.question.Question;
import dev.interviewcoach.question.BankCatalog;
import dev.interviewcoach.question.TalkingPoint;
import dev.interviewcoach.text.NotAnAnswer;
import dev.interviewcoach.text.TextAnalyzer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.Set;
import java.util.Optional;
import dev.interviewcoach.question.QuestionKind;

/**
 * The rules of a mock interview, with no I/O: given a session and a move, the next session,
 * what to record and what to tell the person. Ask -> answer -> feedback -> next, with hint,
 * skip, repeat and end at any point; after the last question, the scorecard.
 */
public final class InterviewMachine {

    private final BankCatalog banks;
    private final FeedbackEngine feedback;

    public InterviewMachine(BankCatalog banks, FeedbackEngine feedback) {
        this.banks = banks;
        this.feedback = feedback;
    }

    /** The outcome of one move: the new state, at most one stored answer or follow-up, and what to say. */
    public record Step(MockSession session, Optional<AnswerRecord> recorded, Optional<FollowUpRecord> followUp,
                       List<InterviewEvent> events) {
        public Step {
            events = List.copyOf(events);
        }

        Step(MockSession session, Optional<AnswerRecord> recorded, List<InterviewEvent> events) {
            this(session, recorded, Optional.empty(), events);
        }

        boolean changed(MockSession before) {
            return session.version() != before.version();
        }
    }

    /** The opening step of a new session: its first question. */
    public Step start(MockSession session) {
        return new Step(session, Optional.empty(), List.of(asked(session, false)));
    }

    public Step apply(MockSession session, Move move, Instant now) {
        if (!session.active()) {
            return new Step(session, Optional.empty(), List.of(new InterviewEvent.AlreadyFinished()));
        }
        Question current = question(session, session.currentQuestionId());
        if (session.awaitingFollowUp()) {
            Optional<FollowUps.Probe> probe = FollowUps.find(current, session.followUpOn());
            if (probe.isPresent()) {
                return followUp(session, current, probe.get(), move, now);
            }
            // The bank lost the follow-up since it was asked: move on, the question keeps its score.
            return next(session.withFollowUp(null), Optional.empty(), Optional.empty(), new ArrayList<>(), now);
        }
        if (isRemoved(current) && move instanceof Move.Answer) {
            // Nothing to judge an answer against: move on rather than score it against nothing.
            return skipped(session, current, now);
        }
        return switch (move) {
            case Move.Answer answer when wordless(answer.text()) ->
                    new Step(session, Optional.empty(), List.of(new InterviewEvent.EmptyAnswer()));
            case Move.Answer answer when courtesy(answer.text()) ->
                    new Step(session, Optional.empty(), List.of(new InterviewEvent.Courtesy()));
            case Move.Answer answer -> answered(session, current, answer.text().strip(), now);
            case Move.Hint ignored -> hint(session, current);
            case Move.Skip ignored -> skipped(session, current, now);
            case Move.Repeat ignored -> new Step(session, Optional.empty(), List.of(asked(session, true)));
            case Move.End ignored -> new Step(session.endedEarly(now), Optional.empty(),
                    List.of(new InterviewEvent.Finished(true)));
        };
    }

    /** Nothing to judge: blank, or only punctuation and emoji ("?", "👍"), which would be scored 1 as if answered. */
    static boolean wordless(String text) {
        return text.codePoints().noneMatch(Character::isLetterOrDigit);
    }

    /** What people type after feedback in a chat ("thanks!", "ok, got it"), which would be scored 1 as an answer. */
    private static final Set<String> COURTESIES = Set.of("thanks", "thank you", "thanks a lot", "thank you so much",
            "thx", "ty", "cheers", "ok", "okay", "ok thanks", "okay thanks", "ok thank you", "got it", "got it thanks",
            "cool", "great", "nice", "awesome", "perfect", "great thanks", "cool thanks", "nice thanks", "makes sense",
            "that makes sense", "understood", "i see", "noted", "sure");

    static boolean courtesy(String text) {
        return COURTESIES.contains(TextAnalyzer.plainWords(text)) || NotAnAnswer.onlyCourtesy(text);
    }

    /**
     * Moves past the follow-up waiting on the current question when the answer, as it now reads (the rest of it sent
     * in a further message), makes the point the follow-up asks about and claims nothing wrong: asking it would ask
     * for what was just said. Empty when the follow-up still has something to ask.
     */
    public Optional<Step> followUpMadeMoot(MockSession session, Feedback answerNow, Instant now) {
        if (!session.active() || !session.awaitingFollowUp()) {
            return Optional.empty();
        }
        Optional<FollowUps.Probe> probe = FollowUps.find(question(session, session.currentQuestionId()),
                session.followUpOn());
        Set<String> covered = answerNow.covered().stream().map(m -> m.point().id()).collect(Collectors.toSet());
        boolean made = probe.isPresent() && answerNow.wrongClaims().isEmpty()
                && probe.get().judgedOn().stream().allMatch(p -> covered.contains(p.id()));
        return made ? Optional.of(next(session.withFollowUp(null), Optional.empty(), Optional.empty(), new ArrayList<>(),
                now)) : Optional.empty();
    }

    /** A follow-up's answer judged again with more added to it: the stored record as it now reads, and what to say. */
    public record FollowUpReassessed(FollowUpRecord record, InterviewEvent.FollowUpAssessed event) {}

    /** The follow-up answer {@code previous} judged again as {@code text}; empty when the bank lost the follow-up. */
    public Optional<FollowUpReassessed> reassessedFollowUp(MockSession session, FollowUpRecord previous, String text) {
        Question question = question(session, session.questionIds().get(previous.position()));
        return FollowUps.find(question, previous.probe()).map(probe -> {
            String joined = text.strip();
            Feedback result = feedback.assess(FollowUps.judgedAs(question, probe), joined,
                    session.user().platform() + ":" + session.user().tenant());
            FollowUpRecord record = new FollowUpRecord(previous.sessionId(), previous.position(), previous.probe(),
                    previous.asked(), AnswerRecord.Outcome.ANSWERED, joined, result.score(),
                    result.covered().stream().map(TalkingPointMatcher.Match::point).map(TalkingPoint::id).toList(),
                    result.missed().stream().map(TalkingPoint::id).toList(), previous.at());
            return new FollowUpReassessed(record, new InterviewEvent.FollowUpAssessed(question, probe.text(), result));
        });
    }

    /** An answer judged again as the person edited it: the stored record as it now reads, and what to tell them. */
    public record Reassessed(AnswerRecord record, InterviewEvent.Assessed event) {}

    /** The stored answer {@code previous} judged again with the text the person changed it to. */
    public Reassessed reassessed(MockSession session, AnswerRecord previous, String text) {
        Question question = question(session, previous.questionId());
        String edited = text.strip();
        Feedback result = feedback.assess(question, edited, session.user().platform() + ":" + session.user().tenant());
        AnswerRecord record = new AnswerRecord(previous.sessionId(), previous.position(), previous.questionId(),
                AnswerRecord.Outcome.ANSWERED, edited, result.score(),
                result.covered().stream().map(TalkingPointMatcher.Match::point).map(TalkingPoint::id).toList(),
                result.missed().stream().map(TalkingPoint::id).toList(), previous.hintsUsed(), previous.at());
        return new Reassessed(record, new InterviewEvent.Assessed(question, result));
    }

    private Step answered(MockSession session, Question question, String text, Instant now) {
        Feedback result = feedback.assess(question, text, session.user().platform() + ":" + session.user().tenant());
        if (result.inAnotherLanguage()) {
            // Scored 1 it would count on the scorecard and in progress for what was never judged.
            return new Step(session, Optional.empty(), List.of(new InterviewEvent.NotInEnglish(false)));
        }
        AnswerRecord record = new AnswerRecord(session.id(), session.position(), question.id(),
                AnswerRecord.Outcome.ANSWERED, text, result.score(),
                result.covered().stream().map(TalkingPointMatcher.Match::point).map(TalkingPoint::id).toList(),
                result.missed().stream().map(TalkingPoint::id).toList(), session.hintsShown(), now);
        List<InterviewEvent> events = new ArrayList<>();
        events.add(new InterviewEvent.Assessed(question, result));
        Optional<FollowUps.Probe> probe = session.followUps() ? FollowUps.after(question, result) : Optional.empty();
        if (probe.isPresent()) {
            // An interviewer probes before moving on: the answer is kept, the question waits on the follow-up.
            events.add(new InterviewEvent.FollowUpAsked(question, probe.get().text(), session.position() + 1,
                    session.total(), false));
            return new Step(session.withFollowUp(probe.get().id()), Optional.of(record), events);
        }
        return next(session, record, events, now);
    }

    private Step followUp(MockSession session, Question question, FollowUps.Probe probe, Move move, Instant now) {
        return switch (move) {
            case Move.Answer answer when wordless(answer.text()) ->
                    new Step(session, Optional.empty(), List.of(new InterviewEvent.EmptyAnswer()));
            case Move.Answer answer when courtesy(answer.text()) ->
                    new Step(session, Optional.empty(), List.of(new InterviewEvent.Courtesy()));
            case Move.Answer answer -> {
                String text = answer.text().strip();
                Feedback result = feedback.assess(FollowUps.judgedAs(question, probe), text, session.user().platform() + ":" + session.user().tenant());
                if (result.inAnotherLanguage()) {
                    yield new Step(session, Optional.empty(), List.of(new InterviewEvent.NotInEnglish(true)));
                }
                FollowUpRecord record = new FollowUpRecord(session.id(), session.position(), probe.id(), probe.text(),
                        AnswerRecord.Outcome.ANSWERED, text, result.score(),
                        result.covered().stream().map(TalkingPointMatcher.Match::point).map(TalkingPoint::id).toList(),
                        result.missed().stream().map(TalkingPoint::id).toList(), now);
                List<InterviewEvent> events = new ArrayList<>();
                events.add(new InterviewEvent.FollowUpAssessed(question, probe.text(), result));
                yield next(session, Optional.empty(), Optional.of(record), events, now);
            }
            case Move.Skip ignored -> followUpSkipped(session, question, probe, now);
            case Move.Hint ignored -> new Step(session, Optional.empty(), List.of(new InterviewEvent.NoHintForFollowUp()));
            case Move.Repeat ignored -> new Step(session, Optional.empty(), List.of(new InterviewEvent.FollowUpAsked(
                    question, probe.text(), session.position() + 1, session.total(), true)));
            // Ending on the last question's follow-up ends nothing early: every question was answered.
            case Move.End ignored -> session.position() + 1 >= session.total()
                    ? followUpSkipped(session, question, probe, now)
                    : new Step(session.endedEarly(now), Optional.empty(), List.of(new InterviewEvent.Finished(true)));
        };
    }

    private Step followUpSkipped(MockSession session, Question question, FollowUps.Probe probe, Instant now) {
        FollowUpRecord record = new FollowUpRecord(session.id(), session.position(), probe.id(), probe.text(),
                AnswerRecord.Outcome.SKIPPED, null, null, List.of(),
                probe.judgedOn().stream().map(TalkingPoint::id).toList(), now);
        List<InterviewEvent> events = new ArrayList<>();
        events.add(new InterviewEvent.FollowUpSkipped(question));
        return next(session, Optional.empty(), Optional.of(record), events, now);
    }

    private Step skipped(MockSession session, Question question, Instant now) {
        AnswerRecord record = new AnswerRecord(session.id(), session.position(), question.id(),
                AnswerRecord.Outcome.SKIPPED, null, null, List.of(),
                question.talkingPoints().stream().map(TalkingPoint::id).toList(), session.hintsShown(), now);
        List<InterviewEvent> events = new ArrayList<>();
        events.add(new InterviewEvent.Skipped(question));
        return next(session, record, events, now);
    }

    private Step next(MockSession session, AnswerRecord record, List<InterviewEvent> events, Instant now) {
        return next(session, Optional.of(record), Optional.empty(), events, now);
    }

    private Step next(MockSession session, Optional<AnswerRecord> record, Optional<FollowUpRecord> followUp,
                      List<InterviewEvent> events, Instant now) {
        MockSession advanced = session.advanced(now);
        if (advanced.active()) {
            events.add(asked(advanced, false));
        } else {
            events.add(new InterviewEvent.Finished(false));
        }
        return new Step(advanced, record, followUp, events);
    }

    private Step hint(MockSession session, Question question) {
        if (session.hintsShown() >= question.hints().size()) {
            return new Step(session, Optional.empty(), List.of(new InterviewEvent.NoMoreHints(question)));
        }
        String hint = question.hints().get(session.hintsShown());
        return new Step(session.withHintShown(), Optional.empty(),
                List.of(new InterviewEvent.HintGiven(hint, session.hintsShown() + 1, question.hints().size())));
    }

    private InterviewEvent.Asked asked(MockSession session, boolean repeated) {
        return new InterviewEvent.Asked(question(session, session.currentQuestionId()), session.position() + 1,
                session.total(), repeated);
    }

    /**
     * The question by id; one removed from the banks since (a custom bank edited while the bot
     * runs) comes back as a stand-in that says so, so old sessions can still be shown.
     */
    Question question(MockSession session, String id) {
        return banks.current().question(session.track(), id).orElseGet(() -> removed(session.track(), id));
    }

    static Question removed(String track, String id) {
        return new Question(id, track, QuestionKind.TECHNICAL, 1, List.of(),
                "(This question has been removed from the question bank. Type skip to move on.)",
                "", "", List.of(), "", List.of(), List.of());
    }

    private boolean isRemoved(Question q) {
        return q.talkingPoints().isEmpty() && q.exampleAnswer().isEmpty();
    }
}
