package dev.interviewcoach.testkit.discord;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * A file the bot attached to a message (one {@code files[n]} part of a multipart request).
 *
 * @param field       the form field name, e.g. {@code files[0]}
 * @param fileName    the file name the bot gave
 * @param contentType the part's content type, or {@code application/octet-stream} when none was sent
 * @param content     the bytes as received
 */
public record UploadedFile(String field, String fileName, String contentType, byte[] content) {

    public UploadedFile {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(contentType, "contentType");
        content = content.clone();
    }

    /** A copy of the bytes. */
    @Override
    public byte[] content() {
        return content.clone();
    }

    /** The bytes read as UTF-8. */
    public String text() {
        return new String(content, StandardCharsets.UTF_8);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof UploadedFile that && field.equals(that.field) && fileName.equals(that.fileName)
                && contentType.equals(that.contentType) && Arrays.equals(content, that.content);
    }

    @Override
    public int hashCode() {
        return Objects.hash(field, fileName, contentType, Arrays.hashCode(content));
    }

    @Override
    public String toString() {
        return fileName + " (" + contentType + ", " + content.length + " bytes)";
    }
}
