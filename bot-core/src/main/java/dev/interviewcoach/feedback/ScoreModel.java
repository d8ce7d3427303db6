package dev.interviewcoach.feedback;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Properties;

/**
 * Turns an answer's measurements into a 1-5 score before the rubric's caps: a weighted sum of the
 * {@link ScoreInputs}, cut into five bands. The weights and cut points are fitted on the dev part of the
 * labelled set ({@code coach eval --fit}), never on the test part.
 */
public record ScoreModel(double[] weights, double bias, double[] cuts, double[] means, String fittedOn) {

    /** The fitted model shipped for scoring with the sentence model on. */
    public static final String WITH_MEANING = "score-model.properties";
    /** The fitted model shipped for words-only scoring ({@code feedback.semantic: off}). */
    public static final String WORDS_ONLY = "score-model-words.properties";

    public ScoreModel {
        if (weights.length != ScoreInputs.NAMES.size()) {
            throw new IllegalArgumentException("expected " + ScoreInputs.NAMES.size() + " weights, got " + weights.length);
        }
        if (cuts.length != 4) {
            throw new IllegalArgumentException("expected 4 cut points, got " + cuts.length);
        }
        if (means.length != weights.length) {
            throw new IllegalArgumentException("expected " + weights.length + " means, got " + means.length);
        }
        weights = weights.clone();
        cuts = cuts.clone();
        means = means.clone();
        Arrays.sort(cuts);
    }

    /** The weighted sum of an answer's measurements: higher is a better answer. */
    public double value(ScoreInputs inputs) {
        double[] x = inputs.values();
        double sum = bias;
        for (int i = 0; i < x.length; i++) {
            sum += weights[i] * x[i];
        }
        return sum;
    }

    /** The score 1-5 the weighted sum falls in. */
    public int band(ScoreInputs inputs) {
        return bandOf(value(inputs));
    }

    int bandOf(double value) {
        int score = 1;
        for (double cut : cuts) {
            if (value >= cut) {
                score++;
            }
        }
        return score;
    }

    /**
     * How much each input moved this answer's sum against an answer with the fitted set's average
     * inputs (weight times the distance from that input's mean): what raised the score and what lowered it.
     */
    public double[] pulls(ScoreInputs inputs) {
        double[] x = inputs.values();
        double[] pull = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            pull[i] = weights[i] * (x[i] - means[i]);
        }
        return pull;
    }

    @Override
    public double[] means() {
        return means.clone();
    }

    @Override
    public double[] weights() {
        return weights.clone();
    }

    @Override
    public double[] cuts() {
        return cuts.clone();
    }

    /** The shipped model of that name, from the class path. */
    public static ScoreModel builtIn(String resource) {
        try (InputStream in = ScoreModel.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("the score model " + resource + " is missing from the build");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads a model written by {@link #toProperties()}; every input needs a weight. */
    public static ScoreModel parse(String text) {
        Properties p = new Properties();
        try {
            p.load(new StringReader(text));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        double[] w = new double[ScoreInputs.NAMES.size()];
        double[] means = new double[w.length];
        for (int i = 0; i < w.length; i++) {
            w[i] = number(p, "weight." + ScoreInputs.NAMES.get(i));
            means[i] = number(p, "mean." + ScoreInputs.NAMES.get(i));
        }
        double[] cuts = Arrays.stream(p.getProperty("cuts", "").split(","))
                .filter(s -> !s.isBlank()).mapToDouble(s -> Double.parseDouble(s.strip())).toArray();
        return new ScoreModel(w, number(p, "bias"), cuts, means, p.getProperty("fitted_on", ""));
    }

    private static double number(Properties p, String key) {
        String v = p.getProperty(key);
        if (v == null) {
            throw new IllegalArgumentException("the score model has no " + key);
        }
        return Double.parseDouble(v.strip());
    }

    /** The model as a properties file, weights in input order. */
    public String toProperties() {
        StringBuilder out = new StringBuilder();
        out.append("# Interview Coach score model: a weighted sum of the answer's measurements, cut into 1-5.\n");
        out.append("# Written by `coach eval --fit`; fitted on the dev part of the labelled set only.\n");
        out.append("fitted_on=").append(fittedOn).append('\n');
        out.append(String.format(Locale.ROOT, "bias=%.6f%n", bias));
        for (int i = 0; i < weights.length; i++) {
            out.append(String.format(Locale.ROOT, "weight.%s=%.6f%n", ScoreInputs.NAMES.get(i), weights[i]));
        }
        for (int i = 0; i < means.length; i++) {
            out.append(String.format(Locale.ROOT, "mean.%s=%.6f%n", ScoreInputs.NAMES.get(i), means[i]));
        }
        out.append("cuts=").append(String.join(",", Arrays.stream(cuts)
                .mapToObj(c -> String.format(Locale.ROOT, "%.6f", c)).toList())).append('\n');
        return out.toString();
    }
}
