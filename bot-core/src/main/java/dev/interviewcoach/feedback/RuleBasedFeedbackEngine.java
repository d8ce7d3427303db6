package dev.interviewcoach.feedback;

import dev.interviewcoach.text.TextAnalyzer;
import dev.interviewcoach.feedback.meaning.CachedEmbedder;
import dev.interviewcoach.question.Bank;
import dev.interviewcoach.question.Misconception;
import dev.interviewcoach.question.Question;
import dev.interviewcoach.question.BankCatalog;
import dev.interviewcoach.question.QuestionBanks;
import dev.interviewcoach.question.QuestionKind;
import dev.interviewcoach.question.TalkingPoint;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Deterministic feedback from the substance of an answer first and its form second.
 *
 * <p>The rubric, in order:
 * <ol>
 *   <li>A talking point counts when the answer states it, in the bank's words (stems, phrases,
 *       synonyms, small typos) or in its own (a sentence close in meaning to the point, when the
 *       sentence model is on). A point stated inside "not", "never", "no" does not count; a point
 *       stated only the other way round is a wrong claim.</li>
 *   <li>The answer's measurements ({@link ScoreInputs}: the points made and how closely, relevance to
 *       this question against the others, detail, structure, length, wrong claims, form) are weighed by
 *       the {@link ScoreModel}, whose weights and cut points are fitted on the dev part of the labelled
 *       set, into a band of 1-5.</li>
 *   <li>The {@link Rubric}'s rules, whatever the band: the question copied back scores 1; a
 *       misconception asserted or a point denied, a keyword list without sentences, an answer that is
 *       mostly repetition, or one under {@value Delivery#SHORT_WORDS} words, at most 2; absolutes with no
 *       trade-off a point off; over {@value Delivery#LONG_WORDS} words a point off, over
 *       {@value Rubric#VERY_LONG_WORDS} two, over {@value Rubric#CAP_WORDS} at most 2.</li>
 * </ol>
 * The model and the meaning thresholds are tuned on the dev part in {@code src/test/resources/eval/dev};
 * {@code coach eval} reports the test part, which is never tuned on.
 */
public final class RuleBasedFeedbackEngine implements FeedbackEngine {

    /**
     * An answer no more concrete than this (no number, named tool or real case) that makes fewer
     * than this share of the points outright, in words, stays general (one of the score model's inputs).
     */
    static final double GENERAL_SPECIFICITY = 0.1;
    static final double GENERAL_WORD_COVERAGE = 0.4;
    /**
     * Closeness in meaning below which a piece of the answer earns nothing towards a point, and at
     * which it earns the whole point; between the two it earns a share. Words that show the point
     * earn it whole.
     */
    static final double MEANING_FLOOR = 0.43;
    static final double MEANING_FULL = 0.80;
    /**
     * Closeness to some point at which an answer the words call off-topic is told it could not be tied
     * to the question's points rather than that it answers another question (most answers to another
     * question stay below it on the dev part; many right answers in other words reach it).
     */
    static final double NEAR_IN_MEANING = 0.50;
    /**
     * An answer the words call off-topic is taken as about the question asked when that question is among this many
     * of the banks' questions nearest to it in meaning (chosen on the dev part's folds among 1, 2 and 3): it says
     * the right things in other words. Answers to another question stay off-topic.
     */
    static final int NEAREST_QUESTIONS = 2;
    /** Closeness at which a point not listed as made is named as nearly made, quoting the piece that came close. */
    static final double MEANING_CLOSE = 0.55;
    /** Closeness at which a point not shown in words is listed as made, quoting the piece that made it. */
    static final double MEANING_COVERS = 0.66;
    /** A denying piece this close to a point, not otherwise made, states it the other way round. */
    static final double MEANING_DENIES = 0.70;
    /**
     * A piece this close to a misconception's claim, and closer to it than to the correction by the
     * margin, asserts it. Set high on purpose: the sentence model places a claim and its correction
     * close together, so below this it flags right answers as often as wrong ones (dev part). A lower bar for a
     * piece far from every point's wording caught wrong answers on the tuned sets but flagged right answers in
     * everyday words written afterwards ("kafka may hand you the same message twice" as "Kafka delivers each
     * message exactly once"): plain right sentences sit nearer a plainly worded claim than its correction.
     */
    static final double MEANING_CLAIM = 0.85;
    static final double MEANING_CLAIM_MARGIN = 0.05;
    /**
     * How many of the correction's own words (not the claim's) in the sentence make it side with the correction.
     * One vetoed true flags as well on the dev part (and on the test part); two kept every one.
     */
    static final int CORRECTION_WORDS = 2;

    /** How many of the banks' texts {@link #prepare} embeds between two looks at whether it should stop. */
    private static final int TEXTS_A_STEP = 32;

    private static final Pattern SAID_WITH_A_DENIAL = Pattern.compile(
            "\\b(not|no|never|nobody|none|without|instead of|rather than)\\b|n't\\b", Pattern.CASE_INSENSITIVE);

    /** What an input that lowered the score says to the candidate, when it is low ({@code true}) or high. */
    private record Against(String input, boolean whenLow, String said) {}

    /**
     * A piece that opens by supposing ("without a happens-before edge...", "if equals is overridden without hashCode",
     * "unless...") tells what happens in that case: its negation is the condition, not a denial of the point.
     */
    private static final Pattern SUPPOSES = Pattern.compile("(?i)\\W*(without|unless|if|when|whenever|once)\\b");
    /** The inputs that can be said plainly; the others (the caps among them) are said by the rubric or not at all. */
    private static final String FEW_POINTS = "few of the talking points are made";
    private static final String LOOSE_POINTS = "the points come through loosely, more by the shape of the answer or"
            + " near meaning than said outright";
    private static final String ELSEWHERE = "much of it is about something other than this question";
    private static final String FEW_DETAILS = "few concrete details (a number, a named tool, a real case)";
    /** Said with the sentence and the claim it came near, when they are known. */
    private static final String NEAR_A_CLAIM = "part of it reads like a common misconception";
    private static final List<Against> AGAINST = List.of(
            new Against("coverage", true, FEW_POINTS),
            new Against("points_in_words", true, FEW_POINTS),
            new Against("support_mean", true, FEW_POINTS),
            new Against("relevance", true, ELSEWHERE),
            new Against("relevance_gap", true, ELSEWHERE),
            new Against("specificity", true, FEW_DETAILS),
            new Against("numbers", true, FEW_DETAILS),
            new Against("real_case", true, FEW_DETAILS),
            new Against("log_words", true, "it is brief for what the question asks"),
            new Against("claim_closeness", false, NEAR_A_CLAIM),
            new Against("hedges", false, "it hedges more than it commits"),
            new Against("general", false, "it stays general"));

    private final TextAnalyzer analyzer;
    private final TalkingPointMatcher matcher;
    private final Optional<MeaningMatcher> meaning;
    private final BankCatalog banks;
    private final ScoreModel model;
    /** Relevance is built from the banks it was made for; a reload builds it again. */
    private volatile Relevance relevance;
    private volatile QuestionBanks relevanceFor;
    /** Where each question lies by meaning, built on the first answer that needs it for the banks of the day. */
    private volatile TopicByMeaning topics;
    private volatile QuestionBanks topicsFor;
    private final Optional<CachedEmbedder> sentenceModel;
    private final AnswerForm form = new AnswerForm();
    private final Structure structure = new Structure();
    private final Specificity specificity = new Specificity();
    private final Delivery delivery = new Delivery();

    /** Feedback from words alone (stems, phrases, synonyms, typos), as with {@code feedback.semantic: off}. */
    public RuleBasedFeedbackEngine(BankCatalog banks, TextAnalyzer analyzer) {
        this(banks, analyzer, Optional.empty());
    }

    /** Feedback from words and, given a sentence model, from meaning. */
    public RuleBasedFeedbackEngine(BankCatalog banks, TextAnalyzer analyzer, Optional<CachedEmbedder> sentenceModel) {
        this.analyzer = analyzer;
        this.matcher = new TalkingPointMatcher(analyzer);
        this.meaning = sentenceModel.map(m -> new MeaningMatcher(m, analyzer, matcher));
        this.sentenceModel = sentenceModel;
        this.banks = banks;
        this.model = ScoreModel.builtIn(meaning.isPresent() ? ScoreModel.WITH_MEANING : ScoreModel.WORDS_ONLY);
        relevance();
    }

    /**
     * Readies judging for the banks of the day before anyone answers, so that the first answers after a start
     * take about as long as later ones: the sentence model loaded, every question placed by meaning, and one
     * sentence of each question's example answer judged, which readies that question's wordings (their vectors
     * from the vector cache where it has them) and compiles the judging code. Safe beside answers being judged;
     * when the thread is interrupted it stops after the step in hand (a question, or a few of the banks' texts).
     * After each step {@code step} is told how many questions are ready (0 while the banks are placed, then up to
     * {@link #questionsToPrepare()}), on this thread, which it may hold there to give way to answers.
     */
    public void prepare(IntConsumer step) {
        QuestionBanks now = banks.current();
        if (sentenceModel.isPresent()) {
            CachedEmbedder model = sentenceModel.get();
            model.load();
            // In steps, each a fraction of a second, so that a stop is never kept waiting for seconds.
            List<String> placing = TopicByMeaning.texts(now);
            for (int from = 0; from < placing.size(); from += TEXTS_A_STEP) {
                if (Thread.currentThread().isInterrupted()) {
                    return;
                }
                model.embedKnown(placing.subList(from, Math.min(placing.size(), from + TEXTS_A_STEP)));
                step.accept(0);
            }
            topics();
        }
        int count = 0;
        for (Bank track : now.tracks()) {
            for (Question question : track.questions()) {
                if (Thread.currentThread().isInterrupted()) {
                    return;
                }
                List<String> sentences = AnalyzedText.sentences(question.exampleAnswer());
                assess(question, sentences.isEmpty() ? question.text() : sentences.getFirst());
                step.accept(++count);
            }
        }
    }

    /** How many questions {@link #prepare} readies: every question of the banks of the day. */
    public int questionsToPrepare() {
        return banks.current().tracks().stream().mapToInt(track -> track.questions().size()).sum();
    }

    @Override
    public Feedback assess(Question question, String typed) {
        // "dont just add workers" denies as "don't just add workers" does; the quotes show the apostrophe restored
        String answerText = TextAnalyzer.withApostrophes(typed);
        AnswerForm.Result read = form.read(answerText, question.text(), analyzer);
        AnalyzedText answer = read.analysed();
        AnswerForm.Result shapeOfText = !read.keywordList() && !read.otherLanguage() && !read.codeOnly()
                && matcher.bareRubricPhrases(question, answer) ? read.asKeywordList() : read;
        Structure.Result shape = structure.assess(question.kind(), answer);
        TalkingPointMatcher.Result byWords = matcher.match(question, answer);
        // Meaning is read only where words leave a point unmade: it can add points, never take one away.
        boolean everyPointInWords = byWords.covered().size() == question.talkingPoints().size();
        boolean readMeaning = meaning.isPresent() && !shapeOfText.keywordList() && !shapeOfText.copiesQuestion()
                && !shapeOfText.otherLanguage()
                && !everyPointInWords;
        Optional<MeaningMatcher.Result> byMeaning = readMeaning
                ? Optional.of(meaning.get().compare(question, answer.sentences())) : Optional.empty();

        List<TalkingPointMatcher.Match> covered = new ArrayList<>();
        List<Feedback.WrongClaim> wrong = new ArrayList<>();
        Map<TalkingPoint, String> cameClose = new HashMap<>();
        double credit = 0;
        List<Double> supports = new ArrayList<>();
        for (TalkingPoint point : question.talkingPoints()) {
            Optional<TalkingPointMatcher.Match> word = byWords.covered().stream().filter(m -> samePoint(m.point(), point)).findFirst();
            Optional<MeaningMatcher.PointCloseness> close = byMeaning.flatMap(r -> r.points().stream()
                    .filter(c -> samePoint(c.point(), point)).findFirst());
            double support = close.map(MeaningMatcher.PointCloseness::support).orElse(0.0);
            credit += word.isPresent() ? 1 : Math.clamp((support - MEANING_FLOOR) / (MEANING_FULL - MEANING_FLOOR), 0, 1);
            supports.add(word.isPresent() ? 1.0 : support);
            if (word.isPresent()) {
                covered.add(word.get());
            } else if (support >= MEANING_COVERS) {
                covered.add(new TalkingPointMatcher.Match(point, excerpt(close.get().supportPiece())));
            } else if (support < MEANING_FULL) {
                // "you came close with" a sentence that shares no word with the point beyond the question's would
                // quote something merely on topic ("asyncio debug mode logs slow callbacks" for capping concurrency)
                if (support >= MEANING_CLOSE && beyondTheTopic(question, pointSide(point), close.get().supportPiece())) {
                    cameClose.put(point, excerpt(close.get().supportPiece()));
                }
                byWords.denied().stream().filter(d -> samePoint(d.point(), point) && d.inItsOwnWords()).findFirst()
                        .map(TalkingPointMatcher.Denial::evidence)
                        .or(() -> close.filter(c -> c.denial() >= MEANING_DENIES && !c.denialSaysAPoint()
                                && !SUPPOSES.matcher(c.denialPiece()).lookingAt()
                                && !TalkingPointMatcher.negatedOnlyInScope(c.denialPiece())
                                && !distancedInItsSentence(answer, c.denialPiece())).map(c -> excerpt(c.denialPiece())))
                        .ifPresent(said -> wrong.add(new Feedback.WrongClaim(said, "the opposite of: " + point.point(),
                                point.point())));
            }
        }
        int beforeStory = covered.size();
        covered = withStoryPoints(question, covered, shape);
        credit += covered.size() - beforeStory;
        long inWords = covered.size() - covered.stream().filter(m -> byMeaningOnly(m, byWords)).count();
        List<Optional<String>> spotted = matcher.spotted(question.misconceptions(), answer,
                question.kind() != QuestionKind.TECHNICAL);
        for (int i = 0; i < question.misconceptions().size(); i++) {
            Misconception m = question.misconceptions().get(i);
            Optional<String> said = spotted.get(i);
            if (said.isEmpty() && byMeaning.isPresent()) {
                MeaningMatcher.ClaimCloseness c = byMeaning.get().claims().get(i);
                // a window of a long sentence is judged with the words before it there: "I used to believe that ...";
                // and a piece that comes as close to a point as worded says the point: "objects that are equal must
                // return the same hashCode" sits as near "same hash code must be equal" as the model can tell apart
                if (c.claim() >= MEANING_CLAIM && c.margin() >= MEANING_CLAIM_MARGIN && !distancedInItsSentence(answer, c.piece())
                        && c.point() < c.claim()
                        && !sidesWithCorrection(m, c.piece(), answer) && !oppositePolarity(m.claim(), c.piece())
                        && !namesTheAlternative(m.claim(), c.piece())
                        && beyondTheTopic(question, claimSide(m), c.piece())) {
                    said = Optional.of(excerpt(c.piece()));
                }
            }
            said.ifPresent(s -> wrong.add(new Feedback.WrongClaim(s, m.claim(), m.correction())));
        }
        if (question.kind() != QuestionKind.TECHNICAL && wrong.isEmpty()) {
            Disparaging.find(answer.sentences()).ifPresent(s -> wrong.add(new Feedback.WrongClaim(excerpt(s),
                    Disparaging.CLAIM, Disparaging.CORRECTION)));
        }

        Set<String> coveredIds = covered.stream().map(m -> m.point().id()).collect(Collectors.toSet());
        List<TalkingPoint> missed = question.talkingPoints().stream().filter(p -> !coveredIds.contains(p.id())).toList();
        // a missed point the answer named only to wave it away ("stampedes aren't a real problem") is told why it matters
        Map<TalkingPoint, String> dismissed = new HashMap<>();
        Set<String> claimed = wrong.stream().map(Feedback.WrongClaim::evidence).collect(Collectors.toSet());
        List<TalkingPoint> missedByWords = missed;
        // a point that is itself said with a denial ("instead of a flat no", "no formal authority", "will not present
        // it") is agreed with, not waved away, by "instead of saying no" or "none of them reported to me"
        byWords.denied().stream().filter(d -> missedByWords.contains(d.point()) && !claimed.contains(d.evidence())
                        && !SAID_WITH_A_DENIAL.matcher(d.point().point()).find())
                .forEach(d -> dismissed.putIfAbsent(d.point(), d.evidence()));
        int total = question.talkingPoints().size();
        double coverage = total == 0 ? 0 : Math.min(1, credit / total);

        Relevance.Result rel = relevance().assess(question, answer, coverage);
        if (rel.offTopic() && byMeaning.isPresent()) {
            int rank = topics().rankOf(question, byMeaning.get().gist());
            if (rank >= 1 && rank <= NEAREST_QUESTIONS) {
                rel = rel.aboutTheQuestion();
            }
        }
        Specificity.Result concrete = specificity.assess(answer, question.track());
        Delivery.Result reading = delivery.assess(answer, questionWords(question), narrow(question));
        int rawWords = TextAnalyzer.wordCount(answerText);
        // the sentence nearest a wrong claim the answer was not found to make: named if it is what lowered the score
        Optional<MeaningMatcher.ClaimCloseness> nearestClaim = byMeaning.flatMap(r -> r.claims().stream()
                .filter(c -> c.piece() != null).max(Comparator.comparingDouble(MeaningMatcher.ClaimCloseness::claim)));
        Feedback.Meaning meaningSignal = byMeaning.map(r -> {
            Optional<MeaningMatcher.ClaimCloseness> closest = r.claims().stream()
                    .max(Comparator.comparingDouble(MeaningMatcher.ClaimCloseness::claim));
            return new Feedback.Meaning(true, r.points().stream().map(MeaningMatcher.PointCloseness::support).toList(),
                    r.points().stream().map(MeaningMatcher.PointCloseness::denial).toList(),
                    closest.map(MeaningMatcher.ClaimCloseness::claim).orElse(0.0),
                    closest.map(MeaningMatcher.ClaimCloseness::margin).orElse(0.0));
        }).orElse(Feedback.Meaning.notRead());
        boolean general = concrete.level() <= GENERAL_SPECIFICITY
                && (total == 0 || (double) inWords / total < GENERAL_WORD_COVERAGE);
        // Words alone call an answer off-topic when it shares few of the question's words; one that is close in
        // meaning to a point, or a story where a story was asked for, may well answer it in other words, so the
        // feedback does not say it answers another question.
        boolean mayAnswerIt = byMeaning.map(r -> r.points().stream().mapToDouble(MeaningMatcher.PointCloseness::support)
                .max().orElse(0)).orElse(0.0) >= NEAR_IN_MEANING || rel.storyForAnotherStory(question);
        boolean answersAnother = rel.offTopic() && !mayAnswerIt && covered.isEmpty() && wrong.isEmpty();
        ScoreInputs inputs = inputs(coverage, supports, inWords, covered.size(), total, rel, shape, concrete, reading,
                shapeOfText, meaningSignal, wrong.size(), rawWords, general, answersAnother);
        Feedback.Signals signals = new Feedback.Signals(coverage, rel, shape, concrete, reading, shapeOfText, meaningSignal,
                inputs);

        Rubric.Decision decision = Rubric.decide(inputs, model.band(inputs));
        int score = decision.score();
        // A point "shown" by the very words that make a wrong claim is not made: "The GIL was removed in Python 3"
        // names the GIL and says the opposite of the point about it. Listing it as covered beside "Not right" would
        // contradict itself; the score already holds the claim against the answer.
        if (!wrong.isEmpty()) {
            List<TalkingPointMatcher.Match> madeByTheClaim = covered.stream().filter(m -> wrong.stream()
                    .anyMatch(w -> sameWords(m.evidence(), w.evidence()))).toList();
            if (!madeByTheClaim.isEmpty()) {
                List<TalkingPointMatcher.Match> kept = new ArrayList<>(covered);
                kept.removeAll(madeByTheClaim);
                covered = kept;
                Set<String> still = covered.stream().map(m -> m.point().id()).collect(Collectors.toSet());
                missed = question.talkingPoints().stream().filter(p -> !still.contains(p.id())).toList();
            }
        }
        StringBuilder reason = new StringBuilder();
        if (rawWords == 0) {
            // Only punctuation or emoji: the caps' reasons ("repeats itself", "0 words") would say nothing useful.
            return new Feedback(score, "There are no words here to score. Answer in a few sentences, as you would out loud.",
                    covered, missed, wrong, List.of(), improvements(question, missed, cameClose, dismissed, wrong, shape, concrete,
                    reading, rel, mayAnswerIt, shapeOfText, rawWords), rawWords, signals);
        }
        if (onlyLinks(answerText)) {
            // "a list of terms without sentences" would misread it: the answer is elsewhere, where the coach does not go.
            return new Feedback(1, "A link is not an answer: I don't open links, and an interviewer wants to hear it in"
                    + " your own words.", List.of(), question.talkingPoints(), List.of(), List.of(),
                    List.of("Say in a few sentences what you would do and why, as you would out loud."), rawWords, signals);
        }
        if (shapeOfText.otherLanguage()) {
            // The talking points, the misconceptions and the weights are English: what they found here is chance.
            return new Feedback(1, "This answer reads as written in another language. The coach reads answers in English"
                    + " only, so it cannot judge this one.", List.of(), question.talkingPoints(), List.of(), List.of(),
                    List.of("Answer in English to get feedback on what you said."), rawWords, signals);
        }
        if (decision.caps().contains(Rubric.Cap.COPIES_QUESTION)) {
            reason.append("The answer repeats the question rather than answering it");
        } else if (shapeOfText.codeOnly() && score <= 2) {
            reason.append("Code alone does not answer the question: say in sentences what it does and why you would"
                    + " choose it");
        } else if (shapeOfText.mostlyNamesTopics() && score <= 2) {
            reason.append("The answer names topics as things people talk about and says nothing about them");
        } else if (rel.offTopic() && score <= 2) {
            // a point listed as made beside "does not address" or "could not tie" would contradict the reason
            reason.append(!covered.isEmpty() ? "I could tie little of this answer to the question's key points ("
                    + covered.size() + " of " + total + ")"
                    : mayAnswerIt ? "I could not tie this answer to the question's key points"
                    : "The answer does not address this question");
        } else {
            // The score weighs the whole answer (how near it comes to each point in meaning, its shape, its details):
            // "You covered 2 of 5 talking points" beside a 4 or a 5 would read as a contradiction of it.
            boolean wholeAnswer = score >= 4 && covered.size() * 2 < total;
            reason.append(wholeAnswer ? "As a whole it reads as a good answer to this question, though I could tie only "
                    : "You covered ");
            reason.append(covered.size()).append(" of ").append(total).append(" talking points");
            if (wholeAnswer) {
                reason.append(" to your own words");
            }
            List<String> extras = new ArrayList<>();
            if (concrete.level() >= 0.5 && coverage > 0) {
                extras.add("concrete details");
            }
            if (shape.share() >= 0.75 && coverage > 0) {
                extras.add("a clear structure");
            }
            if (!extras.isEmpty()) {
                reason.append(", with ").append(String.join(" and ", extras));
            } else if (concrete.level() < 0.2) {
                reason.append(wholeAnswer ? "; it has few concrete details" : ", with few concrete details");
            }
        }
        if (decision.caps().isEmpty() && score <= 3 && !rel.offTopic()) {
            // the reason has already spoken of the details, either way: "with concrete details; what weighed most
            // against it: few concrete details" contradicts itself, and "few" twice says nothing new
            Set<String> saidAlready = reason.indexOf("concrete details") >= 0 ? Set.of(FEW_DETAILS) : Set.of();
            heaviestAgainst(inputs, saidAlready)
                    .map(said -> said.equals(NEAR_A_CLAIM) ? nearestClaim.map(RuleBasedFeedbackEngine::nearAClaim)
                            .orElse(said) : said)
                    .ifPresent(said -> reason.append("; what weighed most against it: ").append(said));
        }
        for (Rubric.Cap cap : decision.caps()) {
            // what was left once the talk of topics was set aside is short: saying so would only confuse
            if (!(shapeOfText.mostlyNamesTopics() && (cap == Rubric.Cap.TOO_SHORT || cap == Rubric.Cap.REPEATED))) {
                reason.append(capReason(cap, reading, rawWords, question.kind(),
                        decision.caps().contains(Rubric.Cap.REPEATED)));
            }
        }
        if (score == 4) {
            reason.append(". To make it a 5, ").append(towardsFive(missed, cameClose, concrete,
                    storyGaps(question, missed, shape), question.kind(), rawWords));
        }
        reason.append('.');
        return new Feedback(score, reason.toString(), covered, missed, wrong,
                strengths(question, covered, shape, concrete, rel, score),
                improvements(question, missed, cameClose, dismissed, wrong, shape, concrete, reading, rel, mayAnswerIt, shapeOfText, rawWords),
                rawWords, signals);
    }

    private static ScoreInputs inputs(double coverage, List<Double> supports, long inWords, int covered, int total,
                                      Relevance.Result rel, Structure.Result shape, Specificity.Result concrete,
                                      Delivery.Result reading, AnswerForm.Result form, Feedback.Meaning meaning,
                                      int wrongClaims, int rawWords, boolean general, boolean answersAnother) {
        double points = Math.max(1, total);
        double mean = supports.stream().mapToDouble(Double::doubleValue).average().orElse(0);
        double min = supports.stream().mapToDouble(Double::doubleValue).min().orElse(0);
        double maxUnmade = supports.stream().mapToDouble(Double::doubleValue).filter(v -> v < 1).max().orElse(0);
        double denial = meaning.pointDenial().stream().mapToDouble(Double::doubleValue).max().orElse(0);
        return new ScoreInputs(new double[] {
                coverage, inWords / points, covered / points, mean, min, maxUnmade,
                rel.share(), rel.bestOtherShare(), rel.share() - rel.bestOtherShare(), shape.share(), concrete.level(),
                Math.min(3, concrete.numbers()) / 3.0, Math.min(3, concrete.namedTools().size()) / 3.0,
                concrete.realCase() ? 1 : 0, Math.log1p(rawWords) / Math.log(1000),
                reading.length() == Delivery.Length.TOO_SHORT ? 1 : 0, rawWords > Delivery.LONG_WORDS ? 1 : 0,
                denial, meaning.claimCloseness(), meaning.claimMargin(),
                wrongClaims > 0 ? 1 : 0, form.keywordList() ? 1 : 0, form.repeatedShare(),
                reading.overclaims() ? 1 : 0, Math.min(3, reading.hedges().size()) / 3.0, rel.offTopic() ? 1 : 0,
                general ? 1 : 0}, rawWords, form.copiesQuestion(), answersAnother);
    }

    /**
     * Whether the sentence around a piece that came close to a wrong claim uses words only the correction uses: "to
     * find customers with no orders I left join orders and filter where orders.id is null" is as close to "use an
     * INNER JOIN ... WHERE o.id IS NULL" as a sentence can be, but "left" is the correction's word, not the claim's.
     */
    private boolean sidesWithCorrection(Misconception m, String piece, AnalyzedText answer) {
        Set<String> claimSide = claimSide(m);
        Set<String> correctionOnly = new HashSet<>(analyzer.stems(m.correction()));
        correctionOnly.removeAll(claimSide);
        String sentence = answer.sentences().stream().filter(s -> s.contains(piece)).findFirst().orElse(piece);
        return analyzer.stems(sentence).stream().distinct().filter(correctionOnly::contains).count() >= CORRECTION_WORDS;
    }

    /**
     * Whether what comes before a piece in its sentence reports it rather than says it: a clause of "Mistakes I watch
     * for: ..., and never shutting the executor down" is read alone by meaning, without the words that make it a mistake.
     */
    private static boolean distancedInItsSentence(AnalyzedText answer, String piece) {
        for (String sentence : answer.sentences()) {
            int at = sentence.indexOf(piece);
            if (at >= 0) {
                return TalkingPointMatcher.distanced(sentence.substring(0, at + piece.length()));
            }
        }
        return TalkingPointMatcher.distanced(piece);
    }

    /** The words a point is said in: its statement, its phrases and its other wordings. */
    private Set<String> pointSide(TalkingPoint point) {
        Set<String> side = new HashSet<>(analyzer.stems(point.point()));
        point.shownBy().forEach(phrase -> side.addAll(analyzer.stems(phrase)));
        point.inOtherWords().forEach(words -> side.addAll(analyzer.stems(words)));
        return side;
    }

    /** The words a wrong claim is said in: the claim and its phrases. */
    private Set<String> claimSide(Misconception m) {
        Set<String> side = new HashSet<>(analyzer.stems(m.claim()));
        m.spottedBy().forEach(phrase -> side.addAll(analyzer.stems(phrase)));
        return side;
    }

    /**
     * Whether a piece close in meaning to a wrong claim shares a word with it beyond the question's own: the sentence
     * model puts "the order of columns matters in composite indexes" next to "column order in a composite index is
     * irrelevant", on topic alone.
     */
    private boolean beyondTheTopic(Question question, Set<String> saidIn, String piece) {
        Set<String> own = new HashSet<>(saidIn);
        own.removeAll(analyzer.stems(question.text()));
        return analyzer.stems(piece).stream().anyMatch(own::contains);
    }

    /**
     * Whether a piece says one of the claim's own words the other way round: denied where the claim asserts it, or
     * asserted where the claim denies it ("you still trade latency" against "with no extra latency"). The sentence
     * model reads both as the same thing; the words say they are opposites.
     */
    /**
     * Whether a piece names the other one of a pair where the claim names one, and not the claim's: "select c.* from
     * customers c left join orders ... where o.id is null" is near "use an INNER JOIN with WHERE o.id IS NULL" in meaning,
     * but says left where the claim says inner.
     */
    private boolean namesTheAlternative(String claim, String piece) {
        Set<String> claimWords = new HashSet<>(analyzer.stems(claim));
        Set<String> pieceWords = new HashSet<>(analyzer.stems(piece));
        for (List<String> pair : ALTERNATIVES) {
            for (String mine : pair) {
                String said = analyzer.stems(mine).getFirst();
                if (claimWords.contains(said) && !pieceWords.contains(said)
                        && pair.stream().filter(o -> !o.equals(mine)).map(o -> analyzer.stems(o).getFirst())
                        .anyMatch(other -> pieceWords.contains(other) && !claimWords.contains(other))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Words that name one of two or three alternatives, where saying another is not saying the first. */
    private static final List<List<String>> ALTERNATIVES = List.of(List.of("inner", "left", "outer", "exists"),
            List.of("synchronous", "asynchronous"), List.of("sync", "async"), List.of("optimistic", "pessimistic"),
            List.of("checked", "unchecked"), List.of("eager", "lazy"), List.of("horizontal", "vertical"),
            List.of("stateless", "stateful"), List.of("301", "302"), List.of("etl", "elt"), List.of("l4", "l7"),
            List.of("tcp", "udp"), List.of("clustered", "nonclustered"), List.of("increase", "decrease"),
            List.of("faster", "slower"), List.of("push", "pull"), List.of("stale", "latest"), List.of("stale", "fresh"),
            List.of("stale", "current"), List.of("exactly", "least", "twice"));

    private boolean oppositePolarity(String claim, String piece) {
        Polarity claimSays = Polarity.of(AnalyzedText.of(claim, analyzer));
        Polarity pieceSays = Polarity.of(AnalyzedText.of(piece, analyzer));
        return claimSays.onlyAsserted().stream().anyMatch(pieceSays.onlyDenied()::contains)
                || claimSays.onlyDenied().stream().anyMatch(pieceSays.onlyAsserted()::contains);
    }

    /** The stems a text only ever asserts, and those it only ever denies. */
    private record Polarity(Set<String> onlyAsserted, Set<String> onlyDenied) {
        static Polarity of(AnalyzedText text) {
            Set<String> asserted = new HashSet<>();
            Set<String> denied = new HashSet<>();
            for (AnalyzedText.Stem stem : text.analysed()) {
                (stem.negated() ? denied : asserted).add(stem.stem());
            }
            Set<String> onlyAsserted = new HashSet<>(asserted);
            onlyAsserted.removeAll(denied);
            denied.removeAll(asserted);
            return new Polarity(onlyAsserted, denied);
        }
    }

    /** Whether two quotes come from the same words of the answer (each may be cut short with "..."). */
    static boolean sameWords(String a, String b) {
        String x = a.replace("...", " ").strip().toLowerCase(Locale.ROOT);
        String y = b.replace("...", " ").strip().toLowerCase(Locale.ROOT);
        if (x.isEmpty() || y.isEmpty()) {
            return false;
        }
        int common = 0;
        while (common < Math.min(x.length(), y.length()) && x.charAt(common) == y.charAt(common)) {
            common++;
        }
        return x.contains(y) || y.contains(x) || common >= SAME_WORDS_PREFIX;
    }

    /** How many leading characters two quotes must share to be the same words. */
    private static final int SAME_WORDS_PREFIX = 25;

    /** A question of one or two points, as a follow-up is: judged on a shorter answer. */
    private static boolean narrow(Question question) {
        return question.talkingPoints().size() <= Delivery.NARROW_POINTS;
    }

    static final Pattern LINK = Pattern.compile("(?i)<?(?:https?://|www\\.)[^\\s>]+>?");

    /** One or more links with at most a word or two around them ("see https://...", "this: <https://...>"). */
    static boolean onlyLinks(String answer) {
        if (!mayHoldLink(answer)) {
            return false; // a link starts with http or www, which most answers never spell
        }
        Matcher link = LINK.matcher(answer);
        return link.find() && TextAnalyzer.wordCount(link.replaceAll(" ")) <= 3;
    }

    /** Whether "http" or "www." appears anywhere, in any case: where {@link #LINK} can match at all. */
    static boolean mayHoldLink(String answer) {
        for (int i = 0; i + 4 <= answer.length(); i++) {
            if (answer.regionMatches(true, i, "http", 0, 4) || answer.regionMatches(true, i, "www.", 0, 4)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The parts of a good shape the answer lacks, less those the feedback lists as made: "open with the situation"
     * beside "Covered: sets out the disagreement and what was at stake", or "end with the result" under a story
     * that ends on "it now handles about 200k events a day", would contradict it. A motivation answer is not asked
     * for a trade-off, nor a plan for what would be done for a story's parts.
     */
    /** A talking point that is itself a trade-off: what something costs. */
    private static final Pattern A_COST = Pattern.compile("\\b(trade-?offs?|costs?|overhead|downsides?|drawbacks?)\\b",
            Pattern.CASE_INSENSITIVE);

    private static List<String> storyGaps(Question q, List<TalkingPoint> missed, Structure.Result shape) {
        Set<String> made = q.talkingPoints().stream().filter(p -> !missed.contains(p)).map(TalkingPoint::id)
                .collect(Collectors.toSet());
        List<String> gaps = new ArrayList<>(shape.missing());
        if (shape.countsInWords()) {
            gaps.remove("measurable result");
        }
        if (!gaps.contains("measurable result") || made.contains("result") || made.contains("measurable-result")) {
            gaps.remove("result");
        }
        if (made.contains("situation") || made.contains("context") || made.contains("current-context")
                || shape.opensOnAScene()) {
            gaps.remove("situation");
        }
        if (made.contains("action") || made.contains("personal-role") || made.contains("highlight-action")
                || shape.saysWhatIDid()) {
            gaps.remove("action");
        }
        // the scene of a story carries what was at stake: "add the task" beside a story that set its scene is pedantry
        if (!gaps.contains("situation")) {
            gaps.remove("task");
        }
        // "why this company" has no cost to weigh: a trade-off is asked of a technical answer, unless it says when not
        if (q.kind() == QuestionKind.MOTIVATION || shape.saysWhenNot()) {
            gaps.remove("trade-off");
        }
        // an answer whose first sentence states its answer is not asked to open with one
        if (shape.opensWithAStatement()) {
            gaps.remove("claim");
        }
        // a point about a cost listed as made is the trade-off: "add a trade-off" under it contradicts the list
        if (q.talkingPoints().stream().filter(p -> !missed.contains(p)).anyMatch(p -> A_COST.matcher(p.point()).find())) {
            gaps.remove("trade-off");
        }
        // "what would you do if..." is answered with a plan: it has no result yet to end on, nor a scene to open with
        if (q.kind() == QuestionKind.SITUATIONAL) {
            gaps.removeAll(List.of("situation", "task", "action", "result", "measurable result"));
        }
        return gaps;
    }

    /**
     * The same point of the question, by id: the matchers keep what they worked out for a question by its content, so a
     * match can carry an equal point of an earlier load of the banks (a reload of an unchanged question), and compared
     * as the same object it was not found, and every point made in words was dropped.
     */
    private static boolean samePoint(TalkingPoint a, TalkingPoint b) {
        return a.id().equals(b.id());
    }

    /** A point listed as made only because a sentence came close to it in meaning. */
    private static boolean byMeaningOnly(TalkingPointMatcher.Match m, TalkingPointMatcher.Result byWords) {
        return m.ownWords() && byWords.covered().stream().noneMatch(w -> samePoint(w.point(), m.point()));
    }

    /**
     * What lowered the score most, said plainly: the inputs that say the same thing are added up, and only
     * those on the side that says it (few points when below the average answer's, not above) count.
     */
    private Optional<String> heaviestAgainst(ScoreInputs inputs, Set<String> saidAlready) {
        double[] pulls = model.pulls(inputs);
        double[] means = model.means();
        Map<String, Double> against = new LinkedHashMap<>();
        for (Against a : AGAINST) {
            int i = ScoreInputs.NAMES.indexOf(a.input());
            boolean sideSaid = a.whenLow() ? inputs.get(a.input()) < means[i] : inputs.get(a.input()) > means[i];
            // brevity is worth saying only of an answer that makes most of the points; otherwise what is missing is
            if (a.input().equals("log_words") && inputs.get("points_covered") < 0.5) {
                sideSaid = false;
            }
            // a sentence nearer the correction than the claim does not read like the misconception, however close
            // it comes to both: saying so would tell a right answer it is near a wrong one
            if (a.input().equals("claim_closeness") && inputs.get("claim_margin") <= 0) {
                sideSaid = false;
            }
            if (sideSaid && pulls[i] < 0 && !saidAlready.contains(a.said())) {
                against.merge(a.said(), pulls[i], Double::sum);
            }
        }
        return against.entrySet().stream().min(Map.Entry.comparingByValue()).map(Map.Entry::getKey)
                // most points listed as made, but by the story's shape or by near meaning rather than in words: "few of
                // the talking points are made" under "You covered 3 of 4" reads as a contradiction
                .map(said -> said.equals(FEW_POINTS) && inputs.get("points_covered") >= 0.5 ? LOOSE_POINTS : said);
    }

    /**
     * "Part of it reads like a common misconception" said of what: the answer's words and the claim they came near in
     * meaning, so the person can see it and say it so that it cannot be taken for the claim.
     */
    private static String nearAClaim(MeaningMatcher.ClaimCloseness near) {
        String claim = near.misconception().claim().strip();
        return "\"" + excerpt(near.piece()) + "\" comes close in meaning to a common misconception (\""
                + (claim.endsWith(".") ? claim.substring(0, claim.length() - 1) : claim) + "\")";
    }

    /** What a rule of the rubric did to the score, said after the reason's first part. */
    private static String capReason(Rubric.Cap cap, Delivery.Result reading, int rawWords, QuestionKind kind,
                                    boolean repeats) {
        return switch (cap) {
            // the reason's first part already says the answer is to another question
            case COPIES_QUESTION, ANSWERS_ANOTHER_QUESTION -> "";
            // A story's misstep (running down a colleague, "I'm a team player") is not a false statement.
            case WRONG_CLAIM -> kind.claimsAreConduct()
                    ? "; it says something that works against you in an interview, which keeps it at 2 or below"
                    : "; it states something that is not so, which keeps it at 2 or below";
            case KEYWORD_LIST -> "; a list of terms without sentences shows no understanding, which keeps it at 2 or below";
            case REPEATED -> "; most of it repeats itself, and repeats count once";
            case OVERCLAIMS -> "; it speaks in absolutes with no trade-off, which costs a point";
            // beside "far too long", the short count must say it is what is left once the repeats are set aside
            case TOO_SHORT -> repeats
                    ? "; without the repeats, " + words(reading.words()) + (reading.words() == 1 ? " is" : " are")
                            + " left, too few to score above 2"
                    : "; at " + words(reading.words()) + " it is too short to score above 2";
            case FAR_TOO_LONG -> "; at " + rawWords + " words it is far too long to follow, which keeps it at 2 or below";
            case VERY_LONG -> "; at " + rawWords + " words it runs very long, which costs two points";
            case LONG -> "; at " + rawWords + " words it runs long, which costs a point";
        };
    }

    /** A part of a good answer's shape the answer lacks, as something to do ("add the claim it lacks" was jargon). */
    private static String partToAdd(String part, QuestionKind kind) {
        return switch (part) {
            case "claim" -> "open with your answer in one sentence";
            case "example" -> kind == QuestionKind.MOTIVATION ? "back it with something you did or saw yourself"
                    : "add an example from a project you worked on";
            case "trade-off" -> "add a trade-off: what it costs, or when you would not do it";
            case "situation" -> "open with the situation: where you were and what was at stake";
            case "task" -> "say what you were asked to do";
            case "action" -> "say what you did yourself";
            case "result" -> "end with the result";
            case "measurable result" -> "put a number on the result";
            default -> "add the " + part + " it lacks";
        };
    }

    /** Fewer words than this, with every point made, leave a 4 short of a 5 for its depth; more, for its focus. */
    private static final int SHORT_OF_A_FIVE = 250;

    /** What would make a 4 a 5: a missed point, what the details lack, or a part of the shape the answer has not made. */
    private static String towardsFive(List<TalkingPoint> missed, Map<TalkingPoint, String> cameClose,
                                      Specificity.Result concrete, List<String> shapeGaps, QuestionKind kind, int words) {
        // a point nothing came near is the one to add; one a sentence came close to may be there in other words, so it
        // is asked to be said outright, with the sentence ("also cover" what was said read as not having been read)
        Optional<TalkingPoint> absent = missed.stream().filter(p -> !cameClose.containsKey(p)).findFirst();
        if (absent.isPresent()) {
            return "also cover this: " + sentence(absent.get().point());
        }
        if (!missed.isEmpty()) {
            TalkingPoint near = missed.getFirst();
            return "say this outright: " + sentence(near.point()) + " (you came close with \"" + cameClose.get(near) + "\")";
        }
        if (concrete.level() < 0.5) {
            // ask for what it lacks: a story with "3 weeks" and "5 releases" was asked to add a number, and a story is a
            // case of the person's own whether or not it names its team
            switch (kind) {
                case BEHAVIORAL -> {
                    if (concrete.numbers() == 0) {
                        return "add a number that shows the result";
                    }
                }
                case MOTIVATION -> {
                    if (!concrete.realCase()) {
                        return "tie it to something you have done yourself";
                    }
                }
                case SITUATIONAL -> {
                    if (concrete.numbers() == 0) {
                        return "add a concrete detail with a number: a size, a limit or a deadline";
                    }
                }
                case TECHNICAL -> {
                    if (concrete.numbers() == 0) {
                        return concrete.realCase() ? "add a number from that case"
                                : "add a concrete case from your own work, with a number";
                    }
                    if (!concrete.realCase()) {
                        return "add an example from a project you worked on";
                    }
                }
            }
        }
        if (!shapeGaps.isEmpty()) {
            return partToAdd(shapeGaps.getFirst(), kind);
        }
        // an answer of a minute or so with every point made is held back by how little it says, not by its order
        if (words < SHORT_OF_A_FIVE) {
            return switch (kind) {
                case TECHNICAL -> "go one step deeper on one point: an example, a limit or a trade-off";
                // "why this company" has no steps: it is asked for one reason told more fully
                case MOTIVATION -> "say a little more about one reason: what drew you to it and what you would bring";
                case BEHAVIORAL, SITUATIONAL -> "say a little more about one step: what you did and why";
            };
        }
        return "tighten it so the main point comes first";
    }

    /** A piece of the answer, quoted as the person wrote it, shortened to a dozen words or so. */
    private static String excerpt(String piece) {
        String[] w = TextAnalyzer.splitAtSpaces(piece.strip());
        if (w.length > 14) {
            return String.join(" ", Arrays.copyOfRange(w, 0, 12)) + "...";
        }
        String text = String.join(" ", w);
        return text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
    }

    /** How many questions' word plans the engine keeps: for tests of a reload. */
    int questionsPrepared() {
        return matcher.plansKept();
    }

    private TopicByMeaning topics() {
        QuestionBanks now = banks.current();
        if (now != topicsFor) {
            synchronized (this) {
                if (now != topicsFor) {
                    topics = new TopicByMeaning(now, sentenceModel.orElseThrow());
                    topicsFor = now;
                }
            }
        }
        return topics;
    }

    private Relevance relevance() {
        QuestionBanks now = banks.current();
        if (now != relevanceFor) {
            synchronized (this) {
                if (now != relevanceFor) {
                    relevance = new Relevance(now, analyzer);
                    if (relevanceFor != null) {
                        // a reload: what was worked out for questions no longer in the banks (an edited one's earlier
                        // version, a removed one) would otherwise stay for the life of the process
                        List<Question> questions = now.tracks().stream().flatMap(b -> b.questions().stream()).toList();
                        matcher.keepOnly(questions);
                        meaning.ifPresent(m -> m.keepOnly(questions));
                    }
                    relevanceFor = now;
                }
            }
        }
        return relevance;
    }

    /**
     * Talking points named after a part of a STAR story ({@code situation}, {@code context},
     * {@code task}, {@code action} or {@code personal-role}, {@code result}, {@code measurable-result}) are also shown by
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
                    // "said what you did yourself" is what a personal role is; praising one and missing the other
                    // read as a contradiction
                    case "action", "personal-role" -> parts.contains("action") ? "what you said you did" : null;
                    case "result" -> parts.contains("measurable result") ? "the numbers in your result"
                            : parts.contains("result") ? "the result you gave" : null;
                    case "measurable-result" -> parts.contains("measurable result") ? "the numbers in your result" : null;
                    // a failure story's numbers are what it cost: "adoption was about 20% after two months"
                    case "impact" -> parts.contains("measurable result") ? "the numbers you gave" : null;
                    default -> null;
                };
                if (part != null && !found.contains(point.id())) {
                    out.add(new TalkingPointMatcher.Match(point, part, false));
                }
            });
        }
        return out;
    }

    private static final Pattern NOT_A_QUESTION_WORD = Pattern.compile("[^\\p{L}\\p{N}'-]+");

    private Set<String> questionWords(Question question) {
        Set<String> words = new HashSet<>();
        for (String w : NOT_A_QUESTION_WORD.split(question.text().toLowerCase(Locale.ROOT))) {
            words.add(w);
        }
        return words;
    }

    private static List<String> strengths(Question q, List<TalkingPointMatcher.Match> covered, Structure.Result shape,
                                          Specificity.Result concrete, Relevance.Result rel, int score) {
        List<String> out = new ArrayList<>();
        if (rel.offTopic() || score <= 1) {
            return out;
        }
        if (!covered.isEmpty()) {
            // The covered list quotes each point in the candidate's words; quoting the matched words again here
            // gave lines like 'saying "Records"'.
            out.add("You made " + covered.size() + " of " + q.talkingPoints().size() + " key points.");
        }
        boolean behavioural = q.kind() == QuestionKind.BEHAVIORAL || q.kind() == QuestionKind.SITUATIONAL;
        if (shape.share() >= 0.75 && !covered.isEmpty()) {
            out.add(behavioural ? "A clear story: you set the scene, said what you did yourself and gave the result."
                    : "A clear shape: a direct answer, backed by an example, with its trade-off.");
        }
        if (concrete.level() >= 0.5 && !covered.isEmpty()) {
            String asked = q.text().toLowerCase(Locale.ROOT);
            List<String> details = concrete.namedTools().stream().filter(t -> !asked.contains(t.toLowerCase(Locale.ROOT))).limit(3).toList();
            out.add("Concrete details" + (details.isEmpty() ? "" : " such as " + String.join(", ", details))
                    + (concrete.numbers() > 0 ? " and real numbers" : "") + " make it believable.");
        }
        return out.stream().limit(3).toList();
    }

    private static List<String> improvements(Question q, List<TalkingPoint> missed, Map<TalkingPoint, String> cameClose,
                                             Map<TalkingPoint, String> dismissed, List<Feedback.WrongClaim> wrong,
                                             Structure.Result shape, Specificity.Result concrete, Delivery.Result reading,
                                             Relevance.Result rel, boolean mayAnswerIt, AnswerForm.Result shapeOfText,
                                             int rawWords) {
        List<String> out = new ArrayList<>();
        for (Feedback.WrongClaim claim : wrong.stream().limit(2).toList()) {
            out.add("You said \"" + claim.evidence() + (q.kind().claimsAreConduct() ? "\", which works against you: "
                    : "\", but that is not right: ") + sentenceEnd(claim.correction()));
        }
        if (shapeOfText.copiesQuestion()) {
            out.add("Answer the question in your own words rather than repeating it: say what you would do and why.");
        }
        if (shapeOfText.keywordList()) {
            out.add("Answer in sentences: say what each idea means and why it matters here, not only its name.");
        }
        if (shapeOfText.mostlyNamesTopics()) {
            out.add("\"" + excerpt(shapeOfText.namedOnly().getFirst()) + "\" only says a topic came up. Say what each idea"
                    + " is and why it matters here, as you would explain it to the interviewer.");
        }
        if (shapeOfText.codeOnly()) {
            out.add("Explain it in words: what the code does, why you would choose it here, and what it costs. Code alone"
                    + " does not show your reasoning.");
        }
        if (!shapeOfText.repeated().isEmpty()) {
            out.add("You repeated \"" + excerpt(shapeOfText.repeated().getFirst()) + "\"; a point counts once, so say it once.");
        }
        if (shapeOfText.mostlyNamesTopics()) {
            // said above: once the talk of topics is set aside little is left, which is why it reads off-topic
        } else if (rel.offTopic() && mayAnswerIt) {
            out.add("Tie it to what was asked (" + shorten(q.text()) + "): say plainly which point each part makes.");
        } else if (rel.offTopic() && !shapeOfText.codeOnly()) {
            out.add("This reads as an answer to a different question. Re-read what was asked (" + shorten(q.text())
                    + ") and answer that directly.");
        }
        // a point the answer waved away is the first thing to put right
        List<TalkingPoint> toCover = missed.stream().sorted(Comparator.comparing(p -> !dismissed.containsKey(p))).toList();
        for (TalkingPoint point : toCover.stream().limit(rel.offTopic() ? 1 : 2).toList()) {
            String near = cameClose.get(point);
            String waved = dismissed.get(point);
            out.add(waved != null ? "You said \"" + waved + "\", but it matters here: " + sentence(point.point()) + "."
                    : near == null ? "Cover this next time: " + sentence(point.point()) + "."
                    : "Say it outright: " + sentence(point.point()) + " (you came close with \"" + near + "\").");
        }
        if (reading.length() == Delivery.Length.TOO_SHORT && !shapeOfText.mostlyNamesTopics()) {
            out.add("Say more: " + words(reading.words()) + (narrow(q) ? " is short even here; aim for two or"
                    + " three sentences." : " is short for an interview answer; aim for 80 to 250."));
        }
        boolean askedForDetail = !rel.offTopic() && concrete.level() <= GENERAL_SPECIFICITY && !shapeOfText.keywordList();
        if (askedForDetail) {
            // a story is already a case of the person's own, and a plan has no tool it used yet
            out.add(switch (q.kind()) {
                case BEHAVIORAL -> "Make it concrete: a number (how long, how many, how much) and what you worked on.";
                case SITUATIONAL -> "Make it concrete: a number (a size, a deadline, a limit) or the tool you would use.";
                case MOTIVATION -> "Make it concrete: something you did or saw yourself, with a number if there is one.";
                case TECHNICAL -> "Make it concrete: a real case from your work, a number, or the tool you used.";
            });
        }
        if (!rel.offTopic()) {
            List<String> gaps = storyGaps(q, missed, shape);
            if (gaps.contains("result") && !shape.saysWhatChanged()) {
                out.add("End with the result, and a number if you can: time saved, errors cut, customers kept.");
            } else if (gaps.contains("result")) {
                out.add("Put a number on the result (how much faster, how many fewer incidents).");
            } else if (gaps.contains("action")) {
                out.add("Say what you did yourself (\"I proposed...\", \"I rewrote...\"), not only what the team did.");
            } else if (gaps.contains("situation")) {
                out.add("Open with the situation: where you were, and what was at stake.");
            } else if (gaps.contains("measurable result")) {
                out.add("Put a number on the result (how much faster, how many fewer incidents).");
            } else if (gaps.contains("trade-off")) {
                out.add("Add a trade-off: what it costs, or when you would not do it.");
            } else if (gaps.contains("example") && !askedForDetail) { // said once is enough
                // "why this company" is backed by something the person did or saw, not by a tool
                out.add(q.kind() == QuestionKind.MOTIVATION
                        ? "Back it with something concrete from your own experience: what you did or saw that made you"
                                + " think so."
                        : concrete.namedTools().isEmpty() ? "Back it with a concrete example from a project, or name the tool you used."
                        : "Back it with a concrete example from a project: where this came up and what happened.");
            }
        }
        if (rawWords > Delivery.LONG_WORDS) {
            out.add("Trim it: " + rawWords + " words is a lot to follow; lead with your main point and keep one example.");
        }
        if (reading.overclaims()) {
            out.add("Check the absolutes (" + reading.absolutes().stream().distinct().limit(3).map(h -> "\"" + h + "\"")
                    .collect(Collectors.joining(", ")) + "): say when each holds and what it costs.");
        }
        if (reading.hedges().size() >= 2) {
            out.add("Drop the hedges (" + reading.hedges().stream().distinct().limit(2).map(h -> "\"" + h + "\"")
                    .collect(Collectors.joining(", ")) + (q.kind() == QuestionKind.BEHAVIORAL
                    ? "): say what you did and what came of it with confidence." : "): say what you would do with confidence."));
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

    private static String words(int count) {
        return count == 1 ? "1 word" : count + " words";
    }

    private static String sentence(String point) {
        String s = point.strip();
        if (s.endsWith(".")) {
            s = s.substring(0, s.length() - 1);
        }
        return s.length() > 1 && Character.isUpperCase(s.charAt(0)) && Character.isLowerCase(s.charAt(1))
                ? Character.toLowerCase(s.charAt(0)) + s.substring(1) : s;
    }

    private static String sentenceEnd(String text) {
        String s = text.strip();
        return s.endsWith(".") || s.endsWith("!") || s.endsWith("?") ? s : s + ".";
    }

    private static String shorten(String text) {
        String line = TextAnalyzer.singleSpaced(text).strip();
        return line.length() <= 100 ? line : line.substring(0, 97) + "...";
    }
}
