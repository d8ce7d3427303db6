package dev.interviewcoach.feedback;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.interviewcoach.question.Question;
import dev.interviewcoach.question.QuestionBanks;
import dev.interviewcoach.question.TalkingPoint;
import dev.interviewcoach.text.TextAnalyzer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Measures the feedback engine against answers labelled by people: the scores each label gets, the
 * confusion of label against score, the rank correlation of score with label, and talking-point
 * precision and recall where a case lists the points it makes. A set is read in two parts, a dev
 * part to tune on and a test part that is only reported; the bars apply to the test part.
 */
public final class Evaluation {

    /** How good a person judged an answer; {@code rank} orders labels from worst to best. */
    public enum Label {
        OFF_TOPIC("off-topic", 0, 1, 2, 0.95),
        KEYWORD_LIST("keyword-list", 1, 1, 2, 0.85),
        NEGATED("negated", 1, 1, 2, 0.85),
        WRONG("wrong", 1, 1, 2, 0.85),
        WEAK("weak", 1, 1, 2, 0.85),
        PARTIAL("partial", 2, 2, 4, 0),
        CONCISE("concise", 3, 4, 5, 0.85),
        PARAPHRASE("paraphrase", 3, 4, 5, 0.85),
        STRONG("strong", 3, 4, 5, 0.85);

        private final String word;
        private final int rank;
        private final int low;
        private final int high;
        private final double bar;

        Label(String word, int rank, int low, int high, double bar) {
            this.word = word;
            this.rank = rank;
            this.low = low;
            this.high = high;
            this.bar = bar;
        }

        public String word() {
            return word;
        }

        /** Where the label stands among the others, for the rank correlation. */
        public int rank() {
            return rank;
        }

        /** The scores this label should get, inclusive. */
        public int low() {
            return low;
        }

        public int high() {
            return high;
        }

        /** The share of a part's cases of this label that must score in [low, high]; 0 where no bar is held. */
        public double bar() {
            return bar;
        }

        static Label of(String word) {
            for (Label l : values()) {
                if (l.word.equalsIgnoreCase(word.strip())) {
                    return l;
                }
            }
            throw new IllegalArgumentException("unknown label '" + word + "': use one of "
                    + Arrays.stream(values()).map(Label::word).toList());
        }
    }

    /** The bar on the rank correlation of score with label. */
    public static final double SPEARMAN_BAR = 0.80;

    /** One labelled answer; {@code part} is the folder it came from (dev, test, or none). */
    public record Case(String source, String part, String track, String questionId, Label label, Set<String> covers,
                       boolean listsCovers, String note, String answer) {}

    /** One case as scored. */
    public record Scored(Case example, int score, Set<String> found, Feedback feedback) {
        /** How far the score is from what the label asks for (0 when it is inside the expected band). */
        public int miss() {
            Label l = example.label();
            return score < l.low() ? l.low() - score : Math.max(0, score - l.high());
        }
    }

    /** The measurements over a set of cases. */
    public record Report(List<Scored> scored, double precision, double recall, Map<Label, int[]> distribution,
                         double spearman) {

        /** The same cases with other scores (one per case, in order), as another scorer would give them. */
        public Report withScores(int[] scores) {
            if (scores.length != scored.size()) {
                throw new IllegalArgumentException(scored.size() + " cases but " + scores.length + " scores");
            }
            List<Scored> rescored = new ArrayList<>();
            Map<Label, int[]> counts = new EnumMap<>(Label.class);
            for (Label l : Label.values()) {
                counts.put(l, new int[6]);
            }
            for (int i = 0; i < scores.length; i++) {
                Scored s = scored.get(i);
                rescored.add(new Scored(s.example(), scores[i], s.found(), s.feedback()));
                counts.get(s.example().label())[scores[i]]++;
            }
            double rho = Evaluation.spearman(rescored.stream().mapToDouble(s -> s.example().label().rank()).toArray(),
                    Arrays.stream(scores).asDoubleStream().toArray());
            return new Report(rescored, precision, recall, counts, rho);
        }

        /** Share of cases with this label scoring in [min, max]. */
        public double share(Label label, int min, int max) {
            List<Scored> of = scored.stream().filter(s -> s.example().label() == label).toList();
            if (of.isEmpty()) {
                return 1;
            }
            return (double) of.stream().filter(s -> s.score() >= min && s.score() <= max).count() / of.size();
        }

        /** Share of cases with this label scoring where the label says. */
        public double inBand(Label label) {
            return share(label, label.low(), label.high());
        }

        public long count(Label label) {
            return scored.stream().filter(s -> s.example().label() == label).count();
        }

        public List<Scored> furthestOff(int n) {
            return scored.stream().filter(s -> s.miss() > 0)
                    .sorted(Comparator.comparingInt(Scored::miss).reversed()
                            .thenComparing(s -> s.example().track() + "/" + s.example().questionId()))
                    .limit(n).toList();
        }

        /** The labels whose bar is missed, and the correlation if it is; empty when every bar is met. */
        public List<String> missedBars() {
            List<String> missed = new ArrayList<>();
            for (Label label : Label.values()) {
                if (label.bar() > 0 && count(label) > 0 && inBand(label) < label.bar()) {
                    missed.add(String.format(Locale.ROOT, "%s %d-%d in %.1f%% (bar %.0f%%)", label.word(), label.low(),
                            label.high(), 100 * inBand(label), 100 * label.bar()));
                }
            }
            if (spearman < SPEARMAN_BAR) {
                missed.add(String.format(Locale.ROOT, "spearman %.3f (bar %.2f)", spearman, SPEARMAN_BAR));
            }
            return missed;
        }

        public boolean meetsBars() {
            return missedBars().isEmpty();
        }

        /** The report as people read it: per label, the confusion of label and score, per track, the worst cases. */
        public String render(int worst) {
            StringBuilder out = new StringBuilder();
            out.append(String.format(Locale.ROOT, "%d labelled answers%n", scored.size()));
            if (precision >= 0) {
                out.append(String.format(Locale.ROOT, "talking points  precision %.3f  recall %.3f (cases that list them)%n",
                        precision, recall));
            }
            out.append("\nlabel          cases  in band   bar     scores 1    2    3    4    5\n");
            for (Label label : Label.values()) {
                int[] d = distribution.get(label);
                if (count(label) == 0) {
                    continue;
                }
                out.append(String.format(Locale.ROOT, "  %-12s %5d  %5.1f%%  %5s   %4d %4d %4d %4d %4d   (expects %d-%d)%n",
                        label.word(), count(label), 100 * inBand(label),
                        label.bar() > 0 ? String.format(Locale.ROOT, "%.0f%%", 100 * label.bar()) : "-",
                        d[1], d[2], d[3], d[4], d[5], label.low(), label.high()));
            }
            out.append(String.format(Locale.ROOT, "%nspearman %.3f (bar %.2f; labels ranked off-topic < weak, wrong, negated, "
                    + "keyword-list < partial < concise, paraphrase, strong)%n", spearman, SPEARMAN_BAR));
            out.append("\nby track       cases  in band  spearman\n");
            scored.stream().map(s -> s.example().track()).distinct().sorted().forEach(track -> {
                List<Scored> of = scored.stream().filter(s -> s.example().track().equals(track)).toList();
                long ok = of.stream().filter(s -> s.miss() == 0).count();
                double rho = Evaluation.spearman(of.stream().mapToDouble(s -> s.example().label().rank()).toArray(),
                        of.stream().mapToDouble(Scored::score).toArray());
                out.append(String.format(Locale.ROOT, "  %-16s %4d  %5.1f%%  %6.3f%n", track, of.size(), 100.0 * ok / of.size(), rho));
            });
            List<String> missed = missedBars();
            out.append(missed.isEmpty() ? "\nall bars met\n" : "\nbars missed: " + String.join("; ", missed) + "\n");
            List<Scored> off = furthestOff(worst);
            if (!off.isEmpty()) {
                out.append("\nfurthest off\n");
                for (Scored s : off) {
                    String answer = s.example().answer().replaceAll("\\s+", " ").strip();
                    out.append(String.format(Locale.ROOT, "  %s/%s  label %s, scored %d, found %s%n    %s%n    %s%n",
                            s.example().track(), s.example().questionId(), s.example().label().word(), s.score(),
                            sorted(s.found()), s.feedback().scoreReason(),
                            answer.length() > 160 ? answer.substring(0, 157) + "..." : answer));
                }
            }
            return out.toString();
        }

        /** One line per case with every signal, tab-separated, for a closer look in a spreadsheet. */
        public String table() {
            StringBuilder out = new StringBuilder("source\tpart\ttrack\tquestion\tlabel\tnote\tscore\tcoverage\texpected\tfound\t"
                    + "wrong_claims\twrong_said\trelevance\tbest_other\toff_topic\tkeyword_list\tstructure\tspecificity\twords\tpoint_closeness\tpoint_denial\tclaim_closeness\tclaim_margin\t"
                    + ScoreInputs.NAMES.stream().map(n -> "in_" + n).collect(Collectors.joining("\t")) + "\tevidence_words\n");
            for (Scored s : scored) {
                Feedback.Signals g = s.feedback().signals();
                out.append(String.join("\t", Path.of(s.example().source()).getFileName().toString(), s.example().part(), s.example().track(), s.example().questionId(),
                        s.example().label().word(), s.example().note(), Integer.toString(s.score()),
                        String.format(Locale.ROOT, "%.2f", g.coverage()),
                        String.join(",", sorted(s.example().covers())), String.join(",", sorted(s.found())),
                        Integer.toString(s.feedback().wrongClaims().size()),
                        s.feedback().wrongClaims().stream().map(w -> w.evidence() + " => " + w.claim())
                                .collect(Collectors.joining(" | ")).replaceAll("[\\t\\n]", " "),
                        String.format(Locale.ROOT, "%.3f", g.relevance().share()),
                        String.format(Locale.ROOT, "%.3f", g.relevance().bestOtherShare()),
                        Boolean.toString(g.relevance().offTopic()), Boolean.toString(g.form().keywordList()),
                        String.format(Locale.ROOT, "%.2f", g.structure().share()),
                        String.format(Locale.ROOT, "%.2f", g.specificity().level()), Integer.toString(g.delivery().words()),
                        g.meaning().pointCloseness().stream().map(c -> String.format(Locale.ROOT, "%.3f", c))
                                .collect(Collectors.joining(",")),
                        g.meaning().pointDenial().stream().map(c -> String.format(Locale.ROOT, "%.3f", c))
                                .collect(Collectors.joining(",")),
                        String.format(Locale.ROOT, "%.3f", g.meaning().claimCloseness()),
                        String.format(Locale.ROOT, "%.3f", g.meaning().claimMargin()),
                        Arrays.stream(g.inputs().values()).mapToObj(v -> String.format(Locale.ROOT, "%.4f", v))
                                .collect(Collectors.joining("\t")),
                        // how many words showed each point made (0 for one shown by the story's shape)
                        s.feedback().covered().stream().map(m -> Integer.toString(m.ownWords()
                                ? TextAnalyzer.wordCount(m.evidence()) : 0)).collect(Collectors.joining(","))))
                        .append('\n');
            }
            return out.toString();
        }
    }

    private final QuestionBanks banks;
    private final FeedbackEngine engine;

    public Evaluation(QuestionBanks banks, FeedbackEngine engine) {
        this.banks = banks;
        this.engine = engine;
    }

    /** Reads every {@code .yaml} case file of a folder and its sub-folders (dev/, test/), or one file. */
    public static List<Case> load(Path path) {
        List<Path> files;
        try (Stream<Path> list = Files.isDirectory(path) ? Files.walk(path) : Stream.of(path)) {
            files = list.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        List<Case> cases = new ArrayList<>();
        for (Path file : files) {
            try {
                JsonNode root = yaml.readTree(file.toFile());
                String track = root.path("track").asText();
                int number = 0;
                for (JsonNode c : root.path("cases")) {
                    number++;
                    Set<String> covers = new HashSet<>();
                    c.path("covers").forEach(n -> covers.add(n.asText()));
                    Path parent = file.getParent() == null ? null : file.getParent().getFileName();
                    String part = parent == null ? "" : parent.toString();
                    Label label;
                    try {
                        label = Label.of(c.path("label").asText());
                    } catch (IllegalArgumentException e) {
                        throw new IllegalArgumentException(file + ", case " + number + " ('" + c.path("question").asText()
                                + "'): " + e.getMessage(), e);
                    }
                    cases.add(new Case(file.getFileName().toString(), part, track, c.path("question").asText(),
                            label, covers, c.has("covers"), c.path("note").asText(""), c.path("answer").asText()));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read eval file " + file + ": " + e.getMessage(), e);
            }
        }
        return cases;
    }

    /**
     * What is wrong with the cases before any is scored, one line each: a question the banks do not have, a point in
     * {@code covers} the question does not have (a typo there would quietly lower recall), an empty answer.
     */
    public List<String> problems(List<Case> cases) {
        List<String> out = new ArrayList<>();
        for (Case c : cases) {
            Optional<Question> question = banks.question(c.track(), c.questionId());
            if (question.isEmpty()) {
                out.add(c.source() + ": no question '" + c.questionId() + "' in track '" + c.track() + "'");
                continue;
            }
            if (c.answer().isBlank()) {
                out.add(c.source() + ": a case for '" + c.questionId() + "' has no answer");
            }
            Set<String> points = question.get().talkingPoints().stream().map(TalkingPoint::id).collect(Collectors.toSet());
            for (String id : sorted(c.covers())) {
                if (!points.contains(id)) {
                    out.add(c.source() + ": a case for '" + c.questionId() + "' covers '" + id + "', which is not one of its"
                            + " points: " + String.join(", ", question.get().talkingPoints().stream().map(TalkingPoint::id).toList()));
                }
            }
        }
        return out;
    }

    /** Scores the cases of one part ("dev" or "test"). */
    public Report run(List<Case> cases, String part) {
        return run(cases.stream().filter(c -> c.part().equals(part)).toList());
    }

    public Report run(List<Case> cases) {
        List<Scored> scored = new ArrayList<>();
        int truePositives = 0;
        int found = 0;
        int expected = 0;
        Map<Label, int[]> distribution = new EnumMap<>(Label.class);
        for (Label l : Label.values()) {
            distribution.put(l, new int[6]);
        }
        for (Case c : cases) {
            if (c.answer().isBlank()) {
                throw new IllegalArgumentException(c.source() + ": a case for '" + c.questionId() + "' has no answer");
            }
            Question q = banks.question(c.track(), c.questionId()).orElseThrow(() -> new IllegalArgumentException(
                    c.source() + ": no question '" + c.questionId() + "' in track '" + c.track() + "'"));
            Feedback f = engine.assess(q, c.answer());
            Set<String> ids = new HashSet<>();
            f.covered().forEach(m -> ids.add(m.point().id()));
            scored.add(new Scored(c, f.score(), ids, f));
            distribution.get(c.label())[f.score()]++;
            if (c.listsCovers()) {
                found += ids.size();
                expected += c.covers().size();
                truePositives += (int) ids.stream().filter(c.covers()::contains).count();
            }
        }
        double precision = found == 0 ? -1 : (double) truePositives / found;
        double recall = expected == 0 ? -1 : (double) truePositives / expected;
        double rho = spearman(scored.stream().mapToDouble(s -> s.example().label().rank()).toArray(),
                scored.stream().mapToDouble(Scored::score).toArray());
        return new Report(scored, precision, recall, distribution, rho);
    }

    /**
     * Two reports on the same cases side by side (the engine alone and the engine with the reviewer):
     * per label the share in band, the correlation, and how many scores differ.
     */
    public static String sideBySide(Report left, String leftName, Report right, String rightName) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%-14s %5s  %14s  %14s  %5s%n", "label", "cases", leftName, rightName, "bar"));
        for (Label label : Label.values()) {
            if (left.count(label) == 0) {
                continue;
            }
            out.append(String.format(Locale.ROOT, "  %-12s %5d  %13.1f%%  %13.1f%%  %5s   (expects %d-%d)%n", label.word(),
                    left.count(label), 100 * left.inBand(label), 100 * right.inBand(label),
                    label.bar() > 0 ? String.format(Locale.ROOT, "%.0f%%", 100 * label.bar()) : "-", label.low(), label.high()));
        }
        out.append(String.format(Locale.ROOT, "  %-12s %5s  %14.3f  %14.3f  %5.2f%n", "spearman", "", left.spearman(),
                right.spearman(), SPEARMAN_BAR));
        int up = 0;
        int down = 0;
        for (int i = 0; i < Math.min(left.scored().size(), right.scored().size()); i++) {
            int d = right.scored().get(i).score() - left.scored().get(i).score();
            up += d > 0 ? 1 : 0;
            down += d < 0 ? 1 : 0;
        }
        out.append(String.format(Locale.ROOT, "scores moved: %d up, %d down, %d unchanged; bars missed: %d vs %d%n", up, down,
                left.scored().size() - up - down, left.missedBars().size(), right.missedBars().size()));
        return out.toString();
    }

    /** Spearman's rank correlation, ties given their average rank. */
    static double spearman(double[] x, double[] y) {
        double[] rx = ranks(x);
        double[] ry = ranks(y);
        int n = x.length;
        double mx = 0;
        double my = 0;
        for (int i = 0; i < n; i++) {
            mx += rx[i];
            my += ry[i];
        }
        mx /= n;
        my /= n;
        double cov = 0;
        double vx = 0;
        double vy = 0;
        for (int i = 0; i < n; i++) {
            cov += (rx[i] - mx) * (ry[i] - my);
            vx += (rx[i] - mx) * (rx[i] - mx);
            vy += (ry[i] - my) * (ry[i] - my);
        }
        return vx == 0 || vy == 0 ? 0 : cov / Math.sqrt(vx * vy);
    }

    private static double[] ranks(double[] values) {
        Integer[] order = new Integer[values.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble(i -> values[i]));
        double[] ranks = new double[values.length];
        int i = 0;
        while (i < order.length) {
            int j = i;
            while (j + 1 < order.length && values[order[j + 1]] == values[order[i]]) {
                j++;
            }
            double rank = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) {
                ranks[order[k]] = rank;
            }
            i = j + 1;
        }
        return ranks;
    }

    private static List<String> sorted(Set<String> ids) {
        return ids.stream().sorted().toList();
    }
}
