package dev.interviewcoach.app;

import dev.interviewcoach.question.BankProblem;
import dev.interviewcoach.question.BankReader;
import dev.interviewcoach.question.importing.BankImporter;
import dev.interviewcoach.question.importing.ImportFormat;
import dev.interviewcoach.question.importing.ImportProblem;
import dev.interviewcoach.question.importing.ImportResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code coach bank import}: drafts a bank file from questions and answers people already have. */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Draft a bank YAML from a Markdown, plain-text or CSV document of questions and answers.",
                "Talking points are drafted from the answers and marked DRAFT for you to review."},
        footer = {"%nWhat it reads:",
                "  md    Headings or numbered items that are questions, each answer below it;",
                "        or **Q:** ... **A:** ... pairs. 'Why they ask:', 'Tips:', 'Hints:' and",
                "        'Follow-ups:' labels fill those fields.",
                "  text  Q:/A: or Question:/Answer: pairs; or interview-prep pages: a question on",
                "        its own line, a paragraph on why it is asked, then 'Sample answer:',",
                "        'Example answer:' or 'Answer Example:' and the answer.",
                "  csv   A header row naming the columns: question and answer (or sample",
                "        answer), and optionally why, guidance, kind, difficulty, topics (a;b),",
                "        hints and follow_ups (a|b). Quoted fields may hold commas and newlines."})
final class BankImportCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FILE", description = "The document: Markdown (.md), CSV (.csv) or plain text.")
    Path file;

    @Option(names = "--track", required = true, paramLabel = "NAME",
            description = "Track id for the bank: lowercase letters, digits and dashes, e.g. customer-success.")
    String track;

    @Option(names = "--format", paramLabel = "md|text|csv",
            description = "How to read FILE; by default csv for *.csv, md for *.md and *.markdown, else text.")
    String format;

    @Option(names = "--out", paramLabel = "FILE", description = "Where to write the bank; default: NAME.yaml here.")
    Path out;

    @Option(names = "--title", paramLabel = "TEXT", description = "The track's title; default: from the track id.")
    String title;

    @Option(names = "--force", description = "Replace the output file if it exists.")
    boolean force;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ImportFormat importFormat = format == null ? ImportFormat.forFileName(file.getFileName().toString())
                : ImportFormat.fromWord(format).orElseThrow(() -> new CommandLine.ParameterException(
                        spec.commandLine(), "--format must be md, text or csv, not '" + format + "'"));
        Path target = out != null ? out : Path.of(track + ".yaml");
        if (Files.exists(target) && !force) {
            err.println(target + " already exists; add --force to replace it, or choose another file with --out.");
            return 1;
        }
        String text;
        try {
            text = read(file);
        } catch (IOException e) {
            err.println("Cannot read " + file + ": " + FileProblem.describe(file, e) + ".");
            return 1;
        }
        ImportResult result;
        try {
            result = new BankImporter().importText(text, importFormat, track, file.getFileName().toString());
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--track: " + e.getMessage());
        }
        if (title != null && !title.isBlank()) {
            result = result.withTitle(title.strip());
        }
        if (result.questions().isEmpty()) {
            err.printf("Found no questions in %s (read as %s); nothing written.%n", file, importFormat.word());
            printProblems(err, result);
            err.println("See coach bank import --help for the layouts it reads, or try another --format.");
            return 1;
        }
        String yaml = result.toYaml();
        try {
            Path parent = target.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(target, yaml, StandardCharsets.UTF_8);
        } catch (IOException e) {
            err.println("Cannot write " + target + ": " + e.getMessage());
            return 1;
        }
        stdout.printf("Found %d question%s in %s; wrote %s. Review the DRAFT talking points, then run: "
                + "coach bank validate %s%n", result.questions().size(), result.questions().size() == 1 ? "" : "s",
                file, target, target);
        printProblems(stdout, result);
        // The importer is meant never to write a file the reader refuses; say so loudly if it ever does.
        for (BankProblem problem : new BankReader().read(target.toString(), yaml).problems()) {
            err.println("warning: the written bank has a problem, please report it: " + problem);
        }
        return 0;
    }

    private void printProblems(PrintWriter to, ImportResult result) {
        if (result.problems().isEmpty()) {
            return;
        }
        to.printf("%d problem%s in %s:%n", result.problems().size(), result.problems().size() == 1 ? "" : "s", file);
        for (ImportProblem problem : result.problems()) {
            to.println("  " + problem);
        }
    }

    /** UTF-8, or Windows-1252 for files saved by older spreadsheet programs. */
    private static String read(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return new String(bytes, Charset.forName("windows-1252"));
        }
    }
}
