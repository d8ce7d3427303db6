package dev.interviewcoach.feedback.reviewer;

import dev.interviewcoach.feedback.Feedback;
import dev.interviewcoach.feedback.TalkingPointMatcher;
import dev.interviewcoach.question.TalkingPoint;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The engine's feedback with the reviewer's opinion beside it, and what the person is shown: the
 * engine's score, moved by at most one point and only on the reviewer's evidence in the candidate's
 * own words. Down when the reviewer finds a wrong claim or a contradicted point the engine did not
 * flag; up when it finds a point, made in other words, that the engine missed, and nothing capped
 * the engine's score (off topic, a keyword list, the question copied back, a wrong claim).
 */
public record ReviewedFeedback(Feedback engine, ReviewOutcome outcome, Feedback result, int moved,
                               Optional<String> finding) {

    /** How many of the reviewer's tips join the improvements, after the engine's first. */
    static final int TIPS = 2;

    /** The engine's feedback alone, with no reviewer configured. */
    public static ReviewedFeedback off(Feedback engine) {
        return new ReviewedFeedback(engine, new ReviewOutcome.Off(), engine, 0, Optional.empty());
    }

    /** Combines the engine's feedback with what the reviewer said (nothing changes unless it answered). */
    public static ReviewedFeedback of(Feedback engine, ReviewOutcome outcome) {
        if (!(outcome instanceof ReviewOutcome.Answered answered)) {
            return new ReviewedFeedback(engine, outcome, engine, 0, Optional.empty());
        }
        ModelReview review = answered.review();
        List<Feedback.WrongClaim> found = new ArrayList<>();
        review.wrongClaims().forEach(c -> found.add(new Feedback.WrongClaim(c.said(), c.said(), c.correction())));
        for (ModelReview.PointFinding p : review.points()) {
            if (p.verdict() == ModelReview.Verdict.CONTRADICTED && p.supported()) {
                found.add(new Feedback.WrongClaim(p.evidence(), p.evidence(), "in fact: " + p.point().point()));
            }
        }
        List<TalkingPoint> missed = engine.missed();
        List<ModelReview.PointFinding> paraphrased = review.points().stream()
                .filter(p -> p.verdict() == ModelReview.Verdict.MADE && p.supported() && missed.contains(p.point()))
                .toList();
        List<String> improvements = improvements(engine, review);
        if (!found.isEmpty() && engine.wrongClaims().isEmpty() && engine.score() > 1) {
            Feedback.WrongClaim first = found.getFirst();
            String finding = "The reviewer found a claim that is not right (\"" + first.evidence() + "\": "
                    + first.correction() + "), so the score is one lower than the rules alone gave.";
            List<Feedback.WrongClaim> wrong = new ArrayList<>(engine.wrongClaims());
            wrong.addAll(found);
            // a point the answer states the other way round is not covered, whatever words it shares with it
            List<TalkingPoint> contradicted = review.points().stream()
                    .filter(p -> p.verdict() == ModelReview.Verdict.CONTRADICTED && p.supported())
                    .map(ModelReview.PointFinding::point).toList();
            List<TalkingPointMatcher.Match> covered = engine.covered().stream()
                    .filter(m -> !contradicted.contains(m.point())).toList();
            List<TalkingPoint> nowMissed = new ArrayList<>(engine.missed());
            engine.covered().stream().map(TalkingPointMatcher.Match::point)
                    .filter(contradicted::contains).forEach(nowMissed::add);
            return new ReviewedFeedback(engine, outcome, with(engine, engine.score() - 1, finding, covered, nowMissed,
                    wrong, improvements), -1, Optional.of(finding));
        }
        boolean capped = !engine.wrongClaims().isEmpty() || engine.offTopic() || engine.signals().form().keywordList()
                || engine.signals().form().copiesQuestion();
        if (found.isEmpty() && !capped && !paraphrased.isEmpty() && engine.score() < 5) {
            ModelReview.PointFinding first = paraphrased.getFirst();
            String finding = "The reviewer found " + (paraphrased.size() == 1 ? "a point" : paraphrased.size() + " points")
                    + " you made in your own words that the rules missed (\"" + first.evidence() + "\": "
                    + first.point().point() + "), so the score is one higher than the rules alone gave.";
            List<TalkingPointMatcher.Match> covered = new ArrayList<>(engine.covered());
            List<TalkingPoint> stillMissed = new ArrayList<>(engine.missed());
            for (ModelReview.PointFinding p : paraphrased) {
                covered.add(new TalkingPointMatcher.Match(p.point(), p.evidence(), true));
                stillMissed.remove(p.point());
            }
            return new ReviewedFeedback(engine, outcome, with(engine, engine.score() + 1, finding, covered, stillMissed,
                    engine.wrongClaims(), improvements), 1, Optional.of(finding));
        }
        return new ReviewedFeedback(engine, outcome, with(engine, engine.score(), null, engine.covered(), engine.missed(),
                engine.wrongClaims(), improvements), 0, Optional.empty());
    }

    /** The engine's first improvement, then the reviewer's tips: three at most. */
    private static List<String> improvements(Feedback engine, ModelReview review) {
        if (review.tips().isEmpty()) {
            return engine.improvements();
        }
        List<String> out = new ArrayList<>();
        if (!engine.improvements().isEmpty()) {
            out.add(engine.improvements().getFirst());
        }
        review.tips().stream().limit(TIPS).forEach(out::add);
        for (String more : engine.improvements()) {
            if (out.size() < 3 && !out.contains(more)) {
                out.add(more);
            }
        }
        return out.stream().limit(3).toList();
    }

    private static Feedback with(Feedback engine, int score, String finding, List<TalkingPointMatcher.Match> covered,
                                 List<TalkingPoint> missed, List<Feedback.WrongClaim> wrong, List<String> improvements) {
        String reason = finding == null ? engine.scoreReason() : engine.scoreReason() + " " + finding;
        return new Feedback(Math.clamp(score, 1, 5), reason, covered, missed, wrong, engine.strengths(), improvements,
                engine.wordCount(), engine.signals());
    }
}
