package dev.interviewcoach.observe;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/**
 * What operators ask a running coach over HTTP, whichever server carries it (the Slack HTTP
 * server, or the admin port): {@code /healthz} (the process answers), {@code /readyz} (the
 * database and every platform are reachable) and {@code /metrics} (Prometheus text).
 */
public final class OpsEndpoints {

    /** An HTTP answer, independent of the server that sends it. */
    public record Answer(int status, String contentType, String body) {}

    /** One thing readiness depends on; empty when fine, else what is wrong. */
    public interface Check {
        String name();

        Optional<String> problem();
    }

    private final Supplier<String> scrape;
    private final List<Check> checks = new CopyOnWriteArrayList<>();
    private final List<Map.Entry<String, Supplier<String>>> notes = new CopyOnWriteArrayList<>();

    public OpsEndpoints(Supplier<String> scrape) {
        this.scrape = scrape;
    }

    /** Only {@code /healthz}: for adapters run without the app's wiring (tests, tools). */
    public static OpsEndpoints healthOnly() {
        return new OpsEndpoints(() -> null);
    }

    /** Adds a readiness check; platforms add theirs as they start. */
    public void require(String name, Supplier<Optional<String>> problem) {
        checks.add(new Check() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Optional<String> problem() {
                try {
                    return problem.get();
                } catch (RuntimeException e) {
                    return Optional.of(e.getClass().getSimpleName() + ": " + e.getMessage());
                }
            }
        });
    }

    /** A line {@code /readyz} shows under the checks, for operators; it never makes the coach unready. */
    public void inform(String name, Supplier<String> value) {
        notes.add(Map.entry(name, value));
    }

    public Optional<Answer> answer(String path) {
        return switch (path) {
            case "/healthz" -> Optional.of(new Answer(200, "text/plain; charset=utf-8", "ok\n"));
            case "/readyz" -> Optional.of(readiness());
            case "/metrics" -> Optional.ofNullable(scrape.get())
                    .map(text -> new Answer(200, "text/plain; version=0.0.4; charset=utf-8", text));
            default -> Optional.empty();
        };
    }

    private Answer readiness() {
        List<String> lines = new ArrayList<>();
        boolean ready = true;
        for (Check check : checks) {
            Optional<String> problem = check.problem();
            ready &= problem.isEmpty();
            lines.add(check.name() + ": " + problem.orElse("ok"));
        }
        for (Map.Entry<String, Supplier<String>> note : notes) {
            String value;
            try {
                value = note.getValue().get();
            } catch (RuntimeException e) {
                value = "unknown (" + e.getClass().getSimpleName() + ")";
            }
            lines.add(note.getKey() + ": " + value);
        }
        return new Answer(ready ? 200 : 503, "text/plain; charset=utf-8",
                (ready ? "ready\n" : "not ready\n") + String.join("\n", lines) + "\n");
    }
}
