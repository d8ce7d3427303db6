package dev.interviewcoach.app;

import com.sun.net.httpserver.HttpServer;
import dev.interviewcoach.observe.OpsEndpoints;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.Optional;

/**
 * The operators' endpoints on their own port, for when no Slack HTTP server runs (Socket Mode, or
 * Discord alone). The JDK's own HTTP server is enough for three small GETs.
 */
final class AdminServer implements AutoCloseable {

    private final HttpServer server;

    AdminServer(String host, int port, OpsEndpoints ops) throws IOException {
        server = HttpServer.create(new InetSocketAddress(host, port), 16);
        server.createContext("/", exchange -> {
            try (exchange) {
                var answer = "GET".equals(exchange.getRequestMethod()) ? ops.answer(exchange.getRequestURI().getPath())
                        : Optional.<OpsEndpoints.Answer>empty();
                byte[] body = answer.map(a -> a.body().getBytes(StandardCharsets.UTF_8))
                        .orElse("not found: try /healthz, /readyz or /metrics\n".getBytes(StandardCharsets.UTF_8));
                exchange.getResponseHeaders().set("Content-Type",
                        answer.map(OpsEndpoints.Answer::contentType).orElse("text/plain; charset=utf-8"));
                exchange.sendResponseHeaders(answer.map(OpsEndpoints.Answer::status).orElse(404), body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        });
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    }

    void start() {
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
