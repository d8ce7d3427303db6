package dev.interviewcoach.slack;

import com.slack.api.bolt.App;
import com.slack.api.bolt.jakarta_servlet.SlackAppServlet;
import com.slack.api.bolt.jakarta_servlet.SlackOAuthAppServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import dev.interviewcoach.observe.OpsEndpoints;
import jakarta.servlet.DispatcherType;
import java.time.Clock;
import java.util.EnumSet;

/**
 * An embedded Jetty 12 serving the Bolt app at one path (events, commands, interactivity), and
 * the operators' endpoints ({@code /healthz}, {@code /readyz}, {@code /metrics}).
 */
public final class SlackHttpServer implements AutoCloseable {

    private final Server server = new Server();
    private final ServerConnector connector = new ServerConnector(server);

    /** A server whose requests are checked against {@code signingSecret} before Bolt sees them. */
    public SlackHttpServer(App app, String host, int port, String path, String signingSecret) {
        this(app, host, port, path, signingSecret, OpsEndpoints.healthOnly());
    }

    public SlackHttpServer(App app, String host, int port, String path, String signingSecret,
                           OpsEndpoints ops) {
        this(app, host, port, path, signingSecret, ops, List.of());
    }

    /**
     * Also serves Bolt's OAuth install flow at {@code oauthPaths} (the install page and the redirect
     * URL): browsers' requests, not signed by Slack, so outside the signature check.
     */
    public SlackHttpServer(App app, String host, int port, String path, String signingSecret,
                           OpsEndpoints ops, List<String> oauthPaths) {
        connector.setHost(host);
        connector.setPort(port);
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler();
        context.setContextPath("/");
        context.addFilter(new FilterHolder(new SlackRequestGate(signingSecret, Clock.systemUTC())), path,
                EnumSet.of(DispatcherType.REQUEST));
        context.addServlet(new ServletHolder(new SlackAppServlet(app)), path);
        for (String oauthPath : oauthPaths) {
            context.addServlet(new ServletHolder(new SlackOAuthAppServlet(app)), oauthPath);
        }
        Ops servlet = new Ops(ops);
        for (String opsPath : new String[] {"/healthz", "/readyz", "/metrics"}) {
            context.addServlet(new ServletHolder(servlet), opsPath);
        }
        server.setHandler(context);
        server.setStopAtShutdown(false);
    }

    public void start() throws Exception {
        server.start();
    }

    public int port() {
        return connector.getLocalPort();
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }

    /** The operators' endpoints, answered by the neutral {@link dev.interviewcoach.observe.OpsEndpoints}. */
    private static final class Ops extends HttpServlet {
        private final transient OpsEndpoints ops;

        Ops(OpsEndpoints ops) {
            this.ops = ops;
        }

        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            var answer = ops.answer(req.getServletPath());
            if (answer.isEmpty()) {
                resp.sendError(404);
                return;
            }
            resp.setStatus(answer.get().status());
            resp.setContentType(answer.get().contentType());
            resp.getWriter().write(answer.get().body());
        }
    }
}
