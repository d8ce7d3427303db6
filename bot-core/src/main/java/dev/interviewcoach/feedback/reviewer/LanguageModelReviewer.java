package dev.interviewcoach.feedback.reviewer;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.interviewcoach.feedback.Feedback;
import dev.interviewcoach.question.Misconception;
import dev.interviewcoach.question.Question;
import dev.interviewcoach.question.TalkingPoint;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks a language model for a second opinion on one answer, grounded in the question's rubric and
 * the engine's findings, and checks what comes back. Never throws: every failure is an outcome,
 * so the caller always has the engine's feedback to fall back on.
 *
 * <p>Reviews are cached in memory by a hash of (answer, question id and content, model, prompt
 * version), so the same answer costs one call. In memory on purpose: a review quotes the
 * candidate's own words, and a table of them would outlive a person's {@code forget-me}.
 */
public final class LanguageModelReviewer {

    private static final Logger log = LoggerFactory.getLogger(LanguageModelReviewer.class);

    private final ReviewerSettings settings;
    private final ChatCompletionsClient client;
    private final ReviewPrompt prompt;
    private final ObjectMapper mapper;
    private final CircuitBreaker breaker;
    private final WorkspaceRateLimit limit;
    private final ReviewerMetrics metrics;
    private final Clock clock;
    private final Map<String, ReviewOutcome.Answered> cache;

    public LanguageModelReviewer(ReviewerSettings settings, ChatCompletionsClient client, ObjectMapper mapper,
                                 CircuitBreaker breaker, WorkspaceRateLimit limit, ReviewerMetrics metrics, Clock clock) {
        this.settings = settings;
        this.client = client;
        this.mapper = mapper;
        this.prompt = new ReviewPrompt(mapper);
        this.breaker = breaker;
        this.limit = limit;
        this.metrics = metrics;
        this.clock = clock;
        int size = settings.cacheSize();
        this.cache = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, ReviewOutcome.Answered> eldest) {
                return size() > size;
            }
        };
    }

    /** A reviewer with its own HTTP client, breaker and per-workspace limit, as the settings say. */
    public static LanguageModelReviewer of(ReviewerSettings settings, ReviewerMetrics metrics, Clock clock) {
        ObjectMapper mapper = new ObjectMapper();
        return new LanguageModelReviewer(settings,
                new ChatCompletionsClient(settings, ChatCompletionsClient.defaultHttp(settings), mapper, clock), mapper,
                new CircuitBreaker(settings.breakerFailures(), settings.breakerOpenFor(), clock),
                new WorkspaceRateLimit(settings.perWorkspacePerMinute(), clock), metrics, clock);
    }

    public ReviewerSettings settings() {
        return settings;
    }

    /** The reviewer's opinion on an answer, within the timeout; {@code workspace} is whose allowance it spends. */
    public ReviewOutcome review(Question question, String answer, Feedback engine, String workspace) {
        String key = key(question, answer);
        Optional<ReviewOutcome.Answered> cached = cached(key);
        if (cached.isPresent()) {
            metrics.cacheHit();
            ReviewOutcome.Answered hit = cached.get();
            return new ReviewOutcome.Answered(hit.review(), hit.model(), true, Duration.ZERO, 0, 0);
        }
        if (!limit.tryAcquire(workspace)) {
            metrics.skipped("workspace-limit");
            return new ReviewOutcome.Failed(settings.model(), "this workspace asked for more than "
                    + settings.perWorkspacePerMinute() + " reviews a minute");
        }
        if (!breaker.allow()) {
            metrics.skipped("circuit-open");
            return new ReviewOutcome.Failed(settings.model(), "the endpoint failed repeatedly; not asked for "
                    + settings.breakerOpenFor().toSeconds() + " s");
        }
        Instant start = clock.instant();
        ChatCompletionsClient.Result result;
        try {
            result = client.complete(ReviewPrompt.SYSTEM, prompt.user(question, answer, engine), prompt.schema(question),
                    start.plus(settings.timeout()));
        } catch (RuntimeException e) {
            result = new ChatCompletionsClient.Result.Failed("the request failed (" + e.getClass().getSimpleName() + ")", true);
        }
        Duration took = Duration.between(start, clock.instant());
        return switch (result) {
            case ChatCompletionsClient.Result.TimedOut t -> {
                breaker.failure();
                metrics.call("timed-out", took);
                log.info("reviewer at {} gave no answer within {} ms", settings.where(), settings.timeout().toMillis());
                yield new ReviewOutcome.TimedOut(settings.model(), settings.timeout());
            }
            case ChatCompletionsClient.Result.Failed f -> {
                if (f.endpointFault()) {
                    breaker.failure();
                } else {
                    breaker.success(); // it answered; the request was at fault
                }
                metrics.call("failed", took);
                log.info("reviewer at {} failed: {}", settings.where(), f.reason());
                yield new ReviewOutcome.Failed(settings.model(), f.reason());
            }
            case ChatCompletionsClient.Result.Ok ok -> {
                breaker.success();
                metrics.tokens(ok.completion().promptTokens(), ok.completion().completionTokens());
                try {
                    ModelReview review = ModelReview.read(mapper, ok.completion().content(), question, answer);
                    metrics.call("answered", took);
                    ReviewOutcome.Answered answered = new ReviewOutcome.Answered(review, settings.model(), false, took,
                            ok.completion().promptTokens(), ok.completion().completionTokens());
                    remember(key, answered);
                    log.debug("reviewer answered in {} ms; {} quotes dropped", took.toMillis(), review.droppedQuotes());
                    yield answered;
                } catch (ModelReview.Malformed e) {
                    metrics.call("malformed", took);
                    log.info("reviewer at {} replied out of schema: {}", settings.where(), e.getMessage());
                    yield new ReviewOutcome.Failed(settings.model(), "the model's reply was not the JSON asked for ("
                            + e.getMessage() + ")");
                }
            }
        };
    }

    public CircuitBreaker.State circuit() {
        return breaker.state();
    }

    private synchronized Optional<ReviewOutcome.Answered> cached(String key) {
        return Optional.ofNullable(cache.get(key));
    }

    private synchronized void remember(String key, ReviewOutcome.Answered answered) {
        cache.put(key, answered);
    }

    /** The cache key: a hash of the answer, the question's id and content (its version), the model and the prompt version. */
    String key(Question question, String answer) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String part : new String[] {answer, question.track(), question.id(), version(question),
                    settings.baseUrl().toString(), settings.model(), ReviewPrompt.VERSION}) {
                byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
                sha.update((bytes.length + ":").getBytes(StandardCharsets.UTF_8));
                sha.update(bytes);
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }

    /** What of a question the prompt carries: when a bank edit changes it, cached reviews no longer apply. */
    private static String version(Question question) {
        StringBuilder v = new StringBuilder(question.text()).append('\u0000').append(question.exampleAnswer());
        for (TalkingPoint p : question.talkingPoints()) {
            v.append('\u0000').append(p.id()).append('=').append(p.point());
        }
        for (Misconception m : question.misconceptions()) {
            v.append('\u0000').append(m.claim()).append("=>").append(m.correction());
        }
        return v.toString();
    }
}
