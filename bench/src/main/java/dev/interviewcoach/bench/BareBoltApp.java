package dev.interviewcoach.bench;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.model.event.AppHomeOpenedEvent;
import com.slack.api.model.event.AppMentionEvent;
import com.slack.api.model.event.MessageBotEvent;
import com.slack.api.model.event.MessageChangedEvent;
import com.slack.api.model.event.MessageDeletedEvent;
import com.slack.api.model.event.MessageEvent;
import com.slack.api.model.event.MessageFileShareEvent;
import com.slack.api.model.event.MessageThreadBroadcastEvent;
import dev.interviewcoach.slack.SlackHttpServer;
import dev.interviewcoach.testkit.slack.FakeSlack;
import java.net.URI;
import java.util.regex.Pattern;

/**
 * The floor to compare the coach with: a Bolt {@link App} configured as the coach's (same token, signing secret
 * and fake Web API, so the same middleware: signature check, auth.test, bot-event filter), with the same
 * registrations as {@code SlackAdapter}, each only acknowledging; served by the same {@link SlackHttpServer}.
 */
final class BareBoltApp implements SlackTarget {

    private final App app;
    private final SlackHttpServer server;
    private final URI url;

    BareBoltApp(FakeSlack slack) throws Exception {
        SlackConfig config = new SlackConfig();
        config.setMethodsEndpointUrlPrefix(slack.methodsUrl());
        app = new App(AppConfig.builder().slack(Slack.getInstance(config)).singleTeamBotToken(CoachOnSlack.BOT_TOKEN)
                .signingSecret(CoachOnSlack.SIGNING_SECRET).build());
        app.command("/coach", (req, ctx) -> ctx.ack());
        app.event(AppMentionEvent.class, (payload, ctx) -> ctx.ack());
        app.event(MessageEvent.class, (payload, ctx) -> ctx.ack());
        app.event(MessageChangedEvent.class, (payload, ctx) -> ctx.ack());
        app.event(MessageDeletedEvent.class, (payload, ctx) -> ctx.ack());
        app.event(MessageBotEvent.class, (payload, ctx) -> ctx.ack());
        app.event(MessageFileShareEvent.class, (payload, ctx) -> ctx.ack());
        app.event(MessageThreadBroadcastEvent.class, (payload, ctx) -> ctx.ack());
        app.event(AppHomeOpenedEvent.class, (payload, ctx) -> ctx.ack());
        app.blockAction(Pattern.compile("^coach:.*"), (req, ctx) -> ctx.ack());
        server = new SlackHttpServer(app, "127.0.0.1", 0, CoachOnSlack.PATH, CoachOnSlack.SIGNING_SECRET);
        server.start();
        url = URI.create("http://127.0.0.1:" + server.port() + CoachOnSlack.PATH);
    }

    @Override
    public String name() {
        return "bare Bolt";
    }

    @Override
    public URI url() {
        return url;
    }

    @Override
    public boolean replies() {
        return false;
    }

    @Override
    public void close() {
        try {
            server.close();
            app.stop();
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new IllegalStateException("the bare Bolt app did not stop cleanly", e);
        }
    }
}
