package dev.interviewcoach.app;

import dev.interviewcoach.feedback.Evaluation;
import dev.interviewcoach.feedback.RuleBasedFeedbackEngine;
import dev.interviewcoach.text.TextAnalyzer;
import dev.interviewcoach.question.BankCatalog;
import dev.interviewcoach.question.QuestionBanks;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code coach eval}: how well the feedback agrees with answers labelled by people. */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = "Score a labelled answer set and report precision, recall, score by label and Spearman.")
final class EvalCommand implements Callable<Integer> {

    static final Path DEFAULT_SET = Path.of("bot-core", "src", "test", "resources", "eval");

    @Parameters(paramLabel = "FILE", arity = "0..1",
            description = "A case file or a folder of them (default: the project's set, " + "bot-core/src/test/resources/eval).")
    Path file;

    @Option(names = "--worst", defaultValue = "15", description = "How many of the furthest-off cases to list.")
    int worst;

    @Option(names = "--table", description = "Also write every case with its signals to this file (tab-separated).")
    Path table;

    @Option(names = "--config", description = "Configuration file.")
    Path config;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws java.io.IOException {
        Path set = file != null ? file : DEFAULT_SET;
        if (!Files.exists(set)) {
            spec.commandLine().getErr().println("No labelled set at " + set
                    + ". Run from the project folder, or give a file: coach eval FILE");
            return 1;
        }
        QuestionBanks banks = BankCommand.loadBanks(config);
        try (TextAnalyzer analyzer = new TextAnalyzer()) {
            Evaluation.Report report = new Evaluation(banks, new RuleBasedFeedbackEngine(BankCatalog.of(banks), analyzer))
                    .run(Evaluation.load(set));
            spec.commandLine().getOut().print(report.render(worst));
            if (table != null) {
                java.nio.file.Files.writeString(table, report.table());
            }
            return report.meetsBars() ? 0 : 1;
        }
    }
}
