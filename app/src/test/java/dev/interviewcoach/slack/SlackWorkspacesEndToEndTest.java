package dev.interviewcoach.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.interviewcoach.app.Coach;
import dev.interviewcoach.chat.ChatPorts;
import dev.interviewcoach.chat.Place;
import dev.interviewcoach.chat.Platform;
import dev.interviewcoach.chat.UserRef;
import dev.interviewcoach.engine.ConversationExecutor;
import dev.interviewcoach.engine.PlaceQueues;
import dev.interviewcoach.interview.MockInterviewFeature;
import dev.interviewcoach.interview.MockSession;
import dev.interviewcoach.observe.CoachMetrics;
import dev.interviewcoach.observe.OpsEndpoints;
import dev.interviewcoach.question.BankCatalog;
import dev.interviewcoach.question.BankReader;
import dev.interviewcoach.question.QuestionBanks;
import dev.interviewcoach.store.Database;
import dev.interviewcoach.store.SecretBox;
import dev.interviewcoach.testkit.slack.ApiCall;
import dev.interviewcoach.testkit.slack.FakeSlack;
import dev.interviewcoach.testkit.slack.SlackRequests;
import dev.interviewcoach.testkit.slack.UserProfile;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The coach installed by OAuth in several workspaces: the real Bolt app in our Jetty, the install
 * flow driven over HTTP (install page, the fake's authorize page, the redirect with code and state),
 * each workspace's calls made with its own bot token, nothing of one workspace reachable from
 * another (forged button values and thread ids included), and an uninstall that stops schedules.
 */
class SlackWorkspacesEndToEndTest {

    private static final String SECRET = "multi-signing-secret";
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String A = "T0AAA";
    private static final String B = "T0BBB";
    private static final String ADMIN = "UADMIN";

    @TempDir
    Path dir;

    private FakeSlack slack;
    private Coach coach;
    private ConversationExecutor executor;
    /** Sends the replies, as in coach run: each workspace's through its own token, off the event's lane. */
    private PlaceQueues deliveries;
    private SlackAdapter adapter;
    private URI base;
    private URI events;
    private SecretBox box;
    private byte[] key;
    private FakeSlack.Workspace teamA;
    private FakeSlack.Workspace teamB;
    private final HttpClient http = HttpClient.newHttpClient();
    private final SlackRequests fromA = new SlackRequests(SECRET).fromTeam(A);
    private final SlackRequests fromB = new SlackRequests(SECRET).fromTeam(B);

    @BeforeEach
    void start() throws Exception {
        slack = FakeSlack.start();
        slack.setUser(ADMIN, UserProfile.member().asAdmin().inZone("Europe/Berlin"));
        teamA = slack.addWorkspace(A, null, "xoxb-team-a", "UBOTA");
        teamB = slack.addWorkspace(B, null, "xoxb-team-b", "UBOTB");
        key = new byte[32];
        new SecureRandom().nextBytes(key);
        box = new SecretBox(key, Optional.empty());
        startCoach();
    }

    private void startCoach() throws Exception {
        deliveries = new PlaceQueues("coach-send", 4, 256);
        Database db = Database.sqlite(dir.resolve("coach.db"));
        db.migrate();
        coach = new Coach(db, BankCatalog.of(QuestionBanks.load(new BankReader(), Optional.empty())), Optional.empty(),
                new MockInterviewFeature.Settings("python-developer", 5, 20),
                new Coach.DailySettings("python-developer", Duration.ofHours(2)), Clock.systemUTC(), new Random(5),
                CoachMetrics.none(), Optional.empty(), Optional.empty(), Duration.ofDays(30), deliveries::submit);
        executor = new ConversationExecutor(4, 64);
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        base = URI.create("http://127.0.0.1:" + port);
        SlackSettings settings = new SlackSettings(null, Optional.of(SECRET), Optional.empty(),
                Optional.of(slack.methodsUrl()), "127.0.0.1", port, "/slack/events", Set.of(),
                Optional.of(new SlackSettings.OAuth("111.222", "client-secret", SlackManifest.botScopes(),
                        Optional.of(base + "/slack/oauth_redirect"))));
        adapter = new SlackAdapter(settings, coach.engine(), executor, Clock.systemUTC(), millis -> { },
                OpsEndpoints.healthOnly(), Optional.of(new SlackAdapter.Workspaces(db.jdbi(), box, coach.tenants())));
        adapter.start();
        events = base.resolve("/slack/events");
    }

    @AfterEach
    void stop() throws Exception {
        adapter.close();
        executor.close();
        deliveries.close();
        coach.close();
        slack.close();
    }

    private HttpResponse<String> get(URI uri, String cookie) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(WAIT).GET();
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private void send(HttpRequest request) throws Exception {
        assertThat(http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
    }

    /** What the install page hands a browser: the link to Slack's authorize page and the state cookie. */
    private record InstallPage(URI authorize, Map<String, String> query, String cookie) {}

    private InstallPage openInstallPage() throws Exception {
        HttpResponse<String> page = get(base.resolve("/slack/install"), null);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Add to Slack");
        Matcher href = Pattern.compile("href=\"(https://slack\\.com/oauth/v2/authorize[^\"]+)\"").matcher(page.body());
        assertThat(href.find()).as("a link to Slack's authorize page in %s", page.body()).isTrue();
        URI authorize = URI.create(href.group(1).replace("&amp;", "&"));
        Map<String, String> query = new HashMap<>();
        for (String pair : authorize.getRawQuery().split("&")) {
            String[] kv = pair.split("=", 2);
            query.put(kv[0], kv.length < 2 ? "" : URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
        }
        String cookie = page.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
        return new InstallPage(authorize, query, cookie);
    }

    /** Follows the link to the fake's authorize page, which approves at once and redirects with a code. */
    private URI authorize(InstallPage page, FakeSlack.Workspace workspace) throws Exception {
        slack.installNextIn(workspace);
        HttpResponse<String> approved = get(URI.create(slack.authorizeUrl() + "?" + page.authorize().getRawQuery()), null);
        assertThat(approved.statusCode()).isEqualTo(302);
        return URI.create(approved.headers().firstValue("Location").orElseThrow());
    }

    private void install(FakeSlack.Workspace workspace) throws Exception {
        InstallPage page = openInstallPage();
        URI redirect = authorize(page, workspace);
        HttpResponse<String> done = get(redirect, page.cookie());
        assertThat(done.statusCode()).as(done.body()).isEqualTo(200);
    }

    private ApiCall command(SlackRequests from, String team, String channel, String user, String text) throws Exception {
        int before = slack.calls().size();
        send(from.slashCommand(events, team, channel, user, text));
        return slack.awaitCall("chat.postEphemeral", c -> user.equals(c.arg("user"))
                && slack.calls().indexOf(c) >= before, WAIT);
    }

    private static String actionId(ApiCall message, String prefix) {
        for (JsonNode block : message.args().path("blocks")) {
            for (JsonNode element : block.path("elements")) {
                if (element.path("action_id").asText().startsWith(prefix)) {
                    return element.path("action_id").asText();
                }
            }
        }
        throw new AssertionError("no button " + prefix + " in " + message);
    }

    private int count(String sql) {
        return coach.database().jdbi().withHandle(h -> h.createQuery(sql).mapTo(Integer.class).one());
    }

    @Test
    void theInstallPageAsksForTheManifestScopesWithAStateThatWorksOnceAndTheTokenIsStoredEncrypted() throws Exception {
        InstallPage page = openInstallPage();
        assertThat(page.query().get("scope")).isEqualTo(String.join(",", SlackManifest.botScopes()));
        assertThat(SlackManifest.botScopes()).contains("chat:write", "commands", "im:write");
        assertThat(page.query().get("client_id")).isEqualTo("111.222");
        assertThat(page.query().get("state")).isNotBlank();
        assertThat(page.cookie()).endsWith("=" + page.query().get("state"));
        assertThat(page.query().get("redirect_uri")).isEqualTo(base + "/slack/oauth_redirect");

        URI redirect = authorize(page, teamA);
        HttpResponse<String> done = get(redirect, page.cookie());
        assertThat(done.statusCode()).isEqualTo(200);
        assertThat(slack.calls("oauth.v2.access")).hasSize(1);
        assertThat(slack.calls("oauth.v2.access").getFirst().arg("code")).startsWith("code-" + A);

        // The same state again (a replayed redirect): refused with a page that says what to do.
        HttpResponse<String> again = get(redirect, page.cookie());
        assertThat(again.statusCode()).isEqualTo(400);
        assertThat(again.body()).contains("expired or was already used").contains("/slack/install");
        assertThat(slack.calls("oauth.v2.access")).as("a refused state never reaches Slack").hasSize(1);

        // A state nobody issued, and one whose cookie does not match, are refused the same way.
        HttpResponse<String> forged = get(URI.create(base + "/slack/oauth_redirect?code=x&state=made-up"),
                "slack-app-oauth-state=made-up");
        assertThat(forged.statusCode()).isEqualTo(400);
        InstallPage other = openInstallPage();
        HttpResponse<String> wrongCookie = get(authorize(other, teamB), page.cookie());
        assertThat(wrongCookie.statusCode()).isEqualTo(400);

        // Stored sealed: neither the token nor a piece of it is in the database file.
        String stored = coach.database().jdbi().withHandle(h -> h.createQuery(
                "SELECT bot_token FROM chat_installation WHERE team_id = :t").bind("t", A).mapTo(String.class).one());
        assertThat(stored).startsWith("v1:").doesNotContain("xoxb");
        assertThat(box.open(stored).secret()).isEqualTo("xoxb-team-a");
        assertThat(Files.readString(dir.resolve("coach.db"), StandardCharsets.ISO_8859_1)).doesNotContain("xoxb-team-a");
        if (Files.exists(dir.resolve("coach.db-wal"))) {
            assertThat(Files.readString(dir.resolve("coach.db-wal"), StandardCharsets.ISO_8859_1)).doesNotContain("xoxb-team-a");
        }
    }

    @Test
    void withTokenRotationOnAnExpiringTokenIsRefreshedOnceUsedForTheWorkspaceAndStoredSealed() throws Exception {
        // An app with token rotation: access tokens live 12 hours, as Slack's do; eleven hours later the
        // token is within the coach's two-hour margin.
        slack.rotateTokens(teamA, Duration.ofHours(12));
        install(teamA);
        coach.database().jdbi().useHandle(h -> h.createUpdate("UPDATE chat_installation SET bot_expires_at = :soon")
                .bind("soon", Instant.now().plus(Duration.ofHours(1)).toEpochMilli()).execute());
        String sealedRefresh = coach.database().jdbi().withHandle(h -> h.createQuery(
                "SELECT bot_refresh_token FROM chat_installation WHERE team_id = :t").bind("t", A).mapTo(String.class).one());
        assertThat(sealedRefresh).as("the refresh token is stored sealed").startsWith("v1:").doesNotContain("xoxe");

        ApiCall answer = command(fromA, A, "C1", "UANA", "tracks");
        ApiCall refresh = slack.calls("oauth.v2.access").stream()
                .filter(c -> "refresh_token".equals(c.arg("grant_type"))).findFirst()
                .orElseThrow(() -> new AssertionError("no refresh before the first call: " + slack.calls()));
        assertThat(refresh.arg("refresh_token")).isEqualTo(box.open(sealedRefresh).secret());
        assertThat(answer.token()).as("the reply goes out with the refreshed token").startsWith("xoxe.xoxb-" + A + "-");

        // The new pair replaced the old one, sealed: the next start (or another instance) uses it.
        record Stored(String token, String refresh, long expires) {}
        Stored stored = coach.database().jdbi().withHandle(h -> h.createQuery(
                        "SELECT bot_token, bot_refresh_token, bot_expires_at FROM chat_installation WHERE team_id = :t")
                .bind("t", A).map((rs, ctx) -> new Stored(rs.getString(1), rs.getString(2), rs.getLong(3))).one());
        assertThat(box.open(stored.token()).secret()).isEqualTo(answer.token());
        assertThat(box.open(stored.refresh()).secret()).isNotEqualTo(refresh.arg("refresh_token")).startsWith("xoxe-1-");
        assertThat(stored.expires()).isGreaterThan(Instant.now().plus(Duration.ofHours(11)).toEpochMilli());
        assertThat(Files.readString(dir.resolve("coach.db"), StandardCharsets.ISO_8859_1)).doesNotContain("xoxe");

        // The fresh token is good for hours: the next request and reply reuse it, with no second refresh.
        ApiCall second = command(fromA, A, "C1", "UANA", "help");
        assertThat(second.token()).isEqualTo(answer.token());
        assertThat(slack.calls("oauth.v2.access")).filteredOn(c -> "refresh_token".equals(c.arg("grant_type"))).hasSize(1);
    }

    @Test
    void aTokenSlackSaysExpiredIsRotatedAtTheNextTryRatherThanAMinuteLater() throws Exception {
        slack.rotateTokens(teamA, Duration.ofHours(12));
        install(teamA);
        ApiCall first = command(fromA, A, "C1", "UANA", "tracks");
        // Slack expires it early (as when a rotation failed once): the coach's cached client still holds it.
        coach.database().jdbi().useHandle(h -> h.createUpdate("UPDATE chat_installation SET bot_expires_at = :soon")
                .bind("soon", Instant.now().plus(Duration.ofHours(1)).toEpochMilli()).execute());
        slack.failNext("chat.postEphemeral", "token_expired");
        int before = slack.calls().size();
        send(fromA.slashCommand(events, A, "C1", "UANA", "help"));
        // The refused reply is tried again a second later, as coach run's delivery worker would.
        ApiCall second = await().atMost(WAIT).pollInterval(Duration.ofMillis(250)).until(() -> {
            coach.engine().deliverDue(ChatPorts.only(adapter.port()));
            return slack.calls("chat.postEphemeral").stream().filter(c -> "UANA".equals(c.arg("user"))
                    && slack.calls().indexOf(c) >= before && !first.token().equals(c.token())).findFirst().orElse(null);
        }, java.util.Objects::nonNull);
        assertThat(second.token()).as("the reply went out with a refreshed token, not the cached one")
                .startsWith("xoxe.xoxb-" + A + "-");
    }

    @Test
    void anExpiredStateIsRefused() throws Exception {
        InstallPage page = openInstallPage();
        coach.database().jdbi().useHandle(h -> h.createUpdate("UPDATE oauth_state SET expires_at = :past")
                .bind("past", Instant.now().minusSeconds(1).toEpochMilli()).execute());
        HttpResponse<String> late = get(authorize(page, teamA), page.cookie());
        assertThat(late.statusCode()).isEqualTo(400);
        assertThat(late.body()).contains("expired or was already used");
        assertThat(slack.calls("oauth.v2.access")).isEmpty();
    }

    @Test
    void eachWorkspaceIsServedWithItsOwnTokenAndNothingOfOneReachesTheOther() throws Exception {
        install(teamA);
        install(teamB);

        // Ana in workspace A starts an interview in A's channel C1; every call for it carries A's token.
        int before = slack.calls().size();
        send(fromA.slashCommand(events, A, "C1", "UANA", "mock python 2"));
        ApiCall question = slack.awaitCall("chat.postMessage", c -> "C1".equals(c.arg("channel"))
                && c.arg("text") != null && c.arg("text").contains("Question 1 of 2"), WAIT);
        assertThat(question.token()).isEqualTo("xoxb-team-a");
        String thread = question.arg("thread_ts");
        MockSession ana = coach.sessions().activeFor(new UserRef(Platform.SLACK, A, "UANA")).orElseThrow();

        // From workspace B: a forged hint button carrying Ana's session id, in B's own channel C1.
        String hint = actionId(question, "coach:mock:hint:");
        assertThat(hint).contains(ana.id());
        send(fromB.blockAction(events, "UANA", "C1", SlackRequests.newTs(), thread, hint, "hint"));
        ApiCall refused = slack.awaitCall("chat.postEphemeral", c -> slack.calls().indexOf(c) >= before
                && c.arg("text") != null && c.arg("text").contains("can't find that interview"), WAIT);
        assertThat(refused.token()).as("B is answered with B's token").isEqualTo("xoxb-team-b");
        // ... and an answer typed in B under a thread with the same id as Ana's.
        send(fromB.event(events, "Ev-forged-thread", SlackRequests.messageEvent("C1", "UANA",
                "I would profile first and add an index", SlackRequests.newTs(), thread, "channel")));
        await().during(Duration.ofMillis(700)).atMost(WAIT).until(() ->
                coach.sessions().find(ana.id()).orElseThrow().position() == 0
                        && coach.sessions().find(ana.id()).orElseThrow().hintsShown() == 0);
        assertThat(slack.calls()).as("nothing from B's requests was posted into A")
                .filteredOn(c -> slack.calls().indexOf(c) > slack.calls().indexOf(question))
                .allSatisfy(c -> assertThat(c.token()).isNotEqualTo("xoxb-team-a"));

        // Ana answers in A, in her own thread: that is hers, and A's.
        send(fromA.event(events, "Ev-ana-answers", SlackRequests.messageEvent("C1", "UANA",
                "I would measure with a profiler first, then fix the slowest query and add an index.",
                SlackRequests.newTs(), thread, "channel")));
        ApiCall feedback = slack.awaitCall("chat.postMessage", c -> thread.equals(c.arg("thread_ts"))
                && c.arg("text") != null && c.arg("text").startsWith("Score "), WAIT);
        assertThat(feedback.token()).isEqualTo("xoxb-team-a");

        // A question of the day in A; B forges its buttons and replies under its thread id.
        command(fromA, A, "C2", ADMIN, "daily subscribe python-developer");
        command(fromA, A, "C2", ADMIN, "daily now");
        ApiCall daily = slack.awaitCall("chat.postMessage", c -> "C2".equals(c.arg("channel")) && c.arg("text") != null
                && c.arg("text").startsWith("Question of the day"), WAIT);
        assertThat(daily.token()).isEqualTo("xoxb-team-a");
        String dailyHint = actionId(daily, "coach:daily:hint:");
        int mark = slack.calls().size();
        send(fromB.blockAction(events, "UBEN", "C2", SlackRequests.newTs(), null, dailyHint, "hint"));
        ApiCall gone = slack.awaitCall("chat.postEphemeral", c -> slack.calls().indexOf(c) >= mark
                && "UBEN".equals(c.arg("user")), WAIT);
        assertThat(gone.arg("text")).contains("no longer available");
        assertThat(gone.token()).isEqualTo("xoxb-team-b");
        String dailyTs = slack.answeredTs(daily);
        send(fromB.event(events, "Ev-forged-daily", SlackRequests.messageEvent("C2", "UBEN",
                "Threads share memory while processes do not", SlackRequests.newTs(), dailyTs, "channel")));
        await().during(Duration.ofMillis(700)).atMost(WAIT).until(() -> count("SELECT COUNT(*) FROM daily_answer") == 0);

        // B's own view of the same person id and channel: no subscription, no interview, no stats.
        assertThat(coach.subscriptions().find(Place.channel(Platform.SLACK, B, "C2"))).isEmpty();
        assertThat(coach.sessions().activeFor(new UserRef(Platform.SLACK, B, "UANA"))).isEmpty();
        ApiCall leaderboardInB = command(fromB, B, "C2", ADMIN, "daily leaderboard");
        assertThat(leaderboardInB.token()).isEqualTo("xoxb-team-b");
        assertThat(leaderboardInB.arg("text")).doesNotContain("UANA");
        ApiCall statsInB = command(fromB, B, "C1", "UANA", "stats");
        assertThat(statsInB.token()).isEqualTo("xoxb-team-b");
        ApiCall statsInA = command(fromA, A, "C1", "UANA", "stats");
        assertThat(statsInA.token()).isEqualTo("xoxb-team-a");
        assertThat(statsInA.arg("text")).contains("1 answered");
        assertThat(statsInB.arg("text")).contains("0 answered");
        int uploads = slack.uploads().size();
        send(fromB.slashCommand(events, B, "C1", "UANA", "export"));
        var exportInB = slack.awaitUpload(u -> slack.uploads().indexOf(u) >= uploads && !u.name().endsWith(".png"), WAIT);
        assertThat(exportInB.text()).doesNotContain("profiler").doesNotContain(ana.id());
        assertThat(slack.calls("files.getUploadURLExternal")).filteredOn(c -> exportInB.name().equals(c.arg("filename")))
                .isNotEmpty().allSatisfy(c -> assertThat(c.token()).isEqualTo("xoxb-team-b"));
        send(fromA.slashCommand(events, A, "C1", "UANA", "export"));
        var exportInA = slack.awaitUpload(u -> slack.uploads().indexOf(u) >= uploads && !u.name().endsWith(".png") && u != exportInB, WAIT);
        assertThat(exportInA.text()).contains("profiler");
        ApiCall unsubscribe = command(fromB, B, "C2", ADMIN, "daily unsubscribe");
        assertThat(unsubscribe.token()).isEqualTo("xoxb-team-b");
        assertThat(coach.subscriptions().find(Place.channel(Platform.SLACK, A, "C2"))).as("A's subscription stays")
                .isPresent();
    }

    @Test
    void anUninstalledWorkspaceStopsAtOnceAndItsDataGoesAfterTheGracePeriodUnlessItComesBack() throws Exception {
        install(teamA);
        install(teamB);
        command(fromA, A, "C2", ADMIN, "daily subscribe python-developer");
        command(fromB, B, "C2", ADMIN, "daily subscribe python-developer");
        send(fromA.slashCommand(events, A, "C1", "UANA", "mock python 2"));
        slack.awaitCall("chat.postMessage", c -> c.arg("text") != null && c.arg("text").contains("Question 1 of 2"), WAIT);

        ObjectNode uninstalled = JSON.createObjectNode().put("type", "app_uninstalled")
                .put("event_ts", SlackRequests.newTs());
        send(fromA.event(events, "Ev-uninstall-a", uninstalled));
        assertThat(count("SELECT COUNT(*) FROM chat_installation WHERE team_id = 'T0AAA'")).isZero();
        assertThat(coach.tenants().isRemoved(Platform.SLACK, A)).isTrue();
        assertThat(coach.subscriptions().all()).as("the scheduler sees only B's subscription")
                .extracting(s -> s.channel().tenant()).containsExactly(B);

        // Its posts do not go out: the scheduled daily job posts in B only.
        slack.reset();
        Instant now = Instant.now();
        for (int hour = 0; hour <= 96; hour++) {
            Instant at = now.plus(Duration.ofHours(hour));
            coach.engine().jobs().stream().filter(j -> j.name().equals("daily-posts"))
                    .forEach(j -> j.work().run(at, ChatPorts.only(adapter.port())));
        }
        assertThat(slack.calls("chat.postMessage")).isNotEmpty()
                .allSatisfy(c -> assertThat(c.token()).isEqualTo("xoxb-team-b"));

        // Within the grace period nothing is deleted; after it, A's data goes and B's stays.
        assertThat(coach.tenants().purgeDue(now.plus(Duration.ofDays(29)))).isZero();
        assertThat(count("SELECT COUNT(*) FROM mock_session WHERE tenant = 'T0AAA'")).isEqualTo(1);
        assertThat(coach.tenants().purgeDue(now.plus(Duration.ofDays(31)))).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM mock_session WHERE tenant = 'T0AAA'")).isZero();
        assertThat(count("SELECT COUNT(*) FROM daily_subscription WHERE tenant = 'T0AAA'")).isZero();
        assertThat(count("SELECT COUNT(*) FROM daily_subscription WHERE tenant = 'T0BBB'")).isEqualTo(1);

        // B revokes its bot token, then installs again before the grace period ends: everything is kept.
        ObjectNode revoked = JSON.createObjectNode().put("type", "tokens_revoked").put("event_ts", SlackRequests.newTs());
        revoked.putObject("tokens").putArray("bot").add("UBOTB");
        send(fromB.event(events, "Ev-revoke-b", revoked));
        assertThat(coach.tenants().isRemoved(Platform.SLACK, B)).isTrue();
        install(teamB);
        assertThat(coach.tenants().isRemoved(Platform.SLACK, B)).isFalse();
        assertThat(coach.tenants().purgeDue(now.plus(Duration.ofDays(365)))).isZero();
        assertThat(count("SELECT COUNT(*) FROM daily_subscription WHERE tenant = 'T0BBB'")).isEqualTo(1);
    }

    @Test
    void aWorkspaceInEnterpriseGridIsKeyedByOrgAndTeam() throws Exception {
        FakeSlack.Workspace grid = slack.addWorkspace("T0GGG", "E0ORG", "xoxb-grid", "UBOTG");
        install(grid);
        assertThat(count("SELECT COUNT(*) FROM chat_installation WHERE enterprise_id = 'E0ORG' AND team_id = 'T0GGG'"))
                .isEqualTo(1);
        ApiCall help = command(new SlackRequests(SECRET).fromTeam("T0GGG", "E0ORG"), "T0GGG", "C1", "UGIL", "help");
        assertThat(help.token()).isEqualTo("xoxb-grid");
    }

    @Test
    void tokensSealedWithThePreviousKeyAreReadAndSealedAgainWithTheNewOneOnStart() throws Exception {
        install(teamA);
        adapter.close();
        executor.close();
        deliveries.close();
        coach.close();
        byte[] newKey = new byte[32];
        new SecureRandom().nextBytes(newKey);
        String before;
        try (Database db = Database.sqlite(dir.resolve("coach.db"))) {
            before = db.jdbi().withHandle(h -> h.createQuery("SELECT bot_token FROM chat_installation")
                    .mapTo(String.class).one());
        }
        box = new SecretBox(newKey, Optional.of(key));
        startCoach();
        String after = coach.database().jdbi().withHandle(h -> h.createQuery("SELECT bot_token FROM chat_installation")
                .mapTo(String.class).one());
        assertThat(after).isNotEqualTo(before);
        assertThat(new SecretBox(newKey, Optional.empty()).open(after).secret()).isEqualTo("xoxb-team-a");
        ApiCall help = command(fromA, A, "C1", "UANA", "help");
        assertThat(help.token()).isEqualTo("xoxb-team-a");
    }
}
