package dev.interviewcoach.slack;

import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stands in front of Bolt on the HTTP path: a request's size, signature and age are checked
 * before anything parses or logs its body. A body larger than Slack ever sends is refused (413)
 * without being read in full; an unsigned or wrongly signed one (401) and one signed more than
 * five minutes away from this machine's clock, either way (401, logged as clock drift), never
 * reach Bolt; a signed body that is not what Slack sends is refused (400). Each refusal is logged
 * as one short line, at most one per kind every ten seconds.
 */
final class SlackRequestGate implements Filter {

    private static final Logger log = LoggerFactory.getLogger(SlackRequestGate.class);

    /** Larger than any request Slack sends (a full modal's state is a few hundred kilobytes at most). */
    static final int MAX_BODY = 1 << 20;
    /** How far a request's timestamp may be from this machine's clock, as Slack advises. */
    static final Duration MAX_SKEW = Duration.ofMinutes(5);
    private static final long LOG_EVERY_NANOS = Duration.ofSeconds(10).toNanos();

    private final byte[] secret;
    private final Clock clock;
    private final Map<String, Throttle> throttles = new ConcurrentHashMap<>();

    SlackRequestGate(String signingSecret, Clock clock) {
        this.secret = signingSecret.getBytes(StandardCharsets.UTF_8);
        this.clock = clock;
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest req = (HttpServletRequest) request;
        HttpServletResponse resp = (HttpServletResponse) response;
        if (!"POST".equals(req.getMethod())) {
            refuse(resp, 405, "method", "a " + sanitize(req.getMethod()) + " request; Slack only POSTs here");
            return;
        }
        long declared = req.getContentLengthLong();
        if (declared > MAX_BODY) {
            refuse(resp, 413, "size", "a request of " + declared + " bytes, larger than Slack sends");
            return;
        }
        byte[] body = readAtMost(req.getInputStream(), MAX_BODY);
        if (body == null) {
            refuse(resp, 413, "size", "a request body over " + MAX_BODY + " bytes, larger than Slack sends");
            return;
        }
        String timestamp = req.getHeader("X-Slack-Request-Timestamp");
        String signature = req.getHeader("X-Slack-Signature");
        if (timestamp == null || signature == null) {
            refuse(resp, 401, "unsigned", "an unsigned request");
            return;
        }
        long sent;
        try {
            sent = Long.parseLong(timestamp.strip());
        } catch (NumberFormatException e) {
            refuse(resp, 401, "unsigned", "a request with an unreadable timestamp");
            return;
        }
        if (!MessageDigest.isEqual(expected(timestamp, body), signature.strip().getBytes(StandardCharsets.UTF_8))) {
            refuse(resp, 401, "signature", "a request whose signature does not match SLACK_SIGNING_SECRET");
            return;
        }
        long skew = sent - clock.instant().getEpochSecond();
        if (Math.abs(skew) > MAX_SKEW.toSeconds()) {
            // Correctly signed but out of time: a replayed request, or this machine's clock is off.
            refuse(resp, 401, "clock", "a correctly signed request dated " + Math.abs(skew) + " s "
                    + (skew > 0 ? "ahead of" : "behind") + " this machine's clock; if Slack's requests keep"
                    + " failing so, check the clock (NTP)");
            return;
        }
        if (!wellFormed(req.getContentType(), body)) {
            refuse(resp, 400, "malformed", "a signed request whose body is not what Slack sends");
            return;
        }
        chain.doFilter(new ReadAgain(req, body), response);
    }

    private byte[] expected(String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            mac.update(("v0:" + timestamp + ":").getBytes(StandardCharsets.UTF_8));
            mac.update(body);
            return ("v0=" + HexFormat.of().formatHex(mac.doFinal())).getBytes(StandardCharsets.UTF_8);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    /** JSON bodies (events) must parse; forms carrying a {@code payload} (buttons, modals) must hold JSON. */
    private static boolean wellFormed(String contentType, byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8);
        try {
            if (contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("application/json")) {
                return JsonParser.parseString(text).isJsonObject();
            }
            for (String field : text.split("&")) {
                if (field.startsWith("payload=")) {
                    return JsonParser.parseString(URLDecoder.decode(field.substring("payload=".length()),
                            StandardCharsets.UTF_8)).isJsonObject();
                }
            }
            return true; // a slash command: plain form fields
        } catch (JsonParseException | IllegalArgumentException e) {
            return false;
        }
    }

    /** The body, or null when it is longer than {@code limit}. */
    private static byte[] readAtMost(InputStream in, int limit) throws IOException {
        byte[] read = in.readNBytes(limit + 1);
        return read.length > limit ? null : read;
    }

    private void refuse(HttpServletResponse resp, int status, String kind, String what) throws IOException {
        throttles.computeIfAbsent(kind, k -> new Throttle()).log(status, what);
        resp.setStatus(status);
        resp.setContentType("text/plain; charset=utf-8");
        resp.getWriter().write(switch (status) {
            case 413 -> "request too large";
            case 400 -> "malformed request";
            case 405 -> "method not allowed";
            default -> "invalid signature or timestamp";
        });
    }

    /** Only what a person can read is kept of a value that came with a request: no line breaks, short. */
    private static String sanitize(String value) {
        String clean = value == null ? "" : value.replaceAll("[^A-Za-z0-9_-]", "?");
        return clean.length() <= 16 ? clean : clean.substring(0, 16);
    }

    /** One line per kind of refusal every ten seconds, with how many were refused meanwhile. */
    private static final class Throttle {
        private final AtomicLong lastLogged = new AtomicLong(System.nanoTime() - LOG_EVERY_NANOS);
        private final AtomicLong quiet = new AtomicLong();

        void log(int status, String what) {
            long now = System.nanoTime();
            long last = lastLogged.get();
            if (now - last >= LOG_EVERY_NANOS && lastLogged.compareAndSet(last, now)) {
                long more = quiet.getAndSet(0);
                log.warn("refused {} with HTTP {}{}", what, status, more == 0 ? "" : " (and " + more + " more refused"
                        + " in the last seconds)");
            } else {
                quiet.incrementAndGet();
            }
        }
    }

    /** The request with its body, already read, to read again. */
    private static final class ReadAgain extends HttpServletRequestWrapper {
        private final byte[] body;

        ReadAgain(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("the body is already read");
                }

                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
