package dev.interviewcoach.chat;

import java.util.Objects;

/**
 * A file that travels with a reply, such as a chart: its name, media type, a text alternative for
 * people who cannot see it (and for surfaces that cannot show files) and its bytes. Adapters send
 * it as the platform's file attachment, after the reply's words.
 *
 * @param fileName  the name shown with it, e.g. {@code progress.png}
 * @param mediaType its media type, e.g. {@code image/png}
 * @param altText   what it shows, in words
 * @param content   the bytes of the file
 */
public record Attachment(String fileName, String mediaType, String altText, byte[] content) {

    public Attachment {
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(mediaType, "mediaType");
        Objects.requireNonNull(altText, "altText");
        Objects.requireNonNull(content, "content");
        if (!fileName.matches("[A-Za-z0-9._-]{1,100}")) {
            throw new IllegalArgumentException("a file name is letters, digits, '.', '_' and '-': " + fileName);
        }
        content = content.clone();
    }

    /** A PNG image. */
    public static Attachment png(String fileName, String altText, byte[] content) {
        return new Attachment(fileName, "image/png", altText, content);
    }

    /** The bytes (a copy). */
    @Override
    public byte[] content() {
        return content.clone();
    }

    @Override
    public String toString() {
        return "Attachment[" + fileName + " " + mediaType + ", " + content.length + " bytes]";
    }
}
