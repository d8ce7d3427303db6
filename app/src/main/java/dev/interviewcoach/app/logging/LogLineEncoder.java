package dev.interviewcoach.app.logging;

import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.encoder.EncoderBase;

/**
 * Writes each event as one line in the format that {@code format} names ({@code text} with
 * {@code pattern}, or {@code json}). Choosing here rather than with logback's {@code <if>} keeps
 * logback.xml free of janino, which the coach does not ship. An unknown format falls back to
 * text; {@link LogFormat#warnIfUnknown} tells the operator once logging is up.
 */
public final class LogLineEncoder extends EncoderBase<ILoggingEvent> {

    private String format = "text";
    private String pattern = "%d{HH:mm:ss.SSS} %-5level %logger{20} - %msg%n";
    private Encoder<ILoggingEvent> delegate;

    public void setFormat(String format) {
        this.format = format;
    }

    public void setPattern(String pattern) {
        this.pattern = pattern;
    }

    /** The format in use once started. */
    public LogFormat chosen() {
        return delegate instanceof JsonLineEncoder ? LogFormat.JSON : LogFormat.TEXT;
    }

    @Override
    public void start() {
        // Not addWarn: a warning during configuration makes logback print its whole status list.
        LogFormat chosen = LogFormat.parse(format).orElseGet(() -> {
            addInfo(LogFormat.ENV + "=\"" + format + "\" is not a log format (text or json); writing text");
            return LogFormat.TEXT;
        });
        delegate = switch (chosen) {
            case TEXT -> {
                PatternLayoutEncoder text = new PatternLayoutEncoder();
                text.setPattern(pattern);
                yield text;
            }
            case JSON -> new JsonLineEncoder();
        };
        delegate.setContext(getContext());
        delegate.start();
        super.start();
    }

    @Override
    public void stop() {
        if (delegate != null) {
            delegate.stop();
        }
        super.stop();
    }

    @Override
    public byte[] headerBytes() {
        return delegate.headerBytes();
    }

    @Override
    public byte[] encode(ILoggingEvent event) {
        return delegate.encode(event);
    }

    @Override
    public byte[] footerBytes() {
        return delegate.footerBytes();
    }
}
