package dev.interviewcoach.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.interviewcoach.chat.ActionId;
import dev.interviewcoach.chat.Block;
import dev.interviewcoach.chat.ChatPort;
import dev.interviewcoach.chat.Inbound;
import dev.interviewcoach.chat.Place;
import dev.interviewcoach.chat.Platform;
import dev.interviewcoach.chat.PlatformUnavailable;
import dev.interviewcoach.chat.Reply;
import dev.interviewcoach.chat.RichText;
import dev.interviewcoach.command.CommandInput;
import dev.interviewcoach.command.CommandSpec;
import dev.interviewcoach.engine.ActionHandler;
import dev.interviewcoach.observe.CoachMetrics;
import dev.interviewcoach.engine.CoachEngine;
import dev.interviewcoach.engine.CommandHandler;
import dev.interviewcoach.engine.ConversationExecutor;
import dev.interviewcoach.engine.MessageHandler;
import dev.interviewcoach.store.Database;
import dev.interviewcoach.store.Inbox;
import dev.interviewcoach.testkit.discord.FakeDiscord;
import dev.interviewcoach.testkit.discord.RestCall;
import dev.interviewcoach.testkit.discord.UploadedFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Discord side of the port hooks the question of the day needs (who may manage a channel, a ✅ on an answer,
 * files, private forms, the {@code /coach daily} commands), through the real JDA against the fake Discord. The
 * engine is the real router with small stand-in features, so these tests do not wait for the real ones.
 */
class DiscordPlatformHooksTest {

    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final String CHANNEL = FakeDiscord.CHANNEL_ID;
    private static final String ANA = FakeDiscord.USER_A;
    private static final String BEN = FakeDiscord.USER_B;
    private static final String EXPORT_NAME = "interview-coach-export.json";
    private static final byte[] EXPORT = "{\"answers\":[{\"question\":\"gil\",\"score\":4}],\"note\":\"caf\u00e9 \u2705\"}"
            .getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path dir;

    private final BlockingQueue<String> heard = new LinkedBlockingQueue<>();
    private final BlockingQueue<String> submitted = new LinkedBlockingQueue<>();
    private FakeDiscord discord;
    private Database db;
    private ConversationExecutor executor;
    private DiscordAdapter adapter;

    private void start(boolean messageContent) throws Exception {
        discord = FakeDiscord.start().messageContentIntent(messageContent);
        db = Database.sqlite(dir.resolve("coach.db"));
        db.migrate();
        CoachEngine engine = new CoachEngine(
                List.of(new StandInDaily(), new StandInData("forget-me"), new StandInData("export"),
                        new StandInPractice(), new StandInAnswers(), new StandInDailyForm()),
                new Inbox(db.jdbi(), Clock.systemUTC()), CoachMetrics.none(), CoachEngine.ConversationGuard.inProcess());
        executor = new ConversationExecutor(4, 64);
        adapter = new DiscordAdapter(new DiscordSettings("fake-token", Optional.of(FakeDiscord.GUILD_ID), 1,
                Optional.of(discord.restUrl()), Optional.of(discord.gatewayUrl()), DiscordSettings.MessageContent.AUTO),
                engine, executor, source -> List.of("python-developer", "sql-and-data", "system-design"), Clock.systemUTC());
        adapter.start();
    }

    @AfterEach
    void stop() {
        if (executor != null) {
            executor.close();
        }
        if (adapter != null) {
            adapter.close();
        }
        if (db != null) {
            db.close();
        }
        if (discord != null) {
            discord.close();
        }
    }

    // ---------------------------------------------------------------- sending

    @Test
    void aSendThatWaitsInJdaPastItsTimeIsGivenBackToTheOutboxInsteadOfHeldOnTo() throws Exception {
        start(true);
        discord.awaitCall("PUT", "applications/.*", WAIT);
        discord.rateLimitNext("POST", "channels/" + CHANNEL + "/messages", 1, 30.0);
        DiscordChatPort port = new DiscordChatPort(adapter::shards, Duration.ofSeconds(1));
        Place channel = Place.channel(Platform.DISCORD, FakeDiscord.GUILD_ID, CHANNEL);
        long began = System.nanoTime();
        assertThatThrownBy(() -> port.post(channel, Reply.text("first, rate-limited for 30 s")))
                .isInstanceOf(PlatformUnavailable.class).hasMessageContaining("within 1 s");
        assertThat(Duration.ofNanos(System.nanoTime() - began)).as("not the 30 s of the limit")
                .isLessThan(Duration.ofSeconds(20));
    }

    // ---------------------------------------------------------------- slash commands

    @Test
    void dailySubscribeReachesTheEngineAsWordsInTheDeclaredOrder() throws Exception {
        start(true);
        RestCall registered = discord.awaitCall("PUT", "applications/" + FakeDiscord.APPLICATION_ID + "/guilds/"
                + FakeDiscord.GUILD_ID + "/commands", WAIT);
        JsonNode daily = option(registered.body().get(0), "daily");
        assertThat(daily.path("type").asInt()).as("a subcommand group").isEqualTo(2);
        assertThat(daily.path("options").findValuesAsText("name"))
                .contains("subscribe", "unsubscribe", "status", "now", "reveal", "leaderboard");

        discord.grantPermissions(ANA, FakeDiscord.PERMISSION_MANAGE_CHANNELS);
        Map<String, Object> filledIn = new LinkedHashMap<>(); // the order a person might fill them in
        filledIn.put("mode", "sealed");
        filledIn.put("zone", "Europe/Berlin");
        filledIn.put("time", "07:30");
        filledIn.put("track", "sql-and-data");
        discord.slashCommand(ANA, CHANNEL, "coach", "daily", "subscribe", filledIn);

        assertThat(heard.poll(15, TimeUnit.SECONDS)).isEqualTo("daily subscribe sql-and-data 07:30 Europe/Berlin sealed");
        RestCall told = ephemeralReply(c -> text(c).contains("subscribed"));
        assertThat(text(told)).contains("This channel is subscribed");
    }

    @Test
    void personalSubcommandsAndLeaderboardStatesArriveAsTheirWords() throws Exception {
        start(true);
        discord.slashCommand(ANA, CHANNEL, "coach", "forget-me", Map.of());
        assertThat(heard.poll(15, TimeUnit.SECONDS)).isEqualTo("forget-me");
        ephemeralReply(c -> text(c).contains("me: done")); // the hyphen comes escaped

        discord.slashCommand(ANA, CHANNEL, "coach", "daily", "leaderboard", Map.of("state", "off"));
        assertThat(heard.poll(15, TimeUnit.SECONDS)).isEqualTo("daily leaderboard off");
        discord.slashCommand(ANA, CHANNEL, "coach", "daily", "now", Map.of());
        assertThat(heard.poll(15, TimeUnit.SECONDS)).isEqualTo("daily now");
    }

    @Test
    void tracksAreSuggestedInDailySubscribeToo() throws Exception {
        start(true);
        discord.autocomplete(ANA, CHANNEL, "coach", "daily", "subscribe", "track", "sql");
        RestCall choices = discord.awaitCall("POST", "interactions/.*/callback", c -> c.body().path("type").asInt() == 8, WAIT);
        assertThat(text(choices)).contains("sql-and-data").doesNotContain("python-developer");
    }

    // ---------------------------------------------------------------- who may manage a channel

    @Test
    void manageChannelsOrManageServerMaySetUpTheDailyQuestionOthersMayNot() throws Exception {
        start(true);
        discord.slashCommand(BEN, CHANNEL, "coach", "daily", "subscribe", Map.of("track", "sql-and-data"));
        RestCall refused = ephemeralReply(c -> text(c).contains("Only people who can manage this channel"));
        assertThat(refused.body().path("flags").asInt() & 64).as("only Ben sees it").isEqualTo(64);

        discord.grantPermissions(ANA, FakeDiscord.PERMISSION_MANAGE_CHANNELS);
        discord.slashCommand(ANA, CHANNEL, "coach", "daily", "subscribe", Map.of("track", "sql-and-data"));
        ephemeralReply(c -> text(c).contains("This channel is subscribed"));

        discord.grantPermissions(BEN, FakeDiscord.PERMISSION_MANAGE_GUILD);
        discord.reset();
        discord.slashCommand(BEN, CHANNEL, "coach", "daily", "subscribe", Map.of("track", "sql-and-data"));
        ephemeralReply(c -> text(c).contains("This channel is subscribed"));
        assertThat(discord.calls("GET", "guilds/.*/members/.*")).as("the interaction said who Ben is").isEmpty();
    }

    @Test
    void manageChannelsGrantedInThisChannelOnlyCounts() throws Exception {
        start(true);
        discord.allowInChannel(ANA, CHANNEL, FakeDiscord.PERMISSION_MANAGE_CHANNELS);
        discord.slashCommand(ANA, CHANNEL, "coach", "daily", "subscribe", Map.of());
        ephemeralReply(c -> text(c).contains("This channel is subscribed"));
    }

    @Test
    void aMentionChecksTheMemberFetchedFromTheServer() throws Exception {
        start(true);
        String dm = discord.dmChannel(BEN);
        discord.message(BEN, CHANNEL, "<@" + FakeDiscord.BOT_USER_ID + "> daily subscribe sql-and-data");
        discord.awaitCall("GET", "guilds/" + FakeDiscord.GUILD_ID + "/members/" + BEN, WAIT);
        discord.awaitCall("POST", "channels/" + dm + "/messages", c -> text(c).contains("Only people who can manage"), WAIT);

        discord.grantPermissions(BEN, FakeDiscord.PERMISSION_MANAGE_GUILD);
        discord.message(BEN, CHANNEL, "<@" + FakeDiscord.BOT_USER_ID + "> daily subscribe sql-and-data");
        discord.awaitCall("POST", "channels/" + dm + "/messages", c -> text(c).contains("This channel is subscribed"), WAIT);
    }

    @Test
    void whenTheMemberCannotBeFetchedTheAnswerIsNo() throws Exception {
        start(true);
        discord.grantPermissions(BEN, FakeDiscord.PERMISSION_MANAGE_GUILD);
        discord.failNext("GET", "guilds/.*/members/" + BEN, 404, 10007, "Unknown Member");
        String dm = discord.dmChannel(BEN);
        discord.message(BEN, CHANNEL, "<@" + FakeDiscord.BOT_USER_ID + "> daily subscribe");
        discord.awaitCall("POST", "channels/" + dm + "/messages", c -> text(c).contains("Only people who can manage"), WAIT);
    }

    @Test
    void inADirectMessageNobodyManagesAChannel() throws Exception {
        start(true);
        discord.slashCommand(FakeDiscord.OWNER_ID, discord.dmChannel(FakeDiscord.OWNER_ID), "coach", "daily", "subscribe",
                Map.of());
        ephemeralReply(c -> text(c).contains("Only people who can manage"));
    }

    // ---------------------------------------------------------------- a ✅ on an answer

    @Test
    void anAnswerTypedInAThreadGetsATick() throws Exception {
        start(true);
        String thread = openPracticeThread();
        String answer = discord.message(ANA, thread, "I would add an index and compare p95 before and after.");
        discord.awaitBotReaction(answer, "\u2705", WAIT);
        RestCall put = discord.awaitCall("PUT", "channels/" + thread + "/messages/" + answer + "/reactions/.*/@me", WAIT);
        assertThat(put.path()).endsWith("/reactions/\u2705/@me");
        postedIn(thread, "Noted");
    }

    @Test
    void aRefusedReactionIsNeverAnErrorForThePerson() throws Exception {
        start(true);
        String thread = openPracticeThread();
        discord.failNext("PUT", "channels/.*/reactions/.*", 403, 50013, "Missing Permissions");
        String answer = discord.message(ANA, thread, "Measure first, then index the slow query.");
        discord.awaitCall("PUT", "channels/" + thread + "/messages/" + answer + "/reactions/.*/@me", WAIT);
        postedIn(thread, "Noted");
        assertThat(discord.botReactions(answer)).isEmpty();
        assertThat(discord.calls("POST", "channels/.*/messages|webhooks/.*").stream().map(DiscordPlatformHooksTest::text))
                .as("nothing told Ana about it").noneMatch(t -> t.contains("Sorry") || t.contains("permission"));
    }

    // ---------------------------------------------------------------- files

    @Test
    void anExportAskedForByMentionArrivesAsAFileInTheDirectMessages() throws Exception {
        start(true);
        String dm = discord.dmChannel(ANA);
        discord.message(ANA, CHANNEL, "<@" + FakeDiscord.BOT_USER_ID + "> export");
        RestCall sent = discord.awaitCall("POST", "channels/" + dm + "/messages", c -> !c.files().isEmpty(), WAIT);
        assertThat(text(sent)).contains("Everything I keep about you");
        UploadedFile file = sent.files().getFirst();
        assertThat(file.fileName()).isEqualTo(EXPORT_NAME);
        assertThat(file.content()).isEqualTo(EXPORT);
        JsonNode stored = discord.storedMessage(discord.messageCreatedBy(sent, WAIT));
        assertThat(stored.path("attachments").get(0).path("filename").asText()).isEqualTo(EXPORT_NAME);
        assertThat(discord.calls("POST", "channels/" + CHANNEL + "/messages")).as("nothing in the channel").isEmpty();
    }

    @Test
    void anExportFromASlashCommandIsAnEphemeralFollowUpWithTheFile() throws Exception {
        start(true);
        discord.slashCommand(ANA, CHANNEL, "coach", "export", Map.of());
        RestCall sent = discord.awaitCall("POST", "webhooks/.*", c -> !c.files().isEmpty(), WAIT);
        assertThat(sent.body().path("flags").asInt() & 64).as("only Ana sees it").isEqualTo(64);
        assertThat(text(sent)).contains("Everything I keep about you");
        assertThat(sent.files()).singleElement().satisfies(file -> {
            assertThat(file.fileName()).isEqualTo(EXPORT_NAME);
            assertThat(file.text()).isEqualTo(new String(EXPORT, StandardCharsets.UTF_8));
        });
        assertThat(discord.calls("POST", "channels/.*/messages")).as("no channel or DM message").isEmpty();
    }

    // ---------------------------------------------------------------- a private form

    @Test
    void aPrivateFormButtonIsShownWithMessageContentOpensAModalAndItsTextReachesTheFeature() throws Exception {
        start(true);
        assertThat(adapter.readsMessages()).isTrue();
        discord.grantPermissions(ANA, FakeDiscord.PERMISSION_MANAGE_CHANNELS);
        discord.slashCommand(ANA, CHANNEL, "coach", "daily", "now", Map.of());
        RestCall question = postedIn(CHANNEL, "Question of the day");
        String customId = "form|coach:daily:answer:post-1:0";
        assertThat(question.body().path("components").findValuesAsText("custom_id")).contains(customId);
        String posted = discord.messageCreatedBy(question, WAIT);

        discord.buttonClick(BEN, CHANNEL, posted, customId);
        RestCall modal = discord.awaitCall("POST", "interactions/.*/callback", c -> c.body().path("type").asInt() == 9, WAIT);
        assertThat(modal.body().path("data").path("custom_id").asText()).isEqualTo(customId);
        assertThat(text(modal)).contains("Answer privately");

        discord.modalSubmit(BEN, CHANNEL, posted, customId, Map.of(Block.Button.FORM_FIELD, "Use an index on the join key."));
        assertThat(submitted.poll(15, TimeUnit.SECONDS)).isEqualTo("Use an index on the join key.");
        RestCall thanks = ephemeralReply(c -> text(c).contains("Your answer is in"));
        assertThat(thanks.body().path("flags").asInt() & 64).as("only Ben sees it").isEqualTo(64);
        assertThat(discord.calls("POST", "channels/" + CHANNEL + "/messages").stream().map(DiscordPlatformHooksTest::text))
                .as("the answer never shows in the channel").noneMatch(t -> t.contains("join key"));
    }

    // ---------------------------------------------------------------- helpers

    private static JsonNode option(JsonNode command, String name) {
        for (JsonNode option : command.path("options")) {
            if (option.path("name").asText().equals(name)) {
                return option;
            }
        }
        throw new AssertionError("no option " + name + " in " + command);
    }

    private static String text(RestCall call) {
        return call.body() == null ? "" : call.body().toString();
    }

    private RestCall postedIn(String channel, String contains) {
        return discord.awaitCall("POST", "channels/" + channel + "/messages", c -> text(c).contains(contains), WAIT);
    }

    private RestCall ephemeralReply(java.util.function.Predicate<RestCall> match) {
        RestCall reply = discord.awaitCall("POST", "webhooks/.*", match, WAIT);
        assertThat(reply.body().path("flags").asInt() & 64).as("ephemeral").isEqualTo(64);
        return reply;
    }

    @Test
    void aStartPostsItsOpeningWhileDiscordAddsThePersonToTheThread() throws Exception {
        start(true);
        discord.awaitCall("PUT", "applications/.*/commands", WAIT);
        Duration latency = Duration.ofMillis(400);
        discord.answerAfter(latency);

        discord.slashCommand(ANA, CHANNEL, "coach", "practice", Map.of());
        RestCall added = discord.awaitCall("PUT", "channels/\\d+/thread-members/" + ANA, WAIT);
        String thread = discord.lastThreadId();
        RestCall opening = postedIn(thread, "Practice");

        // Before, the opening went out only once Discord had answered the add: a round trip more for every start.
        assertThat(Duration.between(added.at(), opening.at())).as("opening sent while the add is unanswered")
                .isLessThan(latency);
        assertThat(text(opening)).contains("<@" + ANA + ">");
    }

    @Test
    void anAddDiscordRefusesIsStillToldToThePersonThoughTheOpeningWentOutMeanwhile() throws Exception {
        start(true);
        discord.failNext("PUT", "channels/\\d+/thread-members/.*", 403, 50013, "Missing Permissions");

        discord.slashCommand(ANA, CHANNEL, "coach", "practice", Map.of());

        RestCall told = ephemeralReply(c -> text(c).contains("permission"));
        assertThat(text(told)).contains("add people to threads");
    }

    /** Opens a private practice thread for Ana in the channel and returns its id. */
    private String openPracticeThread() {
        discord.slashCommand(ANA, CHANNEL, "coach", "practice", Map.of());
        discord.awaitCall("PUT", "channels/\\d+/thread-members/" + ANA, WAIT);
        String thread = discord.lastThreadId();
        postedIn(thread, "Practice");
        return thread;
    }

    private static Reply privately(Inbound.Command command, String text) {
        return Reply.text(text).onlyTo(command.user());
    }

    // ---------------------------------------------------------------- stand-in features

    /** Stands in for the daily feature: records the words, checks who may subscribe, posts a question. */
    private final class StandInDaily implements CommandHandler {
        @Override
        public List<CommandSpec> commands() {
            return DiscordSlashCommandTest.GRAMMAR.commands().stream().filter(c -> c.name().equals("daily")).toList();
        }

        @Override
        public void handle(Inbound.Command command, CommandInput input, ChatPort port) {
            heard.add(command.text());
            String verb = input.verb();
            switch (verb) {
                case "subscribe" -> port.post(command.place(), privately(command,
                        port.mayManage(command.user(), command.place()) ? "This channel is subscribed."
                                : "Only people who can manage this channel can set up its question of the day."));
                case "now" -> port.post(command.place(), Reply.builder("Question of the day")
                        .heading("Question of the day")
                        .text("How would you find the slowest query in a busy database?")
                        .block(new Block.Buttons(List.of(new Block.Button("Answer privately",
                                new ActionId("daily", "answer", "post-1", 0), Block.Style.PRIMARY, "", Block.Form.PRIVATE))))
                        .build());
                default -> port.post(command.place(), privately(command, "daily " + verb + ": done"));
            }
        }
    }

    /** Stands in for a personal-data command; export sends a file, to wherever the person should see it. */
    private final class StandInData implements CommandHandler {
        private final String word;

        StandInData(String word) {
            this.word = word;
        }

        @Override
        public List<CommandSpec> commands() {
            return List.of(CommandSpec.of(word, "test stand-in"));
        }

        @Override
        public void handle(Inbound.Command command, CommandInput input, ChatPort port) {
            heard.add(command.text());
            if (word.equals("export")) {
                port.postFile(command.place(), privately(command, "Everything I keep about you is in this file."),
                        EXPORT_NAME, EXPORT);
            } else {
                port.post(command.place(), privately(command, word + ": done"));
            }
        }
    }

    /** Opens a thread for the person, where their typed answers are taken by {@link StandInAnswers}. */
    private static final class StandInPractice implements CommandHandler {
        @Override
        public List<CommandSpec> commands() {
            return List.of(CommandSpec.of("practice", "test stand-in"));
        }

        @Override
        public void handle(Inbound.Command command, CommandInput input, ChatPort port) {
            port.openThread(command.place(), Reply.builder("Practice").text(RichText.builder().plain("Practice for ")
                    .mention(command.user()).build()).build());
        }
    }

    /** Takes every typed thread message: a ✅ on it, then a note in the thread. */
    private static final class StandInAnswers implements MessageHandler {
        @Override
        public boolean onMessage(Inbound.Message message, ChatPort port) {
            if (message.place().kind() != Place.Kind.THREAD) {
                return false;
            }
            message.ref().ifPresent(port::markReceived);
            port.post(message.place(), Reply.text("Noted. Feedback follows privately."));
            return true;
        }
    }

    /** The daily feature's private answer form. */
    private final class StandInDailyForm implements ActionHandler {
        @Override
        public String feature() {
            return "daily";
        }

        @Override
        public void onAction(Inbound.Action action, ChatPort port) {
            port.post(action.place(), Reply.text("That button opens a form.").onlyTo(action.user()));
        }

        @Override
        public void onSubmission(Inbound.Submission submission, ChatPort port) {
            submitted.add(submission.values().get(Block.Button.FORM_FIELD));
            port.post(submission.place(), Reply.text("Your answer is in; only you can see it until the reveal.")
                    .onlyTo(submission.user()));
        }
    }
}
