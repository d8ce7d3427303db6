package dev.interviewcoach.question;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import com.fasterxml.jackson.core.JsonProcessingException;

/**
 * A YAML document as a tree that remembers the line of every key and value, so that problems
 * in a bank file can be reported where they are. Jackson's own tree forgets locations.
 */
sealed interface YamlNode permits YamlNode.Mapping, YamlNode.Sequence, YamlNode.Scalar {

    int line();

    /** A key and its value; the key's line is where an unknown or duplicated field is reported. */
    record Entry(String key, int keyLine, YamlNode value) {}

    record Mapping(int line, Map<String, Entry> entries, List<Entry> duplicates) implements YamlNode {}

    record Sequence(int line, List<YamlNode> items) implements YamlNode {}

    /** A scalar; {@code text} is null for an explicit null or an empty value. */
    record Scalar(int line, String text, JsonToken token) implements YamlNode {
        boolean isNull() {
            return text == null;
        }
    }

    /** Parses one YAML document; a syntax error surfaces as {@link YamlSyntaxException}. */
    static YamlNode parse(YAMLFactory factory, String yaml) {
        try (JsonParser parser = factory.createParser(yaml)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                return new Scalar(1, null, JsonToken.VALUE_NULL);
            }
            return read(parser);
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new YamlSyntaxException(line, e.getOriginalMessage());
        } catch (IOException e) {
            throw new YamlSyntaxException(0, e.getMessage());
        }
    }

    private static YamlNode read(JsonParser parser) throws IOException {
        JsonToken token = parser.currentToken();
        int line = parser.currentTokenLocation().getLineNr();
        switch (token) {
            case START_OBJECT -> {
                Map<String, Entry> entries = new LinkedHashMap<>();
                List<Entry> duplicates = new ArrayList<>();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String key = parser.currentName();
                    int keyLine = parser.currentTokenLocation().getLineNr();
                    parser.nextToken();
                    Entry entry = new Entry(key, keyLine, read(parser));
                    if (entries.putIfAbsent(key, entry) != null) {
                        duplicates.add(entry);
                    }
                }
                return new Mapping(line, entries, duplicates);
            }
            case START_ARRAY -> {
                List<YamlNode> items = new ArrayList<>();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    items.add(read(parser));
                }
                return new Sequence(line, items);
            }
            case VALUE_NULL -> {
                return new Scalar(line, null, token);
            }
            default -> {
                String text = parser.getText();
                return new Scalar(line, text == null || text.isEmpty() ? null : text, token);
            }
        }
    }

    /** A file that is not valid YAML at all. */
    final class YamlSyntaxException extends RuntimeException {
        private final int line;

        YamlSyntaxException(int line, String message) {
            super(message);
            this.line = line;
        }

        int line() {
            return line;
        }
    }
}
