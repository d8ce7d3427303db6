package dev.interviewcoach.daily;

import dev.interviewcoach.chat.ChatPort;
import dev.interviewcoach.chat.Inbound;
import dev.interviewcoach.chat.Place;
import dev.interviewcoach.chat.Reply;
import dev.interviewcoach.engine.MessageHandler;
import dev.interviewcoach.feedback.Feedback;
import dev.interviewcoach.feedback.FeedbackEngine;
import dev.interviewcoach.feedback.TalkingPointMatcher;
import dev.interviewcoach.interview.InterviewReplies;
import dev.interviewcoach.question.BankCatalog;
import dev.interviewcoach.question.Question;
import dev.interviewcoach.question.TalkingPoint;
import java.time.Clock;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers to a question of the day given in its thread (open mode): each is scored, stored once
 * per person (table from V6__daily_answers.sql) and answered with feedback that only its author
 * sees; the channel sees participation, not judgement.
 */
public final class DailyAnswers implements MessageHandler {

    private static final Logger log = LoggerFactory.getLogger(DailyAnswers.class);

    private final Jdbi jdbi;
    private final DailyPostRepository posts;
    private final BankCatalog banks;
    private final FeedbackEngine feedback;
    private final InterviewReplies replies;
    private final Clock clock;

    public DailyAnswers(Jdbi jdbi, DailyPostRepository posts, BankCatalog banks, FeedbackEngine feedback,
                        InterviewReplies replies, Clock clock) {
        this.jdbi = jdbi;
        this.posts = posts;
        this.banks = banks;
        this.feedback = feedback;
        this.replies = replies;
        this.clock = clock;
    }

    @Override
    public boolean onMessage(Inbound.Message message, ChatPort port) {
        if (message.place().kind() != Place.Kind.THREAD) {
            return false;
        }
        Optional<DailyPostRepository.Post> post = posts.byMessage(message.place().threadId());
        if (post.isEmpty()) {
            return false;
        }
        Optional<Question> question = banks.current().question(post.get().questionId());
        if (question.isEmpty() || message.text().isBlank()) {
            return true;
        }
        Feedback result = feedback.assess(question.get(), message.text().strip());
        int stored = jdbi.withHandle(h -> h.createUpdate("""
                        INSERT INTO daily_answer (subscription_id, local_date, platform, tenant, user_id, question_id,
                            answer_text, score, covered, missed, share, answered_at)
                        VALUES (:sub, :date, :platform, :tenant, :user, :question, :text, :score, :covered, :missed, 0, :at)
                        ON CONFLICT (subscription_id, local_date, platform, tenant, user_id) DO NOTHING
                        """)
                .bind("sub", post.get().subscriptionId())
                .bind("date", post.get().localDate().toString())
                .bind("platform", message.user().platform().name())
                .bind("tenant", message.user().tenant())
                .bind("user", message.user().userId())
                .bind("question", question.get().id())
                .bind("text", message.text().strip())
                .bind("score", result.score())
                .bind("covered", result.covered().stream().map(TalkingPointMatcher.Match::point).map(TalkingPoint::id)
                        .collect(Collectors.joining(",")))
                .bind("missed", result.missed().stream().map(TalkingPoint::id).collect(Collectors.joining(",")))
                .bind("at", clock.millis())
                .execute());
        if (stored == 0) {
            port.post(message.place(), Reply.text("You already answered today's question; your first answer is the one"
                    + " that counts. Practise it further with: ask " + question.get().topics().stream().findFirst()
                    .orElse(question.get().track())).onlyTo(message.user()));
            return true;
        }
        log.info("question of the day answered for subscription {} ({})", post.get().subscriptionId(),
                post.get().localDate());
        port.post(message.place(), replies.feedback(question.get(), result).onlyTo(message.user()));
        return true;
    }

    /** How many people answered a post: what the channel may see. */
    public int answerCount(String subscriptionId, java.time.LocalDate date) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT COUNT(*) FROM daily_answer WHERE subscription_id = :sub AND local_date = :date
                        """)
                .bind("sub", subscriptionId).bind("date", date.toString()).mapTo(Integer.class).one());
    }
}
