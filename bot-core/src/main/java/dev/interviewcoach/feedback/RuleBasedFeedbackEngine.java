package dev.interviewcoach.feedback;

import dev.interviewcoach.text.TextAnalyzer;
import dev.interviewcoach.question.Question;
import dev.interviewcoach.question.BankCatalog;
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
 *   <li>Otherwise a weighted sum, each part 0-1: 0.60 x talking-point coverage + 0.25 x
 *       specificity + 0.15 x structure. Under 0.20 scores 1, under 0.35 2, under 0.50 3,
 *       under 0.70 4, else 5. Coverage dominates: no amount of detail makes up for missing
 *       the points, but a concrete, well-shaped answer that makes most of them scores 5.</li>
 *   <li>Under 25 words scores at most 2: an interviewer would need to ask for more.
 *       Over 350 words loses a point for rambling.</li>
 * </ol>
 * The weights and bands were set against the labelled set in {@code src/test/resources/eval}
 * ({@code coach eval} reports how well they agree).
 */
public final class RuleBasedFeedbackEngine implements FeedbackEngine {

    static final double COVERAGE_WEIGHT = 0.60;
    static final double SPECIFICITY_WEIGHT = 0.25;
    static final double STRUCTURE_WEIGHT = 0.15;
    /** The weighted sum needed for scores 2, 3, 4 and 5. */
    static final double[] BANDS = {0.20, 0.35, 0.50, 0.70};

    private final TextAnalyzer analyzer;
    private final TalkingPointMatcher matcher;
    private final BankCatalog banks;
    /** Relevance is built from the banks it was made for; a reload builds it again. */
    private volatile Relevance relevance;
    private volatile QuestionBanks relevanceFor;
    private final Structure structure = new Structure();
    private final Specificity specificity = new Specificity();
    private final Delivery delivery = new Delivery();

    public RuleBasedFeedbackEngine(BankCatalog banks, TextAnalyzer analyzer) {
        this.analyzer = analyzer;
        this.matcher = new TalkingPointMatcher(analyzer);
        this.banks = banks;
        relevance();
    }

    @Override
    public Feedback assess(Question question, String answerText) {
        AnalyzedText answer = AnalyzedText.of(answerText, analyzer);
        Structure.Result shape = structure.assess(question.kind(), answer);
        List<TalkingPointMatcher.Match> covered = withStoryPoints(question, matcher.covered(question, answer), shape);
        Set<String> coveredIds = covered.stream().map(m -> m.point().id()).collect(Collectors.toSet());
        List<TalkingPoint> missed = question.talkingPoints().stream().filter(p -> !coveredIds.contains(p.id())).toList();
        int total = question.talkingPoints().size();
        double coverage = total == 0 ? 0 : (double) covered.size() / total;

        Relevance.Result rel = relevance().assess(question, answer, coverage);
        Specificity.Result concrete = specificity.assess(answer, question.track());
        Delivery.Result reading = delivery.assess(answer, questionWords(question));
        Feedback.Signals signals = new Feedback.Signals(coverage, rel, shape, concrete, reading);

        int score;
        StringBuilder reason = new StringBuilder();
        if (rel.offTopic()) {
            score = coverage >= 0.25 ? 2 : 1;
            reason.append("The answer does not address this question");
        } else {
            double weighted = COVERAGE_WEIGHT * coverage + SPECIFICITY_WEIGHT * concrete.level()
                    + STRUCTURE_WEIGHT * shape.share();
            score = 1;
            for (double band : BANDS) {
                if (weighted >= band) {
                    score++;
                }
            }
            reason.append("You covered ").append(covered.size()).append(" of ").append(total).append(" talking points");
            List<String> extras = new ArrayList<>();
            if (concrete.level() >= 0.5) {
                extras.add("concrete details");
            }
            if (shape.share() >= 0.75) {
                extras.add("a clear structure");
            }
            if (!extras.isEmpty()) {
                reason.append(", with ").append(String.join(" and ", extras));
            } else if (concrete.level() < 0.2) {
                reason.append(", with few concrete details");
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

    private Relevance relevance() {
        QuestionBanks now = banks.current();
        if (now != relevanceFor) {
            synchronized (this) {
                if (now != relevanceFor) {
                    relevance = new Relevance(now, analyzer);
                    relevanceFor = now;
                }
            }
        }
        return relevance;
    }

    /**
     * Talking points named after a part of a STAR story ({@code situation}, {@code context},
     * {@code task}, {@code action}, {@code result}, {@code measurable-result}) are also shown by
     * that part of the story's structure, whatever words tell it.
     */
    private static List<TalkingPointMatcher.Match> withStoryPoints(Question question,
                                                                   List<TalkingPointMatcher.Match> matched,
                                                                   Structure.Result shape) {
        Set<String> found = matched.stream().map(m -> m.point().id()).collect(Collectors.toSet());
        Set<String> parts = new HashSet<>(shape.present());
        List<TalkingPointMatcher.Match> out = new ArrayList<>();
        for (TalkingPoint point : question.talkingPoints()) {
            matched.stream().filter(m -> m.point().id().equals(point.id())).findFirst().ifPresentOrElse(out::add, () -> {
                String part = switch (point.id()) {
                    case "situation", "context" -> parts.contains("situation") ? "the situation you set out" : null;
                    case "task" -> parts.contains("task") ? "the task you described" : null;
                    case "action" -> parts.contains("action") ? "what you said you did" : null;
                    case "result" -> parts.contains("measurable result") ? "the numbers in your result"
                            : parts.contains("result") ? "the result you gave" : null;
                    case "measurable-result" -> parts.contains("measurable result") ? "the numbers in your result" : null;
                    default -> null;
                };
                if (part != null && !found.contains(point.id())) {
                    out.add(new TalkingPointMatcher.Match(point, part));
                }
            });
        }
        return out;
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
        if (!covered.isEmpty()) {
            List<String> said = covered.stream().map(TalkingPointMatcher.Match::evidence).distinct().limit(4)
                    .map(e -> "\"" + e + "\"").toList();
            out.add("You made " + covered.size() + " of " + q.talkingPoints().size() + " key points, naming "
                    + joinWords(said) + ".");
        }
        boolean behavioural = q.kind() == QuestionKind.BEHAVIORAL || q.kind() == QuestionKind.SITUATIONAL;
        if (shape.share() >= 0.75) {
            out.add(behavioural ? "A clear story: you set the scene, said what you did yourself and gave the result."
                    : "A clear shape: a direct answer, backed by an example, with its trade-off.");
        }
        if (concrete.level() >= 0.5) {
            String asked = q.text().toLowerCase(Locale.ROOT);
            List<String> details = concrete.namedTools().stream().filter(t -> !asked.contains(t)).limit(3).toList();
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

    private static String joinWords(List<String> words) {
        if (words.size() <= 1) {
            return String.join("", words);
        }
        return String.join(", ", words.subList(0, words.size() - 1)) + " and " + words.getLast();
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
