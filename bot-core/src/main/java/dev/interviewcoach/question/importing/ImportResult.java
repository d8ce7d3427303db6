package dev.interviewcoach.question.importing;

import dev.interviewcoach.question.Question;
import java.util.List;

/**
 * What {@link BankImporter} made of a document: the drafted questions, what it skipped or had to
 * guess, and the bank file to write.
 */
public record ImportResult(String track, String title, String source, List<Question> questions,
                           List<ImportProblem> problems) {

    public ImportResult {
        questions = List.copyOf(questions);
        problems = List.copyOf(problems);
    }

    public ImportResult withTitle(String newTitle) {
        return new ImportResult(track, newTitle, source, questions, problems);
    }

    /** The bank as YAML in the format of docs/banks.md, headed by a comment saying what still needs a person. */
    public String toYaml() {
        List<String> comment = List.of(
                "DRAFT: imported from " + source + " by coach bank import.",
                "The talking points (ids draft-1, draft-2, ...) were drafted by machine from the example",
                "answers, and why and guidance starting \"DRAFT:\" are placeholders. Review and rewrite every",
                "DRAFT before people practise with this bank; see docs/banks.md, \"Writing good talking points\".",
                "Then check the file with: coach bank validate FILE");
        return BankYamlWriter.write(comment, track, title, "Imported from " + source + ".", questions);
    }
}
