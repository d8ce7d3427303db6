package dev.interviewcoach.daily;

import dev.interviewcoach.chat.ChatPort;
import dev.interviewcoach.chat.MessageRef;
import dev.interviewcoach.chat.Reply;
import dev.interviewcoach.chat.RichText;
import dev.interviewcoach.question.Bank;
import dev.interviewcoach.question.BankCatalog;
import dev.interviewcoach.question.Question;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts what is due: for every subscription whose post time has come (within the grace window,
 * so a bot that was down catches up, but not days later), claim the channel's local date, choose
 * the question and post it. Safe to call from any number of instances at any rate: the claim
 * decides who posts, once.
 */
public final class DailyPoster {

    private static final Logger log = LoggerFactory.getLogger(DailyPoster.class);

    private final SubscriptionRepository subscriptions;
    private final DailyPostRepository posts;
    private final BankCatalog banks;
    private final QuestionPool pool;
    private final Duration grace;

    public DailyPoster(SubscriptionRepository subscriptions, DailyPostRepository posts, BankCatalog banks, QuestionPool pool,
                       Duration grace) {
        this.subscriptions = subscriptions;
        this.posts = posts;
        this.banks = banks;
        this.pool = pool;
        this.grace = grace;
    }

    /** Posts every question that is due at {@code now}; returns how many this call posted. */
    public int postDue(Instant now, ChatPort port) {
        int posted = 0;
        for (Subscription s : subscriptions.all()) {
            Optional<PostTimes.Due> due = s.times().catchUp(now, grace);
            if (due.isEmpty()) {
                continue;
            }
            Optional<Bank> bank = banks.current().track(s.track());
            if (bank.isEmpty()) {
                log.warn("subscription {} names track {}, which no longer exists; nothing posted", s.id(), s.track());
                continue;
            }
            QuestionPool.Choice choice = pool.next(bank.get().questions(), posts.postedQuestions(s.id()));
            if (!posts.claim(s.id(), due.get().localDate(), choice.question().id(), now)) {
                continue; // posted already, here or by another instance
            }
            if (choice.startedOver()) {
                port.post(s.channel(), Reply.text("That was every " + bank.get().title() + " question; starting"
                        + " another round, in a new order."));
            }
            MessageRef message = port.post(s.channel(), post(choice.question(), bank.get()));
            posts.posted(s.id(), due.get().localDate(), message.messageId());
            log.info("question of the day posted for subscription {} ({}), due {}", s.id(), due.get().localDate(),
                    due.get().at());
            posted++;
        }
        return posted;
    }

    static Reply post(Question q, Bank bank) {
        return Reply.builder("Question of the day: " + q.text())
                .heading("Question of the day: " + bank.title())
                .text(RichText.builder().bold(q.text()).build())
                .text(RichText.builder().bold("Why interviewers ask it: ").plain(q.why()).build())
                .text(RichText.builder().bold("How to answer: ").plain(q.guidance()).build())
                .build();
    }
}
