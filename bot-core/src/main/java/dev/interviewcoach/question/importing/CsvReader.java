package dev.interviewcoach.question.importing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads CSV as RFC 4180 has it, with Commons CSV: a field in double quotes may hold the delimiter,
 * line breaks and quotes written twice (""). Lenient where spreadsheets are sloppy: CR, LF or CRLF
 * line ends, spaces before an opening quote, and text after a closing quote is kept rather than
 * refused.
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
        try {
            return new Result(rows(text, format(delimiter, false)), 0);
        } catch (UncheckedIOException e) {
            if (!(e.getCause() instanceof CSVException)) {
                throw e;
            }
            // With trailing text allowed, a quote still open at the end is the only thing the strict read refuses.
            // Read again taking the rest of the file into that field, which runs from its quote to the last line.
            List<Row> rows = rows(text, format(delimiter, true));
            String open = rows.getLast().cells().getLast();
            return new Result(rows, lastLine(text) - (int) open.chars().filter(c -> c == '\n').count());
        }
    }

    private static CSVFormat format(char delimiter, boolean lenientEof) {
        // Surrounding spaces are dropped so that a quote after them still opens the field; every caller strips
        // unquoted cells anyway. Empty lines are kept as rows so that a row's line is the file's.
        return CSVFormat.RFC4180.builder()
                .setDelimiter(delimiter)
                .setIgnoreEmptyLines(false)
                .setIgnoreSurroundingSpaces(true)
                .setTrailingData(true)
                .setLenientEof(lenientEof)
                .get();
    }

    private static List<Row> rows(String text, CSVFormat format) {
        List<Row> rows = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(text, format)) {
            Iterator<CSVRecord> records = parser.iterator();
            // The parser's line is where the previous record ended; the next one starts on the line after.
            int line = (int) parser.getCurrentLineNumber() + 1;
            while (records.hasNext()) {
                List<String> cells = records.next().stream().map(CsvReader::unixLineBreaks).toList();
                rows.add(new Row(line, cells));
                line = (int) parser.getCurrentLineNumber() + 1;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a String is read in memory and the parser throws only when it parses
        }
        return rows;
    }

    /** A quoted field keeps the file's line breaks; the importer expects \n. */
    private static String unixLineBreaks(String cell) {
        return cell.indexOf('\r') < 0 ? cell : cell.replace("\r\n", "\n").replace('\r', '\n');
    }

    /** The number of the file's last line, counting CR, LF and CRLF each as one line break. */
    private static int lastLine(String text) {
        return 1 + (int) unixLineBreaks(text).chars().filter(c -> c == '\n').count();
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
