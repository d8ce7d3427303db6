package dev.interviewcoach.question.importing;

import java.util.Locale;
import java.util.Optional;

/** The kinds of document {@link BankImporter} reads questions and answers from. */
public enum ImportFormat {
    MD,
    TEXT,
    CSV;

    /** The word used on the command line: md, text or csv. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Reads md, markdown, text, txt or csv, in any case. */
    public static Optional<ImportFormat> fromWord(String word) {
        return switch (word.strip().toLowerCase(Locale.ROOT)) {
            case "md", "markdown" -> Optional.of(MD);
            case "text", "txt", "plain" -> Optional.of(TEXT);
            case "csv" -> Optional.of(CSV);
            default -> Optional.empty();
        };
    }

    /** Guesses from a file name: .csv is CSV, .md and .markdown are Markdown, anything else plain text. */
    public static ImportFormat forFileName(String fileName) {
        String name = fileName.toLowerCase(Locale.ROOT);
        if (name.endsWith(".csv")) {
            return CSV;
        }
        if (name.endsWith(".md") || name.endsWith(".markdown")) {
            return MD;
        }
        return TEXT;
    }
}
