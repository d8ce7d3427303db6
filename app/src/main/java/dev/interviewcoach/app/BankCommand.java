package dev.interviewcoach.app;

import dev.interviewcoach.feedback.OwnWordingsCheck;
import dev.interviewcoach.question.Bank;
import dev.interviewcoach.question.BankProblem;
import dev.interviewcoach.question.BankReader;
import dev.interviewcoach.question.PhraseLint;
import dev.interviewcoach.question.Question;
import dev.interviewcoach.question.QuestionBanks;
import dev.interviewcoach.question.TalkingPoint;
import dev.interviewcoach.text.EditDistance;
import dev.interviewcoach.text.TextAnalyzer;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code coach bank}: look at the question banks and check bank files. */
@Command(name = "bank", mixinStandardHelpOptions = true, description = "List, show, search, validate and import question banks.",
        subcommands = {BankCommand.ListTracks.class, BankCommand.Show.class, BankCommand.Validate.class,
                BankImportCommand.class, BankSearchCommand.class})
final class BankCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    static QuestionBanks loadBanks(Path config) {
        CoachConfig cfg = CoachConfig.load(Optional.ofNullable(config), new HashMap<>(System.getenv()));
        return QuestionBanks.load(new BankReader(), cfg.customBanks());
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the tracks and their questions.")
    static final class ListTracks implements Callable<Integer> {
        @Option(names = "--config", description = "Configuration file.")
        Path config;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            QuestionBanks banks = loadBanks(config);
            for (Bank bank : banks.tracks()) {
                out.printf("%s  (%s, %s)%n", bank.track(), bank.title(), questions(bank.questions().size()));
                for (Question q : bank.questions()) {
                    out.printf("  %-34s %-11s %d  %s%n", q.id(), q.kind().word(), q.difficulty(), shorten(q.text()));
                }
                out.println();
            }
            banks.problems().forEach(p -> spec.commandLine().getErr().println("warning: left out: " + p));
            return 0;
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "Show one question in full.")
    static final class Show implements Callable<Integer> {
        @Parameters(paramLabel = "ID", description = "Question id, e.g. gil-and-concurrency (or TRACK/ID).")
        String id;

        @Option(names = "--config", description = "Configuration file.")
        Path config;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            QuestionBanks banks = loadBanks(config);
            Optional<Question> found = id.contains("/")
                    ? banks.question(id.substring(0, id.indexOf('/')), id.substring(id.indexOf('/') + 1))
                    : banks.question(id);
            if (found.isEmpty()) {
                List<String> near = nearIds(banks.tracks().stream().flatMap(b -> b.questions().stream()).toList(),
                        id.substring(id.indexOf('/') + 1));
                spec.commandLine().getErr().println("No question with id '" + id + "'."
                        + (near.isEmpty() ? "" : " Did you mean " + String.join(", ", near) + "?") + " Run: coach bank list");
                return 1;
            }
            Question q = found.get();
            PrintWriter out = spec.commandLine().getOut();
            out.printf("%s/%s  (%s, difficulty %d, topics: %s)%n%n", q.track(), q.id(), q.kind().word(),
                    q.difficulty(), String.join(", ", q.topics()));
            out.println(q.text());
            out.println("\nWhy it is asked:\n  " + q.why());
            out.println("\nHow to answer:\n  " + q.guidance());
            out.println("\nTalking points:");
            for (TalkingPoint p : q.talkingPoints()) {
                out.printf("  - %s%n      shown by: %s%n", p.point(), String.join(", ", p.shownBy()));
                p.inOtherWords().forEach(w -> out.printf("      in other words: %s%n", w));
                p.inEverydayWords().forEach(w -> out.printf("      in everyday words: %s%n", w));
            }
            if (!q.ownMisconceptions().isEmpty()) {
                out.println("\nMisconceptions (an answer that asserts one scores at most 2):");
                for (var m : q.ownMisconceptions()) {
                    out.printf("  - wrong: %s%n      spotted by: %s%n      correction: %s%n", m.claim(),
                            String.join(", ", m.spottedBy()), m.correction());
                }
            }
            long trackWide = q.misconceptions().size() - q.ownMisconceptions().size();
            if (trackWide > 0) {
                out.printf("%nAlso the %d red flags this track lists for every question (in its bank file, under"
                        + " misconceptions at the top level).%n", trackWide);
            }
            out.println("\nExample answer:\n  " + q.exampleAnswer());
            q.hints().forEach(h -> out.println("\nHint: " + h));
            q.followUps().forEach(f -> out.println("Follow-up: " + f));
            return 0;
        }
    }

    @Command(name = "validate", mixinStandardHelpOptions = true,
            description = "Check bank files; prints every problem as FILE:LINE: FIELD: MESSAGE. Exit 1 on any.")
    static final class Validate implements Callable<Integer> {
        @Parameters(paramLabel = "FILE", arity = "1..*", description = "Bank YAML files.")
        List<Path> files;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            BankReader reader = new BankReader();
            List<BankProblem> problems = new ArrayList<>();
            List<BankProblem> warnings = new ArrayList<>();
            PrintWriter out = spec.commandLine().getOut();
            try (TextAnalyzer analyzer = new TextAnalyzer()) {
                read(reader, analyzer, problems, warnings, out);
            }
            PrintWriter err = spec.commandLine().getErr();
            // phrases the coach cannot use are worth fixing, but the bank loads and works without them
            warnings.forEach(err::println);
            problems.forEach(err::println);
            if (!problems.isEmpty()) {
                err.printf("%d problem%s found.%n", problems.size(), problems.size() == 1 ? "" : "s");
                return 1;
            }
            return 0;
        }

        private void read(BankReader reader, TextAnalyzer analyzer, List<BankProblem> problems, List<BankProblem> warnings,
                          PrintWriter out) {
            for (Path file : files) {
                String text;
                try {
                    text = Files.readString(file, StandardCharsets.UTF_8);
                } catch (IOException e) {
                    problems.add(new BankProblem(file.toString(), 0, "", "cannot read the file: "
                            + FileProblem.describe(file, e)));
                    continue;
                }
                BankReader.Result result = reader.read(file.toString(), text);
                problems.addAll(result.problems());
                result.bank().ifPresent(b -> out.printf("%s: ok, track %s, %s%n", file, b.track(),
                        questions(b.questions().size())));
                result.bank().ifPresent(b -> warnings.addAll(PhraseLint.check(file.toString(), b, analyzer)));
                result.bank().ifPresent(b -> warnings.addAll(OwnWordingsCheck.check(file.toString(), b, analyzer)));
                result.bank().ifPresent(b -> drafts(file.toString(), b).ifPresent(warnings::add));
            }
        }
    }

    /**
     * Questions still holding the placeholders {@code coach bank import} writes: valid YAML, but people would be
     * judged against "DRAFT: ..." talking points.
     */
    static Optional<BankProblem> drafts(String file, Bank bank) {
        List<String> ids = bank.questions().stream().filter(q -> q.why().startsWith("DRAFT")
                || q.guidance().startsWith("DRAFT") || q.exampleAnswer().startsWith("DRAFT")
                || q.talkingPoints().stream().anyMatch(p -> p.point().startsWith("DRAFT"))).map(Question::id).toList();
        if (ids.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new BankProblem(file, 0, "", ids.size() + " of " + bank.questions().size()
                + " questions still have DRAFT placeholders from coach bank import (" + String.join(", ",
                ids.subList(0, Math.min(3, ids.size()))) + (ids.size() > 3 ? ", ..." : "") + "): rewrite them before"
                + " people practise with this bank"));
    }

    private static String questions(int n) {
        return n == 1 ? "1 question" : n + " questions";
    }

    /** Up to three question ids a mistyped one is near: containing it, or a few letters from it. */
    static List<String> nearIds(List<Question> questions, String typed) {
        String lower = typed.toLowerCase(Locale.ROOT);
        return questions.stream().map(Question::id).distinct()
                .filter(qid -> qid.contains(lower) || EditDistance.between(lower, qid) <= 3).limit(3).toList();
    }

    private static String shorten(String text) {
        String line = text.replaceAll("\\s+", " ").strip();
        return line.length() <= 70 ? line : line.substring(0, 67) + "...";
    }
}
