package dev.interviewcoach.feedback;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.interviewcoach.question.Question;
import dev.interviewcoach.question.QuestionBanks;
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
import java.util.Set;
import java.util.stream.Stream;

/**
 * Measures the feedback engine against answers labelled by people: talking-point precision and
 * recall, the scores each label gets, and the rank correlation of score with label.
 */
public final class Evaluation {

    /** How good a person judged an answer, from worst to best. */
    public enum Label {
        OFF_TOPIC("off-topic"),
        WEAK("weak"),
        PARTIAL("partial"),
        STRONG("strong");

        private final String word;

        Label(String word) {
            this.word = word;
        }

        public String word() {
            return word;
        }

        static Label of(String word) {
            for (Label l : values()) {
                if (l.word.equalsIgnoreCase(word.strip())) {
                    return l;
                }
            }
            throw new IllegalArgumentException("unknown label '" + word + "': use strong, partial, weak or off-topic");
        }
    }

    /** One labelled answer. */
    public record Case(String source, String track, String questionId, Label label, Set<String> covers, String note,
                       String answer) {}

    /** One case as scored. */
    public record Scored(Case example, int score, Set<String> found, Feedback feedback) {
        /** How far the score is from what the label asks for (0 when it is inside the expected band). */
        public int miss() {
            return switch (example.label()) {
                case STRONG -> Math.max(0, 4 - score);
                case PARTIAL -> score < 2 ? 2 - score : Math.max(0, score - 4);
                case WEAK, OFF_TOPIC -> Math.max(0, score - 2);
            };
        }
    }

    /** The measurements over a whole set. */
    public record Report(List<Scored> scored, double precision, double recall, Map<Label, int[]> distribution,
                         double spearman) {

        /** Share of cases with this label scoring in [min, max]. */
        public double share(Label label, int min, int max) {
            List<Scored> of = scored.stream().filter(s -> s.example().label() == label).toList();
            if (of.isEmpty()) {
                return 1;
            }
            return (double) of.stream().filter(s -> s.score() >= min && s.score() <= max).count() / of.size();
        }

        public List<Scored> furthestOff(int n) {
            return scored.stream().filter(s -> s.miss() > 0)
                    .sorted(Comparator.comparingInt(Scored::miss).reversed()
                            .thenComparing(s -> s.example().track() + "/" + s.example().questionId()))
                    .limit(n).toList();
        }

        /** The report as people read it. */
        public String render(int worst) {
            StringBuilder out = new StringBuilder();
            out.append(String.format(Locale.ROOT, "%d labelled answers%n%n", scored.size()));
            out.append(String.format(Locale.ROOT, "talking points  precision %.3f  recall %.3f%n%n", precision, recall));
            out.append("score distribution by label (count of scores 1..5)\n");
            for (Label label : Label.values()) {
                int[] d = distribution.get(label);
                out.append(String.format(Locale.ROOT, "  %-9s %4d %4d %4d %4d %4d%n", label.word(), d[1], d[2], d[3], d[4], d[5]));
            }
            out.append(String.format(Locale.ROOT, "%nstrong >= 4     %5.1f%%   (bar 90%%)%n", 100 * share(Label.STRONG, 4, 5)));
            out.append(String.format(Locale.ROOT, "off-topic <= 2  %5.1f%%   (bar 95%%)%n", 100 * share(Label.OFF_TOPIC, 1, 2)));
            out.append(String.format(Locale.ROOT, "weak <= 2       %5.1f%%   (bar 85%%)%n", 100 * share(Label.WEAK, 1, 2)));
            out.append(String.format(Locale.ROOT, "spearman        %6.3f   (bar 0.800; labels ordered off-topic < weak < partial < strong)%n",
                    spearman));
            List<Scored> off = furthestOff(worst);
            if (!off.isEmpty()) {
                out.append("\nfurthest off\n");
                for (Scored s : off) {
                    String answer = s.example().answer().replaceAll("\\s+", " ").strip();
                    out.append(String.format(Locale.ROOT, "  %s/%s  label %s, scored %d, expected points %s, found %s%n    %s%n",
                            s.example().track(), s.example().questionId(), s.example().label().word(), s.score(),
                            sorted(s.example().covers()), sorted(s.found()),
                            answer.length() > 160 ? answer.substring(0, 157) + "..." : answer));
                }
            }
            return out.toString();
        }

        /** One line per case with every signal, tab-separated, for a closer look in a spreadsheet. */
        public String table() {
            StringBuilder out = new StringBuilder("track\tquestion\tlabel\tnote\tscore\tcoverage\texpected\tfound\t"
                    + "relevance\tbest_other\toff_topic\tstructure\tspecificity\twords\n");
            for (Scored s : scored) {
                Feedback.Signals g = s.feedback().signals();
                out.append(String.join("\t", s.example().track(), s.example().questionId(), s.example().label().word(),
                        s.example().note(), Integer.toString(s.score()), String.format(Locale.ROOT, "%.2f", g.coverage()),
                        String.join(",", sorted(s.example().covers())), String.join(",", sorted(s.found())),
                        String.format(Locale.ROOT, "%.3f", g.relevance().share()),
                        String.format(Locale.ROOT, "%.3f", g.relevance().bestOtherShare()),
                        Boolean.toString(g.relevance().offTopic()), String.format(Locale.ROOT, "%.2f", g.structure().share()),
                        String.format(Locale.ROOT, "%.2f", g.specificity().level()), Integer.toString(g.delivery().words())))
                        .append('\n');
            }
            return out.toString();
        }

        public boolean meetsBars() {
            return share(Label.STRONG, 4, 5) >= 0.90 && share(Label.OFF_TOPIC, 1, 2) >= 0.95
                    && share(Label.WEAK, 1, 2) >= 0.85 && spearman >= 0.8;
        }
    }

    private final QuestionBanks banks;
    private final FeedbackEngine engine;

    public Evaluation(QuestionBanks banks, FeedbackEngine engine) {
        this.banks = banks;
        this.engine = engine;
    }

    /** Reads every {@code .yaml} case file of a folder, or one file. */
    public static List<Case> load(Path path) {
        List<Path> files;
        try (Stream<Path> list = Files.isDirectory(path) ? Files.list(path) : Stream.of(path)) {
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
                for (JsonNode c : root.path("cases")) {
                    Set<String> covers = new HashSet<>();
                    c.path("covers").forEach(n -> covers.add(n.asText()));
                    cases.add(new Case(file.getFileName().toString(), track, c.path("question").asText(),
                            Label.of(c.path("label").asText()), covers, c.path("note").asText(""), c.path("answer").asText()));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read eval file " + file + ": " + e.getMessage(), e);
            }
        }
        return cases;
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
            Question q = banks.question(c.track(), c.questionId()).orElseThrow(() -> new IllegalArgumentException(
                    c.source() + ": no question '" + c.questionId() + "' in track '" + c.track() + "'"));
            Feedback f = engine.assess(q, c.answer());
            Set<String> ids = new HashSet<>();
            f.covered().forEach(m -> ids.add(m.point().id()));
            scored.add(new Scored(c, f.score(), ids, f));
            distribution.get(c.label())[f.score()]++;
            found += ids.size();
            expected += c.covers().size();
            truePositives += (int) ids.stream().filter(c.covers()::contains).count();
        }
        double precision = found == 0 ? 1 : (double) truePositives / found;
        double recall = expected == 0 ? 1 : (double) truePositives / expected;
        double rho = spearman(scored.stream().mapToDouble(s -> s.example().label().ordinal()).toArray(),
                scored.stream().mapToDouble(Scored::score).toArray());
        return new Report(scored, precision, recall, distribution, rho);
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
        java.util.Arrays.sort(order, Comparator.comparingDouble(i -> values[i]));
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
