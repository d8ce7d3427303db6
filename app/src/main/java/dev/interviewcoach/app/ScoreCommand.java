package dev.interviewcoach.app;

import dev.interviewcoach.chat.Reply;
import dev.interviewcoach.console.ConsoleRenderer;
import dev.interviewcoach.feedback.Feedback;
import dev.interviewcoach.feedback.FeedbackJson;
import dev.interviewcoach.feedback.FeedbackReply;
import dev.interviewcoach.feedback.RuleBasedFeedbackEngine;
import dev.interviewcoach.text.TextAnalyzer;
import dev.interviewcoach.question.Bank;
import dev.interviewcoach.question.Question;
import dev.interviewcoach.question.BankCatalog;
import dev.interviewcoach.question.QuestionBanks;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
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

    @Option(names = "--json", description = "Print JSON: score, covered and missed points, strengths, improvements, signals.")
    boolean json;

    @Option(names = "--config", description = "Configuration file.")
    Path config;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        QuestionBanks banks = BankCommand.loadBanks(config);
        CoachConfig settings = CoachConfig.load(Optional.ofNullable(config), new HashMap<>(System.getenv()));
        Optional<Bank> bank = banks.track(track);
        if (bank.isEmpty()) {
            spec.commandLine().getErr().println("No track '" + track + "'. Run: coach bank list");
            return 1;
        }
        Optional<Question> q = bank.get().question(question);
        if (q.isEmpty()) {
            spec.commandLine().getErr().println("No question '" + question + "' in " + bank.get().track()
                    + ". Run: coach bank list");
            return 1;
        }
        String answer = source.text != null ? source.text
                : source.file.toString().equals("-") ? new String(System.in.readAllBytes(), StandardCharsets.UTF_8)
                : Files.readString(source.file, StandardCharsets.UTF_8);
        if (answer.isBlank()) {
            spec.commandLine().getErr().println("The answer is empty; give some text with --answer or --answer-file.");
            return 1;
        }
        try (TextAnalyzer analyzer = new TextAnalyzer()) {
            Feedback feedback = new RuleBasedFeedbackEngine(BankCatalog.of(banks), analyzer,
                    SentenceModel.of(settings.feedback())).assess(q.get(), answer);
            if (json) {
                spec.commandLine().getOut().println(new FeedbackJson().write(q.get(), feedback));
            } else {
                Reply reply = FeedbackReply.of(q.get(), feedback);
                spec.commandLine().getOut().print(new ConsoleRenderer(false).render(reply));
            }
        }
        return 0;
    }
}
