package dev.interviewcoach.question.importing;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads CSV as RFC 4180 has it: a field in double quotes may hold the delimiter, line breaks and
 * quotes written twice (""). Lenient where spreadsheets are sloppy: CR, LF or CRLF line ends, and
 * text after a closing quote is kept rather than refused.
 */
final class CsvReader {

    /** One record and the line of the file it starts on. */
    record Row(int line, List<String> cells) {
        Row {
            cells = List.copyOf(cells);
        }

        String cell(int column) {
            return column >= 0 && column < cells.size() ? cells.get(column) : "";
        }

        boolean blank() {
            return cells.stream().allMatch(String::isBlank);
        }
    }

    /** The rows read, and the line of a quoted field left open at the end of the file (0 when none). */
    record Result(List<Row> rows, int unclosedQuoteLine) {
        Result {
            rows = List.copyOf(rows);
        }
    }

    private CsvReader() {
    }

    static Result read(String text, char delimiter) {
        List<Row> rows = new ArrayList<>();
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        boolean cellStarted = false;
        int line = 1;
        int rowLine = 1;
        int quoteLine = 0;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < n && text.charAt(i + 1) == '"') {
                        cell.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else if (c == '\r' || c == '\n') {
                    if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
                        i++;
                    }
                    cell.append('\n');
                    line++;
                } else {
                    cell.append(c);
                }
            } else if (c == '"' && cell.toString().isBlank()) {
                // Spaces before an opening quote are a common slip; the quote still opens the field.
                cell.setLength(0);
                quoted = true;
                cellStarted = true;
                quoteLine = line;
            } else if (c == delimiter) {
                cells.add(cell.toString());
                cell.setLength(0);
                cellStarted = true;
            } else if (c == '\r' || c == '\n') {
                if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
                    i++;
                }
                cells.add(cell.toString());
                rows.add(new Row(rowLine, cells));
                cells = new ArrayList<>();
                cell.setLength(0);
                cellStarted = false;
                line++;
                rowLine = line;
            } else {
                cell.append(c);
                cellStarted = true;
            }
        }
        if (cellStarted || !cell.isEmpty() || !cells.isEmpty()) {
            cells.add(cell.toString());
            rows.add(new Row(rowLine, cells));
        }
        return new Result(rows, quoted ? quoteLine : 0);
    }

    /** The delimiter of the header line: commas, unless the line has none and has tabs or semicolons. */
    static char delimiter(String text) {
        int end = text.indexOf('\n');
        String header = end < 0 ? text : text.substring(0, end);
        int commas = count(header, ',');
        int tabs = count(header, '\t');
        int semicolons = count(header, ';');
        if (commas > 0 || (tabs == 0 && semicolons == 0)) {
            return ',';
        }
        return tabs >= semicolons ? '\t' : ';';
    }

    private static int count(String text, char c) {
        int count = 0;
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (ch == '"') {
                quoted = !quoted;
            } else if (ch == c && !quoted) {
                count++;
            }
        }
        return count;
    }
}
