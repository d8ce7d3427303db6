package dev.interviewcoach.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.interviewcoach.chat.ActionId;
import dev.interviewcoach.chat.Block;
import dev.interviewcoach.chat.ChatPort;
import dev.interviewcoach.chat.Inbound;
import dev.interviewcoach.chat.Place;
import dev.interviewcoach.chat.Platform;
import dev.interviewcoach.chat.Reply;
import dev.interviewcoach.command.CommandInput;
import dev.interviewcoach.command.CommandSpec;
import dev.interviewcoach.engine.ActionHandler;
import dev.interviewcoach.engine.Feature;
import dev.interviewcoach.engine.CoachEngine;
import dev.interviewcoach.engine.CommandHandler;
import dev.interviewcoach.engine.ConversationExecutor;
import dev.interviewcoach.engine.MessageHandler;
import dev.interviewcoach.store.Database;
import dev.interviewcoach.store.Inbox;
import dev.interviewcoach.testkit.slack.ApiCall;
import dev.interviewcoach.testkit.slack.FakeSlack;
import dev.interviewcoach.testkit.slack.OpenedView;
import dev.interviewcoach.testkit.slack.SlackRequests;
import dev.interviewcoach.testkit.slack.UploadedFile;
import dev.interviewcoach.testkit.slack.UserProfile;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Slack side of the chat port's newer hooks (who may manage a channel, a person's time zone,
 * reactions, files, private forms), driven through the real adapter over HTTP against the fake
 * Slack. The features that will use these hooks are written elsewhere, so small test-only handlers
 * stand in for them: each does one thing with the port and says what it saw.
 */
class SlackPlatformHooksTest {

    private static final String SECRET = "hooks-signing-secret";
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String TEAM = FakeSlack.TEAM_ID;
    private static final String ANA = "UANA";
    private static final String BEN = "UBEN";
    /** On the configured admin list, with no workspace role. */
    private static final String CARA = "UCARA";
    private static final String FEATURE = "hooks";
    private static final ActionId ANSWER = new ActionId(FEATURE, "answer", "post-1", 0);
    private static final ActionId TYPE_INSTEAD = new ActionId(FEATURE, "type", "post-1", 0);
    private static final ActionId HINT = new ActionId(FEATURE, "hint", "post-1", 0);
    private static final String ANSWER_LABEL = "Answer privately, just for you";

    @TempDir
    Path dir;

    private FakeSlack slack;
    private Database db;
    private ConversationExecutor executor;
    private SlackAdapter adapter;
    private URI url;
    private final HttpClient http = HttpClient.newHttpClient();
    private final SlackRequests requests = new SlackRequests(SECRET);
    private final BlockingQueue<Inbound.Submission> submissions = new LinkedBlockingQueue<>();
    private final BlockingQueue<Inbound.Action> actions = new LinkedBlockingQueue<>();

    @BeforeEach
    void start() throws Exception {
        slack = FakeSlack.start();
        db = Database.sqlite(dir.resolve("coach.db"));
        db.migrate();
        List<Feature> features = new java.util.ArrayList<>(commands());
        features.add(new Acknowledger());
        features.add(new FormFeature());
        CoachEngine engine = new CoachEngine(features, new Inbox(db.jdbi(), Clock.systemUTC()),
                dev.interviewcoach.observe.CoachMetrics.none(), CoachEngine.ConversationGuard.inProcess());
        executor = new ConversationExecutor(4, 64);
        adapter = new SlackAdapter(new SlackSettings("xoxb-hooks", Optional.of(SECRET), Optional.empty(),
                Optional.of(slack.methodsUrl()), "127.0.0.1", 0, "/slack/events", Set.of(CARA)), engine, executor,
                Clock.systemUTC(), millis -> { });
        adapter.start();
        url = URI.create("http://127.0.0.1:" + adapter.httpPort() + "/slack/events");
    }

    @AfterEach
    void stop() throws Exception {
        adapter.close();
        executor.close();
        db.close();
        slack.close();
    }

    // ---------------------------------------------------------------- test-only features

    private static List<CommandHandler> commands() {
        return List.of(
                command("role", (c, port) -> port.post(c.place(),
                        Reply.text(port.mayManage(c.user(), c.place()) ? "admin" : "member").onlyTo(c.user()))),
                command("zone", (c, port) -> port.post(c.place(), Reply.text("zone " + port.zoneOf(c.user())
                        .map(Object::toString).orElse("unknown")).onlyTo(c.user()))),
                command("export", (c, port) -> port.postFile(c.place(), Reply.text("Your practice history").onlyTo(c.user()),
                        "coach-export.json", "{\"answers\":[\"caching & <tags>\"]}".getBytes(StandardCharsets.UTF_8))),
                command("daily", (c, port) -> {
                    Place thread = port.openThread(c.place(), Reply.text("Question of the day: what is a cache?"));
                    port.post(thread, Reply.builder("Answer in the thread, or privately")
                            .text("Answer in the thread, or privately.")
                            .block(new Block.Buttons(List.of(
                                    new Block.Button(ANSWER_LABEL, ANSWER, Block.Style.PRIMARY, "answer", Block.Form.PRIVATE),
                                    new Block.Button("Type it here", TYPE_INSTEAD, Block.Style.DEFAULT, "",
                                            Block.Form.INSTEAD_OF_TYPING),
                                    new Block.Button("Hint", HINT, Block.Style.DEFAULT, "hint"))))
                            .build());
                }));
    }

    private static CommandHandler command(String name, BiConsumer<Inbound.Command, ChatPort> body) {
        return new CommandHandler() {
            @Override
            public List<CommandSpec> commands() {
                return List.of(CommandSpec.of(name, "test: " + name));
            }

            @Override
            public void handle(Inbound.Command command, CommandInput input, ChatPort port) {
                body.accept(command, port);
            }
        };
    }

    /** Takes every DM, marks it received, and says so. */
    private static final class Acknowledger implements MessageHandler {
        @Override
        public boolean onMessage(Inbound.Message message, ChatPort port) {
            message.ref().ifPresent(port::markReceived);
            port.post(message.place(), Reply.text("noted").onlyTo(message.user()));
            return true;
        }
    }

    /** The owner of the buttons: records what arrives and answers privately. */
    private final class FormFeature implements ActionHandler {
        @Override
        public String feature() {
            return FEATURE;
        }

        @Override
        public void onAction(Inbound.Action action, ChatPort port) {
            actions.add(action);
        }

        @Override
        public void onSubmission(Inbound.Submission submission, ChatPort port) {
            submissions.add(submission);
            port.post(submission.place(), Reply.text("Got your answer; only you can see this.").onlyTo(submission.user()));
        }
    }

    // ---------------------------------------------------------------- helpers

    private HttpResponse<String> send(HttpRequest request) throws Exception {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("Slack's request is acknowledged").isEqualTo(200);
        return response;
    }

    /** Runs {@code /coach text} in a channel as a user and returns the private answer they see. */
    private String ask(String user, String channel, String text) throws Exception {
        int before = slack.calls("chat.postEphemeral").size();
        send(requests.slashCommand(url, TEAM, channel, user, text));
        ApiCall answer = slack.awaitCall("chat.postEphemeral", c -> user.equals(c.arg("user"))
                && slack.calls("chat.postEphemeral").indexOf(c) >= before, WAIT);
        return answer.arg("text");
    }

    // ---------------------------------------------------------------- who may manage

    @Test
    void workspaceAdminsOwnersAndConfiguredAdminsMayManageAChannelOthersMayNot() throws Exception {
        slack.setUser("UADMIN", UserProfile.member().asAdmin());
        slack.setUser("UOWNER", UserProfile.member().asOwner());
        slack.setUser("UPRIME", UserProfile.member().asPrimaryOwner());

        assertThat(ask("UADMIN", "C1", "role")).isEqualTo("admin");
        assertThat(ask("UOWNER", "C1", "role")).isEqualTo("admin");
        assertThat(ask("UPRIME", "C1", "role")).isEqualTo("admin");
        assertThat(ask(CARA, "C1", "role")).isEqualTo("admin");
        assertThat(ask(BEN, "C1", "role")).isEqualTo("member");
        assertThat(slack.calls("users.info")).as("the configured list needs no look-up")
                .noneMatch(c -> CARA.equals(c.arg("user")));
    }

    @Test
    void aBurstOfCommandsAsksSlackAboutAPersonOnce() throws Exception {
        slack.setUser("UADMIN", UserProfile.member().asAdmin().inZone("Asia/Kolkata"));
        assertThat(ask("UADMIN", "C1", "role")).isEqualTo("admin");
        assertThat(ask("UADMIN", "C1", "role")).isEqualTo("admin");
        assertThat(ask("UADMIN", "C1", "zone")).isEqualTo("zone Asia/Kolkata");
        assertThat(slack.calls("users.info")).hasSize(1);
    }

    @Test
    void whenSlackCannotSayThePersonIsNotAnAdminAndItAsksAgainLater() throws Exception {
        slack.setUser("UADMIN", UserProfile.member().asAdmin());
        slack.failNext("users.info", "fatal_error");
        assertThat(ask("UADMIN", "C1", "role")).isEqualTo("member");
        assertThat(ask("UADMIN", "C1", "role")).as("a failure is not remembered").isEqualTo("admin");
    }

    // ---------------------------------------------------------------- time zones

    @Test
    void aPersonsTimeZoneComesFromTheirProfile() throws Exception {
        slack.setUser(ANA, UserProfile.member().inZone("America/New_York"));
        slack.setUser("UMARS", UserProfile.member().inZone("Mars/Olympus_Mons"));
        assertThat(ask(ANA, "C1", "zone")).isEqualTo("zone America/New_York");
        assertThat(ask(BEN, "C1", "zone")).as("no tz on the profile").isEqualTo("zone unknown");
        assertThat(ask("UMARS", "C1", "zone")).as("not a real zone").isEqualTo("zone unknown");
    }

    // ---------------------------------------------------------------- reactions

    @Test
    void aReceivedMessageGetsACheckMarkOnThatMessage() throws Exception {
        String ts = SlackRequests.newTs();
        send(requests.event(url, "Ev-dm-react", SlackRequests.messageEvent("DANA", ANA, "my answer", ts, null, "im")));
        ApiCall reaction = slack.awaitCall("reactions.add", WAIT);
        assertThat(reaction.arg("channel")).isEqualTo("DANA");
        assertThat(reaction.arg("timestamp")).isEqualTo(ts);
        assertThat(reaction.arg("name")).isEqualTo("white_check_mark");
        slack.awaitCall("chat.postMessage", c -> "DANA".equals(c.arg("channel")) && "noted".equals(c.arg("text")), WAIT);
    }

    @Test
    void aReactionSlackRefusesIsNeverAnErrorToThePerson() throws Exception {
        slack.failNext("reactions.add", "missing_scope");
        slack.failNext("reactions.add", "already_reacted");
        send(requests.event(url, "Ev-r1", SlackRequests.messageEvent("DANA", ANA, "one", SlackRequests.newTs(), null, "im")));
        send(requests.event(url, "Ev-r2", SlackRequests.messageEvent("DANA", ANA, "two", SlackRequests.newTs(), null, "im")));
        awaitReplies("DANA", 2);
        assertThat(slack.calls("chat.postMessage")).extracting(c -> c.arg("text")).containsExactly("noted", "noted");
    }

    private void awaitReplies(String channel, int count) {
        slack.awaitCall("chat.postMessage", c -> slack.calls("chat.postMessage").stream()
                .filter(p -> channel.equals(p.arg("channel"))).count() >= count, WAIT);
    }

    // ---------------------------------------------------------------- files

    @Test
    void aFileArrivesInTheDirectMessageWithItsNameBytesAndMessage() throws Exception {
        send(requests.slashCommand(url, TEAM, "DANA", ANA, "export"));
        UploadedFile file = slack.awaitUpload(f -> true, WAIT);
        assertThat(file.channel()).isEqualTo("DANA");
        assertThat(file.name()).isEqualTo("coach-export.json");
        assertThat(file.text()).isEqualTo("{\"answers\":[\"caching & <tags>\"]}");
        assertThat(file.initialComment()).isEqualTo("Your practice history");
        assertThat(slack.calls("chat.postMessage")).as("no text copy when the upload worked").isEmpty();
    }

    @Test
    void aPrivateFileAskedForInAChannelGoesToThePersonsDirectMessage() throws Exception {
        send(requests.slashCommand(url, TEAM, "C1", ANA, "export"));
        UploadedFile file = slack.awaitUpload(f -> true, WAIT);
        assertThat(file.channel()).isEqualTo("D" + ANA);
        assertThat(slack.uploads()).noneMatch(f -> "C1".equals(f.channel()));
    }

    @Test
    void whenSlackRefusesTheUploadTheContentComesAsText() throws Exception {
        slack.failNext("files.completeUploadExternal", "invalid_channel");
        send(requests.slashCommand(url, TEAM, "DANA", ANA, "export"));
        ApiCall copy = slack.awaitCall("chat.postMessage", c -> c.arg("blocks") != null
                && c.arg("blocks").contains("caching &amp; &lt;tags&gt;"), WAIT);
        assertThat(copy.arg("channel")).isEqualTo("DANA");
        slack.awaitCall("chat.postMessage", c -> "Your practice history".equals(c.arg("text")), WAIT);
        assertThat(slack.uploads()).isEmpty();
    }

    // ---------------------------------------------------------------- private forms

    /** Runs the "daily" command in C1 and returns the message with the buttons, posted in its thread. */
    private ApiCall postDaily() throws Exception {
        send(requests.slashCommand(url, TEAM, "C1", ANA, "daily"));
        return slack.awaitCall("chat.postMessage", c -> c.arg("thread_ts") != null
                && c.arg("blocks") != null && c.arg("blocks").contains("actions"), WAIT);
    }

    @Test
    void aPrivateFormButtonIsShownAndATypeInsteadButtonIsNot() throws Exception {
        ApiCall buttons = postDaily();
        String blocks = buttons.arg("blocks");
        assertThat(blocks).contains(ANSWER_LABEL).contains("\"form:" + ANSWER.encode() + "\"")
                .contains("\"" + HINT.encode() + "\"");
        assertThat(blocks).doesNotContain("Type it here").doesNotContain(TYPE_INSTEAD.encode());
    }

    @Test
    void aPrivateFormOpensAModalAndWhatIsTypedThereComesBackPrivatelyInTheThread() throws Exception {
        ApiCall buttons = postDaily();
        String thread = buttons.arg("thread_ts");
        long before = System.nanoTime();
        send(requests.clickButton(url, BEN, buttons, "form:" + ANSWER.encode()));
        assertThat((System.nanoTime() - before) / 1_000_000).as("acknowledged inside Slack's 3 seconds")
                .isLessThan(3000);

        OpenedView modal = slack.awaitOpenedView(v -> true, WAIT);
        assertThat(modal.triggerId()).isNotBlank();
        assertThat(modal.title()).hasSizeLessThanOrEqualTo(24).startsWith("Answer privately");
        JsonNode view = modal.view();
        assertThat(view.path("type").asText()).isEqualTo("modal");
        assertThat(view.path("submit").path("text").asText()).isEqualTo("Send");
        assertThat(view.path("close").path("text").asText()).isEqualTo("Cancel");
        assertThat(view.path("blocks")).hasSize(1);
        JsonNode input = view.path("blocks").get(0);
        assertThat(input.path("type").asText()).isEqualTo("input");
        assertThat(input.path("label").path("text").asText()).isEqualTo(ANSWER_LABEL);
        assertThat(input.path("element").path("type").asText()).isEqualTo("plain_text_input");
        assertThat(input.path("element").path("multiline").asBoolean()).isTrue();
        assertThat(input.path("element").path("action_id").asText()).isEqualTo(Block.Button.FORM_FIELD);
        assertThat(actions).as("opening the form is not an action for the engine").isEmpty();

        String typed = "A cache keeps hot data close; invalidation is the hard part. <@UEVERYONE>";
        HttpResponse<String> sent = send(requests.submitView(url, BEN, modal, Map.of(Block.Button.FORM_FIELD, typed)));
        assertThat(sent.body()).as("a plain ack closes the modal").isEmpty();

        Inbound.Submission submission = submissions.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        assertThat(submission).isNotNull();
        assertThat(submission.user().userId()).isEqualTo(BEN);
        assertThat(submission.place()).isEqualTo(Place.channel(Platform.SLACK, TEAM, "C1").thread(thread));
        assertThat(submission.action()).isEqualTo(ANSWER);
        assertThat(submission.values()).containsExactly(Map.entry(Block.Button.FORM_FIELD, typed));
        assertThat(submission.eventId()).isEqualTo("slack:view:" + modal.id());

        ApiCall reply = slack.awaitCall("chat.postEphemeral", c -> BEN.equals(c.arg("user")), WAIT);
        assertThat(reply.arg("channel")).isEqualTo("C1");
        assertThat(reply.arg("thread_ts")).isEqualTo(thread);
        assertThat(reply.arg("text")).startsWith("Got your answer");
        assertThat(slack.calls("chat.postMessage")).as("nothing about the answer is posted for the channel")
                .noneMatch(c -> String.valueOf(c.arg("blocks")).contains("invalidation"));
    }

    @Test
    void aFormSentTwiceCountsOnce() throws Exception {
        ApiCall buttons = postDaily();
        send(requests.clickButton(url, BEN, buttons, "form:" + ANSWER.encode()));
        OpenedView modal = slack.awaitOpenedView(v -> true, WAIT);
        send(requests.submitView(url, BEN, modal, Map.of(Block.Button.FORM_FIELD, "first")));
        send(requests.submitView(url, BEN, modal, Map.of(Block.Button.FORM_FIELD, "first")));
        assertThat(submissions.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS)).isNotNull();
        assertThat(submissions.poll(500, TimeUnit.MILLISECONDS)).isNull();
    }

    @Test
    void aFormThatCannotBeReadIsRefusedInTheModalWithAClearError() throws Exception {
        JsonNode values = new ObjectMapper().readTree("{\"coach_form_text\":{\"text\":{\"type\":\"plain_text_input\","
                + "\"value\":\"hello\"}}}");
        HttpResponse<String> refused = send(requests.viewSubmission(url, BEN, "coach_form", "not-what-the-bot-wrote",
                values));
        JsonNode body = new ObjectMapper().readTree(refused.body());
        assertThat(body.path("response_action").asText()).isEqualTo("errors");
        assertThat(body.path("errors").path("coach_form_text").asText()).contains("press the button again");
        assertThat(submissions.poll(300, TimeUnit.MILLISECONDS)).isNull();
    }

    @Test
    void aPlainButtonStillReachesTheEngineAsAnAction() throws Exception {
        ApiCall buttons = postDaily();
        send(requests.clickButton(url, BEN, buttons, HINT.encode()));
        Inbound.Action action = actions.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        assertThat(action).isNotNull();
        assertThat(action.action()).isEqualTo(HINT);
        assertThat(slack.openedViews()).isEmpty();
    }
}
