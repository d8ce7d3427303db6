package dev.interviewcoach.feedback;

import dev.interviewcoach.feedback.meaning.CachedEmbedder;
import dev.interviewcoach.feedback.meaning.SentenceEmbedder;
import dev.interviewcoach.question.Misconception;
import dev.interviewcoach.question.Question;
import dev.interviewcoach.question.TalkingPoint;
import dev.interviewcoach.text.TextAnalyzer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How close in meaning an answer's sentences (and, for long or mixed sentences, their windows and
 * clauses) come to each talking point and each misconception of a question. A point is compared
 * with its own statement, the bank's other wordings of it ({@code in_other_words}, and {@code in_everyday_words} where
 * they make the point) and the example
 * answer's sentences that make it, so several wordings of the point count. Each piece of the answer carries its polarity: a piece that denies
 * ("threads do not...") is compared with the points as a denial, never as support. The scores are
 * evidence; the feedback engine decides what they are worth together with the words.
 */
final class MeaningMatcher {

    /** Whether a piece of text asserts, denies, or does both in different clauses. */
    public enum Polarity { ASSERTS, DENIES, MIXED }

    /** A piece of the answer that was compared: a sentence or a window of a long one ({@code whole}), or a clause. */
    public record Piece(String text, Polarity polarity, boolean whole) {}

    /** The closest piece to one point, with the same polarity ({@code support}) and the opposite one ({@code denial}). */
    /**
     * The closest piece to one point, with the same polarity ({@code support}) and the opposite one ({@code denial});
     * {@code denialSaysAPoint} when that denying piece comes closer still to some point as it is worded, so it says
     * that point rather than denies this one.
     */
    public record PointCloseness(TalkingPoint point, double support, String supportPiece, double denial, String denialPiece,
                                 boolean denialSaysAPoint) {}

    /**
     * The piece closest to a misconception's claim, how close it is to the correction, and ({@code point}) how close it
     * comes to the nearest point's wording of its own polarity.
     */
    public record ClaimCloseness(Misconception misconception, double claim, double correction, String piece, double point) {
        ClaimCloseness(Misconception misconception, double claim, double correction, String piece) {
            this(misconception, claim, correction, piece, 0);
        }

        public double margin() {
            return claim - correction;
        }
    }

    /**
     * Everything compared for one answer; {@code gist} is the mean of its pieces' vectors (unit length), what the
     * answer is about as a whole.
     */
    public record Result(List<PointCloseness> points, List<ClaimCloseness> claims, float[] gist) {
        public Result {
            points = List.copyOf(points);
            claims = List.copyOf(claims);
        }
    }

    /**
     * A wording to compare with; {@code asThePoint} when it has the point's own polarity. Only those tell a denial:
     * a story's wording that sets the scene with a negation ("I had never used Terraform and had a week") is no
     * reference for what denying the point would be. {@code plain} for one of the point's everyday wordings, which
     * counts only where a piece comes close enough to make the point.
     */
    private record Anchor(float[] vector, Polarity polarity, boolean asThePoint, Set<String> negativeRoots,
                          boolean plain) {
        Anchor(float[] vector, Polarity polarity) {
            this(vector, polarity, true, Set.of(), false);
        }
    }

    /** A word made negative by its prefix, and the root a plain negation would say it with: "untrusted", "trust". */
    private static final Pattern NEGATIVE_PREFIX = Pattern.compile("\\b(?:un|non-?|in|im|ir|il)([a-z]{4,})\\b");
    /** How many letters of a root must open the word a negation denies: "trusted" and "trust", "safe" and "safe". */
    private static final int ROOT_LETTERS = 5;
    /** Words that may stand between a negation and the root it denies: "can't be trusted", "is not really safe". */
    private static final Set<String> BETWEEN_NEGATION_AND_ROOT = Set.of("be", "been", "being", "a", "an", "the", "really",
            "fully", "very", "always", "yet");

    /** The roots of the words in a wording that a negation can say: "untrusted input" gives "trust". */
    private static Set<String> negativeRoots(String text) {
        Set<String> roots = new HashSet<>();
        Matcher m = NEGATIVE_PREFIX.matcher(text.toLowerCase(Locale.ROOT));
        while (m.find()) {
            String root = m.group(1);
            roots.add(root.substring(0, Math.min(ROOT_LETTERS, root.length())));
        }
        return roots;
    }

    /**
     * Whether a piece's negation says one of the anchor's negative words in plain words: "data you can't trust" is
     * "untrusted data", which agrees with a point about untrusted input rather than denying it.
     */
    private static boolean negatesARoot(String piece, Set<String> roots) {
        if (roots.isEmpty()) {
            return false;
        }
        String[] w = piece.toLowerCase(Locale.ROOT).replace('\u2019', '\'').split("[^\\p{L}'-]+");
        for (int i = 0; i < w.length; i++) {
            if (!TextAnalyzer.isNegator(w[i])) {
                continue;
            }
            for (int j = i + 1; j < w.length && j <= i + 3; j++) {
                String next = w[j];
                String root = next.substring(0, Math.min(ROOT_LETTERS, next.length()));
                if (next.length() >= 4 && roots.contains(root)) {
                    return true;
                }
                if (!BETWEEN_NEGATION_AND_ROOT.contains(next)) {
                    break;
                }
            }
        }
        return false;
    }

    private record PreparedQuestion(Map<String, List<Anchor>> points, List<Anchor[]> claims) {}

    /** Longest sentence compared whole; longer ones are compared in overlapping windows. */
    private static final int SENTENCE_WORDS = 40;
    private static final int WINDOW_WORDS = 24;
    private static final int WINDOW_STEP = 12;
    /** The most pieces one answer is cut into: enough for 600 words, bounded for a 3,000-word one. */
    private static final int MAX_PIECES = 48;
    private static final int EXAMPLE_ANCHORS = 3;
    /**
     * How much nearer a wrong claim than a point's wording a piece must be to give the point no support. Chosen on
     * the dev and check parts among 0, 0.05 and 0.10: lower margins took support from right concise answers too.
     */
    private static final double CLAIM_OVER_POINT = 0.10;
    private static final Pattern CLAUSE = Pattern.compile("\\s*[,;:]\\s+|\\s+(?=(but|so|because|although|though|while|whereas|yet|which|unless"
            + "|and (that|if|when|then))\\b)"
            + "|\\s+[-\u2013\u2014]\\s+");

    private final CachedEmbedder embedder;
    private final TextAnalyzer analyzer;
    private final TalkingPointMatcher words;
    private final Map<Question, PreparedQuestion> prepared = new ConcurrentHashMap<>();

    public MeaningMatcher(CachedEmbedder embedder, TextAnalyzer analyzer, TalkingPointMatcher words) {
        this.embedder = embedder;
        this.analyzer = analyzer;
        this.words = words;
    }

    /** Forgets the prepared wordings of any question but these (the banks were reloaded). */
    void keepOnly(List<Question> questions) {
        prepared.keySet().retainAll(Set.copyOf(questions));
    }

    /** Compares the answer's pieces with the question's points and misconceptions. */
    public Result compare(Question question, List<String> sentences) {
        PreparedQuestion q = prepared.computeIfAbsent(question, this::prepare);
        List<Piece> pieces = pieces(sentences);
        List<float[]> vectors = embedder.embedFresh(pieces.stream().map(Piece::text).toList());
        // How close each piece comes to the question's wrong claims: a piece clearly nearer a wrong claim than to a
        // point's wording says the wrong claim, however close it comes to the point ("overriding equals without
        // hashCode is not a big problem" is near "violations make hash-based collections miss lookups" too), so it is
        // no support for the point.
        double[] nearestClaim = new double[pieces.size()];
        for (Anchor[] pair : q.claims()) {
            for (int i = 0; pair != null && i < pieces.size(); i++) {
                nearestClaim[i] = Math.max(nearestClaim[i], SentenceEmbedder.similarity(pair[0].vector(), vectors.get(i)));
            }
        }
        // How strongly each piece says some point as it is worded: a piece that says one point is not read as denying
        // another it comes less close to ("fills NULLs where nothing matched" says what a left join keeps; it does not
        // deny the anti-join beside it)
        double[] bestSaid = new double[pieces.size()];
        for (TalkingPoint point : question.talkingPoints()) {
            for (Anchor anchor : q.points().get(point.id())) {
                for (int i = 0; i < pieces.size(); i++) {
                    Piece piece = pieces.get(i);
                    if (piece.polarity() != Polarity.MIXED && (piece.polarity() == anchor.polarity()
                            || anchor.polarity() == Polarity.MIXED)) {
                        bestSaid[i] = Math.max(bestSaid[i], SentenceEmbedder.similarity(anchor.vector(), vectors.get(i)));
                    }
                }
            }
        }
        List<PointCloseness> points = new ArrayList<>();
        for (TalkingPoint point : question.talkingPoints()) {
            double support = 0;
            String supportPiece = null;
            double plainSupport = 0;
            String plainPiece = null;
            double denial = 0;
            String denialPiece = null;
            boolean denialSaysAPoint = false;
            for (Anchor anchor : q.points().get(point.id())) {
                for (int i = 0; i < pieces.size(); i++) {
                    Piece piece = pieces.get(i);
                    if (piece.polarity() == Polarity.MIXED) {
                        continue;
                    }
                    double sim = SentenceEmbedder.similarity(anchor.vector(), vectors.get(i));
                    if (piece.polarity() == anchor.polarity() || anchor.polarity() == Polarity.MIXED
                            || negatesARoot(piece.text(), anchor.negativeRoots())) {
                        if (anchor.plain()) {
                            if (sim > plainSupport && nearestClaim[i] < sim + CLAIM_OVER_POINT) {
                                plainSupport = sim;
                                plainPiece = piece.text();
                            }
                        } else if (sim > support && nearestClaim[i] < sim + CLAIM_OVER_POINT) {
                            support = sim;
                            supportPiece = piece.text();
                        }
                    } else if (anchor.asThePoint() && sim > denial) {
                        denial = sim;
                        denialPiece = piece.text();
                        denialSaysAPoint = bestSaid[i] >= sim;
                    }
                }
            }
            // an everyday wording recognises the point when an answer says it that way; nearer misses are weighed
            // against the point's own wordings, or every answer on the topic would edge closer to every point
            if (plainSupport > support && plainSupport >= RuleBasedFeedbackEngine.MEANING_COVERS) {
                support = plainSupport;
                supportPiece = plainPiece;
            }
            points.add(new PointCloseness(point, support, supportPiece, denial, denialPiece, denialSaysAPoint));
        }
        List<ClaimCloseness> claims = new ArrayList<>();
        for (int m = 0; m < question.misconceptions().size(); m++) {
            Anchor[] pair = q.claims().get(m);
            ClaimCloseness best = new ClaimCloseness(question.misconceptions().get(m), 0, 0, null);
            for (int i = 0; pair != null && i < pieces.size(); i++) {
                if (pieces.get(i).polarity() != pair[0].polarity() && pair[0].polarity() != Polarity.MIXED) {
                    continue;
                }
                double claim = SentenceEmbedder.similarity(pair[0].vector(), vectors.get(i));
                double correction = SentenceEmbedder.similarity(pair[1].vector(), vectors.get(i));
                // The piece most like the claim speaks for the answer; its margin says whether it is nearer the truth.
                if (best.piece() == null || claim > best.claim()) {
                    best = new ClaimCloseness(question.misconceptions().get(m), claim, correction, pieces.get(i).text(),
                            bestSaid[i]);
                }
            }
            claims.add(best);
        }
        // The gist from whole sentences and windows: a denying sentence's clauses would count it twice.
        List<float[]> whole = new ArrayList<>();
        for (int i = 0; i < pieces.size(); i++) {
            if (pieces.get(i).whole()) {
                whole.add(vectors.get(i));
            }
        }
        return new Result(points, claims, SentenceEmbedder.mean(whole));
    }

    private PreparedQuestion prepare(Question question) {
        List<String> exampleSentences = AnalyzedText.of(question.exampleAnswer(), analyzer).sentences();
        List<List<String>> anchorTexts = new ArrayList<>();
        List<String> all = new ArrayList<>();
        for (TalkingPoint point : question.talkingPoints()) {
            List<String> texts = new ArrayList<>();
            texts.add(point.point());
            texts.addAll(point.inOtherWords());
            texts.addAll(point.inEverydayWords());
            int fromExample = 0;
            for (String sentence : exampleSentences) {
                if (fromExample >= EXAMPLE_ANCHORS) {
                    break;
                }
                Question single = new Question(question.id(), question.track(), question.kind(), question.difficulty(),
                        List.of(), "", "", "", List.of(point), "", List.of(), List.of());
                if (!words.match(single, AnalyzedText.of(sentence, analyzer)).covered().isEmpty()) {
                    texts.add(sentence);
                    fromExample++;
                }
            }
            List<String> anchors = anchorsOf(texts);
            anchorTexts.add(anchors);
            all.addAll(anchors);
        }
        // a track-wide red flag is general ("I hid my mistake"): by meaning it would sit close to any story told
        for (Misconception m : question.ownMisconceptions()) {
            all.add(m.claim());
            all.add(m.correction());
        }
        List<float[]> vectors = embedder.embedKnown(all);
        Map<String, List<Anchor>> points = new HashMap<>();
        int at = 0;
        for (int p = 0; p < question.talkingPoints().size(); p++) {
            List<Anchor> anchors = new ArrayList<>();
            Polarity ofThePoint = polarity(question.talkingPoints().get(p).point());
            Set<String> plain = Set.copyOf(question.talkingPoints().get(p).inEverydayWords());
            for (String text : anchorTexts.get(p)) {
                Polarity polarity = polarity(text);
                anchors.add(new Anchor(vectors.get(at++), polarity, polarity == ofThePoint || ofThePoint == Polarity.MIXED,
                        negativeRoots(text), plain.contains(text)));
            }
            points.put(question.talkingPoints().get(p).id(), anchors);
        }
        List<Anchor[]> claims = new ArrayList<>();
        for (Misconception m : question.misconceptions()) {
            if (m.trackWide()) {
                claims.add(null); // spotted by its phrases alone
                continue;
            }
            Anchor claim = new Anchor(vectors.get(at++), polarity(m.claim()));
            Anchor correction = new Anchor(vectors.get(at++), polarity(m.correction()));
            claims.add(new Anchor[] {claim, correction});
        }
        return new PreparedQuestion(points, claims);
    }

    /**
     * The wordings a point is compared with. One that asserts in one clause and denies in another ("equal
     * objects must share a hash code; unequal ones need not") is compared clause by clause, each with its own
     * polarity: whole, it would take a denial ("equal objects don't need the same hash code") as support.
     */
    private static List<String> anchorsOf(List<String> wordings) {
        List<String> out = new ArrayList<>();
        for (String text : wordings) {
            if (polarity(text) != Polarity.MIXED) {
                out.add(text);
                continue;
            }
            for (String clause : CLAUSE.split(text)) {
                if (clause.strip().split("\\s+").length >= 4) {
                    out.add(clause.strip());
                }
            }
        }
        return out;
    }

    /** The answer cut into sentences, windows of long sentences, and the clauses of sentences that deny something. */
    static List<Piece> pieces(List<String> sentences) {
        List<Piece> out = new ArrayList<>();
        for (String sentence : sentences) {
            String[] w = sentence.strip().split("\\s+");
            if (w.length <= SENTENCE_WORDS) {
                add(out, sentence);
            } else {
                for (int start = 0; start < w.length; start += WINDOW_STEP) {
                    int end = Math.min(w.length, start + WINDOW_WORDS);
                    add(out, String.join(" ", Arrays.copyOfRange(w, start, end)));
                    if (end == w.length) {
                        break;
                    }
                }
            }
            if (out.size() >= MAX_PIECES) {
                break;
            }
        }
        return out.size() > MAX_PIECES ? out.subList(0, MAX_PIECES) : out;
    }

    private static void add(List<Piece> out, String text) {
        Polarity polarity = polarity(text);
        out.add(new Piece(text, polarity, true));
        if (polarity != Polarity.ASSERTS) {
            String[] clauses = CLAUSE.split(text);
            if (clauses.length > 1) {
                for (String clause : clauses) {
                    if (clause.strip().split("\\s+").length >= 4) {
                        out.add(new Piece(clause.strip(), polarity(clause), false));
                    }
                }
            }
        }
    }

    /** Asserts, denies (an odd number of negations), or mixed (clauses that disagree). */
    static Polarity polarity(String text) {
        String[] clauses = CLAUSE.split(text);
        boolean anyDenies = false;
        boolean anyAsserts = false;
        for (String clause : clauses) {
            if (clause.isBlank()) {
                continue;
            }
            if (negations(clause) % 2 == 1) {
                anyDenies = true;
            } else {
                anyAsserts = true;
            }
        }
        if (anyDenies && anyAsserts) {
            return Polarity.MIXED;
        }
        return anyDenies ? Polarity.DENIES : Polarity.ASSERTS;
    }

    /**
     * A "not" that sets one thing against another ("SSO in weeks not a quarter", "use a set and not a list"): it
     * follows no verb it could deny and asserts the first thing. A "not" after an auxiliary ("is not", "would
     * really not"), opening the clause, or before "to" ("chose not to") denies.
     */
    private static boolean contrastive(String[] w, int i) {
        if (!w[i].equals("not") || i + 1 >= w.length || !aThing(w[i + 1])) {
            return false;
        }
        int before = i - 1;
        while (before >= 0 && (w[before].endsWith("ly") || NOT_ADVERBS.contains(w[before]))) {
            before--;
        }
        if (before < 0) {
            return false;
        }
        String verb = w[before].replace('\u2019', '\'');
        return !AUXILIARIES.contains(verb) && !verb.endsWith("'s") && !verb.endsWith("'re") && !verb.endsWith("'m")
                && !verb.endsWith("'d") && !verb.endsWith("'ll") && !verb.endsWith("'ve");
    }

    /** Whether a word opens a thing rather than an action: a determiner, a number, or a plural ("not a quarter", "not months"). */
    private static boolean aThing(String word) {
        return DETERMINERS.contains(word) || Character.isDigit(word.charAt(0))
                || word.length() > 3 && word.endsWith("s") && !word.endsWith("ss") && !word.endsWith("us")
                && !NOT_PLURALS.contains(word);
    }

    private static final Set<String> DETERMINERS = Set.of("a", "an", "the", "some", "this", "that", "these", "those", "my",
            "our", "your", "their", "his", "her", "its", "every", "each", "one", "two", "three", "four", "five", "ten",
            "hours", "days", "weeks", "months", "years");
    private static final Set<String> NOT_PLURALS = Set.of("always", "perhaps", "does", "this", "thus", "was", "has", "is",
            "as", "unless", "towards", "afterwards", "sometimes", "yes");

    private static final Set<String> NOT_ADVERBS = Set.of("just", "still", "also", "maybe", "rather", "better", "even",
            "often", "always", "perhaps", "quite", "sometimes", "then");
    private static final Set<String> AUXILIARIES = Set.of("is", "are", "was", "were", "be", "been", "being", "am", "do",
            "does", "did", "can", "could", "will", "would", "shall", "should", "must", "may", "might", "has", "have", "had",
            "need", "ought", "i", "we", "you", "they", "he", "she", "it", "why", "if", "or", "whether", "cannot");

    private static int negations(String clause) {
        String[] typed = clause.strip().split("[^\\p{L}'\u2019]+");
        String[] w = clause.strip().toLowerCase(Locale.ROOT).split("[^\\p{L}'\u2019]+");
        int count = 0;
        for (int i = 0; i < w.length; i++) {
            // Python's None inside a sentence ("catching None handling") denies nothing
            if (!TextAnalyzer.isNegator(w[i]) || i > 0 && i < typed.length && typed[i].equals("None")) {
                continue;
            }
            if (TextAnalyzer.denies(w[i], i + 1 < w.length ? w[i + 1] : "") && !contrastive(w, i)) {
                count++;
            }
        }
        return count;
    }
}
