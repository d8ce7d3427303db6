package dev.interviewcoach.app;

import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Why a file named on the command line could not be read, in the words a person would use. */
final class FileProblem {

    private FileProblem() {
    }

    /** "there is no such file", "it is a folder, not a file", ...; the exception's own words otherwise. */
    static String describe(Path file, Exception e) {
        Throwable cause = e instanceof UncheckedIOException unchecked ? unchecked.getCause() : e;
        if (Files.isDirectory(file)) {
            return "it is a folder, not a file";
        }
        if (cause instanceof NoSuchFileException || !Files.exists(file)) {
            Path parent = file.toAbsolutePath().getParent();
            return parent != null && !Files.isDirectory(parent) ? "there is no folder " + parent
                    : "there is no such file";
        }
        if (cause instanceof AccessDeniedException || !Files.isReadable(file)) {
            return "this user may not read it";
        }
        if (cause instanceof CharacterCodingException) {
            return "it is not text in UTF-8";
        }
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }
}
