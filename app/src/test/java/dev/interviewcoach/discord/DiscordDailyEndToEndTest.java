package dev.interviewcoach.discord;

import java.time.ZoneId;
import java.time.Instant;
import dev.interviewcoach.app.StoredDailyAnswers;
import dev.interviewcoach.chat.ChatPorts;
import static org.assertj.core.api.Assertions.assertThat;

import dev.interviewcoach.app.Coach;
import dev.interviewcoach.chat.Place;
import dev.interviewcoach.chat.Platform;
import dev.interviewcoach.daily.DailyPostRepository;
import dev.interviewcoach.testkit.discord.FakeDiscord;
import dev.interviewcoach.testkit.discord.RestCall;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The question of the day on Discord, end to end with the real JDA against the fake: a member who
 * manages the server subscribes the channel, the question is posted with a public thread, three
 * people answer (through the modal, or typed in the thread), each gets feedback only they see,
 * and the reveal shows the recap with exactly the shared answers.
 */
class DiscordDailyEndToEndTest {

    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final String CHANNEL = FakeDiscord.CHANNEL_ID;
    private static final String ADMIN = FakeDiscord.OWNER_ID;
    private static final List<String> PEOPLE = List.of(FakeDiscord.USER_A, FakeDiscord.USER_B, FakeDiscord.OWNER_ID);
    private static final String ANSWER = "I would profile first with py-spy to find the hot path, measure p99 latency,"
            + " then fix the slowest query with an index and compare before and after; in one service that took p99"
            + " from 900 ms to 150 ms.";

    @TempDir
    Path dir;

    private CoachOnFakeDiscord running;
    private FakeDiscord discord;
    private Coach coach;
    private DiscordAdapter adapter;

    private void start(boolean messageContent) throws Exception {
        running = CoachOnFakeDiscord.start(dir, messageContent, 5);
        discord = running.discord;
        coach = running.coach;
        adapter = running.adapter;
    }

    @AfterEach
    void stop() {
        if (running != null) {
            running.close();
        }
    }

    private static String text(RestCall call) {
        return call.body() == null ? "" : call.body().toString();
    }

    private RestCall await(Predicate<RestCall> match) {
        return Awaitility.await().alias("a matching call to the fake Discord").atMost(WAIT)
                .until(() -> discord.calls().stream().filter(match).findFirst(), Optional::isPresent).orElseThrow();
    }

    /** Runs {@code /coach daily <subcommand>} and returns the reply only its author saw. */
    private String daily(String user, String subcommand, Map<String, Object> options) {
        String token = discord.slashCommand(user, CHANNEL, "coach", "daily", subcommand, options);
        return text(await(c -> c.path().contains(token) && !c.method().equals("POST") || c.path().contains(token)
                && c.path().startsWith("webhooks/") && text(c).contains("content")));
    }

    private DailyPostRepository.Post post() {
        await(c -> c.method().equals("POST") && c.path().equals("channels/" + CHANNEL + "/messages")
                && text(c).contains("Question of the day"));
        var sub = coach.subscriptions().find(Place.channel(Platform.DISCORD, FakeDiscord.GUILD_ID, CHANNEL)).orElseThrow();
        return coach.dailyPosts().latest(sub.id()).orElseThrow();
    }

    /** Starts the coach reading messages, subscribes the channel with answers in the open, posts; the post's thread. */
    private String openChannelsQuestion() throws Exception {
        start(true);
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("mode", "open");
        daily(ADMIN, "subscribe", options);
        daily(ADMIN, "now", Map.of());
        return post().messageId();
    }

    /** Everything the channel and its thread could read: posts and edits outside interactions and DMs. */
    private List<RestCall> publicCalls(String thread) {
        return discord.calls().stream().filter(c -> (c.method().equals("POST") || c.method().equals("PATCH"))
                && (c.path().startsWith("channels/" + CHANNEL + "/messages") || c.path().startsWith("channels/" + thread + "/messages")))
                .toList();
    }

    @Test
    void sealedAnswersThroughTheModalStayPrivateUntilTheRevealShowsTheSharedOne() throws Exception {
        start(false);
        assertThat(daily(FakeDiscord.USER_A, "subscribe", Map.of())).contains("Only people who manage this channel");
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("track", "python-developer");
        options.put("mode", "sealed");
        assertThat(daily(ADMIN, "subscribe", options)).contains("answered privately");
        daily(ADMIN, "now", Map.of());
        DailyPostRepository.Post post = post();
        await(c -> c.method().equals("POST") && c.path().equals("channels/" + CHANNEL + "/messages/" + post.messageId()
                + "/threads"));
        String formId = "form|coach:daily:answer:" + post.key() + ":0";
        for (String person : PEOPLE) {
            discord.buttonClick(person, CHANNEL, post.messageId(), formId);
            // As Discord sends it: the submission carries the message whose button opened the form.
            String token = discord.modalSubmit(person, CHANNEL, post.messageId(), formId,
                    Map.of("text", ANSWER + " Signed " + person));
            RestCall feedback = await(c -> c.path().contains(token) && text(c).contains("Score "));
            assertThat(feedback.path()).as("feedback through the interaction, seen only by its author").startsWith("webhooks/");
            if (person.equals(FakeDiscord.USER_B)) {
                String share = discord.buttonClick(person, CHANNEL, post.messageId(), "coach:daily:share:" + post.key() + ":0");
                await(c -> c.path().contains(share) && text(c).contains("shown in the thread at the reveal"));
            }
            if (person.equals(FakeDiscord.USER_A)) {
                // shared by mistake, and taken back with the button under the confirmation
                String share = discord.buttonClick(person, CHANNEL, post.messageId(), "coach:daily:share:" + post.key() + ":0");
                await(c -> c.path().contains(share) && text(c).contains("Keep it private"));
                String unshare = discord.buttonClick(person, CHANNEL, post.messageId(),
                        "coach:daily:unshare:" + post.key() + ":0");
                await(c -> c.path().contains(unshare) && text(c).contains("stays private"));
            }
        }
        await(c -> c.method().equals("PATCH") && text(c).contains("3 answers so far"));
        assertThat(publicCalls(post.messageId())).as("no sealed answer is visible before the reveal")
                .allSatisfy(c -> assertThat(text(c)).doesNotContain(ANSWER));

        daily(ADMIN, "reveal", Map.of());
        RestCall reveal = await(c -> c.method().equals("POST") && c.path().equals("channels/" + post.messageId() + "/messages")
                && text(c).contains("The reveal"));
        assertThat(text(reveal)).contains("3 people answered").contains("Signed " + FakeDiscord.USER_B)
                .doesNotContain("Signed " + FakeDiscord.USER_A).doesNotContain("Signed " + FakeDiscord.OWNER_ID);
    }

    @Test
    void openAnswersTypedInThePostsThreadGetFeedbackByDirectMessageAndATick() throws Exception {
        String thread = openChannelsQuestion();
        for (String person : PEOPLE) {
            String message = discord.message(person, thread, ANSWER);
            String dm = discord.dmChannel(person);
            await(c -> c.method().equals("POST") && c.path().equals("channels/" + dm + "/messages")
                    && text(c).contains("Score "));
            discord.awaitBotReaction(message, "✅", WAIT);
        }
        assertThat(publicCalls(thread)).as("feedback never goes where others can read it")
                .noneSatisfy(c -> assertThat(text(c)).contains("Score "));
        daily(ADMIN, "reveal", Map.of());
        RestCall reveal = await(c -> c.method().equals("POST") && c.path().equals("channels/" + thread + "/messages")
                && text(c).contains("The reveal"));
        assertThat(text(reveal)).contains("3 people answered");
    }

    @Test
    void anAnswerEditedInThePostsThreadBeforeTheRevealIsScoredAgainByDirectMessage() throws Exception {
        String thread = openChannelsQuestion();
        String person = FakeDiscord.USER_A;
        String dm = discord.dmChannel(person);
        String message = discord.message(person, thread, "I would add an index.");
        await(c -> c.method().equals("POST") && c.path().equals("channels/" + dm + "/messages") && text(c).contains("Score "));

        discord.editMessage(person, message, ANSWER);
        await(c -> c.method().equals("POST") && c.path().equals("channels/" + dm + "/messages")
                && text(c).contains("Scored again after your edit"));
        assertThat(storedAnswers()).as("still one answer, as edited").containsExactly(ANSWER);
        assertThat(publicCalls(thread)).as("feedback never goes where others can read it")
                .noneSatisfy(c -> assertThat(text(c)).contains("Score "));
    }

    /** The answers stored for the channel's question of the day, read from the database file itself. */
    private List<String> storedAnswers() throws java.sql.SQLException {
        var sub = coach.subscriptions().find(Place.channel(Platform.DISCORD, FakeDiscord.GUILD_ID, CHANNEL)).orElseThrow();
        return StoredDailyAnswers.texts(dir.resolve("coach.db"), sub.id());
    }

    @Test
    void anAnswerDeletedFromThePostsThreadBeforeTheRevealIsWithdrawnThoughDiscordNamesNoOne() throws Exception {
        String thread = openChannelsQuestion();
        String person = FakeDiscord.USER_A;
        String dm = discord.dmChannel(person);
        String message = discord.message(person, thread, ANSWER);
        await(c -> c.method().equals("POST") && c.path().equals("channels/" + dm + "/messages") && text(c).contains("Score "));

        discord.deleteMessage(person, message);
        await(c -> c.method().equals("POST") && c.path().equals("channels/" + dm + "/messages")
                && text(c).contains("You deleted your answer"));
        assertThat(storedAnswers()).as("the answer is withdrawn").isEmpty();
        assertThat(publicCalls(thread)).as("nothing said where others can read it")
                .noneSatisfy(c -> assertThat(text(c)).contains("deleted"));
    }

    @Test
    void aMemberGetsTheQuestionByDirectMessageAtTheirOwnTimeAndAnswersThroughTheModalThere() throws Exception {
        start(false);
        daily(ADMIN, "subscribe", Map.of("track", "python-developer"));
        daily(ADMIN, "now", Map.of());
        DailyPostRepository.Post post = post();
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("state", "on");
        options.put("time", "07:00");
        options.put("zone", "Asia/Tokyo");
        assertThat(daily(FakeDiscord.USER_A, "dm", options)).contains("by DM at 07:00 Asia/Tokyo");
        ZoneId tokyo = ZoneId.of("Asia/Tokyo");
        Instant seven = Instant.now().atZone(tokyo).toLocalDate().atTime(7, 0).atZone(tokyo).toInstant();
        Instant due = Instant.now().isBefore(seven) ? seven : seven.plus(Duration.ofDays(1));
        coach.tick(due.plusSeconds(60), ChatPorts.only(adapter.port()));
        String dm = discord.dmChannel(FakeDiscord.USER_A);
        RestCall sent = await(c -> c.method().equals("POST") && c.path().equals("channels/" + dm + "/messages")
                && text(c).contains("Your question of the day"));
        assertThat(text(sent)).contains("Stop these DMs");
        String dmMessage;
        try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("coach.db"));
             var rs = c.createStatement().executeQuery("SELECT message_id FROM daily_dm")) {
            assertThat(rs.next()).isTrue();
            dmMessage = rs.getString(1);
        }
        String formId = "form|coach:daily:answer:" + post.key() + ":0";
        discord.buttonClick(FakeDiscord.USER_A, dm, dmMessage, formId);
        String token = discord.modalSubmit(FakeDiscord.USER_A, dm, formId, Map.of("text", ANSWER));
        await(c -> c.path().contains(token) && text(c).contains("Score "));
        daily(ADMIN, "reveal", Map.of());
        RestCall reveal = await(c -> c.method().equals("POST") && c.path().equals("channels/" + post.messageId() + "/messages")
                && text(c).contains("The reveal"));
        assertThat(text(reveal)).as("the answer given in the DM counts in the channel").contains("1 person answered");
    }
}
