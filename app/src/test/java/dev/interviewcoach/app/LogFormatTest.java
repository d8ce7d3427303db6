package dev.interviewcoach.app;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.interviewcoach.app.logging.JsonLineEncoder;
import dev.interviewcoach.app.logging.LogFormat;
import dev.interviewcoach.app.logging.LogLineEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** COACH_LOG_FORMAT: readable lines by default, JSON lines on request, and a clear word when it is neither. */
class LogFormatTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    /** What {@code coach console} wrote, run as a separate process as an operator would. */
    record Run(int exit, String out, List<String> err) {}

    private Run console(Map<String, String> env, String input) throws Exception {
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "console", "--db", dir.resolve("coach.db").toString(), "--user", "lin",
                "--questions", "2");
        Path in = Files.writeString(dir.resolve("in.txt"), input);
        Path out = dir.resolve("out.txt");
        Path err = dir.resolve("err.txt");
        ProcessBuilder builder = new ProcessBuilder(command).redirectInput(in.toFile()).redirectOutput(out.toFile())
                .redirectError(err.toFile());
        builder.environment().keySet().removeIf(k -> k.startsWith("COACH_"));
        builder.environment().putAll(env);
        Process process = builder.start();
        assertThat(process.waitFor(90, TimeUnit.SECONDS)).as("console ends").isTrue();
        return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readAllLines(err, StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank()).toList());
    }

    @Test
    void jsonGivesOneObjectPerLineWithTheEventId() throws Exception {
        String answer = "I would profile first at Fernhollow, then cache the slowest call.\n\n";
        Run run = console(Map.of("COACH_LOG_FORMAT", "json", "COACH_LOG_LEVEL", "INFO"), answer + "end\n");
        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("Scorecard: python-developer");
        assertThat(run.err()).isNotEmpty();
        List<JsonNode> lines = new ArrayList<>();
        for (String line : run.err()) {
            JsonNode json = JSON.readTree(line); // throws, failing the test, on a line that is not JSON
            assertThat(json.isObject()).as(line).isTrue();
            assertThat(json.fieldNames()).toIterable().as(line)
                    .contains("timestamp", "level", "logger", "thread", "message");
            lines.add(json);
        }
        JsonNode started = lines.stream().filter(j -> j.path("message").asText().startsWith("mock interview "))
                .findFirst().orElseThrow();
        assertThat(started.path("level").asText()).isEqualTo("INFO");
        assertThat(started.path("event").asText()).matches("[0-9a-f]{8}");
        assertThat(String.join("\n", run.err())).doesNotContain("Fernhollow");
    }

    @Test
    void anUnknownFormatWritesReadableLinesAndSaysWhichValuesWork() throws Exception {
        Run run = console(Map.of("COACH_LOG_FORMAT", "yaml", "COACH_LOG_LEVEL", "INFO"), "skip\nend\n");
        assertThat(run.exit()).isZero();
        List<String> warnings = run.err().stream().filter(l -> l.contains("COACH_LOG_FORMAT")).toList();
        assertThat(warnings).singleElement().asString()
                .contains("WARN").contains("\"yaml\"").contains("text").contains("json");
        assertThat(run.err()).noneMatch(l -> l.startsWith("{"));
        assertThat(run.err()).anyMatch(l -> l.matches(".* INFO .* \\[ev=[0-9a-f]{8}] - mock interview .* started.*"));
    }

    @Test
    void formatValuesAreReadLeniently() {
        assertThat(LogFormat.parse(null)).contains(LogFormat.TEXT);
        assertThat(LogFormat.parse("")).contains(LogFormat.TEXT);
        assertThat(LogFormat.parse(" JSON ")).contains(LogFormat.JSON);
        assertThat(LogFormat.parse("logfmt")).isEmpty();
        for (String value : List.of("json", "text", "xml")) {
            LogLineEncoder encoder = new LogLineEncoder();
            encoder.setContext(new LoggerContext());
            encoder.setFormat(value);
            encoder.start();
            assertThat(encoder.chosen()).isEqualTo(value.equals("json") ? LogFormat.JSON : LogFormat.TEXT);
        }
    }

    @Test
    void aJsonLineEscapesWhatItCarriesAndKeepsTheStackTrace() throws Exception {
        LoggerContext context = new LoggerContext();
        LoggingEvent event = new LoggingEvent(getClass().getName(), context.getLogger("dev.interviewcoach.Demo"),
                Level.ERROR, "failed for {}: \"quoted\"\nsecond line", new IllegalStateException("boom"),
                new Object[] {"place-1"});
        event.setMDCPropertyMap(Map.of("event", "0a1b2c3d", "level", "clash"));
        JsonLineEncoder encoder = new JsonLineEncoder();
        encoder.setContext(context);
        encoder.start();
        String written = new String(encoder.encode(event), StandardCharsets.UTF_8);

        assertThat(written).endsWith("\n");
        assertThat(written.strip()).doesNotContain("\n");
        JsonNode json = JSON.readTree(written);
        assertThat(json.path("message").asText()).isEqualTo("failed for place-1: \"quoted\"\nsecond line");
        assertThat(json.path("level").asText()).isEqualTo("ERROR");
        assertThat(json.path("logger").asText()).isEqualTo("dev.interviewcoach.Demo");
        assertThat(json.path("thread").asText()).isEqualTo(Thread.currentThread().getName());
        assertThat(json.path("timestamp").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d{3})?Z");
        assertThat(json.path("event").asText()).isEqualTo("0a1b2c3d");
        assertThat(json.path("mdc_level").asText()).isEqualTo("clash");
        assertThat(json.path("exception").asText()).startsWith("java.lang.IllegalStateException: boom")
                .contains("at dev.interviewcoach.app.LogFormatTest");
    }
}
