package dev.interviewcoach.testkit.discord;

import static dev.interviewcoach.testkit.discord.DiscordJson.JSON;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A REST request body: its JSON (for multipart/form-data, the payload_json part) and any uploaded files. */
record RequestBody(JsonNode json, List<UploadedFile> files) {

    private static final Pattern BOUNDARY = Pattern.compile("boundary=\"?([^\";]+)\"?");
    private static final Pattern PART_TYPE = Pattern.compile("(?im)^content-type:\\s*([^\r\n;]+)");

    /** Reads a body sent with {@code contentType}; a {@code NullNode} when there is none. */
    static RequestBody parse(String contentType, byte[] raw) throws IOException {
        if (raw.length == 0) {
            return new RequestBody(NullNode.getInstance(), List.of());
        }
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        if (type.startsWith("multipart/form-data")) {
            JsonNode json = NullNode.getInstance();
            List<UploadedFile> files = new ArrayList<>();
            for (Part part : multipartParts(contentType, raw)) {
                if (part.name().equals("payload_json")) {
                    json = JSON.readTree(new String(part.content(), StandardCharsets.UTF_8));
                } else if (part.fileName() != null) {
                    files.add(new UploadedFile(part.name(), part.fileName(),
                            part.contentType() == null ? "application/octet-stream" : part.contentType(),
                            part.content()));
                }
            }
            return new RequestBody(json, files);
        }
        try {
            return new RequestBody(JSON.readTree(raw), List.of());
        } catch (JsonProcessingException e) {
            // Keep what was sent so a test can see the malformed body instead of losing it.
            return new RequestBody(JSON.getNodeFactory().textNode(new String(raw, StandardCharsets.UTF_8)),
                    List.of());
        }
    }

    /** The parts of a multipart/form-data body, in order; empty when there is no boundary. */
    private static List<Part> multipartParts(String contentType, byte[] raw) {
        Matcher boundary = BOUNDARY.matcher(contentType);
        if (!boundary.find()) {
            return List.of();
        }
        // ISO-8859-1 maps bytes 1:1 to chars, so binary file parts cannot corrupt the offsets.
        String text = new String(raw, StandardCharsets.ISO_8859_1);
        String delimiter = "--" + boundary.group(1);
        List<Part> parts = new ArrayList<>();
        for (String part : text.split(Pattern.quote(delimiter))) {
            int headerEnd = part.indexOf("\r\n\r\n");
            if (headerEnd < 0) {
                continue;
            }
            // Header values (a file name) are UTF-8 on the wire.
            String headers = new String(part.substring(0, headerEnd).getBytes(StandardCharsets.ISO_8859_1),
                    StandardCharsets.UTF_8);
            String name = headerParameter(headers, "name");
            if (name == null) {
                continue;
            }
            String content = part.substring(headerEnd + 4);
            if (content.endsWith("\r\n")) {
                content = content.substring(0, content.length() - 2);
            }
            Matcher partType = PART_TYPE.matcher(headers);
            parts.add(new Part(name, headerParameter(headers, "filename"),
                    partType.find() ? partType.group(1).strip() : null,
                    content.getBytes(StandardCharsets.ISO_8859_1)));
        }
        return parts;
    }

    /** A quoted parameter of a part's Content-Disposition ({@code name}, {@code filename}), or null. */
    private static String headerParameter(String headers, String parameter) {
        Matcher m = Pattern.compile("(?i)(?<![a-z*])" + parameter + "=\"([^\"]*)\"").matcher(headers);
        return m.find() ? m.group(1) : null;
    }

    /** One part of a multipart/form-data body; {@code fileName} and {@code contentType} may be null. */
    private record Part(String name, String fileName, String contentType, byte[] content) {
    }
}
