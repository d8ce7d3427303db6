package dev.interviewcoach.interview;

import dev.interviewcoach.feedback.Feedback;
import dev.interviewcoach.question.Question;
import dev.interviewcoach.question.TalkingPoint;
import java.util.List;
import java.util.Optional;

/**
 * Which follow-up a mock interview asks, as an interviewer would probe: after an answer that
 * missed a point, the follow-up of the first point it missed that has one; otherwise, after an
 * answer that missed something or made a wrong claim, the question's own first follow-up. A full,
 * correct answer gets none. A follow-up answer is judged on what it probes.
 */
final class FollowUps {

    /** The probe id of a question's own follow-up, which is judged on all its points. */
    static final String QUESTION = "*";

    private FollowUps() {
    }

    /** One follow-up: what it probes, how it is asked, and the points its answer is judged on. */
    record Probe(String id, String text, List<TalkingPoint> judgedOn) {}

    /** The follow-up an answer with this feedback gets, if any. */
    static Optional<Probe> after(Question question, Feedback feedback) {
        boolean wrong = !feedback.wrongClaims().isEmpty();
        if (feedback.missed().isEmpty() && !wrong) {
            return Optional.empty();
        }
        if (!wrong) {
            for (TalkingPoint missed : feedback.missed()) {
                if (missed.followUp().isPresent()) {
                    return Optional.of(new Probe(missed.id(), missed.followUp().get(), List.of(missed)));
                }
            }
        }
        // A wrong claim is probed with the question's own follow-up: it asks the person to think the
        // matter through again rather than pointing at one missed point.
        return question.followUps().isEmpty() ? feedback.missed().stream().filter(p -> p.followUp().isPresent())
                .findFirst().map(p -> new Probe(p.id(), p.followUp().get(), List.of(p)))
                : Optional.of(new Probe(QUESTION, question.followUps().getFirst(), question.talkingPoints()));
    }

    /** The follow-up a stored session waits on; empty if the bank no longer has it. */
    static Optional<Probe> find(Question question, String probe) {
        if (QUESTION.equals(probe)) {
            return question.followUps().isEmpty() ? Optional.empty()
                    : Optional.of(new Probe(QUESTION, question.followUps().getFirst(), question.talkingPoints()));
        }
        return question.talkingPoints().stream().filter(p -> p.id().equals(probe) && p.followUp().isPresent())
                .findFirst().map(p -> new Probe(p.id(), p.followUp().get(), List.of(p)));
    }

    /** The question a follow-up answer is judged as: the follow-up's words, on the points it probes. */
    static Question judgedAs(Question question, Probe probe) {
        return new Question(question.id(), question.track(), question.kind(), question.difficulty(), question.topics(),
                probe.text(), question.why(), question.guidance(), probe.judgedOn(), question.exampleAnswer(),
                List.of(), List.of(), question.misconceptions());
    }
}
