package dev.interviewcoach.question;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The JSON Schema that editors use for completion must allow exactly what the reader allows. */
class BankSchemaTest {

    private static Set<String> properties(JsonNode node) {
        Set<String> names = new HashSet<>();
        node.path("properties").fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void schemaFieldsMatchTheReader() throws IOException {
        JsonNode schema = new ObjectMapper().readTree(Path.of("..", "config", "bank.schema.json").toFile());
        assertThat(properties(schema)).isEqualTo(BankReader.BANK_FIELDS);
        assertThat(properties(schema.path("$defs").path("question"))).isEqualTo(BankReader.QUESTION_FIELDS);
        assertThat(properties(schema.path("$defs").path("talkingPoint"))).isEqualTo(BankReader.POINT_FIELDS);
    }
}
