package dev.interviewcoach.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.interviewcoach.app.Coach;
import dev.interviewcoach.chat.Platform;
import dev.interviewcoach.chat.UserRef;
import dev.interviewcoach.interview.AnswerRecord;
import dev.interviewcoach.interview.MockSession;
import dev.interviewcoach.testkit.discord.FakeDiscord;
import dev.interviewcoach.testkit.discord.RestCall;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole coach on Discord: the real JDA connected to a fake Discord on loopback (REST and
 * gateway), our listener and chat port, the real engine on SQLite.
 */
class DiscordEndToEndTest {

    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final String CHANNEL = FakeDiscord.CHANNEL_ID;
    private static final String ANA = FakeDiscord.USER_A;
    private static final String BEN = FakeDiscord.USER_B;

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

    private RestCall postedIn(String channel, String contains) {
        return discord.awaitCall("POST", "channels/" + channel + "/messages", c -> text(c).contains(contains), WAIT);
    }

    /** Each of {@code pieces} is in an embed of the message after the embed of the one before it. */
    private static void inOrder(RestCall call, String... pieces) {
        int last = -1;
        for (String piece : pieces) {
            int at = embed(call, piece);
            assertThat(at).as("the embed with %s comes after the one with what comes before it in %s", piece, text(call))
                    .isGreaterThan(last);
            last = at;
        }
    }

    /** The index of the first embed of a message whose JSON holds {@code piece}. */
    private static int embed(RestCall call, String piece) {
        JsonNode embeds = call.body().path("embeds");
        for (int i = 0; i < embeds.size(); i++) {
            if (embeds.get(i).toString().contains(piece)) {
                return i;
            }
        }
        throw new AssertionError(piece + " is in no embed of " + text(call));
    }

    /** The index of the first embed whose title starts with one of {@code starts}; -1 if none does. */
    private static int titled(RestCall call, String... starts) {
        JsonNode embeds = call.body().path("embeds");
        for (int i = 0; i < embeds.size(); i++) {
            String title = embeds.get(i).path("title").asText("");
            for (String start : starts) {
                if (title.startsWith(start)) {
                    return i;
                }
            }
        }
        return -1;
    }

    private MockSession session(String tenant, String user) {
        return coach.sessions().activeFor(new UserRef(Platform.DISCORD, tenant, user)).orElseThrow();
    }

    /** Starts an interview from the guild channel and returns the thread it runs in. */
    private String startInChannel(String user, int questions) {
        discord.slashCommand(user, CHANNEL, "coach", "mock", Map.of("track", "python-developer", "questions", questions));
        discord.awaitCall("POST", "channels/" + CHANNEL + "/threads", WAIT);
        RestCall joined = discord.awaitCall("PUT", "channels/\\d+/thread-members/" + user, WAIT);
        String thread = joined.path().split("/")[1];
        postedIn(thread, "Question 1 of " + questions);
        return thread;
    }

    @Test
    void mockInAChannelOpensAPrivateThreadAndTypedAnswersGetFeedback() throws Exception {
        start(true);
        assertThat(adapter.readsMessages()).isTrue();
        assertThat(discord.identifiedIntents() & FakeDiscord.INTENT_MESSAGE_CONTENT).isNotZero();
        discord.awaitCall("PUT", "applications/" + FakeDiscord.APPLICATION_ID + "/guilds/" + FakeDiscord.GUILD_ID + "/commands",
                WAIT);
        String thread = startInChannel(ANA, 2);
        RestCall created = discord.calls("POST", "channels/" + CHANNEL + "/threads").getFirst();
        assertThat(created.body().path("type").asInt()).isEqualTo(12);
        discord.awaitCall("PUT", "channels/" + thread + "/thread-members/" + ANA, WAIT);
        discord.awaitCall("POST", "interactions/.*/callback", WAIT);

        discord.message(BEN, thread, "I would add an index");
        discord.awaitCall("POST", "channels/.*/messages", c -> text(c).contains("belongs to someone else"), WAIT);

        discord.message(ANA, thread, "I would measure first with py-spy, find the slowest query, add an index and"
                + " compare the p95 before and after; at my last job that took a page from 900 ms to 120 ms.");
        RestCall feedback = postedIn(thread, "Score ");
        assertThat(feedback.body().path("allowed_mentions").path("parse")).isEmpty();
        assertThat(titled(feedback, "Score ")).as("the feedback comes first").isZero();
        inOrder(feedback, "To improve", "\"title\":\"Question 2 of 2\"");
        assertThat(text(feedback)).contains("coach:mock:hint:" + session(FakeDiscord.GUILD_ID, ANA).id() + ":1");
        assertThat(feedback.body().path("embeds").size()).as("the feedback and the next question, each its own embed")
                .isGreaterThanOrEqualTo(2);
        discord.message(ANA, thread, "skip");
        inOrder(postedIn(thread, "Scorecard"), "Skipped.", "\"title\":\"Scorecard: ");
        assertThat(discord.calls("PATCH", "channels/.*/messages/.*")).as("no question was edited").isEmpty();
    }

    @Test
    void buttonsAndTheAnswerFormCompleteAnInterviewWithoutTheMessageContentIntent() throws Exception {
        start(false);
        assertThat(adapter.readsMessages()).isFalse();
        assertThat(discord.identifiedIntents() & FakeDiscord.INTENT_MESSAGE_CONTENT).isZero();
        String thread = startInChannel(ANA, 2);
        MockSession s = session(FakeDiscord.GUILD_ID, ANA);
        String question = discord.lastMessageId(thread);

        discord.buttonClick(ANA, thread, question, "coach:mock:hint:" + s.id() + ":0");
        postedIn(thread, "Hint 1 of");

        discord.buttonClick(ANA, thread, question, "form|coach:mock:answer:" + s.id() + ":0");
        RestCall modal = discord.awaitCall("POST", "interactions/.*/callback", c -> c.body().path("type").asInt() == 9, WAIT);
        assertThat(text(modal)).contains("Your answer");
        int before = discord.calls().size();
        String submitted = discord.modalSubmit(ANA, thread, question, "form|coach:mock:answer:" + s.id() + ":0",
                Map.of("text", "Threads suit I/O-bound work since the GIL is released while waiting; for CPU-bound work"
                        + " I use multiprocessing, and asyncio for thousands of sockets."));
        RestCall feedback = postedIn(thread, "Score ");
        inOrder(feedback, "\"title\":\"Score ", "\"title\":\"Question 2 of 2\"");
        assertThat(text(feedback)).contains("coach:mock:hint:" + s.id() + ":1").doesNotContain("coach:mock:hint:" + s.id() + ":0");
        RestCall acknowledged = discord.awaitCall("POST", "interactions/.*/" + submitted + "/callback", WAIT);
        assertThat(acknowledged.body().path("type").asInt()).as("the form is acknowledged as an update of its message,"
                + " which shows nothing and leaves no 'thinking...' reply to delete").isEqualTo(6);
        await().during(Duration.ofMillis(300)).atMost(WAIT).until(() -> discord.calls().size() == before + 2);
        assertThat(discord.calls().subList(before, before + 2)).as("the form's answer: its acknowledgement and one message")
                .containsExactly(acknowledged, feedback);
        String second = discord.lastMessageId(thread);
        discord.buttonClick(ANA, thread, question, "coach:mock:skip:" + s.id() + ":0");
        RestCall stale = discord.awaitCall("POST", "webhooks/.*", c -> text(c).contains("earlier question"), WAIT);
        assertThat(stale.body().path("flags").asInt() & 64).as("only the presser sees it").isEqualTo(64);
        discord.buttonClick(ANA, thread, second, "coach:mock:skip:" + s.id() + ":1");
        inOrder(postedIn(thread, "Scorecard"), "Skipped.", "\"title\":\"Scorecard: ");
    }

    @Test
    void helpOrThanksTypedInTheInterviewThreadIsNotTakenForAnAnswer() throws Exception {
        start(true);
        String thread = startInChannel(ANA, 2);
        discord.message(ANA, thread, "help");
        // Only Ana may see it and a plain message has no ephemeral reply on Discord, so it comes by DM.
        discord.awaitCall("POST", "channels/.*/messages", c -> text(c).contains("Practise interview questions"), WAIT);
        discord.message(ANA, thread, "thanks!");
        discord.awaitCall("POST", "channels/.*/messages", c -> text(c).contains("The question is still open"), WAIT);
        assertThat(session(FakeDiscord.GUILD_ID, ANA).position()).as("neither was an answer").isZero();
        discord.message(ANA, thread, "next question, please");
        inOrder(postedIn(thread, "Skipped."), "\"title\":\"Question 2 of 2\"");
    }

    @Test
    void deletingAnAnswerTakesItBackInAnInterviewThreadAndInADirectMessage() throws Exception {
        start(true);
        String thread = startInChannel(ANA, 2);
        String answer = discord.message(ANA, thread, "I would measure first with py-spy, find the slowest query, add an"
                + " index and compare the p95 before and after.");
        postedIn(thread, "Question 2 of 2");
        MockSession inThread = session(FakeDiscord.GUILD_ID, ANA);
        discord.deleteMessage(ANA, answer);
        RestCall told = discord.awaitCall("POST", "channels/\\d+/messages",
                c -> text(c).contains("You deleted your answer to question 1"), WAIT);
        assertThat(told.path()).as("told where only she reads it").doesNotContain(thread);
        assertThat(text(told)).contains("Question 2 above is still waiting for you.");
        assertThat(coach.sessions().answers(inThread.id()).getFirst()).satisfies(a -> {
            assertThat(a.outcome()).isEqualTo(AnswerRecord.Outcome.WITHDRAWN);
            assertThat(a.answerText()).isNull();
        });

        String dm = discord.dmChannel(BEN);
        String story = firstAnswerInADm(dm, 2);
        MockSession direct = session(DiscordChatPort.DM_TENANT, BEN);
        discord.deleteMessage(BEN, story);
        postedIn(dm, "You deleted your answer to question 1");
        assertThat(coach.sessions().answers(direct.id()).getFirst().outcome()).isEqualTo(AnswerRecord.Outcome.WITHDRAWN);
    }

    /** Ben starts a behavioral interview of {@code questions} in his DM and answers the first; its message id. */
    private String firstAnswerInADm(String dm, int questions) {
        discord.slashCommand(BEN, dm, "coach", "mock", Map.of("track", "behavioral", "questions", questions));
        postedIn(dm, "Question 1 of " + questions);
        String story = discord.message(BEN, dm, "At my last job I proposed weekly demos; as a result releases slipped"
                + " 40% less.");
        postedIn(dm, "Question 2 of " + questions);
        return story;
    }

    @Test
    void deletingOrEditingADirectMessageAnswerAfterARestartIsStillHeard() throws Exception {
        start(true);
        String dm = discord.dmChannel(BEN);
        String first = firstAnswerInADm(dm, 3);
        String second = discord.message(BEN, dm, "I disagreed with my lead about a rewrite, so I");
        postedIn(dm, "Question 3 of 3");
        MockSession direct = session(DiscordChatPort.DM_TENANT, BEN);

        // A new process: its JDA has not seen this DM, and Discord's deletion does not say whose DM it was.
        try (DiscordAdapter restarted = running.restartAdapter()) {
            assertThat(restarted.shards().getShards().getFirst().getPrivateChannelCache().isEmpty()).isTrue();
            discord.deleteMessage(BEN, first);
            assertThat(text(postedIn(dm, "You deleted your answer to question 1")))
                    .contains("Question 3 above is still waiting for you.");
            assertThat(coach.sessions().answers(direct.id()).getFirst().outcome()).isEqualTo(AnswerRecord.Outcome.WITHDRAWN);

            discord.editMessage(BEN, second, "I disagreed with my lead about a rewrite, so I wrote a one-page comparison"
                    + " with the risks and costs, we agreed a two-week spike, and it showed the patch was enough.");
            postedIn(dm, "Scored again after your edit");
            assertThat(coach.sessions().answers(direct.id()).get(1).answerText()).contains("two-week spike");
        }
    }

    @Test
    void theScorecardsRetryButtonAsksTheWeakQuestionAgainInTheSameDm() throws Exception {
        start(true);
        String dm = discord.dmChannel(ANA);
        discord.slashCommand(ANA, dm, "coach", "mock", Map.of("track", "python-developer", "questions", 1,
                "followups", "--no-followups"));
        postedIn(dm, "Question 1 of 1");
        MockSession s = session(DiscordChatPort.DM_TENANT, ANA);
        discord.message(ANA, dm, "I am not sure, I would probably just google it and see what comes up.");
        RestCall card = postedIn(dm, "Scorecard");
        assertThat(text(card)).contains("coach:mock:retry:" + s.id() + ":0").contains("Try question 1 again");
        discord.buttonClick(ANA, dm, discord.lastMessageId(dm), "coach:mock:retry:" + s.id() + ":0");
        RestCall again = postedIn(dm, "Question 1 again. Last time it scored");
        assertThat(text(again)).contains("Question 1 of 1");
        assertThat(session(DiscordChatPort.DM_TENANT, ANA).questionIds()).isEqualTo(s.questionIds());
    }

    @Test
    void anAnswerSentInTwoDirectMessagesIsJoinedAndScoredAsOne() throws Exception {
        running = CoachOnFakeDiscord.start(dir, true, 5, java.time.Duration.ofSeconds(15));
        discord = running.discord;
        coach = running.coach;
        adapter = running.adapter;
        String dm = discord.dmChannel(ANA);
        discord.slashCommand(ANA, dm, "coach", "mock", Map.of("track", "python-developer", "questions", 2));
        postedIn(dm, "Question 1 of 2");
        discord.message(ANA, dm, "I would measure first with a profiler.");
        postedIn(dm, "Question 2 of 2");
        discord.message(ANA, dm, "Then I would fix the slowest query, add an index, and compare the p95 before and after.");
        RestCall joined = postedIn(dm, "I added that to your answer to question 1");
        assertThat(text(joined)).contains("Question 2 above is still waiting for you.").doesNotContain("Question 2 of 2");
        MockSession s = session(DiscordChatPort.DM_TENANT, ANA);
        assertThat(s.position()).as("still on question 2").isEqualTo(1);
        assertThat(coach.sessions().answers(s.id())).singleElement()
                .satisfies(a -> assertThat(a.answerText()).contains("profiler").contains("slowest query"));
    }

    @Test
    void aDirectMessageInterviewWorks() throws Exception {
        start(true);
        String dm = discord.dmChannel(ANA);
        discord.slashCommand(ANA, dm, "coach", "mock", Map.of("track", "behavioral", "questions", 1));
        postedIn(dm, "Question 1 of 1");
        discord.message(ANA, dm, "At my last job I proposed weekly demos; as a result releases slipped 40% less.");
        inOrder(postedIn(dm, "Score "), "\"title\":\"Score ", "\"title\":\"Scorecard: ");
    }

    /**
     * A channel takes about a message a second: a typed answer costs one REST call, the feedback and what comes
     * next in one message, however the interview goes (follow-up questions on, to the scorecard).
     */
    @Test
    void forgetMeTypedInADirectMessageAlsoDeletesWhatThePersonDidInAServer() throws Exception {
        start(true);
        String thread = startInChannel(ANA, 1);
        discord.message(ANA, thread, "I would measure first with py-spy, find the slowest query, add an index and"
                + " compare the p95 before and after; at my last job that took a page from 900 ms to 120 ms.");
        postedIn(thread, "Scorecard");
        String dm = discord.dmChannel(ANA);
        discord.slashCommand(ANA, dm, "coach", "mock", Map.of("track", "behavioral", "questions", 1));
        postedIn(dm, "Question 1 of 1");
        discord.message(ANA, dm, "At my last job I proposed weekly demos; as a result releases slipped 40% less.");
        postedIn(dm, "Scorecard");
        assertThat(storedTenantsOf(ANA)).as("her interviews in the server and in her DMs")
                .contains(FakeDiscord.GUILD_ID).hasSizeGreaterThanOrEqualTo(2);

        discord.message(ANA, dm, "forget-me confirm");
        postedIn(dm, "everything stored about you is deleted");
        assertThat(storedTenantsOf(ANA)).as("nothing of Ana is left, in the server or in her DMs").isEmpty();
    }

    @Test
    void statsInADirectMessageCountWhatThePersonDidInAServer() throws Exception {
        start(true);
        String dm = discord.dmChannel(ANA);
        discord.message(ANA, dm, "stats");
        postedIn(dm, "Nothing scored yet");
        String thread = startInChannel(ANA, 1);
        discord.message(ANA, thread, "I would measure first with py-spy, find the slowest query, add an index and"
                + " compare the p95 before and after; at my last job that took a page from 900 ms to 120 ms.");
        postedIn(thread, "Scorecard");

        discord.message(ANA, dm, "stats");
        assertThat(text(postedIn(dm, "Questions answered"))).as("her answer in the server counts in her DMs")
                .contains("over 1 answer");
    }

    private List<String> storedTenantsOf(String user) {
        return coach.database().jdbi().withHandle(h -> h.createQuery(
                        "SELECT DISTINCT tenant FROM mock_session WHERE platform = 'DISCORD' AND user_id = :u")
                .bind("u", user).mapTo(String.class).list());
    }

    @Test
    void aWholeInterviewCostsOneRestCallPerTypedAnswer() throws Exception {
        start(true);
        int atStart = discord.calls().size();
        discord.slashCommand(ANA, CHANNEL, "coach", "mock", Map.of("track", "python-developer", "questions", 4,
                "followups", "--followups"));
        RestCall joined = discord.awaitCall("PUT", "channels/\\d+/thread-members/" + ANA, WAIT);
        String thread = joined.path().split("/")[1];
        postedIn(thread, "Question 1 of 4");
        int started = settledCalls();
        List<String> startCalls = discord.calls().subList(atStart, started).stream()
                .map(c -> c.method() + " " + c.path().replaceAll("\\d{6,}", "N").replaceAll("/aW[^/]+", "/TOKEN")).toList();
        String path = "channels/" + thread + "/messages";
        int answers = 0;
        boolean followedUp = false;
        String last = "";
        while (!last.contains("\"title\":\"Scorecard: ")) {
            assertThat(answers).as("the interview ends").isLessThan(8);
            int postsBefore = discord.calls("POST", path).size();
            discord.message(ANA, thread, "I would measure it first with a profiler, change one thing at a time and"
                    + " compare the p95 before and after, because guessing wastes days.");
            answers++;
            await().atMost(WAIT).until(() -> discord.calls("POST", path).size() > postsBefore);
            RestCall reply = discord.calls("POST", path).get(postsBefore);
            int feedbackAt = titled(reply, "Score ");
            assertThat(feedbackAt).as("feedback in %s", text(reply)).isNotNegative();
            assertThat(titled(reply, "Question ", "A follow-up on question ", "Scorecard: ")).as("what comes next,"
                    + " after the feedback, in %s", text(reply)).isGreaterThan(feedbackAt);
            last = text(reply);
            followedUp |= last.contains("\"title\":\"A follow-up on question");
        }
        int calls = settledCalls() - started;
        assertThat(followedUp).as("follow-up turns were part of it").isTrue();
        double perAnswer = (double) calls / answers;
        double wholeInterview = (double) (discord.calls().size() - atStart) / answers;
        System.out.printf("Discord: %d typed answers, %d REST calls for them (%.2f per answer); %.2f per answer with"
                + " the start %s%n", answers, calls, perAnswer, wholeInterview, startCalls);
        assertThat(perAnswer).as("REST calls per answer").isLessThanOrEqualTo(1.2);
    }

    /** How many REST calls the fake has seen, once no more have come for a while. */
    private int settledCalls() {
        int[] seen = {-1};
        await().atMost(WAIT).pollInterval(Duration.ofMillis(100)).until(() -> {
            int now = discord.calls().size();
            boolean still = now == seen[0];
            seen[0] = now;
            return still;
        });
        await().during(Duration.ofMillis(300)).atMost(WAIT).until(() -> discord.calls().size() == seen[0]);
        return seen[0];
    }

    @Test
    void aPastedAnswerComesBackWithNoMentionAllowedAndNothingLost() throws Exception {
        start(true);
        String dm = discord.dmChannel(ANA);
        discord.slashCommand(ANA, dm, "coach", "mock", Map.of("track", "python-developer", "questions", 1));
        postedIn(dm, "Question 1 of 1");
        StringBuilder paste = new StringBuilder("@everyone <@123> @here ");
        int n = 0;
        while (paste.length() < 9000) {
            paste.append("word").append(n++).append(' ');
        }
        discord.message(ANA, dm, paste.toString());
        postedIn(dm, "Scorecard");
        discord.slashCommand(ANA, dm, "coach", "review", Map.of());
        String lastWord = "word" + (n - 1);
        discord.awaitCall("POST", "webhooks/.*", c -> text(c).contains(lastWord), WAIT);
        StringBuilder all = new StringBuilder();
        int messages = 0;
        for (RestCall call : discord.calls("POST", "webhooks/.*")) {
            messages++;
            JsonNode body = call.body();
            assertThat(body.path("allowed_mentions").path("parse")).isEmpty();
            assertThat(text(call)).doesNotContain("@everyone").doesNotContain("@here").doesNotContain("<@123>");
            all.append(text(call));
        }
        assertThat(messages).as("a 9,000-character answer is split over several messages").isGreaterThan(1);
        for (int i = 0; i < n; i++) {
            assertThat(all.toString()).containsPattern("word" + i + "(?!\\d)");
        }
    }

    @Test
    void aRateLimitedMessageIsRetriedAndNotLost() throws Exception {
        start(true);
        String dm = discord.dmChannel(ANA);
        discord.rateLimitNext("POST", "channels/" + dm + "/messages", 1, 1.0);
        discord.slashCommand(ANA, dm, "coach", "mock", Map.of("track", "sql-and-data", "questions", 1));
        postedIn(dm, "Question 1 of 1");
        // The fake records the refused call too: the message came through when it was sent again.
        await().atMost(WAIT).until(() -> discord.calls("POST", "channels/" + dm + "/messages").size() >= 2);
        assertThat(discord.calls("POST", "channels/" + dm + "/messages"))
                .allSatisfy(c -> assertThat(text(c)).contains("Question 1 of 1"));
    }

    @Test
    void whereNoPrivateThreadsAreAllowedAPublicOneOpens() throws Exception {
        start(true);
        discord.failNext("POST", "channels/" + CHANNEL + "/threads", 403, 50013, "Missing Permissions");
        discord.slashCommand(ANA, CHANNEL, "coach", "mock", Map.of("track", "python-developer", "questions", 1));
        RestCall anchor = postedIn(CHANNEL, "Mock interview for");
        RestCall thread = discord.awaitCall("POST", "channels/" + CHANNEL + "/messages/\\d+/threads", WAIT);
        assertThat(anchor.body().path("allowed_mentions").path("users").toString()).contains(ANA);
        assertThat(thread.body().path("name").asText()).as("the thread is named after the track")
                .startsWith("Mock interview: ").contains("Python");
        assertThat(thread.body().path("auto_archive_duration").asInt()).as("open a week, so a paused interview can go on")
                .isEqualTo(10080);
        discord.awaitCall("POST", "channels/.*/messages", c -> text(c).contains("Question 1 of 1"), WAIT);
        assertThat(discord.calls("POST", "channels/.*/messages").stream().filter(c -> text(c).contains("Mock interview for")))
                .as("the opening is posted once: the anchor heads its own thread").hasSize(1);
    }

    @Test
    void discordsOwnTroubleMakingAPrivateThreadNeverMakesTheInterviewPublic() throws Exception {
        start(true);
        for (int i = 0; i < 8; i++) { // JDA tries a 5xx again itself
            discord.failNext("POST", "channels/" + CHANNEL + "/threads", 500, 0, "Internal Server Error");
        }
        discord.slashCommand(ANA, CHANNEL, "coach", "mock", Map.of("track", "python-developer", "questions", 1));
        // Told privately (as the interaction's reply, or in a DM once the interaction has ended) to try again.
        discord.awaitCall("POST", "(webhooks|channels)/.*", c -> text(c).contains("Sorry, something went wrong"), WAIT);
        assertThat(discord.calls("POST", "channels/" + CHANNEL + "/messages")).as("no opening posted in the channel")
                .noneMatch(c -> text(c).contains("Mock interview for"));
        assertThat(discord.calls("POST", "channels/" + CHANNEL + "/messages/\\d+/threads")).as("no public thread")
                .isEmpty();
    }

    @Test
    void aReplyDiscordWillNeverTakeIsGivenUpAtOnceAndThePersonIsTold() throws Exception {
        start(true);
        String dm = discord.dmChannel(ANA);
        discord.slashCommand(ANA, dm, "coach", "mock", Map.of("track", "sql-and-data", "questions", 2));
        postedIn(dm, "Question 1 of 2");
        discord.failNext("POST", "channels/" + dm + "/messages", 400, 50035, "Invalid Form Body");
        discord.message(ANA, dm, "I would use a LEFT JOIN and keep rows where the right side IS NULL, an anti-join.");
        RestCall told = postedIn(dm, "Discord would not take part of my reply");
        assertThat(text(told)).contains("Invalid Form Body").contains("type repeat to see the current question again");
        // Given up, not tried again: the refused reply is the only one with a score.
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).until(() -> discord.calls("POST",
                "channels/" + dm + "/messages").stream().filter(c -> text(c).contains("Score ")).count() == 1);
    }

    @Test
    void aMissingPermissionIsExplainedToThePerson() throws Exception {
        start(true);
        discord.failNext("POST", "channels/" + CHANNEL + "/threads", 403, 50013, "Missing Permissions");
        discord.failNext("POST", "channels/" + CHANNEL + "/messages", 403, 50013, "Missing Permissions");
        discord.slashCommand(ANA, CHANNEL, "coach", "mock", Map.of("track", "python-developer", "questions", 1));
        RestCall told = discord.awaitCall("POST", "webhooks/.*", c -> text(c).contains("permission"), WAIT);
        assertThat(text(told)).contains("Ask a server admin");
        assertThat(told.body().path("flags").asInt() & 64).as("only the person sees it").isEqualTo(64);
    }

    @Test
    void trackNamesAreSuggestedAsPeopleType() throws Exception {
        start(true);
        discord.autocomplete(ANA, CHANNEL, "coach", "mock", "track", "sys");
        RestCall choices = discord.awaitCall("POST", "interactions/.*/callback", c -> c.body().path("type").asInt() == 8, WAIT);
        assertThat(text(choices)).contains("system-design").doesNotContain("python-developer");
    }
}
