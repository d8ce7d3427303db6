package dev.interviewcoach.app.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.encoder.EncoderBase;
import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Set;

/**
 * One JSON object per line: timestamp (ISO-8601 in UTC, to the millisecond), level, logger, thread, message, every MDC
 * field at the top level (such as {@code event}, the id of the inbound event being handled) and
 * the exception with its stack trace. Jackson does the escaping, so a message with quotes or
 * newlines still makes exactly one line. Not logback's JsonEncoder: it nests the MDC under "mdc" and
 * names fields its own way, which would change the format README.md documents for log shippers.
 */
public final class JsonLineEncoder extends EncoderBase<ILoggingEvent> {

    /** Field names of our own; an MDC key with one of these names is written as {@code mdc_<key>}. */
    private static final Set<String> FIXED = Set.of("timestamp", "level", "logger", "thread", "message", "exception");
    private static final JsonFactory JSON = new JsonFactory();

    @Override
    public byte[] headerBytes() {
        return null;
    }

    @Override
    public byte[] encode(ILoggingEvent event) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        try (JsonGenerator json = JSON.createGenerator(bytes, JsonEncoding.UTF8)) {
            json.writeStartObject();
            json.writeStringField("timestamp",
                    DateTimeFormatter.ISO_INSTANT.format(event.getInstant().truncatedTo(ChronoUnit.MILLIS)));
            json.writeStringField("level", event.getLevel().toString());
            json.writeStringField("logger", event.getLoggerName());
            json.writeStringField("thread", event.getThreadName());
            json.writeStringField("message", event.getFormattedMessage());
            for (Map.Entry<String, String> field : event.getMDCPropertyMap().entrySet()) {
                String name = FIXED.contains(field.getKey()) ? "mdc_" + field.getKey() : field.getKey();
                json.writeStringField(name, field.getValue());
            }
            IThrowableProxy thrown = event.getThrowableProxy();
            if (thrown != null) {
                json.writeStringField("exception", ThrowableProxyUtil.asString(thrown));
            }
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write a log line as JSON", e); // cannot happen in memory
        }
        bytes.write('\n');
        return bytes.toByteArray();
    }

    @Override
    public byte[] footerBytes() {
        return null;
    }
}
