package dev.interviewcoach.app;

import dev.interviewcoach.app.logging.TerminalLogs;
import dev.interviewcoach.chat.Reply;
import dev.interviewcoach.console.ConsoleRenderer;
import dev.interviewcoach.feedback.Feedback;
import dev.interviewcoach.feedback.RuleBasedFeedbackEngine;
import dev.interviewcoach.text.TextAnalyzer;
import dev.interviewcoach.feedback.FeedbackReply;
import dev.interviewcoach.question.Bank;
import dev.interviewcoach.question.Question;
import dev.interviewcoach.question.BankCatalog;
import dev.interviewcoach.question.QuestionBanks;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.List;
import java.util.concurrent.Callable;
import dev.interviewcoach.feedback.FeedbackEngine;
import dev.interviewcoach.feedback.reviewer.ReviewJson;
import dev.interviewcoach.feedback.reviewer.ReviewOutcome;
import dev.interviewcoach.feedback.reviewer.ReviewedFeedback;
import dev.interviewcoach.observe.CoachMetrics;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import java.util.HashMap;

/** {@code coach score}: the feedback the bot would give an answer, as text or JSON. */
@Command(name = "score", mixinStandardHelpOptions = true,
        description = "Score one answer to one question, exactly as the bot would.")
final class ScoreCommand implements Callable<Integer> {

    @Option(names = "--track", required = true, description = "Track id, e.g. python-developer.")
    String track;

    @Option(names = "--question", required = true, description = "Question id, e.g. gil-and-concurrency.")
    String question;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    static final class Source {
        @Option(names = "--answer", description = "The answer text.")
        String text;

        @Option(names = "--answer-file", description = "A file holding the answer ('-' for standard input).")
        Path file;
    }

    @Option(names = "--json", description = "Print JSON: score, covered and missed points, strengths, improvements, signals, and the reviewer's findings apart.")
    boolean json;

    @Option(names = "--config", description = "Configuration file.")
    Path config;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        TerminalLogs.onlyWarnings();
        QuestionBanks banks = BankCommand.loadBanks(config);
        CoachConfig settings = CoachConfig.load(Optional.ofNullable(config), new HashMap<>(System.getenv()));
        Optional<Bank> bank = banks.track(track);
        if (bank.isEmpty()) {
            spec.commandLine().getErr().println("No track '" + track + "'. Run: coach bank list");
            return 1;
        }
        Optional<Question> q = bank.get().question(question);
        if (q.isEmpty()) {
            List<String> near = BankCommand.nearIds(bank.get().questions(), question);
            spec.commandLine().getErr().println("No question '" + question + "' in " + bank.get().track() + "."
                    + (near.isEmpty() ? "" : " Did you mean " + String.join(", ", near) + "?")
                    + " Run: coach bank list");
            return 1;
        }
        if (source.file != null && Files.isDirectory(source.file)) {
            spec.commandLine().getErr().println(source.file + " is a folder: give --answer-file the answer's text file,"
                    + " or - to read it from standard input.");
            return 2;
        }
        String answer = source.text != null ? source.text
                : source.file.toString().equals("-") ? new String(System.in.readAllBytes(), StandardCharsets.UTF_8)
                : Files.readString(source.file, StandardCharsets.UTF_8);
        if (answer.isBlank()) {
            spec.commandLine().getErr().println("The answer is empty; give some text with --answer or --answer-file.");
            return 1;
        }
        StopOutsideTheModel stops = new StopOutsideTheModel();
        stops.stopOnSignals(() -> { });
        try (TextAnalyzer analyzer = new TextAnalyzer()) {
            FeedbackEngine engine = new RuleBasedFeedbackEngine(BankCatalog.of(banks), analyzer,
                    SentenceModel.of(settings.feedback(), stops));
            ReviewedFeedback reviewed = Reviewer.around(engine, settings.review(), CoachMetrics.none())
                    .map(r -> r.reviewed(q.get(), answer, "cli"))
                    .orElseGet(() -> ReviewedFeedback.off(engine.assess(q.get(), answer)));
            Feedback feedback = reviewed.result();
            if (json) {
                spec.commandLine().getOut().println(new ReviewJson().write(q.get(), reviewed));
            } else {
                Reply reply = FeedbackReply.of(q.get(), feedback);
                spec.commandLine().getOut().print(new ConsoleRenderer(false).render(reply));
                if (settings.review().enabled()) {
                    spec.commandLine().getOut().println(reviewerLine(reviewed));
                }
            }
        }
        return 0;
    }

    /** How the reviewer's part went, in one line under the feedback. */
    private static String reviewerLine(ReviewedFeedback reviewed) {
        return switch (reviewed.outcome()) {
            case ReviewOutcome.Answered a -> "(reviewed by " + a.model() + (a.cached() ? ", from the cache" : "")
                    + (reviewed.moved() == 0 ? "; the score is the engine's" : "; engine score "
                    + reviewed.engine().score() + ", moved " + (reviewed.moved() > 0 ? "up" : "down") + " one") + ")";
            case ReviewOutcome.TimedOut t -> "(the reviewer " + t.model() + " gave no answer within "
                    + t.after().toSeconds() + " s; this is the engine's feedback alone)";
            case ReviewOutcome.Failed f -> "(the reviewer " + f.model() + " failed: " + f.reason()
                    + "; this is the engine's feedback alone)";
            case ReviewOutcome.Off off -> "(reviewer off)";
        };
    }
}
