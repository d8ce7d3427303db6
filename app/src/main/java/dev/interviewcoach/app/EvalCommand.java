package dev.interviewcoach.app;

import dev.interviewcoach.app.logging.TerminalLogs;
import dev.interviewcoach.feedback.Evaluation;
import dev.interviewcoach.feedback.RuleBasedFeedbackEngine;
import dev.interviewcoach.feedback.ScoreModel;
import dev.interviewcoach.feedback.ScoreModelFit;
import dev.interviewcoach.text.TextAnalyzer;
import dev.interviewcoach.question.BankCatalog;
import dev.interviewcoach.question.QuestionBanks;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import dev.interviewcoach.feedback.FeedbackEngine;
import dev.interviewcoach.feedback.reviewer.ReviewOutcome;
import dev.interviewcoach.feedback.reviewer.ReviewedFeedback;
import dev.interviewcoach.feedback.reviewer.ReviewingFeedbackEngine;
import dev.interviewcoach.observe.CoachMetrics;

/**
 * {@code coach eval}: how well the feedback agrees with answers labelled by people, on the dev part
 * (tuned on), the test part (never tuned on; the bars apply to it) and the check part (other writers'
 * answers to the dev questions, never fitted on; for diagnosis).
 */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = "Score the labelled answer set: the dev part (tuned on), the test part (bars) and the check"
                + " part (never fitted on), "
                + "by label, by track, with the confusion of label and score.")
final class EvalCommand implements Callable<Integer> {

    static final Path DEFAULT_SET = Path.of("bot-core", "src", "test", "resources", "eval");
    static final Path SHIPPED_MODELS = Path.of("bot-core", "src", "main", "resources", "dev", "interviewcoach", "feedback");
    private static final int FOLDS = 5;
    private static final long FOLD_SEED = 1;

    @Parameters(paramLabel = "FILE", arity = "0..1",
            description = "A case file or a folder of them (default: the project's set, bot-core/src/test/resources/eval, "
                    + "with its dev/, test/ and check/ parts).")
    Path file;

    @Option(names = "--part",
            description = "Which part of a set with dev/ and test/ folders to score: dev, test, check, both (dev and"
                    + " test) or all (default; test with --reviewer).")
    String part;

    @Option(names = "--reviewer", description = "Also score every case with the language-model reviewer configured in"
            + " review.llm.* (one call per answer) and print the engine's figures and the reviewed ones side by side.")
    boolean reviewer;

    @Option(names = "--worst", defaultValue = "10", description = "How many of the furthest-off cases to list per part.")
    int worst;

    @Option(names = "--table", description = "Also write every case with its signals to this file (tab-separated).")
    Path table;

    @Option(names = "--fit", description = "Fit the score model on the dev part, write it over the shipped one (for the"
            + " feedback.semantic setting in force) and print how it does on questions it was not fitted on (5-fold by"
            + " question) beside the model in use. Run from the project folder, then rebuild.")
    boolean fit;

    @Option(names = "--fit-to", description = "With --fit, write the model to this file instead of over the shipped one.")
    Path fitTo;

    @Option(names = "--config", description = "Configuration file.")
    Path config;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        TerminalLogs.onlyWarnings();
        CoachConfig settings = CoachConfig.load(Optional.ofNullable(config), new HashMap<>(System.getenv()));
        if (reviewer && !settings.review().enabled()) {
            spec.commandLine().getErr().println("--reviewer needs a reviewer: set review.llm.url and review.llm.model in"
                    + " config/coach.yaml (or COACH_REVIEW_LLM_URL and COACH_REVIEW_LLM_MODEL).");
            return 2;
        }
        Path set = file != null ? file : DEFAULT_SET;
        if (!Files.exists(set)) {
            spec.commandLine().getErr().println("No labelled set at " + set
                    + ". Run from the project folder, or give a file: coach eval FILE");
            return 1;
        }
        if (part == null) {
            part = reviewer ? "test" : "all";
        }
        if (!List.of("dev", "test", "check", "both", "all").contains(part)) {
            spec.commandLine().getErr().println("--part must be dev, test, check, both (dev and test) or all, not '" + part
                    + "'.");
            return 2;
        }
        QuestionBanks banks = BankCommand.loadBanks(config);
        PrintWriter out = spec.commandLine().getOut();
        StopOutsideTheModel stops = new StopOutsideTheModel();
        stops.stopOnSignals(() -> { });
        try (TextAnalyzer analyzer = new TextAnalyzer()) {
            FeedbackEngine engine = new RuleBasedFeedbackEngine(BankCatalog.of(banks), analyzer,
                    SentenceModel.of(settings.feedback(), stops));
            Evaluation evaluation = new Evaluation(banks, engine);
            List<Evaluation.Case> cases;
            try {
                cases = Evaluation.load(set);
            } catch (IllegalArgumentException | UncheckedIOException e) {
                spec.commandLine().getErr().println("Cannot read the labelled set: " + e.getMessage());
                return 2;
            }
            List<String> problems = evaluation.problems(cases);
            if (!problems.isEmpty()) {
                spec.commandLine().getErr().println("The labelled set at " + set + " has " + problems.size()
                        + (problems.size() == 1 ? " problem" : " problems") + "; fix " + (problems.size() == 1 ? "it" : "them")
                        + " and run again:");
                problems.stream().limit(20).forEach(p -> spec.commandLine().getErr().println("  " + p));
                if (problems.size() > 20) {
                    spec.commandLine().getErr().println("  ... and " + (problems.size() - 20) + " more");
                }
                return 2;
            }
            out.println("feedback: words" + (settings.feedback().semantic() ? " and meaning" : " only (feedback.semantic: off)"));
            boolean hasParts = cases.stream().anyMatch(c -> List.of("dev", "test", "check").contains(c.part()));
            if (!fit && hasParts && List.of("dev", "test", "check").contains(part)
                    && cases.stream().noneMatch(c -> c.part().equals(part))) {
                spec.commandLine().getErr().println("The set at " + set() + " has no " + part + "/ part; its parts: "
                        + cases.stream().map(Evaluation.Case::part).distinct().sorted().toList() + ".");
                return 2;
            }
            if (fit) {
                return fitModel(evaluation, cases, settings.feedback().semantic(), out);
            }
            if (reviewer) {
                return compareWithReviewer(banks, engine, settings, cases, evaluation, out);
            }
            boolean split = cases.stream().anyMatch(c -> c.part().equals("test"));
            if (!split) {
                Evaluation.Report report = evaluation.run(cases);
                out.print(report.render(worst));
                writeTable(report);
                return report.meetsBars() ? 0 : 1;
            }
            StringBuilder tables = new StringBuilder();
            Evaluation.Report test = null;
            for (String p : parts(cases)) {
                Evaluation.Report report = evaluation.run(cases, p);
                out.println();
                out.println(heading(p, report.scored().size()));
                out.print(report.render(worst));
                tables.append(report.table());
                if (p.equals("test")) {
                    test = report;
                }
            }
            if (table != null) {
                Files.writeString(table, tables.toString());
            }
            return test == null || test.meetsBars() ? 0 : 1;
        }
    }

    /** The parts --part names, in the order dev, test, check, leaving out those the set does not have. */
    private List<String> parts(List<Evaluation.Case> cases) {
        List<String> wanted = switch (part) {
            case "both" -> List.of("dev", "test");
            case "all" -> List.of("dev", "test", "check");
            default -> List.of(part);
        };
        return wanted.stream().filter(p -> part.equals(p) || cases.stream().anyMatch(c -> c.part().equals(p))).toList();
    }

    private static String heading(String part, int cases) {
        return switch (part) {
            case "dev" -> "== dev part (" + cases + " answers): tuned on, for diagnosis; no bars";
            case "test" -> "== test part (" + cases + " answers): never tuned on; the bars apply here";
            case "check" -> "== check part (" + cases + " answers): other writers' answers to the dev questions, written"
                    + " after the model was fitted and never fitted on; for diagnosis, no bars";
            default -> "== " + part + " part (" + cases + " answers)";
        };
    }

    /** The chosen part (or the whole set) scored by the engine alone and with the reviewer, side by side. */
    private int compareWithReviewer(QuestionBanks banks, FeedbackEngine engine, CoachConfig settings,
                                    List<Evaluation.Case> cases, Evaluation alone, PrintWriter out) {
        CoachConfig.Review review = settings.review();
        // hundreds of answers from one place: no per-workspace limit here
        CoachConfig.Review unlimited = new CoachConfig.Review(review.url(), review.model(), review.apiKey(),
                review.timeout(), 0);
        ReviewingFeedbackEngine reviewing = Reviewer.around(engine, unlimited, CoachMetrics.none()).orElseThrow();
        Map<String, Integer> outcomes = new TreeMap<>();
        long[] tokens = new long[2];
        int[] dropped = new int[1];
        FeedbackEngine recorded = (question, answer) -> {
            ReviewedFeedback r = reviewing.reviewed(question, answer, "eval");
            outcomes.merge(r.outcome().status(), 1, Integer::sum);
            if (r.outcome() instanceof ReviewOutcome.Answered a) {
                tokens[0] += a.promptTokens();
                tokens[1] += a.completionTokens();
                dropped[0] += a.review().droppedQuotes();
            }
            return r.result();
        };
        Evaluation withReviewer = new Evaluation(banks, recorded);
        boolean split = cases.stream().anyMatch(c -> c.part().equals("test"));
        List<String> parts = !split ? List.of("") : parts(cases);
        out.println(Reviewer.describe(review));
        int code = 0;
        for (String p : parts) {
            List<Evaluation.Case> of = p.isEmpty() ? cases : cases.stream().filter(c -> c.part().equals(p)).toList();
            Evaluation.Report engineReport = alone.run(of);
            Evaluation.Report reviewedReport = withReviewer.run(of);
            out.println();
            out.println(p.isEmpty() ? "== all cases" : heading(p, of.size()));
            out.print(Evaluation.sideBySide(engineReport, "engine", reviewedReport, "with reviewer"));
            if ((p.isEmpty() || p.equals("test")) && !reviewedReport.meetsBars()) {
                code = 1;
            }
        }
        out.println();
        out.println("reviewer outcomes: " + outcomes + "; quotes dropped (not the candidate's words): " + dropped[0]
                + "; tokens: " + tokens[0] + " prompt, " + tokens[1] + " completion");
        return code;
    }

    /** Fits the score model on the dev part and writes it where the build picks it up. */
    private int fitModel(Evaluation evaluation, List<Evaluation.Case> cases, boolean semantic, PrintWriter out)
            throws IOException {
        List<Evaluation.Case> dev = cases.stream().filter(c -> c.part().equals("dev")).toList();
        if (dev.isEmpty()) {
            spec.commandLine().getErr().println("--fit needs a set with a dev/ part; " + set() + " has none.");
            return 2;
        }
        Evaluation.Report now = evaluation.run(dev);
        List<ScoreModelFit.Example> examples = now.scored().stream()
                .map(s -> new ScoreModelFit.Example(s.feedback().signals().inputs(), s.example().label(),
                        s.example().track() + "/" + s.example().questionId()))
                .toList();
        int[] unseen = ScoreModelFit.crossValidated(examples, FOLDS, FOLD_SEED);
        out.println();
        out.println("== dev part, " + dev.size() + " answers: the model in use (fitted on all of them) against a model"
                + " fitted without each answer's question (" + FOLDS + " folds by question)");
        out.print(Evaluation.sideBySide(now, "in use", now.withScores(unseen), "unseen"));
        ScoreModel model = ScoreModelFit.fit(examples, "dev part of " + set() + ", " + dev.size() + " answers");
        Path target = fitTo != null ? fitTo
                : SHIPPED_MODELS.resolve(semantic ? ScoreModel.WITH_MEANING : ScoreModel.WORDS_ONLY);
        if (target.toAbsolutePath().getParent() == null || !Files.isDirectory(target.toAbsolutePath().getParent())) {
            spec.commandLine().getErr().println("No folder " + target.toAbsolutePath().getParent()
                    + " to write the model to: run --fit from the project folder, or give --fit-to FILE.");
            return 1;
        }
        Files.writeString(target, model.toProperties());
        out.println();
        out.println("wrote " + target + (fitTo != null ? "" : "; rebuild (./coach rebuilds on its next run) and run ./coach eval"
                + " to see both parts."));
        return 0;
    }

    private Path set() {
        return file != null ? file : DEFAULT_SET;
    }

    private void writeTable(Evaluation.Report report) throws IOException {
        if (table != null) {
            Files.writeString(table, report.table());
        }
    }
}
