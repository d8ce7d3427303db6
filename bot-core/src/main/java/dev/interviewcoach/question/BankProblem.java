package dev.interviewcoach.question;

/** One thing wrong in a bank file, located well enough to fix it without searching. */
public record BankProblem(String file, int line, String field, String message) {

    /** {@code file:line: field: message}, the form editors and terminals make clickable. */
    @Override
    public String toString() {
        String where = line > 0 ? file + ":" + line : file;
        return field.isEmpty() ? where + ": " + message : where + ": " + field + ": " + message;
    }
}
