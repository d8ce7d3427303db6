package dev.interviewcoach.question.importing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads questions from a CSV file with a header row. Columns are found by name, ignoring case,
 * spaces, dashes and underscores; "question" and an answer column are required, the rest optional.
 */
final class CsvQuestionReader implements QuestionReader {

    private enum Column { ID, QUESTION, ANSWER, WHY, GUIDANCE, KIND, DIFFICULTY, TOPICS, HINTS, FOLLOW_UPS }

    private static final Map<Column, Set<String>> NAMES = Map.of(
            Column.ID, Set.of("id"),
            Column.QUESTION, Set.of("question", "questions", "q", "question text", "interview question"),
            Column.ANSWER, Set.of("answer", "a", "example answer", "sample answer", "answer example", "model answer",
                    "example", "example response", "sample response", "suggested answer"),
            Column.WHY, Set.of("why", "why asked", "why they ask", "why it is asked", "why employers ask",
                    "why interviewers ask", "purpose"),
            Column.GUIDANCE, Set.of("guidance", "tips", "tip", "how to answer", "advice"),
            Column.KIND, Set.of("kind", "type", "question type"),
            Column.DIFFICULTY, Set.of("difficulty", "level"),
            Column.TOPICS, Set.of("topics", "topic", "tags", "tag"),
            Column.HINTS, Set.of("hints", "hint"),
            Column.FOLLOW_UPS, Set.of("follow ups", "follow up", "followups", "followup", "follow up questions"));

    @Override
    public List<FoundQuestion> read(String text, List<ImportProblem> problems) {
        String csv = text.replace("\uFEFF", "");
        CsvReader.Result result = CsvReader.read(csv, CsvReader.delimiter(csv));
        if (result.unclosedQuoteLine() > 0) {
            problems.add(new ImportProblem(result.unclosedQuoteLine(),
                    "a quoted field is never closed, so the rest of the file was read into it; add the missing '\"'"));
        }
        List<CsvReader.Row> rows = result.rows().stream().filter(r -> !r.blank()).toList();
        if (rows.isEmpty()) {
            problems.add(new ImportProblem(0, "the CSV file is empty; it needs a header row such as question,answer"));
            return List.of();
        }
        CsvReader.Row header = rows.getFirst();
        Map<Column, Integer> columns = new EnumMap<>(Column.class);
        for (int i = 0; i < header.cells().size(); i++) {
            String name = normalise(header.cell(i));
            Column column = column(name);
            if (column == null) {
                if (!name.isEmpty()) {
                    problems.add(new ImportProblem(header.line(), "column '" + header.cell(i).strip()
                            + "' is not one the importer knows, so it was left out"));
                }
            } else if (columns.putIfAbsent(column, i) != null) {
                problems.add(new ImportProblem(header.line(), "column '" + header.cell(i).strip()
                        + "' repeats an earlier column, so it was left out"));
            }
        }
        String headerHas = "; the header has: " + String.join(", ", header.cells().stream().map(String::strip).toList());
        if (!columns.containsKey(Column.QUESTION)) {
            problems.add(new ImportProblem(header.line(), "no question column" + headerHas));
        }
        if (!columns.containsKey(Column.ANSWER)) {
            problems.add(new ImportProblem(header.line(),
                    "no answer column (answer, example answer or sample answer)" + headerHas));
        }
        if (!columns.containsKey(Column.QUESTION) || !columns.containsKey(Column.ANSWER)) {
            return List.of();
        }
        List<FoundQuestion> found = new ArrayList<>();
        for (CsvReader.Row row : rows.subList(1, rows.size())) {
            if (row.cells().size() > header.cells().size()
                    && row.cells().subList(header.cells().size(), row.cells().size()).stream().anyMatch(s -> !s.isBlank())) {
                problems.add(new ImportProblem(row.line(), row.cells().size() + " cells but the header has "
                        + header.cells().size() + "; the extra cells were left out (quote text that contains commas)"));
            }
            String question = Prose.oneLine(cell(row, columns, Column.QUESTION));
            String answer = Prose.paragraphs(cell(row, columns, Column.ANSWER).lines().toList());
            if (question.isEmpty()) {
                if (!answer.isEmpty()) {
                    problems.add(new ImportProblem(row.line(), "an answer with no question, skipped"));
                }
                continue;
            }
            found.add(new FoundQuestion(row.line(),
                    Prose.oneLine(cell(row, columns, Column.ID)),
                    question,
                    Prose.unquoted(answer),
                    Prose.paragraphs(cell(row, columns, Column.WHY).lines().toList()),
                    Prose.paragraphs(cell(row, columns, Column.GUIDANCE).lines().toList()),
                    Prose.oneLine(cell(row, columns, Column.KIND)),
                    Prose.oneLine(cell(row, columns, Column.DIFFICULTY)),
                    Prose.listValues(Prose.oneLine(cell(row, columns, Column.TOPICS))),
                    lineList(cell(row, columns, Column.HINTS)),
                    lineList(cell(row, columns, Column.FOLLOW_UPS))));
        }
        return found;
    }

    private static String cell(CsvReader.Row row, Map<Column, Integer> columns, Column column) {
        Integer index = columns.get(column);
        return index == null ? "" : row.cell(index);
    }

    /** Hints and follow-ups are sentences that may hold commas, so only line breaks and '|' separate them. */
    private static List<String> lineList(String cell) {
        return Arrays.stream(cell.split("[\\n|]")).map(Prose::item).filter(s -> !s.isEmpty()).toList();
    }

    private static String normalise(String header) {
        return header.strip().toLowerCase(Locale.ROOT).replaceAll("[-_\\s]+", " ").strip();
    }

    private static Column column(String name) {
        for (Map.Entry<Column, Set<String>> entry : NAMES.entrySet()) {
            if (entry.getValue().contains(name)) {
                return entry.getKey();
            }
        }
        return null;
    }
}
