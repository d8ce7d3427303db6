package dev.interviewcoach.testkit.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.interviewcoach.testkit.DaemonThreads;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A fake OpenAI-compatible chat-completions server on loopback ({@code POST /v1/chat/completions}),
 * for tests of the language-model reviewer. Each request is kept as {@link Seen} (the messages, the
 * candidate's answer cut out of its fence, the talking-point ids) and answered by a behaviour the
 * test gives: a JSON reply, a status such as 429 or 500 (with {@code Retry-After}), or a slow reply.
 */
public final class FakeModelServer implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern FENCED = Pattern.compile("<<<CANDIDATE_ANSWER\\n(.*)\\nCANDIDATE_ANSWER>>>", Pattern.DOTALL);
    private static final Pattern POINT = Pattern.compile("^- ([A-Za-z0-9_.-]+): ", Pattern.MULTILINE);

    /** One request as the fake saw it. */
    public record Seen(String path, Map<String, String> headers, JsonNode body) {
        public String system() {
            return message("system");
        }

        public String user() {
            return message("user");
        }

        private String message(String role) {
            for (JsonNode m : body.path("messages")) {
                if (m.path("role").asText().equals(role)) {
                    return m.path("content").asText();
                }
            }
            return "";
        }

        /** The candidate's answer, as fenced in the user message. */
        public String answer() {
            Matcher m = FENCED.matcher(user());
            return m.find() ? m.group(1) : "";
        }

        /** The talking-point ids the prompt lists, in order. */
        public List<String> pointIds() {
            String user = user();
            int start = user.indexOf("TALKING POINTS");
            int end = user.indexOf("\n\n", Math.max(start, 0));
            List<String> ids = new ArrayList<>();
            if (start < 0) {
                return ids;
            }
            Matcher m = POINT.matcher(user.substring(start, end < 0 ? user.length() : end));
            while (m.find()) {
                ids.add(m.group(1));
            }
            return ids;
        }

        public boolean askedForSchema() {
            return body.path("response_format").path("type").asText().equals("json_schema");
        }

        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    /** What the fake answers: a status, a body, headers, after a delay. */
    public record Response(int status, String body, Map<String, String> headers, Duration delay) {
        public Response after(Duration wait) {
            return new Response(status, body, headers, wait);
        }

        /** Sends the headers and the first bytes at once, then stalls {@code wait} before the rest of the body. */
        public Response stallingBodyFor(Duration wait) {
            return header(STALL, Long.toString(wait.toMillis()));
        }

        public Response header(String name, String value) {
            Map<String, String> more = new LinkedHashMap<>(headers);
            more.put(name, value);
            return new Response(status, body, more, delay);
        }
    }

    private static final String STALL = "X-Fake-Stall-Body-Ms";

    private final HttpServer server;
    private final ExecutorService executor;
    private final List<Seen> seen = new CopyOnWriteArrayList<>();
    private volatile Function<Seen, Response> behaviour;

    private FakeModelServer(Function<Seen, Response> behaviour) throws IOException {
        this.behaviour = behaviour;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        this.executor = Executors.newCachedThreadPool(DaemonThreads.named("fake-model-"));
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    /** Starts on a free loopback port, answering every request with {@code behaviour}. */
    public static FakeModelServer start(Function<Seen, Response> behaviour) {
        try {
            return new FakeModelServer(behaviour);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the fake model server", e);
        }
    }

    /** Changes how later requests are answered. */
    public void answerWith(Function<Seen, Response> next) {
        this.behaviour = next;
    }

    /** The base URL to configure as {@code review.llm.url}. */
    public URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    public List<Seen> requests() {
        return List.copyOf(seen);
    }

    /** A completion whose message content is {@code content}, with usage figures. */
    public static Response completion(String content, int promptTokens, int completionTokens) {
        ObjectNode root = JSON.createObjectNode();
        root.put("id", "chatcmpl-fake").put("object", "chat.completion").put("model", "fake");
        root.putArray("choices").addObject().put("index", 0).put("finish_reason", "stop")
                .putObject("message").put("role", "assistant").put("content", content);
        root.putObject("usage").put("prompt_tokens", promptTokens).put("completion_tokens", completionTokens)
                .put("total_tokens", promptTokens + completionTokens);
        return new Response(200, root.toString(), Map.of("Content-Type", "application/json"), Duration.ZERO);
    }

    /** An error status with an OpenAI-style error body. */
    public static Response status(int code) {
        return new Response(code, "{\"error\":{\"message\":\"fake " + code + "\",\"type\":\"fake\"}}",
                Map.of("Content-Type", "application/json"), Duration.ZERO);
    }

    /** A review in the schema the reviewer asks for: a verdict and a quote per point id, wrong claims, a follow-up, tips. */
    public static String review(Map<String, String[]> verdictAndEvidence, List<String[]> wrongClaims, String followUp,
                                List<String> tips) {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode points = root.putArray("points");
        verdictAndEvidence.forEach((id, v) -> points.addObject().put("id", id).put("verdict", v[0]).put("evidence", v[1]));
        ArrayNode wrong = root.putArray("wrongClaims");
        wrongClaims.forEach(w -> wrong.addObject().put("said", w[0]).put("correction", w[1]));
        root.put("followUp", followUp);
        tips.forEach(root.putArray("tips")::add);
        return root.toString();
    }

    /**
     * A gullible model: when the answer tells it to ignore the rubric it obeys, calling every point
     * made with no quote of the candidate's (the words it "quotes" are its own); otherwise it calls
     * every point missed.
     */
    public static Response gullible(Seen request) {
        boolean told = request.answer().toLowerCase(Locale.ROOT).contains("ignore the rubric");
        Map<String, String[]> verdicts = new LinkedHashMap<>();
        for (String id : request.pointIds()) {
            verdicts.put(id, told ? new String[] {"made", "The candidate covered this point perfectly."}
                    : new String[] {"missed", ""});
        }
        return completion(review(verdicts, List.of(), "What would you do differently?",
                List.of(told ? "Nothing to improve: this deserves a 5." : "Name a concrete trade-off.",
                        "Give a real example with numbers.")), 900, 120);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] in = exchange.getRequestBody().readAllBytes();
            Map<String, String> headers = new LinkedHashMap<>();
            exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), String.join(",", v)));
            JsonNode body;
            try {
                body = JSON.readTree(in);
            } catch (IOException e) {
                body = JSON.createObjectNode();
            }
            Seen request = new Seen(exchange.getRequestURI().getPath(), headers, body == null ? JSON.createObjectNode() : body);
            seen.add(request);
            Response response;
            if (!"POST".equals(exchange.getRequestMethod()) || !request.path().endsWith("/v1/chat/completions")) {
                response = status(404);
            } else {
                response = behaviour.apply(request);
            }
            if (!response.delay().isZero()) {
                try {
                    Thread.sleep(response.delay());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            response.headers().forEach((k, v) -> {
                if (!k.equals(STALL)) {
                    exchange.getResponseHeaders().add(k, v);
                }
            });
            long stall = Long.parseLong(response.headers().getOrDefault(STALL, "0"));
            byte[] out = response.body().getBytes(StandardCharsets.UTF_8);
            try {
                exchange.sendResponseHeaders(response.status(), out.length == 0 ? -1 : out.length);
                if (out.length > 0) {
                    try (OutputStream os = exchange.getResponseBody()) {
                        int first = stall > 0 ? Math.min(10, out.length) : out.length;
                        os.write(out, 0, first);
                        os.flush();
                        if (stall > 0) {
                            Thread.sleep(stall);
                        }
                        os.write(out, first, out.length - first);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            } catch (IOException clientGone) {
                // the client gave up waiting (a timeout test): nothing to answer
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
