package dev.interviewcoach.app;

import dev.interviewcoach.feedback.Evaluation;
import dev.interviewcoach.feedback.RuleBasedFeedbackEngine;
import dev.interviewcoach.text.TextAnalyzer;
import dev.interviewcoach.question.BankCatalog;
import dev.interviewcoach.question.QuestionBanks;
import java.io.PrintWriter;
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

/**
 * {@code coach eval}: how well the feedback agrees with answers labelled by people, on the dev part
 * (tuned on) and the test part (never tuned on; the bars apply to it).
 */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = "Score the labelled answer set: the dev part (tuned on) and the test part (bars), "
                + "by label, by track, with the confusion of label and score.")
final class EvalCommand implements Callable<Integer> {

    static final Path DEFAULT_SET = Path.of("bot-core", "src", "test", "resources", "eval");

    @Parameters(paramLabel = "FILE", arity = "0..1",
            description = "A case file or a folder of them (default: the project's set, bot-core/src/test/resources/eval, "
                    + "with its dev/ and test/ parts).")
    Path file;

    @Option(names = "--part", defaultValue = "both",
            description = "Which part of a set with dev/ and test/ folders to score: dev, test or both (default).")
    String part;

    @Option(names = "--worst", defaultValue = "10", description = "How many of the furthest-off cases to list per part.")
    int worst;

    @Option(names = "--table", description = "Also write every case with its signals to this file (tab-separated).")
    Path table;

    @Option(names = "--config", description = "Configuration file.")
    Path config;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        Path set = file != null ? file : DEFAULT_SET;
        if (!Files.exists(set)) {
            spec.commandLine().getErr().println("No labelled set at " + set
                    + ". Run from the project folder, or give a file: coach eval FILE");
            return 1;
        }
        if (!List.of("dev", "test", "both").contains(part)) {
            spec.commandLine().getErr().println("--part must be dev, test or both, not '" + part + "'.");
            return 2;
        }
        QuestionBanks banks = BankCommand.loadBanks(config);
        CoachConfig settings = CoachConfig.load(Optional.ofNullable(config), new HashMap<>(System.getenv()));
        PrintWriter out = spec.commandLine().getOut();
        try (TextAnalyzer analyzer = new TextAnalyzer()) {
            Evaluation evaluation = new Evaluation(banks, new RuleBasedFeedbackEngine(BankCatalog.of(banks), analyzer,
                    SentenceModel.of(settings.feedback())));
            List<Evaluation.Case> cases = Evaluation.load(set);
            out.println("feedback: words" + (settings.feedback().semantic() ? " and meaning" : " only (feedback.semantic: off)"));
            boolean split = cases.stream().anyMatch(c -> c.part().equals("test"));
            if (!split) {
                Evaluation.Report report = evaluation.run(cases);
                out.print(report.render(worst));
                writeTable(report);
                return report.meetsBars() ? 0 : 1;
            }
            StringBuilder tables = new StringBuilder();
            Evaluation.Report test = null;
            for (String p : part.equals("both") ? List.of("dev", "test") : List.of(part)) {
                Evaluation.Report report = evaluation.run(cases, p);
                out.println();
                out.println(p.equals("dev") ? "== dev part: tuned on, for diagnosis; no bars"
                        : "== test part: never tuned on; the bars apply here");
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

    private void writeTable(Evaluation.Report report) throws IOException {
        if (table != null) {
            Files.writeString(table, report.table());
        }
    }
}
