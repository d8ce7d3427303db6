package dev.interviewcoach.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interviewcoach.question.Bank;
import dev.interviewcoach.question.Misconception;
import dev.interviewcoach.question.Question;
import dev.interviewcoach.question.TalkingPoint;
import dev.interviewcoach.text.TextAnalyzer;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

/**
 * Form never buys substance: the ways of gaming a keyword scorer, tried on every built-in question
 * with words and meaning both on, and the cases that showed the old scorer rewarding the rubric's
 * words rather than what an answer says.
 */
class SubstanceTest {

    private static final RuleBasedFeedbackEngine ENGINE = SentenceModelForTests.ENGINE;

    private static List<Question> everyQuestion() {
        return SentenceModelForTests.BANKS.tracks().stream().map(Bank::questions).flatMap(List::stream).toList();
    }

    private static String keywordList(Question q) {
        return String.join(", ", q.talkingPoints().stream().flatMap(p -> p.shownBy().stream()).toList());
    }

    @Test
    void aRedFlagTheBehavioralTrackListsOnceIsNamedInAStoryForAnyOfItsQuestions() {
        Bank behavioral = SentenceModelForTests.BANKS.tracks().stream().filter(b -> b.track().equals("behavioral"))
                .findFirst().orElseThrow();
        assertThat(behavioral.trackWideMisconceptions()).isNotEmpty();
        String hidden = "Last spring I shipped a config change that broke checkout for about forty minutes. I quietly"
                + " rolled it back at midnight, and nobody found out it was me, so the release went on as planned and"
                + " we hit the launch date with 20% more sign-ups.";
        String owned = "Last spring I shipped a config change that broke checkout for about forty minutes. I rolled it"
                + " back, told my manager and the support lead within the hour, and wrote the postmortem; since then"
                + " config changes go through a canary first, and we have had no repeat in six months.";
        for (String id : List.of("failure-and-lesson", "mistake-you-made", "tight-deadline")) {
            Question q = behavioral.question(id).orElseThrow();
            Feedback flagged = ENGINE.assess(q, hidden);
            assertThat(flagged.score()).as(id).isLessThanOrEqualTo(2);
            assertThat(flagged.wrongClaims()).as(id).anyMatch(w -> w.evidence().contains("nobody found out")
                    && w.correction().startsWith("Tell the people affected about your mistake"));
            assertThat(ENGINE.assess(q, owned).wrongClaims()).as(id).isEmpty();
        }
        // a failure story tells a red flag as the mistake it was, owned and learned from: that is what it is for
        Question failure = behavioral.question("failure-and-lesson").orElseThrow();
        String ownedMistake = "Two years ago I skipped code review to hit a Friday deadline and pushed a pricing change"
                + " myself. It broke checkout for an hour and cost us about 200 orders. I owned it in the incident channel,"
                + " rolled it back, and wrote the postmortem. Since then I never merge without a second reviewer.";
        assertThat(ENGINE.assess(failure, ownedMistake).wrongClaims()).isEmpty();
        assertThat(ENGINE.assess(failure, ownedMistake.replace("I owned it in the incident channel", "It wasn't my fault")
                .replace(" Since then I never merge without a second reviewer.", "")).wrongClaims()).isNotEmpty();
        // general words typed apart are no red flag: "took" and "credit" in one sentence are not "I took the credit"
        Question proud = behavioral.question("proudest-achievement").orElseThrow();
        assertThat(ENGINE.assess(proud, "I led our move to a new billing system last year and cut invoice errors by"
                + " 60%. I gave the credit to Priya in the all-hands, since she took on the hardest part, the data"
                + " migration, and it mattered to me because it was the first project I planned end to end.")
                .wrongClaims()).isEmpty();
    }

    @Test
    void inAStoryWhatSomeoneElseDidIsNotTheCandidatesRedFlag() {
        Question q = SentenceModelForTests.BANKS.tracks().stream().map(Bank::questions).flatMap(List::stream)
                .filter(x -> x.id().equals("giving-hard-feedback")).findFirst().orElseThrow();
        String theirs = "A teammate kept shooting down our testers' bug reports in front of everyone in the group chat,"
                + " and the testers stopped reporting. I asked him for a coffee, just the two of us, showed him two of"
                + " his messages and how they read, and a week later his replies were far kinder.";
        assertThat(ENGINE.assess(q, theirs).wrongClaims()).isEmpty();
        String mine = "A teammate kept shooting down our testers' bug reports, so I called him out in front of everyone"
                + " in the group chat to make an example of it, and a week later his replies were far kinder.";
        assertThat(ENGINE.assess(q, mine).wrongClaims()).isNotEmpty();
    }

    @Test
    void theContractStatedTheRightWayRoundIsNotTheConverseMisconception() {
        // the sentence model cannot tell "equal objects must share a hash code" from its converse; the words can
        Question q = SentenceModelForTests.BANKS.question("java-backend", "equals-hashcode-and-records").orElseThrow();
        for (String right : List.of("Objects that are equal must return the same hashCode.",
                "If two objects are equal according to equals, they must return the same hashCode.")) {
            assertThat(ENGINE.assess(q, right).wrongClaims()).as(right).isEmpty();
        }
        assertThat(ENGINE.assess(q, "Two objects with the same hash code must be equal, so a HashMap can use the hash"
                + " code alone as the key.").wrongClaims()).isNotEmpty();
    }

    @Test
    void whatHappensWithoutAThingIsNotADenialOfIt() {
        // "without X, Y goes wrong" supposes X away to show why it matters; read by meaning it had come out as the
        // opposite of the point that X does its job
        Question q = SentenceModelForTests.BANKS.question("python-developer", "generators-context-managers-decorators")
                .orElseThrow();
        assertThat(ENGINE.assess(q, "Without functools.wraps the wrapper replaces the function's name and docstring,"
                + " which breaks introspection and logging.").wrongClaims()).isEmpty();
    }

    @Test
    void aSentenceThatSaysOnePointIsNotReadAsDenyingTheNextOne() {
        // "where nothing matched" describes what a left join keeps; read alone by meaning it came out as the opposite
        // of the anti-join point beside it, and a right partial answer was told "Not right"
        Question q = SentenceModelForTests.BANKS.question("sql-and-data", "inner-left-anti-join").orElseThrow();
        Feedback f = ENGINE.assess(q, "LEFT JOIN keeps every left row and fills NULLs where nothing matched.");
        assertThat(f.wrongClaims()).isEmpty();
        assertThat(f.covered()).anyMatch(m -> m.point().id().equals("left-keeps-all"));
    }

    @Test
    void aBareListOfTheRubricsKeywordsScoresAtMostTwoAndIsToldToAnswerInSentences() {
        for (Question q : everyQuestion()) {
            Feedback f = ENGINE.assess(q, keywordList(q));
            assertThat(f.score()).as(q.id()).isLessThanOrEqualTo(2);
            assertThat(f.improvements()).as(q.id()).anyMatch(i -> i.startsWith("Answer in sentences"));
        }
    }

    @Test
    void theKeywordsDressedAsASentenceAFrameRepeatedQuestionsOrBulletsScoreAtMostTwo() {
        for (Question q : everyQuestion()) {
            List<String> keywords = q.talkingPoints().stream().flatMap(p -> p.shownBy().stream()).toList();
            String joined = "The key concepts here are " + String.join(" and ", keywords) + ".";
            assertThat(ENGINE.assess(q, joined).score()).as(q.id() + ": " + joined).isLessThanOrEqualTo(2);
            String framed = String.join(" ", keywords.stream().map(k -> "It has " + k + ".").toList());
            assertThat(ENGINE.assess(q, framed).score()).as(q.id() + ": " + framed).isLessThanOrEqualTo(2);
            String important = String.join(" ", keywords.stream().map(k -> "Also, " + k + " is very important to consider"
                    + " here.").toList());
            assertThat(ENGINE.assess(q, important).score()).as(q.id() + ": " + important).isLessThanOrEqualTo(2);
            String asked = String.join(" ", keywords.stream().map(k -> "What about " + k + "?").toList());
            assertThat(ENGINE.assess(q, asked).score()).as(q.id() + ": " + asked).isLessThanOrEqualTo(2);
            String bullets = "Main points:\n" + String.join("\n", keywords.stream().map(k -> "- " + k).toList());
            assertThat(ENGINE.assess(q, bullets).score()).as(q.id() + ": " + bullets).isLessThanOrEqualTo(2);
            List<String> frames = List.of("%s matters a lot.", "%s is key.", "%s helps.", "Think about %s.",
                    "Don't forget %s.");
            StringBuilder rotating = new StringBuilder();
            for (int i = 0; i < keywords.size(); i++) {
                rotating.append(String.format(frames.get(i % frames.size()), keywords.get(i))).append(' ');
            }
            assertThat(ENGINE.assess(q, rotating.toString()).score()).as(q.id() + ": " + rotating).isLessThanOrEqualTo(2);
            String depends = "It really depends on many factors, such as " + String.join(", ", keywords) + ", and it varies"
                    + " from team to team and project to project.";
            assertThat(ENGINE.assess(q, depends).score()).as(q.id() + ": " + depends).isLessThanOrEqualTo(2);
            String also = "Well, " + String.join(". Also ", keywords) + ". That is basically everything.";
            assertThat(ENGINE.assess(q, also).score()).as(q.id() + ": " + also).isLessThanOrEqualTo(2);
            String know = "I know a lot about " + String.join(", ", keywords.subList(0, keywords.size() - 1)) + " and "
                    + keywords.getLast() + ", and I have used all of them in production for years at several companies.";
            assertThat(ENGINE.assess(q, know).score()).as(q.id() + ": " + know).isLessThanOrEqualTo(2);
        }
    }

    @Test
    void theKeywordListRepeatedTwentyTimesScoresAtMostTwo() {
        for (Question q : everyQuestion()) {
            String list = keywordList(q);
            String twenty = String.join(", ", java.util.Collections.nCopies(20, list));
            assertThat(ENGINE.assess(q, twenty).score()).as(q.id()).isLessThanOrEqualTo(2);
            String sentences = String.join(" ", java.util.Collections.nCopies(20, q.exampleAnswer()));
            Feedback repeated = ENGINE.assess(q, sentences);
            assertThat(repeated.score()).as(q.id() + ", the example answer twenty times").isLessThanOrEqualTo(2);
        }
    }

    @Test
    void aRightSentenceThatReadsAlmostLikeTheWrongClaimIsNotCalledWrong() {
        // one word apart from "use an INNER JOIN ... WHERE o.id IS NULL", in meaning; "left", "filter", "NOT EXISTS"
        // are the correction's words
        Question q = SentenceModelForTests.BANKS.question("sql-and-data", "inner-left-anti-join").orElseThrow();
        Feedback f = ENGINE.assess(q, "An inner join keeps only rows with a match on both sides. A left join keeps every"
                + " row from the left table and fills NULLs where nothing matched, so to find customers with no orders I"
                + " left join orders and filter where orders.id is null, or use NOT EXISTS which reads better.");
        assertThat(f.wrongClaims()).isEmpty();
        Feedback wrong = ENGINE.assess(q, "An inner join keeps only rows with a match on both sides. To find customers"
                + " with no orders, I inner join customers to orders and keep the rows where the order id is null.");
        assertThat(wrong.wrongClaims()).isNotEmpty();
    }

    @Test
    void aVagueAnswerIsToldThatWhatWeighedAgainstItIsThePointsItDoesNotMake() {
        Question q = SentenceModelForTests.BANKS.question("sql-and-data", "btree-index-costs").orElseThrow();
        Feedback f = ENGINE.assess(q, "Indexes make things faster. I usually add them when queries are slow, it depends on the"
                + " database and the workload. There are trade-offs to think about with any index.");
        assertThat(f.score()).isLessThanOrEqualTo(2);
        assertThat(f.scoreReason()).contains("what weighed most against it: few of the talking points are made");
    }

    @Test
    void aStoryWhosePointsShowOnlyInItsShapeIsNotToldItMakesFewOfThem() {
        Question q = SentenceModelForTests.BANKS.question("behavioral", "proudest-achievement").orElseThrow();
        Feedback f = ENGINE.assess(q, "Last spring our checkout service started timing out during a sale, and I was the"
                + " on-call engineer. I pulled the traces, saw a new query doing a full table scan, and rolled back the"
                + " release within 20 minutes. Then I added the missing index, wrote a load test for the checkout path,"
                + " and we re-released the next morning. Timeouts went from 8% to zero, and since then every release"
                + " runs that load test first.");
        assertThat(f.covered()).extracting(m -> m.point().id()).contains("personal-role");
        assertThat(f.strengths()).anySatisfy(s -> assertThat(s).contains("said what you did yourself"));
        assertThat(f.scoreReason()).doesNotContain("few of the talking points are made");
    }

    @Test
    void anAnswerInEverydayWordsIsReadAsAboutTheQuestionWhileAnAnswerToAnotherStaysOffTopic() {
        Question q = SentenceModelForTests.BANKS.question("system-design", "design-url-shortener").orElseThrow();
        // Hardly a word of the question's own vocabulary: words alone said it "does not address this question".
        Feedback everyday = ENGINE.assess(q, "Picture a coat check: you hand over a long link, you get a tiny ticket"
                + " back. Tickets come from a counter so two people never get the same one, spelled with letters and"
                + " numbers to stay short. The tickets and links live in a table spread over several machines, popular"
                + " tickets are kept in memory because people look far more than they hand in, and a visitor with a"
                + " ticket is bounced to the original page.");
        assertThat(everyday.signals().relevance().offTopic()).isFalse();
        assertThat(everyday.scoreReason()).doesNotContain("does not address").doesNotContain("could not tie");

        Feedback another = ENGINE.assess(q, "The interpreter holds one big lock, so only one thread runs Python at a"
                + " time; for heavy number crunching I use several processes instead, and for many slow network calls"
                + " an event loop.");
        assertThat(another.signals().relevance().offTopic()).isTrue();
        assertThat(another.score()).as("an answer to another question has not begun on this one").isEqualTo(1);
        assertThat(another.scoreReason()).startsWith("The answer does not address this question")
                .doesNotContain("2 or below");
    }

    @Test
    void aRightAnswerThatMakesOnePointIsPartialNotNothing() {
        Question q = SentenceModelForTests.BANKS.question("system-design", "design-payment-system").orElseThrow();
        Feedback f = ENGINE.assess(q, "Every payment request carries an idempotency key from the client. We store the key"
                + " under a unique constraint, and when a retry comes in with a key we have already seen, we return the"
                + " first response instead of charging again.");
        assertThat(f.covered()).hasSize(1);
        assertThat(f.score()).as("a 1 is for an answer that has not begun on the question").isEqualTo(2);
    }

    @Test
    void aPointSaidInEverydayWordsIsHeard() {
        Question q = SentenceModelForTests.BANKS.question("sql-and-data", "inner-left-anti-join").orElseThrow();
        Feedback f = ENGINE.assess(q, "if you combine the two tables the strict way you only get the rows that found a"
                + " partner on both sides. the other way keeps the whole first table, so every customer shows up, and the"
                + " order columns are just empty for people who never bought anything. so to find the never-buyers I keep"
                + " everyone and then filter down to the customers whose order columns came back empty.");
        assertThat(f.covered()).extracting(m -> m.point().id()).contains("anti-join");
        assertThat(f.score()).isGreaterThanOrEqualTo(4);
    }

    @Test
    void aKeywordListAlreadyScoredLowIsStillToldWhy() {
        Question q = SentenceModelForTests.BANKS.question("python-developer", "gil-and-concurrency").orElseThrow();
        Feedback f = ENGINE.assess(q, "GIL, threads, multiprocessing, asyncio, CPU-bound, I/O-bound, released");
        assertThat(f.score()).isLessThanOrEqualTo(2);
        assertThat(f.scoreReason()).contains("a list of terms without sentences").doesNotContain("weighed most");
    }

    @Test
    void theQuestionCopiedBackScoresOne() {
        for (Question q : everyQuestion()) {
            Feedback f = ENGINE.assess(q, q.text());
            assertThat(f.score()).as(q.id()).isEqualTo(1);
            assertThat(f.scoreReason()).contains("repeats the question");
        }
    }

    @Test
    void aShortRambleThatOnlyNamesEachKeywordAsATopicOfTalkScoresAtMostTwo() {
        List<String> frames = List.of("In my experience %s is something teams talk about a lot.",
                "People often bring up %s in design reviews.", "I remember a meeting about %s last year.",
                "Some colleagues have strong opinions about %s.", "It is worth mentioning %s here as well.",
                "There was a good blog post about %s that I liked.", "We also talked about %s over lunch once.");
        for (Question q : everyQuestion()) {
            List<String> keywords = q.talkingPoints().stream().flatMap(p -> p.shownBy().stream()).toList();
            StringBuilder ramble = new StringBuilder();
            for (int i = 0; i < keywords.size(); i++) {
                ramble.append(String.format(frames.get(i % frames.size()), keywords.get(i))).append(' ');
            }
            Feedback f = ENGINE.assess(q, ramble.toString());
            assertThat(f.score()).as(q.id() + ": " + ramble).isLessThanOrEqualTo(2);
            assertThat(f.scoreReason()).as(q.id()).startsWith("The answer names topics as things people talk about");
            assertThat(f.improvements().getFirst()).as(q.id()).contains("only says a topic came up");
        }
        Question gil = SentenceModelForTests.BANKS.question("python-developer", "gil-and-concurrency").orElseThrow();
        Feedback pointingBack = ENGINE.assess(gil, "As I mentioned, the GIL is released while threads wait on network"
                + " I/O.");
        assertThat(pointingBack.covered()).as("\"as I mentioned\" is not talk of a topic").isNotEmpty();
    }

    @Test
    void aThreeThousandWordRambleThatDropsEachKeywordOnceScoresAtMostTwo() {
        String filler = "Honestly there is a lot to say here and I think it depends on many things that we discussed "
                + "with the team over several meetings, and we looked at it from different angles before deciding. ";
        for (Question q : everyQuestion().subList(0, 12)) {
            StringBuilder ramble = new StringBuilder();
            List<String> keywords = q.talkingPoints().stream().flatMap(p -> p.shownBy().stream()).toList();
            int k = 0;
            while (dev.interviewcoach.text.TextAnalyzer.wordCount(ramble.toString()) < 3000) {
                ramble.append(filler);
                if (k < keywords.size()) {
                    ramble.append("We also talked about ").append(keywords.get(k++)).append(". ");
                }
            }
            Feedback f = ENGINE.assess(q, ramble.toString());
            assertThat(f.score()).as(q.id()).isLessThanOrEqualTo(2);
        }
    }

    @Test
    void everyTalkingPointDeniedScoresAtMostTwo() {
        for (Question q : everyQuestion()) {
            StringBuilder denied = new StringBuilder("I have thought about this a lot. ");
            for (TalkingPoint p : q.talkingPoints()) {
                // A point that is itself a "not" would become a double negative, which asserts it; one of
                // several clauses is denied only in its first clause.
                boolean pointDenies = java.util.Arrays.stream(p.point().split("[^\\p{L}']+"))
                        .anyMatch(dev.interviewcoach.text.TextAnalyzer::isNegator);
                boolean oneClause = !p.point().matches("(?s).*[,;:].*");
                denied.append(pointDenies || !oneClause ? "" : "It is not true that " + lowerFirst(p.point()) + " ");
            }
            assertThat(ENGINE.assess(q, denied.toString()).score()).as(q.id()).isLessThanOrEqualTo(2);
        }
    }

    @Test
    void theRightKeywordsNegatedDoNotCount() {
        Question btree = question("sql-and-data", "btree-index-costs");
        Feedback f = ENGINE.assess(btree, """
                I would never use an index for this. A B-tree does not keep keys sorted, so it cannot help range
                queries, and an index never slows writes because nothing extra is written on insert. There is no
                need to think about selectivity or the write amplification on every update.
                """);
        assertThat(f.score()).isLessThanOrEqualTo(2);
    }

    @Test
    void aFluentConfidentlyWrongAnswerIsCappedAndCorrected() {
        Question gil = question("python-developer", "gil-and-concurrency");
        Feedback f = ENGINE.assess(gil, """
                Since Python 3 the GIL is only held during imports, so threads run in parallel on all cores. That
                means for CPU-bound work like resizing images I just use a ThreadPoolExecutor with one thread per
                core, and for I/O-bound work asyncio with an event loop. Processes are the old way of doing it and
                only add pickling overhead, so I avoid multiprocessing in modern code.
                """);
        assertThat(f.score()).isLessThanOrEqualTo(2);
        assertThat(f.wrongClaims()).isNotEmpty();
        assertThat(f.improvements().getFirst()).startsWith("You said \"").contains("GIL");
    }

    @Test
    void aConciseCorrectAnswerInOtherWordsCanScoreFourAndIsToldWhatWouldMakeItFive() {
        Question gil = question("python-developer", "gil-and-concurrency");
        Feedback f = ENGINE.assess(gil, """
                CPython lets only one thread execute Python code at any moment. Threads still help when the work
                waits on the network or disk, since the lock is released while waiting, and asyncio serves
                thousands of sockets from one loop if every library is async. For heavy computation I use a
                process pool to get all cores, paying for copying arguments between processes.
                """);
        assertThat(f.score()).isGreaterThanOrEqualTo(4);
        if (f.score() == 4) {
            assertThat(f.scoreReason()).contains("To make it a 5");
        }
    }

    private static Question question(String track, String id) {
        return SentenceModelForTests.BANKS.question(track, id).orElseThrow();
    }

    private static String lowerFirst(String s) {
        return s.isEmpty() ? s : s.substring(0, 1).toLowerCase(Locale.ROOT) + s.substring(1);
    }


    @Test
    void noBuiltInExampleAnswerOrCorrectionIsToldItMadeAWrongClaim() {
        // A spotted phrase that fires on the question's own right answer would cap good answers at 2.
        SoftAssertions softly = new SoftAssertions();
        for (Question q : everyQuestion()) {
            softly.assertThat(ENGINE.assess(q, q.exampleAnswer()).wrongClaims().stream()
                    .map(w -> "\"" + w.evidence() + "\" taken for: " + w.claim()).toList()).as(q.id() + ", its example answer").isEmpty();
            for (Misconception m : q.misconceptions()) {
                List<String> claimed = ENGINE.assess(q, m.correction()).wrongClaims().stream()
                        .filter(w -> q.misconceptions().stream().anyMatch(other -> other.claim().equals(w.claim())))
                        .map(w -> "\"" + w.evidence() + "\" taken for: " + w.claim()).toList();
                softly.assertThat(claimed).as(q.id() + ", the correction of \"" + m.claim() + "\"").isEmpty();
            }
        }
        softly.assertAll();
    }

    @Test
    void noMisconceptionsPhraseIsFoundInItsQuestionsOwnWordingsOfAPoint() {
        // each point's statement, other and everyday wordings say it rightly; a phrase found in one would cap an answer
        // that says the same
        TextAnalyzer analyzer = new TextAnalyzer();
        TalkingPointMatcher matcher = new TalkingPointMatcher(analyzer);
        SoftAssertions softly = new SoftAssertions();
        for (Question q : everyQuestion()) {
            for (TalkingPoint p : q.talkingPoints()) {
                List<String> wordings = new java.util.ArrayList<>(List.of(p.point()));
                wordings.addAll(p.inOtherWords());
                wordings.addAll(p.inEverydayWords());
                for (String wording : wordings) {
                    List<String> spotted = matcher.spotted(q.misconceptions(), AnalyzedText.of(wording, analyzer)).stream()
                            .flatMap(Optional::stream).toList();
                    softly.assertThat(spotted).as(q.id() + ", " + p.id() + ": " + wording).isEmpty();
                }
            }
        }
        softly.assertAll();
    }

    @Test
    void everyBuiltInMisconceptionIsCaughtWhenStatedAsWritten() {
        SoftAssertions softly = new SoftAssertions();
        for (Question q : everyQuestion()) {
            for (Misconception m : q.misconceptions()) {
                String answer = "I have shipped this in production for years. " + m.claim()
                        + " That is how I would handle it on a real team, and I would measure it before and after.";
                Feedback f = ENGINE.assess(q, answer);
                softly.assertThat(f.wrongClaims()).as(q.id() + ": " + m.claim()).isNotEmpty();
                softly.assertThat(f.score()).as(q.id() + ": " + m.claim()).isLessThanOrEqualTo(2);
            }
        }
        softly.assertAll();
    }

    @Test
    void aWrongClaimNamedToRejectItIsNotTakenForTheClaim() {
        Question q = SentenceModelForTests.BANKS.question("python-developer", "gil-and-concurrency").orElseThrow();
        assertThat(ENGINE.assess(q, "The GIL was removed in Python 3, so threads run in parallel on every core now.")
                .wrongClaims()).isNotEmpty();
        for (String rejecting : List.of(
                "Some people think the GIL was removed in Python 3, so threads run in parallel on all cores.",
                "It is a myth that threads run in parallel on all cores in CPython.",
                "The idea that threads run in parallel on all cores is wrong for CPython.",
                "Unlike Java, where threads run in parallel on all cores, CPython runs one thread at a time.",
                "Most people's reflex is that threads run in parallel on all cores, but CPython runs one at a time.",
                "The naive answer is that threads run in parallel on all cores; in CPython the GIL stops that.")) {
            assertThat(ENGINE.assess(q, rejecting).wrongClaims()).as(rejecting).isEmpty();
        }
    }

    @Test
    void aWrongClaimIsSpottedInTheWordsAsTypedNotOneLetterAway() {
        // "unequal" is one letter from "unique": read as a typo, the contract stated rightly was told it claimed
        // that hash codes are unique
        Question q = SentenceModelForTests.BANKS.question("java-backend", "equals-hashcode-and-records").orElseThrow();
        Feedback right = ENGINE.assess(q, "If two objects are equal according to equals, they must return the same"
                + " hashCode; unequal objects are allowed to share one. Break that and HashMap lookups miss.");
        assertThat(right.wrongClaims()).isEmpty();
        assertThat(ENGINE.assess(q, "Every object gets its own hash code, the hashCode is unique, so HashMap never"
                + " needs equals at all.").wrongClaims()).isNotEmpty();
    }

    @Test
    void aSentenceCloseToAClaimOnTopicAloneIsNotTheClaim() {
        // the sentence model puts this right (if thin) answer next to "column order in a composite index is
        // irrelevant": it shares only the question's own words with that claim
        Question q = SentenceModelForTests.BANKS.question("sql-and-data", "composite-covering-index").orElseThrow();
        assertThat(ENGINE.assess(q, "The order of columns matters in composite indexes for performance reasons.")
                .wrongClaims()).isEmpty();
    }

    @Test
    void aWrongClaimIsNotFoundInHalfOfAHyphenatedWord() {
        // a correct concise answer written by another person was told its mistake "was a one-off": "off" was half of
        // "switched off" and "one" stood three words away
        Question mistake = SentenceModelForTests.BANKS.question("behavioral", "mistake-you-made").orElseThrow();
        assertThat(ENGINE.assess(mistake, "I pushed a config change that switched off email notifications for one"
                + " customer group. I told my lead at once, rolled it back and added a validation check in CI.")
                .wrongClaims()).isEmpty();
        assertThat(ENGINE.assess(mistake, "I broke the nightly export once, but it was a one-off, so I fixed it and"
                + " moved on.").wrongClaims()).isNotEmpty();
    }

    @Test
    void aTwoWordClaimMadeOfTheCorrectionsOwnWordsIsFoundOnlyWithItsWordsTogether() {
        // "average is the peak": apart, its two words are as likely the correction's own, and an estimate that applies
        // a peak factor had been told it designs for the average
        Question q = SentenceModelForTests.BANKS.question("system-design", "back-of-the-envelope-estimation").orElseThrow();
        Feedback right = ENGINE.assess(q, "say 10M daily users, each does 10 requests, that's 100M a day, about 1,200/s"
                + " on average and maybe 3-5x at peak so ~5k/s. if each stores 1KB that's 100GB a day, ~36TB a year"
                + " before replication. i round aggressively and say the assumptions out loud.");
        assertThat(right.wrongClaims()).isEmpty();
        assertThat(right.covered()).anyMatch(m -> m.point().id().equals("request-rate") && m.inContext().contains("at peak"));
        assertThat(ENGINE.assess(q, "100M requests a day over 86,400 seconds is about 1,200 a second, and I'd say the"
                + " average is the peak here, so 1,200/s is what we size for.").wrongClaims()).isNotEmpty();
        // three such words must come in their order: a right answer that describes both ETL and ELT has them all
        Question etl = SentenceModelForTests.BANKS.question("sql-and-data", "etl-elt-idempotent-pipelines").orElseThrow();
        assertThat(ENGINE.assess(etl, "etl transforms data before loading it into the warehouse; elt loads raw data first"
                + " and transforms inside the warehouse with sql, e.g. dbt. for idempotency each run overwrites one date's"
                + " partition, and don't use now() inside the logic.").wrongClaims()).isEmpty();
        assertThat(ENGINE.assess(etl, "with ELT you transform everything before loading, so the warehouse only ever"
                + " sees clean data.").wrongClaims()).isNotEmpty();
    }

    @Test
    void aSentenceThatLoweredTheScoreForComingNearAWrongClaimIsNamedWithTheClaim() {
        // "part of it reads like a common misconception" sent the person looking for a mistake with nothing to find
        Question q = SentenceModelForTests.BANKS.question("system-design", "replication-and-failover").orElseThrow();
        Feedback f = ENGINE.assess(q, "with a primary and replicas, writes go to the primary and replicate to the"
                + " replicas, usually async so a replica can lag and a failover can lose the last few writes. sync"
                + " replication avoids that but adds latency. failover needs a health check and something like patroni"
                + " to promote a replica, and fencing so the old primary can't keep accepting writes (split brain). reads"
                + " from replicas can be stale, so read-your-writes goes to the primary.");
        assertThat(f.wrongClaims()).isEmpty();
        assertThat(f.scoreReason()).doesNotContain("part of it reads like");
        if (f.scoreReason().contains("common misconception")) {
            assertThat(f.scoreReason()).contains("\"reads from replicas can be stale")
                    .contains("(\"Reads from a replica always return the latest data");
        }
    }

    @Test
    void aWrongClaimToldAsWhatGoesWrongIsAWarningNotTheClaim() {
        // "retrying forever" followed by what it does to the partition warns against the claim it names
        Question q = SentenceModelForTests.BANKS.question("system-design", "queue-lag-and-backpressure").orElseThrow();
        assertThat(ENGINE.assess(q, "watch for poison messages, one bad payload retrying forever can stall a whole"
                + " partition, so after three tries park it in a DLQ and alert.").wrongClaims()).isEmpty();
        assertThat(ENGINE.assess(q, "a message that fails should just keep retrying forever, so nothing is ever lost.")
                .wrongClaims()).isNotEmpty();
    }

    @Test
    void aPointThatItselfDeniesIsAgreedWithByRatherThan() {
        // "rather than present something i think misleads the client" is "will not personally present something
        // misleading", not its opposite
        judgedRight("behavioral", "ethical-dilemma", "i'd first ask my manager to explain, in case i'm missing context. "
                + "if it still looked misleading i'd "
                + "say so plainly and suggest an honest alternative, like showing the full period instead of cherry-"
                + "picking one quarter, with a note explaining the dip. if they insisted, i'd escalate to their manager"
                + " or compliance rather than present something i think misleads the client, because losing the "
                + "client's trust costs more than one bad quarter.");
    }

    @Test
    void aPhraseNamingWhatThePointSaysToAvoidShowsItOnlyWhenWarnedAgainst() {
        // "row by row" names what "use COPY rather than row-by-row INSERTs" warns against: an answer that inserts row
        // by row had been credited with the point
        Question csv = SentenceModelForTests.BANKS.question("python-developer", "large-csv-into-postgres").orElseThrow();
        assertThat(ENGINE.assess(csv, "i'd read the csv with the csv module and insert row by row with executemany,"
                + " committing every 1000 rows so memory stays flat.").covered())
                .noneSatisfy(m -> assertThat(m.point().id()).isEqualTo("copy-command"));
        Question streams = SentenceModelForTests.BANKS.question("java-backend", "streams-pitfalls").orElseThrow();
        assertThat(ENGINE.assess(streams, "streams are fine for anything, mutating shared state from forEach is totally"
                + " fine since the stream runs in order.").covered())
                .noneSatisfy(m -> assertThat(m.point().id()).isEqualTo("side-effects"));
        assertThat(ENGINE.assess(streams, "don't mutate shared state from lambdas, collect into a new list instead."
                + " toMap throws on duplicate keys without a merge function.").covered())
                .anySatisfy(m -> assertThat(m.point().id()).isEqualTo("side-effects"));
        Question index = SentenceModelForTests.BANKS.question("sql-and-data", "composite-covering-index").orElseThrow();
        // and denying a thing only done too widely is no denial of the thing: "don't build a covering index per query"
        assertThat(ENGINE.assess(index, "equality column first, then the range, and INCLUDE the selected columns so it"
                + " is covering. just don't build a covering index per query, each costs disk and slows writes.")
                .wrongClaims()).isEmpty();
        assertThat(ENGINE.assess(index, "equality column first, then the range, and INCLUDE the selected columns so it"
                + " is covering. but an index per query is a trap: each costs disk and slows writes.")
                .covered()).anySatisfy(m -> assertThat(m.point().id()).isEqualTo("wider-index-cost"));
    }

    @Test
    void aSentenceNearAClaimInMeaningButNamingTheOtherAlternativeIsNotTheClaim() {
        // a LEFT JOIN anti-join sits next to "use an INNER JOIN with WHERE o.id IS NULL" in meaning
        judgedRight("sql-and-data", "inner-left-anti-join", "inner join only keeps rows that match on both sides, left"
                + " join keeps every row from the left table and fills nulls where there's no match. for customers"
                + " with no orders: select c.* from customers c left join orders o on o.customer_id = c.id where o.id is"
                + " null. or not exists (select 1"
                + " from orders o where o.customer_id = c.id), which i usually prefer, avoid not in if customer_id can be"
                + " null");
    }

    @Test
    void aPlainRightSentenceNearAPlainClaimIsNotTheClaim() {
        // an everyday answer sits nearer "Kafka delivers each message exactly once" than its technical correction
        judgedRight("java-backend", "kafka-idempotent-consumer", "kafka may hand you the same message twice, so the"
                + " consumer has to be fine with that, like a cashier checking the receipt number so the same receipt"
                + " can't be refunded twice. every message has a unique id, and when i save the result i save that id"
                + " in the same step, if it's already there i skip it. i only tell kafka done after the work is saved."
                + " for messages that fail, retry a few times with a pause, and if it keeps failing park it in a"
                + " separate problem queue so it doesn't block everything behind it, and alert someone.");
        // a short piece is mostly its topic: "NOT EXISTS" is an anti-join, not the INNER JOIN claim
        judgedRight("sql-and-data", "inner-left-anti-join", "An inner join keeps only matching rows; a left join keeps"
                + " every customer and puts nulls where there is no order. Customers with no orders: SELECT c.* FROM"
                + " customers c WHERE NOT EXISTS (SELECT 1 FROM orders o WHERE o.customer_id = c.id).");
    }

    @Test
    void aDenialTypedWithoutItsApostropheStillDenies() {
        // "dont just add consumers" warns against the claim that more consumers fix the lag; without the apostrophe it
        // was read as saying it
        judgedRight("system-design", "queue-lag-and-backpressure", "first i'd check the slow api is really the"
                + " bottleneck. dont just add more consumers, that hits the struggling service even harder and past the"
                + " partition count they sit idle anyway. cap how many calls are in flight, slow down reading when it"
                + " errors, send poison messages to a dead letter queue, and alert on lag growing.");
        assertThat(TextAnalyzer.withApostrophes("Dont do it, it wasnt safe and cant work; wont is fine"))
                .isEqualTo("Don't do it, it wasn't safe and can't work; won't is fine");
        assertThat(TextAnalyzer.withApostrophes("the content of an instance")).isEqualTo("the content of an instance");
    }

    @Test
    void aNegationThatSaysAPointsNegativeWordAgreesWithIt() {
        // "input you can't trust" is "untrusted input": it was read as the opposite of the point about validating it
        Question q = SentenceModelForTests.BANKS.question("python-developer", "dataclasses-vs-pydantic").orElseThrow();
        Feedback f = ENGINE.assess(q, "Dataclasses are for objects my own code creates, so nothing needs checking and"
                + " they come with the standard library. For input you can't trust, like a request body or a config"
                + " file, I use Pydantic: it validates every field, coerces \"42\" to an int and gives clear errors.");
        assertThat(f.wrongClaims()).isEmpty();
        // and "nothing needs checking" denies nothing of the standard library in the clause after "and they"
        assertThat(f.covered()).extracting(m -> m.point().id()).contains("dataclass-internal");
    }

    @Test
    void aMythNamedToBeSetRightIsNotTheCandidatesClaim() {
        // right answers that name a common belief to reject it were told they made it, 31 of 132 of them
        judgedRight("python-developer", "profiling-memory", "A common assumption is that Python can't leak because it's"
                + " garbage collected, but anything still referenced stays alive: an ever-growing cache dict, listeners"
                + " never removed, globals. I'd compare tracemalloc snapshots over time to see which lines keep"
                + " allocating, use objgraph or a heap dump to see who holds the references, and watch RSS in production.");
        // the full stop of ".env" is no sentence's end: "People often think" still stands before the claim's words
        Feedback env = ENGINE.assess(SentenceModelForTests.BANKS.question("python-developer", "secrets-auth-api-risks")
                .orElseThrow(), "People often think a .env file committed to a private repo is fine because the repo is"
                + " private. It isn't: laptops, forks and CI logs leak. I keep secrets in a managed store, inject them at"
                + " runtime, scope them per environment, and run secret scanning in CI.");
        assertThat(env.wrongClaims()).isEmpty();
        // a phrase found out of order may start before the words that report it: "my ... complain ... lead"
        Feedback instinct = ENGINE.assess(SentenceModelForTests.BANKS.question("behavioral", "conflict-with-coworker")
                .orElseThrow(), "a colleague kept rewriting my prs through review comments. my first instinct was to"
                + " complain to our lead, but i talked to him first over a coffee: he felt left out of design decisions,"
                + " so we agreed he'd review the design doc before i start coding. reviews got shorter and calmer.");
        assertThat(instinct.wrongClaims()).isEmpty();
    }

    @Test
    void pythonsNoneIsNoNegation() {
        // "catching None handling" was read as denying that type checking catches bugs
        judgedRight("python-developer", "typing-and-mypy", "I type the boundaries first, public functions and data"
                + " models, and run mypy in CI, strict on new modules and looser on legacy code, tightening module by"
                + " module. Hints pay off in refactoring and catching None handling. They stop paying off in very dynamic"
                + " code or with untyped libraries, where a cast or an ignore with a comment is fine.");
        // "None of them" at a sentence's start still denies
        assertThat(new TextAnalyzer().tokens("None of them worked.").getFirst().negator()).isTrue();
        assertThat(new TextAnalyzer().tokens("it returns None here").stream().filter(t -> t.stem().equals("none"))
                .findFirst().orElseThrow().negator()).isFalse();
    }

    @Test
    void aListOfMistakesWarnsAgainstWhatItNames() {
        // read alone by meaning, "and never shutting the executor down" denies the clean-shutdown point
        judgedRight("java-backend", "executor-service-and-completablefuture", "I create a bounded ThreadPoolExecutor"
                + " sized for the workload, then CompletableFuture.supplyAsync(task, executor) and compose with"
                + " thenCompose and allOf. Mistakes I watch for: not passing an executor so blocking calls land on the"
                + " common ForkJoinPool, unbounded queues, exceptions silently lost because nobody added exceptionally,"
                + " no timeouts, and never shutting the executor down.");
        // "watch out for:" heads such a list as well
        Feedback watched = ENGINE.assess(SentenceModelForTests.BANKS.question("java-backend",
                "executor-service-and-completablefuture").orElseThrow(), "I size a ThreadPoolExecutor on purpose with a"
                + " bounded queue and a rejection policy, chain futures with thenCompose and thenCombine, give each one"
                + " orTimeout and exceptionally, and shut the pool down with awaitTermination. Things to watch out for:"
                + " the common ForkJoinPool used when you pass no executor, blocking io on it, and futures nobody joins.");
        assertThat(watched.wrongClaims()).isEmpty();
        // and words of a claim's phrase a few words apart, pronouns among them, are not the claim
        judgedRight("behavioral", "receiving-criticism", "a colleague told me in a retro that i came across as"
                + " dismissive in meetings, cutting people off. that stung. i thanked her, asked another teammate if it"
                + " was true and he said yeah, sometimes. so i made a point of letting people finish and asking one"
                + " question before giving my view. a couple of months later she told me it had made a real difference.");
    }

    /** A right answer typed by a user: no wrong claim named, and 4 or 5. */
    private static void judgedRight(String track, String questionId, String answer) {
        Feedback f = ENGINE.assess(SentenceModelForTests.BANKS.question(track, questionId).orElseThrow(), answer);
        assertThat(f.wrongClaims()).as(questionId).isEmpty();
        assertThat(f.score()).as(questionId).isGreaterThanOrEqualTo(4);
    }

    @Test
    void aStorySettingTheSceneIsNotTakenForTheOppositeOfItsPoint() {
        // the example answer sets its scene with a negation ("I had never used..."); that wording is no reference for
        // what denying "says what had to be learned and the time pressure" would be
        Question q = SentenceModelForTests.BANKS.question("behavioral", "learning-quickly").orElseThrow();
        // (a concise answer of the dev part, which was told it said "the opposite of" the point it opens with)
        Feedback f = ENGINE.assess(q, "I had to pick up Terraform in a week when our infra engineer left just before a"
                + " deadline. I read the docs on state and modules, recreated our existing setup in a sandbox to practise,"
                + " and asked a friend who uses it daily to review. I shipped the new staging environment on time with no"
                + " drift issues.");
        assertThat(f.wrongClaims()).isEmpty();
    }

    @Test
    void aDenialIsNotTakenForAPointByMeaning() {
        // the example answer says both that equal objects must share a hash code and that unequal ones need not;
        // compared whole, it took "equal objects don't need the same hash code" for the contract
        Question q = SentenceModelForTests.BANKS.question("java-backend", "equals-hashcode-and-records").orElseThrow();
        Feedback denied = ENGINE.assess(q, "There's no real link between equals and hashCode. Equal objects don't need"
                + " the same hash code, so you can override one and leave the other alone.");
        assertThat(denied.covered()).extracting(m -> m.point().id()).doesNotContain("contract");
        Feedback made = ENGINE.assess(q, "If two objects are equal they have to return the same hash code, and equals"
                + " must be symmetric and transitive, or hash-based collections misbehave.");
        assertThat(made.covered()).extracting(m -> m.point().id()).contains("contract");
    }

    @Test
    void aSentenceNearerAWrongClaimThanAPointIsNoSupportForThePoint() {
        // close to "violations make hash-based collections miss lookups", but closer still to the wrong claim that
        // overriding equals alone is fine
        Question q = SentenceModelForTests.BANKS.question("java-backend", "equals-hashcode-and-records").orElseThrow();
        Feedback f = ENGINE.assess(q, "If you override equals without hashCode it's not a big problem in practice,"
                + " because HashMap checks equals first and only uses hashCode as a tie breaker.");
        assertThat(f.covered()).extracting(m -> m.point().id()).doesNotContain("collections-break");
        Feedback right = ENGINE.assess(q, "If equals and hashCode disagree, a HashSet can hold the same value twice and"
                + " a HashMap lookup can miss a key you just put in.");
        assertThat(right.covered()).extracting(m -> m.point().id()).contains("collections-break");
    }

    @Test
    void aSentenceCloseInMeaningToAClaimButSayingOneOfItsWordsTheOtherWayRoundIsNotTheClaim() {
        Question cap = SentenceModelForTests.BANKS.question("system-design", "cap-and-consistency-models").orElseThrow();
        Feedback right = ENGINE.assess(cap, "When there is no partition you still get extra latency from strong"
                + " consistency.");
        assertThat(right.signals().meaning().claimCloseness()).as("the sentence model reads it as the claim")
                .isGreaterThan(RuleBasedFeedbackEngine.MEANING_CLAIM);
        assertThat(right.wrongClaims()).as("but it asserts the latency the claim denies").isEmpty();
        Feedback wrong = ENGINE.assess(cap, "When there is no partition, strong consistency comes for free with no extra"
                + " latency.");
        assertThat(wrong.wrongClaims()).extracting(Feedback.WrongClaim::claim)
                .contains("When there's no partition, strong consistency comes for free with no extra latency.");
    }
}
