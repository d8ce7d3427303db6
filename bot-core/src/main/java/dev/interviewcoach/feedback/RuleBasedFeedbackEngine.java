package dev.interviewcoach.feedback;

import dev.interviewcoach.question.Question;
import dev.interviewcoach.question.QuestionBanks;
import dev.interviewcoach.question.QuestionKind;
import dev.interviewcoach.question.TalkingPoint;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Deterministic feedback from five signals: talking-point coverage, relevance, structure,
 * specificity and delivery.
 *
 * <p>The rubric, in order:
 * <ol>
 *   <li>Off-topic (the answer fits another question better, or none): 1, or 2 if it still
 *       touched a quarter of the points.</li>
 *   <li>Otherwise coverage sets the base: all points 5 (4 without any concrete detail or
 *       structure), three quarters 4, half 3, a quarter 2, less 1.</li>
 *   <li>Quality (structure and specificity, each 0-1) lifts a base of 4 to 5 when it is at
 *       least 0.5, and a base of 3 to 4 when coverage is 60% or more and quality 0.6 or more.</li>
 *   <li>Under 25 words scores at most 2: an interviewer would need to ask for more.
 *       Over 350 words loses a point for rambling.</li>
 * </ol>
 */
public final class RuleBasedFeedbackEngine implements FeedbackEngine {

    private final TextAnalyzer analyzer;
    private final TalkingPointMatcher matcher;
    private final Relevance relevance;
    private final Structure structure = new Structure();
    private final Specificity specificity = new Specificity();
    private final Delivery delivery = new Delivery();

    public RuleBasedFeedbackEngine(QuestionBanks banks, TextAnalyzer analyzer) {
        this.analyzer = analyzer;
        this.matcher = new TalkingPointMatcher(analyzer);
        this.relevance = new Relevance(banks, analyzer);
    }

    @Override
    public Feedback assess(Question question, String answerText) {
        AnalyzedText answer = AnalyzedText.of(answerText, analyzer);
        List<TalkingPointMatcher.Match> covered = matcher.covered(question, answer);
        Set<String> coveredIds = covered.stream().map(m -> m.point().id()).collect(Collectors.toSet());
        List<TalkingPoint> missed = question.talkingPoints().stream().filter(p -> !coveredIds.contains(p.id())).toList();
        int total = question.talkingPoints().size();
        double coverage = total == 0 ? 0 : (double) covered.size() / total;

        Relevance.Result rel = relevance.assess(question, answer, coverage);
        Structure.Result shape = structure.assess(question.kind(), answer);
        Specificity.Result concrete = specificity.assess(answer);
        Delivery.Result reading = delivery.assess(answer, questionWords(question));
        Feedback.Signals signals = new Feedback.Signals(coverage, rel, shape, concrete, reading);

        int score;
        StringBuilder reason = new StringBuilder();
        double quality = (shape.share() + concrete.level()) / 2;
        if (rel.offTopic()) {
            score = coverage >= 0.25 ? 2 : 1;
            reason.append("The answer does not address this question");
        } else {
            score = coverage >= 0.999 ? 5 : coverage >= 0.75 ? 4 : coverage >= 0.5 ? 3 : coverage >= 0.25 ? 2 : 1;
            reason.append("You covered ").append(covered.size()).append(" of ").append(total).append(" talking points");
            if (score == 5 && quality < 0.25) {
                score = 4;
                reason.append(", though with few concrete details");
            } else if (score == 4 && quality >= 0.5) {
                score = 5;
                reason.append(", with a clear structure and concrete details");
            } else if (score == 3 && coverage >= 0.6 && quality >= 0.6) {
                score = 4;
                reason.append(", with a clear structure and concrete details");
            }
        }
        if (reading.length() == Delivery.Length.TOO_SHORT && score > 2) {
            score = 2;
            reason.append("; at ").append(reading.words()).append(" words it is too short to score higher");
        } else if (reading.length() == Delivery.Length.RAMBLING && score > 1) {
            score -= 1;
            reason.append("; at ").append(reading.words()).append(" words it runs long, which costs a point");
        }
        reason.append('.');
        return new Feedback(score, reason.toString(), covered, missed, strengths(question, covered, shape, concrete, rel),
                improvements(question, missed, shape, concrete, reading, rel), reading.words(), signals);
    }

    private Set<String> questionWords(Question question) {
        Set<String> words = new HashSet<>();
        for (String w : question.text().toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}'-]+")) {
            words.add(w);
        }
        return words;
    }

    private static List<String> strengths(Question q, List<TalkingPointMatcher.Match> covered, Structure.Result shape,
                                          Specificity.Result concrete, Relevance.Result rel) {
        List<String> out = new ArrayList<>();
        if (rel.offTopic()) {
            return out;
        }
        for (TalkingPointMatcher.Match match : covered.stream().limit(2).toList()) {
            out.add("You made the point that " + sentence(match.point().point()) + " (\"" + match.evidence() + "\").");
        }
        boolean behavioural = q.kind() == QuestionKind.BEHAVIORAL || q.kind() == QuestionKind.SITUATIONAL;
        if (shape.share() >= 0.75) {
            out.add(behavioural ? "A clear story: you set the scene, said what you did yourself and gave the result."
                    : "A clear shape: a direct answer, backed by an example, with its trade-off.");
        }
        if (concrete.level() >= 0.5) {
            List<String> details = new ArrayList<>(concrete.namedTools().stream().limit(3).toList());
            out.add("Concrete details" + (details.isEmpty() ? "" : " such as " + String.join(", ", details))
                    + (concrete.numbers() > 0 ? " and real numbers" : "") + " make it believable.");
        }
        return out.stream().limit(3).toList();
    }

    private static List<String> improvements(Question q, List<TalkingPoint> missed, Structure.Result shape,
                                             Specificity.Result concrete, Delivery.Result reading, Relevance.Result rel) {
        List<String> out = new ArrayList<>();
        if (rel.offTopic()) {
            out.add("This reads as an answer to a different question. Re-read what was asked (" + shorten(q.text())
                    + ") and answer that directly.");
        }
        for (TalkingPoint point : missed.stream().limit(rel.offTopic() ? 1 : 2).toList()) {
            out.add("Cover this next time: " + sentence(point.point()) + ".");
        }
        if (reading.length() == Delivery.Length.TOO_SHORT) {
            out.add("Say more: " + reading.words() + " words is short for an interview answer; aim for 80 to 250.");
        }
        if (!rel.offTopic()) {
            List<String> gaps = shape.missing();
            if (gaps.contains("result")) {
                out.add("End with the result, and a number if you can: time saved, errors cut, customers kept.");
            } else if (gaps.contains("action")) {
                out.add("Say what you did yourself (\"I proposed...\", \"I rewrote...\"), not only what the team did.");
            } else if (gaps.contains("situation")) {
                out.add("Open with the situation: where you were, and what was at stake.");
            } else if (gaps.contains("measurable result")) {
                out.add("Put a number on the result (how much faster, how many fewer incidents).");
            } else if (gaps.contains("trade-off")) {
                out.add("Add a trade-off: what it costs, or when you would not do it.");
            } else if (gaps.contains("example")) {
                out.add("Back it with a concrete example from a project, or name the tool you used.");
            }
            if (concrete.level() == 0) {
                out.add("Add one concrete detail: a number, a tool you used, or a real case.");
            }
        }
        if (reading.length() == Delivery.Length.RAMBLING) {
            out.add("Trim it: " + reading.words() + " words is a lot to follow; lead with your main point and keep one example.");
        }
        if (reading.hedges().size() >= 2) {
            out.add("Drop the hedges (" + reading.hedges().stream().distinct().limit(2).map(h -> "\"" + h + "\"")
                    .collect(Collectors.joining(", ")) + "): say what you would do with confidence.");
        }
        if (reading.fillers().size() >= 3) {
            out.add("Cut the filler words (" + reading.fillers().stream().distinct().limit(2).map(h -> "\"" + h + "\"")
                    .collect(Collectors.joining(", ")) + ").");
        }
        if (!reading.overused().isEmpty()) {
            out.add("You leaned on \"" + reading.overused().getFirst() + "\" a lot; vary your words.");
        }
        return out.stream().limit(3).toList();
    }

    private static String sentence(String point) {
        String s = point.strip();
        if (s.endsWith(".")) {
            s = s.substring(0, s.length() - 1);
        }
        return s.length() > 1 && Character.isUpperCase(s.charAt(0)) && Character.isLowerCase(s.charAt(1))
                ? Character.toLowerCase(s.charAt(0)) + s.substring(1) : s;
    }

    private static String shorten(String text) {
        String line = text.replaceAll("\\s+", " ").strip();
        return line.length() <= 100 ? line : line.substring(0, 97) + "...";
    }
}
