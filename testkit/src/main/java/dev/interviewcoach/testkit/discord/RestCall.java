package dev.interviewcoach.testkit.discord;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One REST request the fake Discord received, including rate-limited, failed and unknown ones.
 *
 * @param method the HTTP method, upper case ({@code GET}, {@code POST}, {@code PATCH}, ...)
 * @param path   the route below {@code /api/v10/} without a leading slash, e.g. {@code channels/123/messages}
 * @param body   the JSON body; for multipart requests (messages with files) the {@code payload_json} part;
 *               a {@code NullNode} when there was no body
 * @param query  the raw query string without {@code ?} (e.g. {@code with_response=true}), or {@code null}
 * @param at     when the fake received the call
 * @param files  the files of a multipart request, in the order sent; empty otherwise
 * @param userAgent the User-Agent header, or {@code null}
 */
public record RestCall(String method, String path, JsonNode body, String query, Instant at, List<UploadedFile> files,
                       String userAgent) {

    public RestCall {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(at, "at");
        files = List.copyOf(files);
    }

    /** A call without files. */
    public RestCall(String method, String path, JsonNode body, String query, Instant at) {
        this(method, path, body, query, at, List.of(), null);
    }

    /** The text of the top-level body field {@code name}, or {@code null} when absent or null. */
    public String field(String name) {
        JsonNode value = body.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        return value.isValueNode() ? value.asText() : value.toString();
    }

    @Override
    public String toString() {
        // Compact on purpose: awaitCall failures list every call seen.
        return method + " " + path + (query == null ? "" : "?" + query) + (body.isNull() ? "" : " " + body)
                + (files.isEmpty() ? "" : " files=" + files);
    }
}
