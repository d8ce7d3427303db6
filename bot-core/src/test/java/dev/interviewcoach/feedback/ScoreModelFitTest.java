package dev.interviewcoach.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ScoreModelFitTest {

    private static final Evaluation.Label[] BY_RANK = {Evaluation.Label.OFF_TOPIC, Evaluation.Label.WEAK,
            Evaluation.Label.PARTIAL, Evaluation.Label.STRONG};

    /** Answers whose coverage follows their label, with noise, and every other input noise alone. */
    private static List<ScoreModelFit.Example> examples(long seed) {
        Random random = new Random(seed);
        List<ScoreModelFit.Example> out = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            int rank = i % 4;
            double[] x = new double[ScoreInputs.NAMES.size()];
            for (int j = 0; j < x.length; j++) {
                x[j] = random.nextDouble() * 0.2;
            }
            x[ScoreInputs.NAMES.indexOf("coverage")] = rank / 3.0 + random.nextGaussian() * 0.05;
            x[ScoreInputs.NAMES.indexOf("log_words")] = 0.6;
            zero(x, "wrong_claims", "keyword_list", "repeated_share", "overclaims", "too_short", "off_topic");
            out.add(new ScoreModelFit.Example(new ScoreInputs(x, 120, false), BY_RANK[rank], "q" + (i % 40)));
        }
        return out;
    }

    private static void zero(double[] x, String... names) {
        for (String n : names) {
            x[ScoreInputs.NAMES.indexOf(n)] = 0;
        }
    }

    @Test
    void theFittedModelPutsEachLabelInItsBandAndWeighsWhatCarriesTheLabel() {
        List<ScoreModelFit.Example> examples = examples(7);
        ScoreModel model = ScoreModelFit.fit(examples, "synthetic");

        long inBand = examples.stream().filter(e -> {
            int score = Rubric.decide(e.inputs(), model.band(e.inputs())).score();
            return score >= e.label().low() && score <= e.label().high();
        }).count();
        assertThat((double) inBand / examples.size()).isGreaterThan(0.95);
        double[] w = model.weights();
        int coverage = ScoreInputs.NAMES.indexOf("coverage");
        for (int i = 0; i < w.length; i++) {
            if (i != coverage) {
                assertThat(Math.abs(w[i])).as(ScoreInputs.NAMES.get(i)).isLessThan(Math.abs(w[coverage]));
            }
        }
    }

    @Test
    void questionsNotFittedOnAreScoredAlmostAsWell() {
        List<ScoreModelFit.Example> examples = examples(11);
        int[] unseen = ScoreModelFit.crossValidated(examples, 5, 1);
        int inBand = 0;
        for (int i = 0; i < unseen.length; i++) {
            Evaluation.Label l = examples.get(i).label();
            inBand += unseen[i] >= l.low() && unseen[i] <= l.high() ? 1 : 0;
        }
        assertThat((double) inBand / unseen.length).isGreaterThan(0.9);
    }

    @Test
    void aModelSurvivesBeingWrittenAndReadBack() {
        ScoreModel model = ScoreModelFit.fit(examples(3), "synthetic");
        ScoreModel back = ScoreModel.parse(model.toProperties());
        assertThat(back.weights()).containsExactly(model.weights(), offset(1e-6));
        assertThat(back.cuts()).containsExactly(model.cuts(), offset(1e-6));
        assertThat(back.means()).containsExactly(model.means(), offset(1e-6));
        assertThat(back.fittedOn()).isEqualTo("synthetic");
    }

    @Test
    void aModelFileMissingAWeightSaysWhich() {
        String text = ScoreModelFit.fit(examples(3), "synthetic").toProperties().replaceAll("(?m)^weight\\.hedges=.*$", "");
        assertThatThrownBy(() -> ScoreModel.parse(text)).hasMessageContaining("weight.hedges");
    }

    @Test
    void theShippedModelsWereFittedOnTheDevPart() {
        for (String name : List.of(ScoreModel.WITH_MEANING, ScoreModel.WORDS_ONLY)) {
            ScoreModel model = ScoreModel.builtIn(name);
            assertThat(model.fittedOn()).as(name).startsWith("dev part of");
            assertThat(model.cuts()).as(name).isSorted();
            assertThat(model.weights()[ScoreInputs.NAMES.indexOf("coverage")]).as(name).isPositive();
        }
    }

    @Test
    void theRubricsLimitsHoldWhateverTheBandAndSayWhy() {
        double[] x = new double[ScoreInputs.NAMES.size()];
        x[ScoreInputs.NAMES.indexOf("keyword_list")] = 1;
        Rubric.Decision listAt5 = Rubric.decide(new ScoreInputs(x, 60, false), 5);
        assertThat(listAt5.score()).isEqualTo(2);
        assertThat(listAt5.caps()).containsExactly(Rubric.Cap.KEYWORD_LIST);
        assertThat(Rubric.decide(new ScoreInputs(x, 60, false), 1).caps())
                .as("named when the band was already low, since it says why").containsExactly(Rubric.Cap.KEYWORD_LIST);
        assertThat(Rubric.decide(new ScoreInputs(new double[x.length], 60, true), 5).score()).isEqualTo(1);
        assertThat(Rubric.decide(new ScoreInputs(new double[x.length], 800, false), 5).score()).isEqualTo(3);
        assertThat(Rubric.decide(new ScoreInputs(new double[x.length], 3000, false), 5).score()).isEqualTo(2);
        double[] onePoint = new double[x.length];
        onePoint[ScoreInputs.NAMES.indexOf("points_covered")] = 0.2;
        assertThat(Rubric.decide(new ScoreInputs(onePoint, 60, false), 1).score()).as("a point made is more than nothing")
                .isEqualTo(2);
        onePoint[ScoreInputs.NAMES.indexOf("wrong_claims")] = 1;
        assertThat(Rubric.decide(new ScoreInputs(onePoint, 60, false), 1).score()).as("beside a wrong claim").isEqualTo(1);
        Rubric.Decision another = Rubric.decide(new ScoreInputs(new double[x.length], 60, false, true), 2);
        assertThat(another.score()).as("an answer to another question").isEqualTo(1);
        assertThat(another.caps()).containsExactly(Rubric.Cap.ANSWERS_ANOTHER_QUESTION);
        assertThat(Rubric.decide(new ScoreInputs(new double[x.length], 60, false, true), 4).score())
                .as("never lowers what the measurements put above 2: words can misread other words").isEqualTo(4);
    }
}
