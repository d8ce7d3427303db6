package dev.interviewcoach.question.importing;

/** Something in an imported document that was skipped or guessed, with the line to look at. */
public record ImportProblem(int line, String message) {

    /** {@code line 12: message}, or just the message when it concerns the whole document. */
    @Override
    public String toString() {
        return line > 0 ? "line " + line + ": " + message : message;
    }
}
