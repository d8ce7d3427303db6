package dev.interviewcoach.testkit.slack;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * A file the app shared through the upload v2 flow, as the fake saw it once
 * {@code files.completeUploadExternal} finished it: the name given to {@code files.getUploadURLExternal},
 * the bytes posted to the upload URL and where it was shared.
 *
 * @param threadTs       the thread it went to, or {@code null}
 * @param initialComment the message shown with it, or {@code null}
 * @param altText        the image description given to {@code files.getUploadURLExternal} ({@code alt_txt}), or {@code null}
 */
public record UploadedFile(String id, String name, String title, byte[] content, String channel, String threadTs,
                           String initialComment, String altText) {

    /** A file uploaded without alt text. */
    public UploadedFile(String id, String name, String title, byte[] content, String channel, String threadTs,
                        String initialComment) {
        this(id, name, title, content, channel, threadTs, initialComment, null);
    }

    public UploadedFile {
        Objects.requireNonNull(id, "id");
        content = content.clone();
    }

    @Override
    public byte[] content() {
        return content.clone();
    }

    /** The content read as UTF-8 text. */
    public String text() {
        return new String(content, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        // Bytes are noise in an assertion message; their size is enough.
        return "UploadedFile[" + id + " " + name + " (" + content.length + " bytes) in " + channel
                + (threadTs == null ? "" : " thread " + threadTs) + "]";
    }
}
