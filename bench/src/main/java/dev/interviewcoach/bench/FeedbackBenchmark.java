package dev.interviewcoach.bench;

import dev.interviewcoach.feedback.Feedback;
import dev.interviewcoach.feedback.RuleBasedFeedbackEngine;
import dev.interviewcoach.feedback.meaning.CachedEmbedder;
import dev.interviewcoach.feedback.meaning.MiniLmEmbedder;
import dev.interviewcoach.question.BankCatalog;
import dev.interviewcoach.question.BankReader;
import dev.interviewcoach.question.Question;
import dev.interviewcoach.question.QuestionBanks;
import dev.interviewcoach.text.TextAnalyzer;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * How long the coach takes to judge one typed answer of about 150 words, against all built-in
 * banks (relevance compares the answer with every question), with words only and with words and
 * meaning (the sentence model loaded, the question's vectors prepared). Sample mode reports
 * percentiles.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class FeedbackBenchmark {

    /** 150 words, a realistic strong answer with numbers, tools and a trade-off. */
    static final String ANSWER = """
            I'd put Redis in front of Postgres with cache-aside: on a miss the endpoint reads the product row and
            stores the rendered response with a ten minute expiry, which only bounds how stale it can get. Freshness
            comes from deleting the key whenever an admin saves the product, and we do that after the transaction
            commits, because otherwise a concurrent reader can refill the cache with the old row. On a hot product a
            single expiry can send four hundred requests to the database at once, so I add jitter to the TTL and let
            one request rebuild the entry while the others wait briefly or get the stale copy. At my last job this
            took the p95 of the product page from 180 ms to 25 ms and cut database CPU by half, but it costs some
            complexity in the write path, so I would only do it where reads clearly dominate writes.
            """;

    /**
     * 150 words that make the points in other words than the bank's, so the sentence model has to
     * read every sentence (an answer that makes every point in words skips it).
     */
    static final String OTHER_WORDS = """
            I keep a fast copy of each product page in memory next to the main database, and the page is served
            from that copy whenever it exists. When the copy is missing, the server reads the row, builds the page
            and keeps the result for about ten minutes, which only limits how old a copy can get. What keeps it
            right is throwing the copy away the moment an editor saves the product, and doing that only once the
            save has fully gone through, or a reader in between can put the old version back. When a popular page
            runs out, hundreds of visitors would all rebuild it together and flood the database, so the expiry
            times are spread out a little and only one request rebuilds while the rest wait a moment. It made our
            busiest page six times faster, though every save now has one more step to get right.
            """;

    /**
     * An answer to the URL shortener in everyday words, with hardly a word of the question's own: words alone call
     * it off-topic, so where the question lies among all the banks' questions by meaning is worked out too.
     */
    static final String EVERYDAY_WORDS = """
            Picture a coat check: you hand over a long link, you get a tiny ticket back. Tickets come from a counter
            so two people never get the same one, spelled with letters and numbers to stay short. The tickets and
            links live in a table spread over several machines, popular tickets are kept in memory because people
            look far more than they hand in, and a visitor with a ticket is bounced to the original page.
            """;

    /** A story as typed in chat, about 100 words, to a behavioral question whose points have many chat phrases. */
    static final String CHAT_STORY = """
            On my last team a backend dev and I disagreed about whether to ship a feature behind a flag or wait until
            it was fully tested. It got a bit heated in standup. I asked him to grab a coffee and just listened, and
            it turned out he'd been paged three nights in a row for a similar rollout. We agreed to ship behind a flag
            to 5% with an alert on error rate, and I wrote the rollback runbook. It went out fine, we still use that
            pattern, and he and I plan risky releases together now.
            """;

    private RuleBasedFeedbackEngine words;
    private RuleBasedFeedbackEngine wordsAndMeaning;
    private Question question;
    private Question shortener;
    private Question conflict;

    @Setup
    public void setUp() {
        QuestionBanks banks = QuestionBanks.load(new BankReader(), Optional.empty());
        words = new RuleBasedFeedbackEngine(BankCatalog.of(banks), new TextAnalyzer());
        var model = new CachedEmbedder(new MiniLmEmbedder(), Optional.empty());
        wordsAndMeaning = new RuleBasedFeedbackEngine(BankCatalog.of(banks), new TextAnalyzer(), Optional.of(model));
        question = banks.question("python-developer", "caching-and-invalidation").orElseThrow();
        wordsAndMeaning.assess(question, OTHER_WORDS);
        shortener = banks.question("system-design", "design-url-shortener").orElseThrow();
        wordsAndMeaning.assess(shortener, EVERYDAY_WORDS);
        conflict = banks.question("behavioral", "conflict-with-coworker").orElseThrow();
        wordsAndMeaning.assess(conflict, CHAT_STORY);
    }

    /** Words only ({@code feedback.semantic: off}). */
    @Benchmark
    public Feedback score150WordAnswer() {
        return words.assess(question, ANSWER);
    }

    /** Words and meaning ({@code feedback.semantic: on}, the default). */
    @Benchmark
    public Feedback score150WordAnswerWithMeaning() {
        return wordsAndMeaning.assess(question, ANSWER);
    }

    /** Words and meaning, on an answer the words call off-topic: its place among all the questions is read too. */
    @Benchmark
    public Feedback scoreEverydayWordsOffTopicByWordsWithMeaning() {
        return wordsAndMeaning.assess(shortener, EVERYDAY_WORDS);
    }

    /** Words and meaning, on an answer whose points are made in other words: every sentence is embedded. */
    @Benchmark
    public Feedback score150WordsInOtherWordsWithMeaning() {
        return wordsAndMeaning.assess(question, OTHER_WORDS);
    }

    /** Words and meaning, on a story told in chat words to a behavioral question. */
    @Benchmark
    public Feedback scoreChatStoryWithMeaning() {
        return wordsAndMeaning.assess(conflict, CHAT_STORY);
    }
}
