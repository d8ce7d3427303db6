package dev.interviewcoach.question.importing;

import java.util.List;

/** Finds the questions in one kind of document; what it cannot read becomes a problem, not an exception. */
sealed interface QuestionReader permits DocumentReader, CsvQuestionReader {

    List<FoundQuestion> read(String text, List<ImportProblem> problems);
}
