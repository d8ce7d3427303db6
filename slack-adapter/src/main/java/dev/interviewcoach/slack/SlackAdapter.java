package dev.interviewcoach.slack;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.bolt.App;
import com.slack.api.bolt.request.builtin.EventRequest;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.socket_mode.SocketModeApp;
import com.slack.api.model.event.AppHomeOpenedEvent;
import com.slack.api.model.event.AppUninstalledEvent;
import com.slack.api.model.event.TokensRevokedEvent;
import dev.interviewcoach.store.SecretBox;
import dev.interviewcoach.tenant.TenantLifecycle;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jdbi.v3.core.Jdbi;
import com.slack.api.model.event.AppMentionEvent;
import com.slack.api.model.event.MessageBotEvent;
import com.slack.api.model.event.MessageChangedEvent;
import com.slack.api.model.event.MessageDeletedEvent;
import com.slack.api.model.event.MessageEvent;
import com.slack.api.model.event.MessageFileShareEvent;
import com.slack.api.model.event.MessageThreadBroadcastEvent;
import com.slack.api.socket_mode.SocketModeClient;
import dev.interviewcoach.chat.ActionId;
import dev.interviewcoach.chat.Inbound;
import dev.interviewcoach.chat.Place;
import dev.interviewcoach.chat.Platform;
import dev.interviewcoach.chat.Reply;
import dev.interviewcoach.chat.UserRef;
import dev.interviewcoach.engine.CoachEngine;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import com.slack.api.bolt.context.builtin.EventContext;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import com.slack.api.bolt.response.Response;
import dev.interviewcoach.observe.OpsEndpoints;
import java.io.IOException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * The coach on Slack: a table of Bolt registrations, each mapping a Slack request to an inbound
 * record, queueing it for the engine and acknowledging at once. Served over HTTP by
 * {@link SlackHttpServer}, or through Socket Mode when an app-level token is configured.
 */
public final class SlackAdapter implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SlackAdapter.class);
    private static final String BUSY = "I'm swamped right now; please try again in a minute.";
    private static final String FORM_NOT_OPENED = "I couldn't open the form in time. Please press the button again.";
    private static final String FORM_UNREADABLE = "This form can no longer be sent. Close it and press the button again.";

    private final SlackSettings settings;
    private final CoachEngine engine;
    private final CoachEngine.Lanes executor;
    private final Clock clock;
    private final App app;
    private final SlackChatPort port;
    private final EventDeduplicator dedupe = new EventDeduplicator();
    private final OpsEndpoints ops;
    private final LongAdder busy = new LongAdder();
    /** Each person's DM, as Slack named it: what a press or form on the App Home (which has no channel) answers in. */
    private final Map<UserRef, Place> directMessages = new ConcurrentHashMap<>();
    private final Set<String> handledEvents;
    private final Optional<TenantLifecycle> tenants;
    private final Optional<SlackInstallations> installations;
    private final Optional<SlackWorkspaceClients> clients;
    private final AtomicLong lastBusyLog = new AtomicLong(
            System.nanoTime() - 2_000_000_000L);
    private SlackHttpServer http;
    private SocketModeApp socket;

    public SlackAdapter(SlackSettings settings, CoachEngine engine, CoachEngine.Lanes executor, Clock clock,
                        SlackChatPort.Sleeper sleeper) {
        this(settings, engine, executor, clock, sleeper, OpsEndpoints.healthOnly());
    }

    /** With {@code ops}, the HTTP server also answers the operators' endpoints. */
    public SlackAdapter(SlackSettings settings, CoachEngine engine, CoachEngine.Lanes executor, Clock clock,
                        SlackChatPort.Sleeper sleeper, OpsEndpoints ops) {
        this(settings, engine, executor, clock, sleeper, ops, Optional.empty());
    }

    /**
     * What serving many workspaces needs besides {@link SlackSettings#oauth()}: the coach's database
     * (installations and OAuth states), the box that seals tokens, and the core's record of
     * workspaces that removed the coach.
     */
    public record Workspaces(Jdbi jdbi, SecretBox box, TenantLifecycle tenants) {}

    /**
     * With {@code workspaces} (and OAuth settings), the coach is installed through Slack's OAuth in any
     * number of workspaces, and posts in each with that workspace's own bot token.
     */
    public SlackAdapter(SlackSettings settings, CoachEngine engine, CoachEngine.Lanes executor, Clock clock,
                        SlackChatPort.Sleeper sleeper, OpsEndpoints ops, Optional<Workspaces> workspaces) {
        if (settings.oauth().isPresent() != workspaces.isPresent()) {
            throw new IllegalArgumentException("OAuth settings and the workspaces' stores go together");
        }
        this.ops = ops;
        this.settings = settings;
        this.engine = engine;
        this.executor = executor;
        this.clock = clock;
        SlackConfig slackConfig = new SlackConfig();
        settings.apiUrl().ifPresent(slackConfig::setMethodsEndpointUrlPrefix);
        // The SDK's own call statistics look up the team with auth.test on every client and log each
        // failure with a stack trace; the coach keeps its own metrics.
        slackConfig.setStatsEnabled(false);
        // Slack answers a Web API call in well under a second; one that hangs is given up after this long, so a
        // reply's tries end well inside its claim in the outbox, which another deliverer would otherwise take over
        // and post a second time. OkHttp's default sets no limit on the whole call.
        slackConfig.setHttpClientCallTimeoutMillis((int) SlackChatPort.CALL_TIMEOUT.toMillis());
        Slack slack = Slack.getInstance(slackConfig);
        if (settings.oauth().isPresent()) {
            SlackSettings.OAuth oauth = settings.oauth().get();
            Workspaces w = workspaces.get();
            this.tenants = Optional.of(w.tenants());
            this.handledEvents = OAUTH_EVENTS;
            // Built explicitly: AppConfig's builder would otherwise take paths and URLs from SLACK_* variables.
            AppConfig config = AppConfig.builder().slack(slack)
                    .signingSecret(settings.signingSecret().orElseThrow())
                    .clientId(oauth.clientId()).clientSecret(oauth.clientSecret())
                    .scope(String.join(",", oauth.scopes())).userScope(null)
                    .redirectUri(oauth.redirectUri().orElse(null))
                    .oauthInstallPath(oauth.installPath()).oauthRedirectUriPath(oauth.redirectPath())
                    .oauthCompletionUrl(null).oauthCancellationUrl(null)
                    .stateValidationEnabled(true)
                    .build();
            this.app = new App(config);
            SlackWorkspaceClients[] clients = new SlackWorkspaceClients[1];
            this.installations = Optional.of(new SlackInstallations(w.jdbi(), w.box(), clock, team -> {
                clients[0].invalidate(team);
                w.tenants().restored(Platform.SLACK, team);
            }));
            clients[0] = new SlackWorkspaceClients(slack, installations.get(), oauth.clientId(), oauth.clientSecret());
            this.clients = Optional.of(clients[0]);
            // Before any listener is added: Bolt builds its authorization middleware with these.
            app.service(installations.get());
            app.service(new SlackOAuthStates(w.jdbi(), clock));
            app.oauthCallbackStateError((req, resp) -> page(resp, 400, "This install link has expired or was already used",
                    "Install links work once, for ten minutes. Start again at <a href=\"" + oauth.installPath() + "\">"
                            + oauth.installPath() + "</a>."));
            app.oauthCallbackError((req, resp) -> page(resp, 200, "The coach was not installed",
                    "Slack said the install did not go ahead. To try again, go to <a href=\"" + oauth.installPath()
                            + "\">" + oauth.installPath() + "</a>."));
            app.asOAuthApp(true);
            this.port = new SlackChatPort(clients[0], sleeper, settings.admins());
            return;
        }
        this.tenants = Optional.empty();
        this.installations = Optional.empty();
        this.clients = Optional.empty();
        this.handledEvents = HANDLED_EVENTS;
        AppConfig.AppConfigBuilder config = AppConfig.builder().slack(slack).singleTeamBotToken(settings.botToken());
        settings.signingSecret().ifPresent(config::signingSecret);
        this.app = new App(config.build());
        // Not slack.methods(): that client builds a new Gson, and all its type adapters, for every response.
        this.port = new SlackChatPort(SharedGsonMethodsClient.of(slack, settings.botToken()), sleeper, settings.admins());
    }

    /** A small HTML page for the install flow's outcomes. */
    private static Response page(Response resp, int status, String title, String body) {
        resp.setStatusCode(status);
        resp.setContentType("text/html; charset=utf-8");
        resp.setBody("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>" + title + "</title></head><body>"
                + "<h1>" + title + "</h1><p>" + body + "</p></body></html>");
        return resp;
    }

    /**
     * A workspace removed the coach (uninstalled it, or revoked its bot token): its installation goes,
     * its schedules stop at once, and its data waits out the grace period.
     */
    private void removed(String enterpriseId, String teamId, String why) {
        if (teamId == null || installations.isEmpty()) {
            return;
        }
        installations.get().remove(enterpriseId, teamId);
        clients.ifPresent(c -> c.invalidate(teamId));
        tenants.ifPresent(t -> t.removed(Platform.SLACK, teamId, clock.instant()));
        log.info("Slack: workspace {} removed the coach ({})", teamId, why);
    }

    /** The events registered below, as Bolt names them ("type" or "message:subtype"). */
    static final Set<String> HANDLED_EVENTS = Set.of("app_mention", "message", "app_home_opened",
            "message:message_changed", "message:message_deleted", "message:bot_message", "message:file_share",
            "message:thread_broadcast");

    /** With the OAuth install, also the events that say a workspace removed the coach. */
    private static final Set<String> OAUTH_EVENTS = Stream.concat(HANDLED_EVENTS.stream(),
            Stream.of("app_uninstalled", "tokens_revoked")).collect(Collectors.toUnmodifiableSet());

    private void register() {
        // Turns a listener's "engine busy" into a plain 503 (Slack then delivers the event again),
        // without the error log Bolt writes for other exceptions: under a flood that would be a line each.
        app.use((req, resp, chain) -> {
            try {
                return chain.next(req);
            } catch (EngineBusy busy) {
                return Response.builder().statusCode(503)
                        .contentType("text/plain; charset=utf-8").body("busy; please retry").build();
            }
        });
        // Events the coach does not use (people joining a channel, topic changes, /me messages, event
        // types added later) are acknowledged quietly: Bolt would answer 404 with a page of warnings,
        // and Slack would send each again.
        app.use((req, resp, chain) -> req instanceof EventRequest event
                && !handledEvents.contains(event.getEventTypeAndSubtype())
                ? Response.ok() : chain.next(req));
        app.command("/coach", (req, ctx) -> {
            Inbound inbound = SlackInbound.command(req.getPayload(), clock.instant());
            return dispatch(inbound) ? ctx.ack() : ctx.ack(BUSY);
        });
        app.event(AppMentionEvent.class, (payload, ctx) -> {
            if (dedupe.firstTime(payload.getEventId())) {
                Inbound mention = SlackInbound.mention(payload.getEventId(), payload.getTeamId(), payload.getEvent(),
                        clock.instant());
                if (!dispatch(mention)) {
                    return retryLater(payload.getEventId());
                }
            }
            return ctx.ack();
        });
        app.event(MessageEvent.class, (payload, ctx) -> message(payload.getEventId(), () -> SlackInbound.message(
                payload.getEventId(), payload.getTeamId(), payload.getEvent(), ctx.getBotUserId(), clock.instant()), ctx));
        app.event(MessageFileShareEvent.class, (payload, ctx) -> message(payload.getEventId(), () -> SlackInbound.fileShare(
                payload.getEventId(), payload.getTeamId(), payload.getEvent(), ctx.getBotUserId(), clock.instant()), ctx));
        app.event(MessageThreadBroadcastEvent.class, (payload, ctx) -> message(payload.getEventId(),
                () -> SlackInbound.threadBroadcast(payload.getEventId(), payload.getTeamId(), payload.getEvent(),
                        ctx.getBotUserId(), clock.instant()), ctx));
        // A person's edit or deletion goes to the engine (an edited answer is scored again, a deleted one withdrawn);
        // bot posts (ours included) are not answers: acknowledged on purpose so Slack does not retry them.
        app.event(MessageChangedEvent.class, (payload, ctx) -> message(payload.getEventId(), () -> SlackInbound.edit(
                payload.getEventId(), payload.getTeamId(), payload.getEvent(), ctx.getBotUserId(), clock.instant()), ctx));
        app.event(MessageDeletedEvent.class, (payload, ctx) -> message(payload.getEventId(), () -> SlackInbound.deletion(
                payload.getEventId(), payload.getTeamId(), payload.getEvent(), ctx.getBotUserId(), clock.instant()), ctx));
        app.event(MessageBotEvent.class, (payload, ctx) -> ctx.ack());
        app.event(AppHomeOpenedEvent.class, (payload, ctx) -> {
            AppHomeOpenedEvent e = payload.getEvent();
            if ("home".equals(e.getTab()) && dedupe.firstTime(payload.getEventId())) {
                UserRef user = new UserRef(Platform.SLACK, payload.getTeamId(), e.getUser());
                String channel = e.getChannel() == null ? "D-" + e.getUser() : e.getChannel();
                dispatch(new Inbound.HomeOpened(payload.getEventId(), user,
                        Place.direct(Platform.SLACK, payload.getTeamId(), channel), clock.instant()));
            }
            return ctx.ack();
        });
        if (installations.isPresent()) {
            app.event(AppUninstalledEvent.class, (payload, ctx) -> {
                removed(payload.getEnterpriseId(), payload.getTeamId(), "app_uninstalled");
                return ctx.ack();
            });
            app.event(TokensRevokedEvent.class, (payload, ctx) -> {
                var tokens = payload.getEvent() == null ? null : payload.getEvent().getTokens();
                if (tokens != null && tokens.getBot() != null && !tokens.getBot().isEmpty()) {
                    removed(payload.getEnterpriseId(), payload.getTeamId(), "tokens_revoked");
                }
                return ctx.ack();
            });
        }
        registerForms();
        app.blockAction(Pattern.compile("^coach:.*"), (req, ctx) -> {
            var payload = req.getPayload();
            UserRef user = new UserRef(Platform.SLACK, payload.getTeam().getId(), payload.getUser().getId());
            // A button on the App Home has no channel: the engine answers in the person's DM.
            Optional<Place> place = SlackInbound.actionPlace(payload).or(() -> directMessage(user));
            if (place.isPresent()) {
                // Recorded before it is acknowledged, as every event: a press is not lost if the process stops.
                Optional<Inbound.Action> action = SlackInbound.action(payload, place.get(), clock.instant());
                if (action.isPresent() && !dispatch(action.get())) {
                    // Slack does not send a button press again: the person must know to press it again.
                    tellBusy(place.get(), user);
                }
                return ctx.ack();
            }
            // Slack did not say which DM is theirs just now: it is asked again in the lane.
            executor.submit("home/" + user.userId(), 0, () -> SlackInbound.action(payload, port.openDirect(user),
                    clock.instant()).ifPresent(a -> engine.handle(a, executor.portFor(port))));
            return ctx.ack();
        });
    }

    /**
     * The person's DM, asked of Slack once per person and process (a DM's id does not change); empty
     * when Slack does not answer now. Asked on the request thread so that what came from the App
     * Home is recorded before it is acknowledged, as everything else is.
     */
    private Optional<Place> directMessage(UserRef user) {
        Place known = directMessages.get(user);
        if (known != null) {
            return Optional.of(known);
        }
        try {
            Place opened = port.openDirect(user);
            if (directMessages.size() >= 10_000) {
                directMessages.clear(); // a bound, not a policy: they are asked again
            }
            directMessages.put(user, opened);
            return Optional.of(opened);
        } catch (RuntimeException e) {
            log.warn("could not find the DM of {} in {}; asking again in its lane: {}", user.userId(), user.tenant(),
                    e.toString());
            return Optional.empty();
        }
    }

    /** Tells someone privately that what they pressed was not taken (every lane and the waiting room full). */
    private void tellBusy(Place place, UserRef user) {
        try {
            port.post(place, Reply.text(BUSY).onlyTo(user));
        } catch (RuntimeException e) {
            log.warn("could not tell {} the coach was too busy: {}", place.key(), e.toString());
        }
    }

    /**
     * Private forms: a click opens the modal straight away (its trigger lasts three seconds, too
     * short to queue engine work first); the sent modal goes to the engine as a submission.
     */
    private void registerForms() {
        app.blockAction(SlackForms.CLICK, (req, ctx) -> {
            var payload = req.getPayload();
            var pressed = payload.getActions() == null || payload.getActions().isEmpty() ? null
                    : payload.getActions().getFirst();
            Optional<ActionId> action = pressed == null ? Optional.empty() : SlackForms.clicked(pressed.getActionId());
            if (action.isEmpty()) {
                return ctx.ack();
            }
            UserRef user = new UserRef(Platform.SLACK, payload.getTeam().getId(), payload.getUser().getId());
            Optional<Place> place = SlackInbound.actionPlace(payload);
            String label = pressed.getText() == null ? null : pressed.getText().getText();
            try {
                port.openModal(user.tenant(), payload.getTriggerId(), SlackForms.modal(label,
                        SlackForms.Origin.of(action.get(), user.tenant(), place)));
            } catch (RuntimeException e) {
                log.warn("could not open a form for {}: {}", place.map(Place::key).orElse("home"), e.getMessage());
                executor.submit("home/" + user.userId(), 0, () -> port.post(place.orElseGet(() -> port.openDirect(user)),
                        Reply.text(FORM_NOT_OPENED).onlyTo(user)));
            }
            return ctx.ack();
        });
        app.viewSubmission(SlackForms.CALLBACK_ID, (req, ctx) -> {
            var payload = req.getPayload();
            var view = payload.getView();
            Optional<SlackForms.Origin> origin = SlackForms.Origin.parse(view.getPrivateMetadata());
            Optional<String> text = SlackForms.typed(view.getState());
            if (origin.isEmpty() || text.isEmpty()) {
                log.warn("a form came back that cannot be read (view {})", view.getId());
                return ctx.ackWithErrors(Map.of(SlackForms.BLOCK_ID, FORM_UNREADABLE));
            }
            String team = payload.getTeam() != null ? payload.getTeam().getId() : origin.get().team();
            UserRef user = new UserRef(Platform.SLACK, team, payload.getUser().getId());
            ActionId action = origin.get().action();
            // Sent from the App Home: the engine answers in the person's DM, as for its buttons.
            Optional<Place> place = origin.get().place().or(() -> directMessage(user));
            boolean queued;
            if (place.isPresent()) {
                queued = dispatch(SlackInbound.submission(view.getId(), user, place.get(), action, text.get(),
                        clock.instant()));
            } else {
                // Slack did not say which DM is theirs just now: it is asked again in the lane.
                queued = executor.submit("home/" + user.userId(), 0, () -> engine.handle(SlackInbound.submission(view.getId(),
                        user, port.openDirect(user), action, text.get(), clock.instant()), executor.portFor(port)));
            }
            // Busy: keep the modal open with a note, so what they typed is not lost.
            return queued ? ctx.ack() : ctx.ackWithErrors(Map.of(SlackForms.BLOCK_ID, BUSY));
        });
    }

    /**
     * An event the engine had no room for (its lane's queue and the shared waiting room both full)
     * is answered 503, not acknowledged: Slack delivers it again (after about a minute, then five),
     * so an answer is delayed under overload, never lost.
     */
    /** A message event, read once per delivery and handed to the engine, or sent back to Slack to retry when busy. */
    private Response message(String eventId, Supplier<? extends Optional<? extends Inbound>> read, EventContext ctx) {
        if (dedupe.firstTime(eventId)) {
            Optional<? extends Inbound> message = read.get();
            if (message.isPresent() && !dispatch(message.get())) {
                return retryLater(eventId);
            }
        }
        return ctx.ack();
    }

    private Response retryLater(String eventId) {
        // A plain non-200 response reads to Bolt as "no listener"; the exception reaches our middleware instead.
        dedupe.forget(eventId);
        throw new EngineBusy();
    }

    /** Thrown out of a listener so Bolt answers with an error and Slack retries the delivery. */
    static final class EngineBusy extends RuntimeException {
        EngineBusy() {
            super("engine busy: not acknowledged, so Slack delivers the event again", null, false, false);
        }
    }

    /**
     * Records an event durably and queues it for the engine (in its lane, or in the waiting room
     * behind it); false when the engine has room for it in neither. A failure to record it throws,
     * so Slack is not told it arrived and sends it again.
     */
    private boolean dispatch(Inbound inbound) {
        if (!engine.receive(inbound)) {
            return true; // recorded before: handled, or waiting in a lane already
        }
        boolean queued = executor.submit(CoachEngine.conversationKey(inbound), CoachEngine.size(inbound),
                () -> engine.handle(inbound, executor.portFor(port)));
        if (!queued) {
            engine.refuse(inbound);
            busy.increment();
            long now = System.nanoTime();
            long last = lastBusyLog.get();
            // One line a second at most: under a flood a line per event would add to the load.
            if (now - last >= 1_000_000_000L && lastBusyLog.compareAndSet(last, now)) {
                log.warn("engine busy: could not queue {} from {} ({} refused since the last such line; Slack retries"
                        + " events)", inbound.getClass().getSimpleName(), inbound.place().key(), busy.sumThenReset());
            }
        }
        return queued;
    }

    /** Serves Slack's requests: Socket Mode with an app-level token, else HTTP. */
    public void start() throws Exception {
        if (installations.isPresent()) {
            startForManyWorkspaces();
            return;
        }
        String botUser;
        try {
            botUser = port.verifyToken();
        } catch (SlackChatPort.SlackCallFailed e) {
            if (REFUSED_TOKEN.contains(e.error())) {
                throw new IllegalStateException("Slack refused the bot token (" + e.error() + "). Check SLACK_BOT_TOKEN"
                        + " (xoxb-..., from the app's OAuth & Permissions page; reinstall the app if it was revoked).");
            }
            throw unreachable(e);
        } catch (RuntimeException e) {
            throw unreachable(e);
        }
        log.info("Slack: signed in as bot user {}", botUser);
        // Only now: Bolt checks the token itself as listeners are added, and reads any failure
        // (a network error too) as "The token is invalid".
        register();
        if (settings.socketMode()) {
            socket = new SocketModeApp(settings.appToken().orElseThrow(), app, SocketModeClient.Backend.JavaWebSocket);
            socket.startAsync();
            log.info("Slack: connected in Socket Mode");
        } else {
            http = new SlackHttpServer(app, settings.host(), settings.port(), settings.path(),
                    settings.signingSecret().orElseThrow(), ops);
            try {
                http.start();
            } catch (IOException e) {
                throw new IllegalStateException("Slack's HTTP port " + settings.port() + " on " + settings.host()
                        + " cannot be opened (" + e.getMessage() + "); another program may be using it. Set slack.port"
                        + " (COACH_SLACK_PORT) to a free port, or stop the other program.");
            }
            log.info("Slack: listening on http://{}:{}{}", settings.host(), http.port(), settings.path());
        }
    }

    /** The OAuth install: no token to check; tokens sealed with a previous key are sealed again first. */
    private void startForManyWorkspaces() throws Exception {
        installations.get().resealWithCurrentKey();
        register();
        SlackSettings.OAuth oauth = settings.oauth().orElseThrow();
        http = new SlackHttpServer(app, settings.host(), settings.port(), settings.path(),
                settings.signingSecret().orElseThrow(), ops, List.of(oauth.installPath(), oauth.redirectPath()));
        try {
            http.start();
        } catch (IOException e) {
            throw new IllegalStateException("Slack's HTTP port " + settings.port() + " on " + settings.host()
                    + " cannot be opened (" + e.getMessage() + "); another program may be using it. Set slack.port"
                    + " (COACH_SLACK_PORT) to a free port, or stop the other program.");
        }
        log.info("Slack: listening on http://{}:{}{} for every installed workspace; install page at {}", settings.host(),
                http.port(), settings.path(), oauth.installPath());
    }

    /** Bolt's and Slack's answers to auth.test that mean the token itself is wrong. */
    private static final Set<String> REFUSED_TOKEN = Set.of("invalid_auth", "not_authed",
            "account_inactive", "token_revoked", "token_expired", "not_allowed_token_type", "missing_scope");

    private IllegalStateException unreachable(RuntimeException e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return new IllegalStateException("Slack could not be reached to check the bot token (" + root.getClass().getSimpleName()
                + (root.getMessage() == null ? "" : ": " + root.getMessage()) + "). Check the network"
                + settings.apiUrl().map(u -> " and slack.apiUrl (" + u + ")").orElse("") + "; the token was not checked.");
    }

    /** Why Slack cannot reach the bot right now, if it cannot: for readiness. */
    public Optional<String> problem() {
        Optional<String> token = port.accessProblem();
        if (token.isPresent()) {
            return token;
        }
        if (http != null) {
            return Optional.empty();
        }
        if (socket == null || socket.isClientStopped() || socket.getClient() == null) {
            return Optional.of("not started");
        }
        return socket.getClient().verifyConnection() ? Optional.empty()
                : Optional.of("Socket Mode connection lost; reconnecting");
    }

    /** Whether Slack reaches the bot over this process's HTTP server (else Socket Mode). */
    public boolean servesHttp() {
        return !settings.socketMode();
    }

    /** The HTTP port actually bound (tests ask for port 0). */
    public int httpPort() {
        return http == null ? -1 : http.port();
    }

    public App app() {
        return app;
    }

    public SlackChatPort port() {
        return port;
    }

    @Override
    public void close() throws Exception {
        if (socket != null) {
            socket.close();
        }
        if (http != null) {
            http.close();
        }
        app.stop();
    }
}
