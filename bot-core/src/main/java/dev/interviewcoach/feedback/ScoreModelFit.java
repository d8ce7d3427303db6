package dev.interviewcoach.feedback;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;

/**
 * Fits a {@link ScoreModel} to labelled answers: a ridge regression of each label's rank on the
 * answer's measurements, then the four cut points that put the most of each label in its band (each label
 * counted equally, so a rare label weighs as much as a common one) with the rank correlation beside it,
 * the rubric's caps applied as in scoring.
 */
public final class ScoreModelFit {

    /** How strongly the weights are pulled towards 0; more gives a smoother, less fitted model. */
    public static final double RIDGE = 0.3;
    /** How much the rank correlation counts beside the labels' in-band shares when the cuts are chosen. */
    public static final double SPEARMAN_WEIGHT = 0.5;
    private static final int CANDIDATE_CUTS = 80;
    private static final int PASSES = 3;

    /** One labelled answer's measurements; {@code group} keeps a question's answers in one fold. */
    public record Example(ScoreInputs inputs, Evaluation.Label label, String group) {}

    private ScoreModelFit() {
    }

    /** The model fitted to all the examples. */
    public static ScoreModel fit(List<Example> examples, String fittedOn) {
        double[] w = ridge(examples);
        double[] values = values(examples, w);
        double[] cuts = cuts(examples, values);
        double[] means = new double[ScoreInputs.NAMES.size()];
        for (Example e : examples) {
            double[] x = e.inputs().values();
            for (int i = 0; i < x.length; i++) {
                means[i] += x[i] / examples.size();
            }
        }
        return new ScoreModel(Arrays.copyOf(w, w.length - 1), w[w.length - 1], cuts, means, fittedOn);
    }

    /**
     * Each example's score from a model fitted without its question: the questions are dealt into
     * {@code folds} groups, and each group is scored by a model fitted on the others. What the fit
     * can be expected to do on questions it has not seen.
     */
    public static int[] crossValidated(List<Example> examples, int folds, long seed) {
        List<String> groups = new ArrayList<>(new TreeSet<>(examples.stream().map(Example::group).toList()));
        Collections.shuffle(groups, new Random(seed));
        Map<String, Integer> foldOf = new HashMap<>();
        int dealt = Math.min(folds, groups.size()); // fewer questions than folds: one question per fold
        for (int i = 0; i < groups.size(); i++) {
            foldOf.put(groups.get(i), i % dealt);
        }
        int[] scores = new int[examples.size()];
        for (int fold = 0; fold < dealt; fold++) {
            int f = fold;
            List<Example> training = examples.stream().filter(e -> foldOf.get(e.group()) != f).toList();
            ScoreModel model = fit(training, "fold");
            for (int i = 0; i < examples.size(); i++) {
                Example e = examples.get(i);
                if (foldOf.get(e.group()) == f) {
                    scores[i] = Rubric.decide(e.inputs(), model.band(e.inputs())).score();
                }
            }
        }
        return scores;
    }

    /** Weights for each input and, last, the bias: (AᵀA + λI) w = Aᵀy, the bias not pulled to 0. */
    private static double[] ridge(List<Example> examples) {
        int d = ScoreInputs.NAMES.size() + 1;
        double[][] m = new double[d][d + 1];
        for (Example e : examples) {
            double[] a = row(e.inputs());
            double y = e.label().rank();
            for (int i = 0; i < d; i++) {
                for (int j = 0; j < d; j++) {
                    m[i][j] += a[i] * a[j];
                }
                m[i][d] += a[i] * y;
            }
        }
        for (int i = 0; i < d - 1; i++) {
            m[i][i] += RIDGE;
        }
        return solve(m);
    }

    private static double[] row(ScoreInputs inputs) {
        double[] x = inputs.values();
        double[] a = Arrays.copyOf(x, x.length + 1);
        a[x.length] = 1;
        return a;
    }

    /** Gaussian elimination with partial pivoting on an augmented matrix. */
    private static double[] solve(double[][] m) {
        int n = m.length;
        for (int col = 0; col < n; col++) {
            int pivot = col;
            for (int r = col + 1; r < n; r++) {
                if (Math.abs(m[r][col]) > Math.abs(m[pivot][col])) {
                    pivot = r;
                }
            }
            double[] t = m[col];
            m[col] = m[pivot];
            m[pivot] = t;
            if (Math.abs(m[col][col]) < 1e-12) {
                continue; // an input that never varies keeps weight 0
            }
            for (int r = 0; r < n; r++) {
                if (r != col) {
                    double factor = m[r][col] / m[col][col];
                    for (int c = col; c <= n; c++) {
                        m[r][c] -= factor * m[col][c];
                    }
                }
            }
        }
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            w[i] = Math.abs(m[i][i]) < 1e-12 ? 0 : m[i][n] / m[i][i];
        }
        return w;
    }

    private static double[] values(List<Example> examples, double[] w) {
        double[] v = new double[examples.size()];
        for (int i = 0; i < v.length; i++) {
            double[] a = row(examples.get(i).inputs());
            for (int j = 0; j < a.length; j++) {
                v[i] += w[j] * a[j];
            }
        }
        return v;
    }

    /** Cut points by coordinate ascent over quantiles of the fitted values. */
    private static double[] cuts(List<Example> examples, double[] values) {
        int n = examples.size();
        // the rubric's caps depend only on the band, so each example's score per band is worked out once
        int[][] scoreIn = new int[n][6];
        for (int i = 0; i < n; i++) {
            for (int band = 1; band <= 5; band++) {
                scoreIn[i][band] = Rubric.decide(examples.get(i).inputs(), band).score();
            }
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double[] candidates = new double[CANDIDATE_CUTS];
        for (int i = 0; i < CANDIDATE_CUTS; i++) {
            candidates[i] = quantile(sorted, 0.01 + 0.98 * i / (CANDIDATE_CUTS - 1));
        }
        double[] cuts = {quantile(sorted, 0.15), quantile(sorted, 0.35), quantile(sorted, 0.5), quantile(sorted, 0.7)};
        double best = objective(examples, values, scoreIn, cuts);
        for (int pass = 0; pass < PASSES; pass++) {
            for (int j = 0; j < cuts.length; j++) {
                for (double c : candidates) {
                    double[] tried = cuts.clone();
                    tried[j] = c;
                    Arrays.sort(tried);
                    double v = objective(examples, values, scoreIn, tried);
                    if (v > best) {
                        best = v;
                        cuts = tried;
                    }
                }
            }
        }
        return cuts;
    }

    private static double objective(List<Example> examples, double[] values, int[][] scoreIn, double[] cuts) {
        Map<Evaluation.Label, int[]> inBand = new EnumMap<>(Evaluation.Label.class);
        double[] scores = new double[examples.size()];
        double[] ranks = new double[examples.size()];
        for (int i = 0; i < scores.length; i++) {
            int band = 1;
            for (double c : cuts) {
                if (values[i] >= c) {
                    band++;
                }
            }
            int score = scoreIn[i][band];
            Evaluation.Label label = examples.get(i).label();
            int[] tally = inBand.computeIfAbsent(label, l -> new int[2]);
            tally[0] += score >= label.low() && score <= label.high() ? 1 : 0;
            tally[1]++;
            scores[i] = score;
            ranks[i] = label.rank();
        }
        double mean = inBand.values().stream().mapToDouble(t -> (double) t[0] / t[1]).average().orElse(0);
        return mean + SPEARMAN_WEIGHT * Evaluation.spearman(ranks, scores);
    }

    /** The linear-interpolation quantile of sorted values. */
    private static double quantile(double[] sorted, double p) {
        double pos = (sorted.length - 1) * p;
        int lo = (int) Math.floor(pos);
        int hi = Math.min(sorted.length - 1, lo + 1);
        return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
    }
}
