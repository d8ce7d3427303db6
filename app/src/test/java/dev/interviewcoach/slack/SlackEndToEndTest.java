package dev.interviewcoach.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.interviewcoach.interview.AnswerRecord;
import dev.interviewcoach.interview.MockSession;
import dev.interviewcoach.testkit.slack.ApiCall;
import dev.interviewcoach.testkit.slack.FakeSlack;
import dev.interviewcoach.testkit.slack.SlackRequests;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The whole coach on Slack: the real Bolt app in our Jetty, signed requests over real HTTP, and
 * the real Slack client talking to a fake Slack on loopback.
 * The tests that watch the log are in {@link SlackLogsEndToEndTest}, which runs alone.
 */
class SlackEndToEndTest extends SlackEndToEndFixture {

    @Test
    void aSlashCommandInAChannelOpensAThreadAndAsksTheFirstQuestion() throws Exception {
        long before = System.nanoTime();
        HttpResponse<String> ack = send(requests.slashCommand(bot.url, TEAM, "C1", ANA, "mock python 2"));
        long ackMillis = (System.nanoTime() - before) / 1_000_000;
        assertThat(ack.statusCode()).isEqualTo(200);
        assertThat(ackMillis).as("acknowledged well inside Slack's 3 seconds").isLessThan(3000);
        ApiCall opening = posted("C1", null, "Mock interview");
        assertThat(opening.arg("thread_ts")).isNull();
        assertThat(opening.arg("blocks")).contains("<@" + ANA + ">");
        ApiCall question = posted("C1", null, HOW_TO, "Question 1 of 2");
        assertThat(question.arg("thread_ts")).isNotBlank();
        assertThat(question.arg("blocks")).contains("coach:mock:hint:").contains("\"header\"");
    }

    @Test
    void answersInTheThreadGetFeedbackAndOnlyTheOwnerCounts() throws Exception {
        String thread = startInChannel(ANA, 2);
        send(requests.event(bot.url, "Ev-ben", SlackRequests.messageEvent("C1", BEN, "I would use a cache",
                SlackRequests.newTs(), thread, "channel")));
        ApiCall note = slack.awaitCall("chat.postEphemeral", c -> BEN.equals(c.arg("user")), WAIT);
        assertThat(note.arg("thread_ts")).isEqualTo(thread);
        assertThat(note.arg("text")).contains("belongs to someone else");

        send(requests.event(bot.url, "Ev-ana-1", SlackRequests.messageEvent("C1", ANA,
                "I would measure first with a profiler, then fix the slowest query &amp; add an index.",
                SlackRequests.newTs(), thread, "channel")));
        ApiCall feedback = posted("C1", thread, "Score ", "Question 2 of 2");
        assertThat(at(feedback, "To improve")).as("the feedback first, then a divider, then the next question")
                .isLessThan(at(feedback, "\"divider\"")).isLessThan(at(feedback, "Question 2 of 2"));
        assertThat(at(feedback, "Question 2 of 2")).isLessThan(at(feedback, "coach:mock:hint:"));
        assertThat(slack.calls("chat.update")).as("the first question is not edited").isEmpty();
        MockSession session = bot.coach.sessions().activeFor(new dev.interviewcoach.chat.UserRef(
                dev.interviewcoach.chat.Platform.SLACK, TEAM, ANA)).orElseThrow();
        assertThat(session.position()).isEqualTo(1);
    }

    @Test
    void aRetriedEventNeverProducesASecondReplyEvenAfterARestart() throws Exception {
        ObjectNode dm = SlackRequests.messageEvent("DANA", ANA, "mock python 1", SlackRequests.newTs(), null, "im");
        send(requests.event(bot.url, "Ev-dm-1", dm));
        posted("DANA", null, HOW_TO, "Question 1 of 1");
        int replies = slack.calls("chat.postMessage").size();

        assertThat(send(requests.eventRetry(bot.url, "Ev-dm-1", dm, 1)).statusCode()).isEqualTo(200);
        bot.close();
        bot = new Running(Optional.empty());
        assertThat(send(requests.eventRetry(bot.url, "Ev-dm-1", dm, 2)).statusCode()).isEqualTo(200);
        // A fresh event after the retries proves the queue drained: its reply comes after theirs would have.
        send(requests.event(bot.url, "Ev-dm-2", SlackRequests.messageEvent("DANA", ANA, "repeat", SlackRequests.newTs(),
                null, "im")));
        posted("DANA", null, "Again, question 1 of 1");
        assertThat(slack.calls("chat.postMessage")).hasSize(replies + 1);
    }

    @Test
    void threeThreadRepliesGetThreeFeedbacksAndAScorecard() throws Exception {
        String thread = startInChannel(ANA, 3);
        for (int i = 1; i <= 3; i++) {
            answer("C1", thread, ANA, "Answer " + i + ": I would measure first, then change one thing at a time and"
                    + " compare the p95 before and after, because guessing wastes days.", "channel");
            int expected = i;
            awaitCount(() -> slack.calls("chat.postMessage").stream()
                    .filter(c -> thread.equals(c.arg("thread_ts")) && c.arg("text").startsWith("Score ")).count(), expected);
        }
        ApiCall card = posted("C1", thread, "Score ", "Scorecard");
        assertThat(at(card, "To improve")).as("the last feedback, then the scorecard").isLessThan(at(card, "Scorecard"));
        assertThat(card.arg("blocks")).contains("Review my answers");
        long feedbacks = slack.calls("chat.postMessage").stream()
                .filter(c -> thread.equals(c.arg("thread_ts")) && c.arg("text").startsWith("Score ")).count();
        assertThat(feedbacks).isEqualTo(3);
    }

    /**
     * Slack takes about one message a second per channel: an answer costs one Web API call, the feedback and what
     * comes next in one message, however the interview goes (follow-up questions on, to the scorecard).
     */
    @Test
    void aWholeInterviewCostsOneWebApiCallPerAnswer() throws Exception {
        // A coach that has served a request before: Bolt checks its token with auth.test once, on the first one.
        answer("DANA", null, ANA, "tracks", "im");
        posted("DANA", null, "5 tracks");
        int atStart = settledCalls();
        send(requests.slashCommand(bot.url, TEAM, "DANA", ANA, "mock python 4 --followups"));
        posted("DANA", null, HOW_TO, "Question 1 of 4");
        int started = settledCalls();
        List<String> startCalls = slack.calls().subList(atStart, started).stream().map(ApiCall::method).toList();
        List<String> replies = new java.util.ArrayList<>();
        int answers = 0;
        while (replies.isEmpty() || !replies.getLast().contains("\n\nScorecard: ")) {
            assertThat(answers).as("the interview ends").isLessThan(8);
            int postsBefore = slack.calls("chat.postMessage").size();
            answer("DANA", null, ANA, "I would measure it first with a profiler, change one thing at a time and compare"
                    + " the p95 before and after, because guessing wastes days.", "im");
            answers++;
            await().atMost(WAIT).until(() -> slack.calls("chat.postMessage").size() > postsBefore);
            ApiCall reply = slack.calls("chat.postMessage").get(postsBefore);
            assertThat(reply.arg("channel")).isEqualTo("DANA");
            String text = reply.arg("text");
            assertThat(inOrder(text, "Score ", "Question ") || inOrder(text, "Score ", "A follow-up on question ")
                    || inOrder(text, "Score ", "Scorecard: ") || inOrder(text, "Follow-up: Score ", "Question ")
                    || inOrder(text, "Follow-up: Score ", "Scorecard: "))
                    .as("feedback first, then what comes next, in one message: %s", text).isTrue();
            replies.add(text);
        }
        int calls = settledCalls() - started;
        assertThat(replies).as("follow-up turns were part of it").anyMatch(t -> t.contains("\n\nA follow-up on question"));
        assertThat(slack.calls("chat.update")).isEmpty();
        double perAnswer = (double) calls / answers;
        double wholeInterview = (double) (slack.calls().size() - atStart) / answers;
        System.out.printf("Slack: %d answers, %d Web API calls for them (%.2f per answer); %.2f per answer with the"
                + " start %s%n", answers, calls, perAnswer, wholeInterview, startCalls);
        assertThat(perAnswer).as("Web API calls per answer").isLessThanOrEqualTo(1.2);
        assertThat(wholeInterview).as("Web API calls per answer, the start included").isLessThanOrEqualTo(1.2);
    }

    @Test
    void hintSkipAndEndButtonsWork() throws Exception {
        String thread = startInChannel(ANA, 2);
        MockSession session = session(ANA);
        send(requests.blockAction(bot.url, ANA, "C1", thread, thread, "coach:mock:hint:" + session.id() + ":0", "hint"));
        posted("C1", thread, "Hint: ");
        send(requests.blockAction(bot.url, ANA, "C1", thread, thread, "coach:mock:skip:" + session.id() + ":0", "skip"));
        ApiCall second = posted("C1", thread, "Skipped.", "Question 2 of 2");
        assertThat(at(second, "A strong answer would cover")).isLessThan(at(second, "Question 2 of 2"));
        assertThat(second.arg("blocks")).contains("coach:mock:hint:" + session.id() + ":1")
                .doesNotContain("coach:mock:hint:" + session.id() + ":0");
        // Question 1 keeps its buttons (no chat.update is spent on it); a press on one is refused, to the presser only.
        send(requests.blockAction(bot.url, ANA, "C1", thread, thread, "coach:mock:skip:" + session.id() + ":0", "skip"));
        ApiCall stale = slack.awaitCall("chat.postEphemeral", c -> ANA.equals(c.arg("user")), WAIT);
        assertThat(stale.arg("text")).contains("belongs to an earlier question").contains("question 2");
        assertThat(session(ANA).position()).isEqualTo(1);
        send(requests.blockAction(bot.url, BEN, "C1", thread, thread, "coach:mock:end:" + session.id() + ":1", "end"));
        slack.awaitCall("chat.postEphemeral", c -> BEN.equals(c.arg("user")), WAIT);
        send(requests.blockAction(bot.url, ANA, "C1", thread, thread, "coach:mock:end:" + session.id() + ":1", "end"));
        posted("C1", thread, "Scorecard");
    }

    @Test
    void aDirectMessageInterviewWorksTheSameWay() throws Exception {
        assertThat(send(requests.slashCommand(bot.url, TEAM, "DANA", ANA, "mock sql 2")).statusCode()).isEqualTo(200);
        posted("DANA", null, HOW_TO, "Question 1 of 2");
        assertThat(slack.calls("chat.postMessage")).noneMatch(c -> c.arg("thread_ts") != null);
        answer("DANA", null, ANA, "I would use a LEFT JOIN and keep rows where the right side IS NULL, an anti-join.", "im");
        posted("DANA", null, "Score ", "Question 2 of 2");
        answer("DANA", null, ANA, "skip", "im");
        posted("DANA", null, "Skipped.", "Scorecard");
    }

    @Test
    void helpTypedDuringADirectMessageInterviewListsTheCommandsAndTheQuestionStaysOpen() throws Exception {
        send(requests.slashCommand(bot.url, TEAM, "DANA", ANA, "mock sql 2"));
        posted("DANA", null, HOW_TO, "Question 1 of 2");
        answer("DANA", null, ANA, "help", "im");
        posted("DANA", null, "Commands:");
        assertThat(session(ANA).position()).as("help is not an answer").isZero();
        answer("DANA", null, ANA, "next question, please", "im");
        posted("DANA", null, "Skipped.", "Question 2 of 2");
    }

    @Test
    void aPastedAnswerComesBackEscapedAndSplit() throws Exception {
        send(requests.slashCommand(bot.url, TEAM, "DANA", ANA, "mock python 1"));
        posted("DANA", null, HOW_TO, "Question 1 of 1");
        StringBuilder paste = new StringBuilder("&lt;!channel&gt; <!channel> <@U123> *bold* ");
        int n = 0;
        while (paste.length() < 5000) {
            paste.append("word").append(n++).append(' ');
        }
        answer("DANA", null, ANA, paste.toString(), "im");
        ApiCall card = posted("DANA", null, "Score ", "Scorecard");
        String review = card.arg("blocks").replaceAll(".*\"action_id\":\"(coach:mock:review:[^\"]+)\".*", "$1");
        assertThat(review).startsWith("coach:mock:review:");
        String cardTs = slack.answeredTs(card);
        assertThat(cardTs).as("the ts Slack gave the scorecard").isNotBlank();
        send(requests.blockAction(bot.url, ANA, "DANA", cardTs, review, "review"));
        ApiCall shown = posted("DANA", null, "Your answers");
        String blocks = shown.arg("blocks");
        assertThat(blocks).doesNotContain("<!channel>").doesNotContain("<@U123>").doesNotContain("*bold*");
        assertThat(blocks).contains("&lt;!channel&gt;").contains("@U123");
        com.fasterxml.jackson.databind.JsonNode parsed = new ObjectMapper().readTree(blocks);
        int sections = 0;
        StringBuilder quoted = new StringBuilder();
        for (com.fasterxml.jackson.databind.JsonNode block : parsed) {
            String text = block.path("text").path("text").asText("");
            assertThat(text.length()).isLessThanOrEqualTo(3000);
            if (text.startsWith("> ")) {
                sections++;
                quoted.append(text.replace("> ", "")).append(' ');
            }
        }
        assertThat(sections).as("a 5,000-character answer needs two sections").isGreaterThanOrEqualTo(2);
        for (int i = 0; i < n; i++) {
            assertThat(quoted.toString()).contains("word" + i + " ");
        }

        // The weak answer is offered again from the scorecard, in the same DM, with its score to beat.
        String retry = card.arg("blocks").replaceAll(".*\"action_id\":\"(coach:mock:retry:[^\"]+)\".*", "$1");
        assertThat(retry).startsWith("coach:mock:retry:");
        send(requests.blockAction(bot.url, ANA, "DANA", cardTs, retry, "retry"));
        posted("DANA", null, "Question 1 again. Last time it scored 1/5", "Question 1 of 1");
    }

    @Test
    void aRateLimitedReplyWaitsAsLongAsSlackAsksWithoutHoldingAThread() throws Exception {
        slack.rateLimitNext("chat.postMessage", 1, 2);
        long sent = System.nanoTime();
        send(requests.event(bot.url, "Ev-rl", SlackRequests.messageEvent("DANA", ANA, "tracks", SlackRequests.newTs(),
                null, "im")));
        // The fake records the refused call too; the reply has arrived when a second one comes.
        awaitCount(() -> slack.calls("chat.postMessage").size(), 2);
        assertThat(Duration.ofNanos(System.nanoTime() - sent)).as("not before the wait Slack asked for")
                .isGreaterThanOrEqualTo(Duration.ofSeconds(2));
        assertThat(slack.calls("chat.postMessage")).hasSize(2)
                .allSatisfy(c -> assertThat(c.arg("text")).startsWith("5 tracks"));
        assertThat(waits).as("the wait was kept in the outbox, not slept through on a lane").isEmpty();
    }

    @Test
    void aOneSecondRateLimitIsWaitedOutInPlace() throws Exception {
        slack.rateLimitNext("chat.postMessage", 1, 1);
        send(requests.event(bot.url, "Ev-rl1", SlackRequests.messageEvent("DANA", ANA, "tracks", SlackRequests.newTs(),
                null, "im")));
        awaitCount(() -> slack.calls("chat.postMessage").size(), 2);
        assertThat(waits).containsExactly(1000L);
    }

    @Test
    void whileOneConversationWaitsOutARateLimitAnotherIsAnsweredAtOnce() throws Exception {
        slack.rateLimitNext("chat.postMessage", 1, 5);
        send(requests.event(bot.url, "Ev-slow", SlackRequests.messageEvent("DANA", ANA, "tracks", SlackRequests.newTs(),
                null, "im")));
        slack.awaitCall("chat.postMessage", WAIT);
        long asked = System.nanoTime();
        send(requests.event(bot.url, "Ev-quick", SlackRequests.messageEvent("DBEN", "UBEN", "tracks",
                SlackRequests.newTs(), null, "im")));
        posted("DBEN", null, "5 tracks");
        assertThat(Duration.ofNanos(System.nanoTime() - asked)).isLessThan(Duration.ofSeconds(4));
        assertThat(slack.calls("chat.postMessage").stream().filter(c -> "DANA".equals(c.arg("channel"))))
                .as("Ana's reply is still waiting").hasSize(1);
        posted("DANA", null, "5 tracks");
    }

    @Test
    void aServerErrorFromSlackIsRetried() throws Exception {
        slack.serverErrorNext("chat.postMessage", 2);
        answer("DANA", null, ANA, "tracks", "im");
        awaitCount(() -> slack.calls("chat.postMessage").size(), 3);
        posted("DANA", null, "5 tracks");
    }

    @Test
    void aReplySlackWillNeverTakeIsGivenUpAtOnceThePersonIsToldAndTheInterviewGoesOn() throws Exception {
        send(requests.slashCommand(bot.url, TEAM, "DANA", ANA, "mock sql 2 --no-followups"));
        posted("DANA", null, HOW_TO, "Question 1 of 2");
        slack.failNext("chat.postMessage", "invalid_blocks");
        answer("DANA", null, ANA, "I would use a LEFT JOIN and keep rows where the right side IS NULL, an anti-join.", "im");
        ApiCall told = posted("DANA", null, "Slack would not take part of my reply (invalid_blocks)");
        assertThat(told.arg("text")).contains("type repeat to see the current question again");
        // Given up, not tried again (before, it went on trying for ten minutes while the lane waited behind it).
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).until(() -> slack.calls("chat.postMessage")
                .stream().filter(c -> c.arg("text") != null && c.arg("text").startsWith("Score ")).count() == 1);
        answer("DANA", null, ANA, "skip", "im");
        posted("DANA", null, "Skipped.", "Scorecard");
    }

    @Test
    void inAChannelWithoutTheBotThePersonIsToldToInviteIt() throws Exception {
        slack.failNext("chat.postMessage", "not_in_channel");
        slack.failNext("chat.postEphemeral", "not_in_channel");
        send(requests.slashCommand(bot.url, TEAM, "C9", ANA, "mock python 1"));
        ApiCall told = posted("D" + ANA, null, "I'm not in this channel");
        assertThat(told.arg("text")).contains("/invite @coach");
    }

    @Test
    void urlVerificationIsAnswered() throws Exception {
        HttpResponse<String> response = send(requests.signed(bot.url, "application/json",
                "{\"token\":\"x\",\"challenge\":\"abc123\",\"type\":\"url_verification\"}", java.util.Map.of()));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("abc123");
    }

    @Test
    void staleRequestsAreRefused() throws Exception {
        assertThat(send(requests.stale().slashCommand(bot.url, TEAM, "C1", ANA, "mock")).statusCode()).isEqualTo(401);
        nothingPosted();
    }

    @Test
    void requestsDatedInTheFutureAreRefused() throws Exception {
        assertThat(send(requests.fromTheFuture().slashCommand(bot.url, TEAM, "C1", ANA, "mock")).statusCode())
                .isEqualTo(401);
        nothingPosted();
    }

    @Test
    void unsignedOrForgedRequestsAreRefusedAndDoNothing() throws Exception {
        HttpResponse<String> forged = send(requests.badlySigned().slashCommand(bot.url, TEAM, "C1", ANA, "mock"));
        assertThat(forged.statusCode()).isEqualTo(401);
        HttpResponse<String> unsigned = send(requests.unsigned().slashCommand(bot.url, TEAM, "C1", ANA, "mock"));
        assertThat(unsigned.statusCode()).isEqualTo(401);
        nothingPosted();
    }

    /** Ana starts an interview of two questions in her DM and answers the first; the ts of her answer. */
    private String firstOfTwoAnswered(String answer) throws Exception {
        send(requests.event(bot.url, "Ev-mock", SlackRequests.messageEvent("DANA", ANA, "mock python 2", SlackRequests.newTs(),
                null, "im")));
        posted("DANA", null, HOW_TO, "Question 1 of 2");
        String ts = SlackRequests.newTs();
        send(requests.event(bot.url, "Ev-answer", SlackRequests.messageEvent("DANA", ANA, answer, ts, null, "im")));
        posted("DANA", null, "Score ", "Question 2 of 2");
        return ts;
    }

    private MockSession anasInterview() {
        return bot.coach.sessions().activeFor(new dev.interviewcoach.chat.UserRef(dev.interviewcoach.chat.Platform.SLACK,
                TEAM, ANA)).orElseThrow();
    }

    @Test
    void editingTheLatestAnswerInAnInterviewScoresItAgainAndTheNextQuestionStillWaits() throws Exception {
        String half = "I would";
        String ts = firstOfTwoAnswered(half);
        String whole = "I would measure first with a profiler, then fix the slowest query and add an index.";
        send(requests.event(bot.url, "Ev-finished", SlackRequests.messageChanged("DANA", ANA, ts, half, whole, "im")));
        ApiCall again = posted("DANA", null, "Scored again after your edit", "Question 2 above is still waiting for you.");
        assertThat(again.arg("text")).doesNotContain("Question 2 of 2");
        MockSession session = anasInterview();
        assertThat(session.position()).as("still on question 2").isEqualTo(1);
        assertThat(bot.coach.sessions().answers(session.id()).getFirst().answerText()).isEqualTo(whole);
    }

    @Test
    void anAnswerSentInTwoMessagesIsJoinedAndScoredAsOne() throws Exception {
        bot.close();
        bot = new Running(Optional.empty(), Duration.ofSeconds(15));
        firstOfTwoAnswered("I would measure first with a profiler.");
        send(requests.event(bot.url, "Ev-rest", SlackRequests.messageEvent("DANA", ANA, "Then I would fix the slowest"
                + " query, add an index, and check the p99 again under the same load.", SlackRequests.newTs(), null, "im")));
        ApiCall joined = posted("DANA", null, "I added that to your answer to question 1 and scored it again",
                "Question 2 above is still waiting for you.");
        assertThat(joined.arg("text")).doesNotContain("Question 2 of 2");
        MockSession session = anasInterview();
        assertThat(session.position()).as("still on question 2").isEqualTo(1);
        assertThat(bot.coach.sessions().answers(session.id())).singleElement()
                .satisfies(a -> assertThat(a.answerText()).startsWith("I would measure first").contains("slowest query"));
    }

    @Test
    void deletingAnAnswerInAnInterviewWithdrawsItAndTheNextQuestionStillWaits() throws Exception {
        String answer = "I would measure first with a profiler, then fix the slowest query and add an index.";
        String ts = firstOfTwoAnswered(answer);
        send(requests.event(bot.url, "Ev-delete", SlackRequests.messageDeleted("DANA", ANA, ts, null, answer, "im")));
        posted("DANA", null, "You deleted your answer to question 1, so it no longer counts on this interview's"
                + " scorecard and its text is no longer kept. Question 2 above is still waiting for you.");
        MockSession session = anasInterview();
        assertThat(session.position()).as("still on question 2").isEqualTo(1);
        assertThat(bot.coach.sessions().answers(session.id()).getFirst()).satisfies(a -> {
            assertThat(a.outcome()).isEqualTo(AnswerRecord.Outcome.WITHDRAWN);
            assertThat(a.answerText()).as("the words are not kept").isNull();
        });
    }

    @Test
    void botMessagesAndEditsAreIgnored() throws Exception {
        send(requests.event(bot.url, "Ev-bot", SlackRequests.botMessage("DANA", "BOTHER", "mock", SlackRequests.newTs(), "im")));
        send(requests.event(bot.url, "Ev-edit", SlackRequests.messageChanged("DANA", ANA, SlackRequests.newTs(), "a", "mock", "im")));
        send(requests.event(bot.url, "Ev-real", SlackRequests.messageEvent("DANA", ANA, "tracks", SlackRequests.newTs(), null, "im")));
        posted("DANA", null, "5 tracks");
        assertThat(slack.calls("chat.postMessage")).hasSize(1);
    }

    @Test
    void aMessageSentWithAFileIsReadForItsTextAndAFileAloneIsLeftAlone() throws Exception {
        send(requests.event(bot.url, "Ev-file-only", SlackRequests.fileShare("DANA", ANA, "", SlackRequests.newTs(), null,
                "im")));
        send(requests.event(bot.url, "Ev-file", SlackRequests.fileShare("DANA", ANA, "tracks", SlackRequests.newTs(), null,
                "im")));
        posted("DANA", null, "5 tracks");
        assertThat(slack.calls("chat.postMessage")).hasSize(1);
    }

    @Test
    void anAnswerAlsoSentToTheChannelIsStillAnAnswerInItsThread() throws Exception {
        String thread = startInChannel(ANA, 1);
        send(requests.event(bot.url, "Ev-broadcast", SlackRequests.threadBroadcast("C1", ANA, "I would measure first, then"
                + " change one thing at a time and compare the p95 before and after.", SlackRequests.newTs(), thread)));
        posted("C1", thread, "Score ");
    }

    @Test
    void whatAPersonTypedIsEscapedOnTheWayOut() throws Exception {
        send(requests.event(bot.url, "Ev-esc", SlackRequests.messageEvent("DANA", ANA, "&lt;!channel&gt; <@UBEN>",
                SlackRequests.newTs(), null, "im")));
        ApiCall reply = slack.awaitCall("chat.postMessage", c -> "DANA".equals(c.arg("channel")), WAIT);
        assertThat(reply.arg("text") + reply.arg("blocks")).doesNotContain("<!channel>").doesNotContain("<@UBEN>");
    }

    @Test
    void theHomeTabShowsAStartButtonAndRecentInterviews() throws Exception {
        send(requests.event(bot.url, "Ev-home", SlackRequests.appHomeOpened(ANA)));
        ApiCall home = slack.awaitCall("views.publish", c -> ANA.equals(c.arg("user_id")), WAIT);
        assertThat(home.arg("view")).contains("Start a mock interview").contains("coach:mock:start:home:0")
                .contains("Recent interviews");
        send(homeButton(ANA, "coach:mock:start:home:0"));
        slack.awaitCall("conversations.open", WAIT);
        posted("D" + ANA, null, HOW_TO, "Question 1 of 5");
    }

    @Test
    void socketModeCarriesTheSameConversation() throws Exception {
        bot.close();
        bot = new Running(Optional.of("xapp-test"));
        slack.awaitSocketConnected(WAIT);
        ObjectNode payload = new ObjectMapper().createObjectNode();
        payload.put("token", "x").put("team_id", TEAM).put("team_domain", "test").put("channel_id", "DANA")
                .put("channel_name", "directmessage").put("user_id", ANA).put("user_name", "ana").put("command", "/coach")
                .put("text", "mock behavioral 1").put("api_app_id", FakeSlack.APP_ID).put("trigger_id", "trig-1")
                .put("response_url", SlackRequests.UNUSED_RESPONSE_URL);
        String envelope = slack.sendEnvelope("slash_commands", payload);
        assertThat(slack.awaitAck(envelope, WAIT).path("envelope_id").asText()).isEqualTo(envelope);
        posted("DANA", null, HOW_TO, "Question 1 of 1");
    }

    @Test
    void healthAnswers() throws Exception {
        HttpResponse<String> health = send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + bot.adapter.httpPort()
                + "/healthz")).GET().build());
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).isEqualTo("ok\n");
    }
}
