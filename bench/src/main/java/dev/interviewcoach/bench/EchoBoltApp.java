package dev.interviewcoach.bench;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.methods.MethodsClient;
import com.slack.api.model.event.MessageEvent;
import dev.interviewcoach.slack.SlackHttpServer;
import dev.interviewcoach.testkit.slack.FakeSlack;
import java.net.URI;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * The least any bot that answers must do: a Bolt {@link App} configured as the coach's (same token, signing secret,
 * fake Web API and {@link SlackHttpServer}) that acknowledges each message event and each {@code /coach} command
 * and then posts ONE {@code chat.postMessage} into the same conversation, echoing what was sent.
 *
 * <p>The post goes out after the ack, from a pool of 8 threads (the coach's engine has 8 lanes), with Bolt's own
 * stock {@link MethodsClient}, as an echo bot written from Bolt's documentation would. Not Bolt's
 * {@code asyncClient()}: that one queues calls behind the SDK's own per-channel rate limiter (Slack's
 * one-message-a-second), which the coach does not apply and the fake does not impose either.
 */
final class EchoBoltApp implements SlackTarget {

    private final App app;
    private final SlackHttpServer server;
    private final URI url;
    private final ExecutorService posters;
    private final LongAdder failures = new LongAdder();

    EchoBoltApp(FakeSlack slack) throws Exception {
        SlackConfig config = new SlackConfig();
        config.setMethodsEndpointUrlPrefix(slack.methodsUrl());
        AtomicInteger n = new AtomicInteger();
        posters = Executors.newFixedThreadPool(8, r -> {
            Thread t = new Thread(r, "echo-poster-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        app = new App(AppConfig.builder().slack(Slack.getInstance(config)).singleTeamBotToken(CoachOnSlack.BOT_TOKEN)
                .signingSecret(CoachOnSlack.SIGNING_SECRET).build());
        app.command("/coach", (req, ctx) -> {
            String channel = req.getPayload().getChannelId();
            String text = "echo: /coach " + req.getPayload().getText();
            post(ctx.client(), channel, text);
            return ctx.ack();
        });
        app.event(MessageEvent.class, (payload, ctx) -> {
            MessageEvent event = payload.getEvent();
            post(ctx.client(), event.getChannel(), "echo: " + event.getText());
            return ctx.ack();
        });
        server = new SlackHttpServer(app, "127.0.0.1", 0, CoachOnSlack.PATH, CoachOnSlack.SIGNING_SECRET);
        server.start();
        url = URI.create("http://127.0.0.1:" + server.port() + CoachOnSlack.PATH);
    }

    private void post(MethodsClient client, String channel, String text) {
        posters.execute(() -> {
            try {
                if (!client.chatPostMessage(r -> r.channel(channel).text(text)).isOk()) {
                    failures.increment();
                }
            } catch (Exception e) {
                failures.increment();
            }
        });
    }

    /** Posts that failed or came back not ok; 0 in every run so far. */
    long failures() {
        return failures.sum();
    }

    @Override
    public String name() {
        return "echo Bolt";
    }

    @Override
    public URI url() {
        return url;
    }

    @Override
    public boolean replies() {
        return true;
    }

    @Override
    public boolean echoes() {
        return true;
    }

    @Override
    public void close() {
        try {
            server.close();
            app.stop();
            posters.shutdown();
            posters.awaitTermination(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new IllegalStateException("the echo Bolt app did not stop cleanly", e);
        }
    }
}
