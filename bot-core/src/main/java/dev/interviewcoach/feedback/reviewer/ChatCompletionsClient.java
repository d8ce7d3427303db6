package dev.interviewcoach.feedback.reviewer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A small client of an OpenAI-compatible {@code /v1/chat/completions} endpoint on the JDK's
 * HttpClient: one request with a JSON-schema {@code response_format}, retried on 429 and 5xx with
 * growing pauses (a {@code Retry-After} honoured up to a cap) and on a dropped connection, all within
 * one deadline. A server that rejects {@code response_format} is asked again without it.
 */
public final class ChatCompletionsClient {

    private static final Logger log = LoggerFactory.getLogger(ChatCompletionsClient.class);
    private static final Duration FIRST_PAUSE = Duration.ofMillis(200);

    /** The text the model returned and the tokens it reported. */
    public record Completion(String content, long promptTokens, long completionTokens) {}

    /** How one exchange ended. */
    public sealed interface Result {
        /** The endpoint answered with a completion. */
        record Ok(Completion completion) implements Result {}

        /** The deadline passed first. */
        record TimedOut() implements Result {}

        /** The endpoint failed or refused; {@code endpointFault} when it counts against the endpoint's health. */
        record Failed(String reason, boolean endpointFault) implements Result {}
    }

    private final ReviewerSettings settings;
    private final HttpClient http;
    private final ObjectMapper mapper;
    private final Clock clock;
    /** Set once a server has said it does not take {@code response_format}: the schema then rides in the prompt only. */
    private volatile boolean schemaRefused;

    public ChatCompletionsClient(ReviewerSettings settings, HttpClient http, ObjectMapper mapper, Clock clock) {
        this.settings = settings;
        this.http = http;
        this.mapper = mapper;
        this.clock = clock;
    }

    /** An HTTP client fit for it: HTTP/1.1 (local servers rarely speak h2c), connecting within the timeout. */
    public static HttpClient defaultHttp(ReviewerSettings settings) {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(settings.timeout()).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** Asks for one completion, returning before {@code deadline}. */
    public Result complete(String system, String user, ObjectNode schema, Instant deadline) {
        Result last = new Result.Failed("no attempt was made", false);
        for (int attempt = 1; attempt <= settings.maxAttempts(); attempt++) {
            Duration left = Duration.between(clock.instant(), deadline);
            if (left.isNegative() || left.isZero()) {
                return new Result.TimedOut();
            }
            boolean withSchema = !schemaRefused;
            HttpResponse<String> response;
            // Sent asynchronously and waited on with the time left: the request timeout alone stops at the
            // headers, and a server that then trickles its body must not hold the person past the deadline.
            CompletableFuture<HttpResponse<String>> pending = null;
            try {
                pending = http.sendAsync(request(system, user, schema, withSchema, left), info -> new Bounded(MOST_BYTES));
                response = pending.get(Math.max(1, left.toMillis()), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                pending.cancel(true);
                return new Result.TimedOut();
            } catch (ExecutionException e) {
                if (e.getCause() instanceof HttpTimeoutException) {
                    return new Result.TimedOut();
                }
                last = new Result.Failed("the endpoint could not be reached (" + e.getCause().getClass().getSimpleName()
                        + ")", true);
                if (!pause(backoff(attempt), deadline)) {
                    return last;
                }
                continue;
            } catch (IOException e) {
                last = new Result.Failed("the endpoint could not be reached (" + e.getClass().getSimpleName() + ")", true);
                if (!pause(backoff(attempt), deadline)) {
                    return last;
                }
                continue;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Result.Failed("interrupted", false);
            }
            int status = response.statusCode();
            if (status == 200) {
                return read(response.body());
            }
            if (status == 400 && withSchema && mentionsResponseFormat(response.body())) {
                log.info("the reviewer endpoint {} does not take response_format; asking without it", settings.where());
                schemaRefused = true;
                attempt--; // not the endpoint's fault: the same attempt again, without the schema
                continue;
            }
            if (status == 429 || status >= 500) {
                last = new Result.Failed("the endpoint answered " + status + (status == 429 ? " (rate limited)" : ""), true);
                Optional<Duration> asked = retryAfter(response);
                if (asked.isPresent() && asked.get().compareTo(settings.retryAfterCap()) > 0) {
                    return last; // the server asks for a longer wait than a person should sit through
                }
                Duration wait = asked.orElse(backoff(attempt));
                if (attempt == settings.maxAttempts() || !pause(wait, deadline)) {
                    return last;
                }
                continue;
            }
            return new Result.Failed("the endpoint answered " + status
                    + (status == 401 || status == 403 ? " (check COACH_LLM_API_KEY)" : status == 404
                    ? " (check review.llm.url and review.llm.model)" : ""), status != 400 && status != 404);
        }
        return last;
    }

    private HttpRequest request(String system, String user, ObjectNode schema, boolean withSchema, Duration timeout)
            throws IOException {
        ObjectNode body = mapper.createObjectNode();
        body.put("model", settings.model());
        body.put("temperature", 0);
        body.putArray("messages")
                .add(mapper.createObjectNode().put("role", "system").put("content", withSchema ? ReviewPrompt.SYSTEM
                        : ReviewPrompt.SYSTEM + "\nThe JSON schema:\n" + mapper.writeValueAsString(schema)))
                .add(mapper.createObjectNode().put("role", "user").put("content", user));
        if (withSchema) {
            ObjectNode format = body.putObject("response_format").put("type", "json_schema");
            format.putObject("json_schema").put("name", "answer_review").put("strict", true).set("schema", schema);
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(settings.completionsUri())
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(mapper.writeValueAsString(body)));
        settings.apiKey().ifPresent(key -> {
            if (settings.azure()) {
                request.header("api-key", key);
            } else {
                request.header("Authorization", "Bearer " + key);
            }
        });
        return request.build();
    }

    /** The most of a reply body read: a review is a few kilobytes; a server that sends more is cut off there. */
    static final int MOST_BYTES = 1 << 20;

    /** A body read into memory up to a limit; past it the rest is not read (and the JSON will not parse). */
    private static final class Bounded implements HttpResponse.BodySubscriber<String> {
        private final int limit;
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final CompletableFuture<String> body = new CompletableFuture<>();
        private Flow.Subscription subscription;

        Bounded(int limit) {
            this.limit = limit;
        }

        @Override
        public CompletionStage<String> getBody() {
            return body;
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            s.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            for (ByteBuffer b : buffers) {
                int take = Math.min(b.remaining(), limit - bytes.size());
                byte[] chunk = new byte[take];
                b.get(chunk);
                bytes.write(chunk, 0, take);
            }
            if (bytes.size() >= limit) {
                subscription.cancel();
                body.complete(bytes.toString(StandardCharsets.UTF_8));
            }
        }

        @Override
        public void onError(Throwable error) {
            body.completeExceptionally(error);
        }

        @Override
        public void onComplete() {
            body.complete(bytes.toString(StandardCharsets.UTF_8));
        }
    }

    private Result read(String body) {
        try {
            JsonNode root = mapper.readTree(body);
            JsonNode content = root.path("choices").path(0).path("message").path("content");
            if (!content.isTextual()) {
                return new Result.Failed("the endpoint's reply has no message content", false);
            }
            JsonNode usage = root.path("usage");
            return new Result.Ok(new Completion(content.asText(), usage.path("prompt_tokens").asLong(0),
                    usage.path("completion_tokens").asLong(0)));
        } catch (IOException e) {
            return new Result.Failed("the endpoint's reply is not JSON", false);
        }
    }

    private static boolean mentionsResponseFormat(String body) {
        String b = body == null ? "" : body.toLowerCase(Locale.ROOT);
        return b.contains("response_format") || b.contains("json_schema");
    }

    /** The server's {@code Retry-After}: seconds, or an HTTP date. */
    static Optional<Duration> retryAfter(HttpResponse<?> response) {
        Optional<String> header = response.headers().firstValue("Retry-After").map(String::strip);
        if (header.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Duration.ofMillis(Math.max(0, (long) (Double.parseDouble(header.get()) * 1000))));
        } catch (NumberFormatException notSeconds) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(header.get(), DateTimeFormatter.RFC_1123_DATE_TIME);
                Duration d = Duration.between(Instant.now(), at.toInstant());
                return Optional.of(d.isNegative() ? Duration.ZERO : d);
            } catch (DateTimeParseException neither) {
                return Optional.empty();
            }
        }
    }

    private static Duration backoff(int attempt) {
        long base = FIRST_PAUSE.toMillis() << Math.min(attempt - 1, 6);
        return Duration.ofMillis(base + ThreadLocalRandom.current().nextLong(base / 2 + 1));
    }

    /** Sleeps unless the pause would run past the deadline; false when it would (or the thread was interrupted). */
    private boolean pause(Duration wait, Instant deadline) {
        if (clock.instant().plus(wait).isAfter(deadline)) {
            return false;
        }
        try {
            Thread.sleep(wait);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
