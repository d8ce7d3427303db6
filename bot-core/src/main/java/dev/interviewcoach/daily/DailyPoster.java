package dev.interviewcoach.daily;

import dev.interviewcoach.engine.Scheduled;
import dev.interviewcoach.chat.ChatPort;
import dev.interviewcoach.chat.UserRef;
import dev.interviewcoach.chat.PlatformRefusal;
import dev.interviewcoach.chat.ChatPorts;
import dev.interviewcoach.chat.MessageRef;
import dev.interviewcoach.chat.Reply;
import dev.interviewcoach.question.Bank;
import dev.interviewcoach.question.BankCatalog;
import dev.interviewcoach.question.Question;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import dev.interviewcoach.observe.CoachMetrics;
import dev.interviewcoach.store.BesideTheUnit;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Posts what is due: for every subscription whose post time has come (within the grace window,
 * so a bot that was down catches up, but not days later), claim the channel's local date, reveal
 * the previous question, choose the next and post it. Safe to call from any number of instances
 * at any rate: the claim decides who posts, once. A post the platform refused gives its claim
 * back, so the next check tries again within the window.
 */
public final class DailyPoster implements Scheduled {

    private static final Logger log = LoggerFactory.getLogger(DailyPoster.class);

    /** What a request to post at once came to. */
    public sealed interface Outcome {
        record Posted(DailyPostRepository.Post post) implements Outcome {}

        record AlreadyPosted(DailyPostRepository.Post post) implements Outcome {}

        record NoQuestions(String why) implements Outcome {}
    }

    private final SubscriptionRepository subscriptions;
    private final DailyPostRepository posts;
    private final DailyAnswerRepository answers;
    private final BankCatalog banks;
    private final QuestionPool pool;
    private final DailyRecap recap;
    private final Duration grace;
    private final Duration every;
    private final ScheduleRules rules;
    private final CoachMetrics metrics;
    /** What posting at a person's command runs in: its claim and record commit as made, not with the command. */
    private final BesideTheUnit beside;
    /** Due times already counted as missed by this instance, so each is counted once. */
    private final Set<String> missedSeen = ConcurrentHashMap.newKeySet();

    /**
     * @param grace how late a missed post may still go out
     * @param every how often to look for questions that are due
     */
    public DailyPoster(SubscriptionRepository subscriptions, DailyPostRepository posts, DailyAnswerRepository answers,
                       BankCatalog banks, QuestionPool pool, DailyRecap recap, Duration grace, Duration every,
                       ScheduleRules rules,
                       CoachMetrics metrics, BesideTheUnit beside) {
        this.metrics = metrics;
        this.beside = beside;
        this.subscriptions = subscriptions;
        this.posts = posts;
        this.answers = answers;
        this.banks = banks;
        this.pool = pool;
        this.recap = recap;
        this.grace = grace;
        this.every = every;
        this.rules = rules;
    }

    @Override
    public List<Job> jobs() {
        return List.of(Job.inPlaces("daily-posts", every, this::postDue));
    }

    /** Posts every question that is due at {@code now} on a platform this process runs; returns how many. */
    public int postDue(Instant now, ChatPorts ports) {
        long began = System.nanoTime();
        int posted = 0;
        List<Subscription> all = subscriptions.all();
        List<Optional<PostTimes.Due>> dues = new ArrayList<>(all.size());
        Map<String, LocalDate> dueDates = new HashMap<>();
        for (Subscription s : all) {
            // A time that passed before the channel subscribed was never missed: subscribing at 10:00 for 08:30
            // starts with the next post, as the subscribe reply says, not one an hour and a half late.
            Optional<PostTimes.Due> due = s.times().catchUp(now, grace).filter(d -> !d.at().isBefore(s.createdAt()));
            dues.add(due);
            if (due.isPresent() && ports.reaching(s.channel()).isPresent()) {
                dueDates.put(s.id(), due.get().localDate());
            }
        }
        // A post stays due for the whole grace window, checked every few seconds: the posts out
        // already are found together, so each check goes through only those still to make.
        Set<String> claimed = dueDates.isEmpty() ? Set.of() : posts.claimedAmong(dueDates, now);
        Map<String, LocalDate> maybeMissed = new HashMap<>();
        for (int i = 0; i < all.size(); i++) {
            Subscription s = all.get(i);
            Optional<ChatPort> port = ports.reaching(s.channel());
            Optional<PostTimes.Due> due = dues.get(i);
            if (port.isEmpty()) {
                continue;
            }
            if (due.isEmpty()) {
                // A day paused, skipped or a holiday was passed over on purpose, not missed.
                missedCandidate(s, now).filter(date -> !rules.blocks(s.id(), date))
                        .ifPresent(date -> maybeMissed.put(s.id(), date));
                continue;
            }
            if (claimed.contains(s.id())) {
                continue; // posted already, or being posted by another instance: its claim would fail
            }
            if (rules.blocks(s.id(), due.get().localDate())) {
                continue; // paused, or a skipped date or holiday: nothing goes out, and nothing is missed
            }
            // A claim is stamped when it is made: a check that posts hundreds of channels in turn takes minutes, and
            // a claim stamped with the check's start would look left (LEFT_AFTER) while its post is still under way.
            Instant at = now.plusNanos(System.nanoTime() - began);
            try {
                if (post(s, due.get().localDate(), at, port.get()) instanceof Outcome.Posted) {
                    log.info("question of the day posted for subscription {} ({}), due {}", s.id(), due.get().localDate(),
                            due.get().at());
                    metrics.dailyPost("posted");
                    posted++;
                }
            } catch (RuntimeException e) {
                // One channel's trouble (bot removed, platform down) must not stop the others.
                log.warn("question of the day for subscription {} not posted: {}", s.id(), e.toString());
                metrics.dailyPost("failed");
                tellManagerOnce(s, due.get().localDate(), e, port.get());
            }
        }
        countMissed(maybeMissed, now);
        return posted;
    }

    /**
     * Tells the person who set up the channel's question of the day, privately and once per day, that
     * it could not go out and what to do; the scheduler keeps trying within the grace window.
     */
    private void tellManagerOnce(Subscription s, LocalDate date, RuntimeException failure, ChatPort port) {
        if (!rules.claimFailureNotice(s.id(), date)) {
            return;
        }
        String why = failure instanceof PlatformRefusal refusal ? refusal.getMessage()
                : "the platform answered with an error";
        try {
            UserRef manager = new UserRef(s.channel().platform(), s.channel().tenant(), s.createdBy());
            port.post(port.openDirect(manager), Reply.text("Today's question of the day could not be posted in the"
                    + " channel you set it up in (" + why + "). Check that I am still in that channel and may post there"
                    + " (on Slack: /invite me; on Discord: Send Messages and Create Public Threads), then type daily now"
                    + " in the channel. I keep trying for a while on my own."));
        } catch (RuntimeException e) {
            log.info("could not tell the manager of subscription {} about a failed post: {}", s.id(), e.toString());
        }
    }

    /**
     * The date of the subscription's last post time, when it passed beyond the grace window within
     * the last day and this instance has not yet looked whether it went out.
     */
    private Optional<LocalDate> missedCandidate(Subscription s, Instant now) {
        Optional<PostTimes.Due> last = s.times().catchUp(now, Duration.ofDays(8));
        if (last.isEmpty() || !last.get().at().isAfter(now.minus(grace.plusHours(24)))
                || !last.get().at().isAfter(s.createdAt())) {
            return Optional.empty();
        }
        // Decided once per due time: by now it was either posted or missed.
        return missedSeen.add(s.id() + "/" + last.get().localDate()) ? Optional.of(last.get().localDate()) : Optional.empty();
    }

    /** Counts the posts whose time passed beyond the grace window without one, looked up together. */
    private void countMissed(Map<String, LocalDate> candidates, Instant now) {
        if (candidates.isEmpty()) {
            return;
        }
        Set<String> posted = posts.claimedAmong(candidates, now);
        candidates.forEach((id, date) -> {
            if (!posted.contains(id)) {
                log.warn("question of the day for subscription {} ({}) was missed: the bot was down past the grace window",
                        id, date);
                metrics.dailyPost("missed");
            }
        });
    }

    /**
     * When the subscription's next question goes out: its next time, passing over a day whose
     * question is out already ({@code daily now} uses up that day's slot).
     */
    public PostTimes.Due nextPost(Subscription s, Instant now) {
        PostTimes.Due due = s.times().next(now);
        // Passes over days posted already and days the channel's rules block (a year of them at most).
        for (int i = 0; i < 400 && (posts.find(s.id(), due.localDate()).isPresent()
                || rules.blocks(s.id(), due.localDate())); i++) {
            due = s.times().next(due.at().plusSeconds(1));
        }
        return due;
    }

    /** Convenience for a single platform. */
    public int postDue(Instant now, ChatPort port) {
        return postDue(now, ChatPorts.only(port));
    }

    /** Posts the channel's question for today now, unless today's is out already ({@code daily now}). */
    public Outcome postNow(Subscription s, Instant now, ChatPort port) {
        // As a scheduled post does: the claim commits before Slack or Discord is asked to post, so no one waits for
        // the command's transaction meanwhile, and a post that went out stays recorded whatever the command does next.
        return beside.run(() -> post(s, now.atZone(s.times().zone()).toLocalDate(), now, port));
    }

    private Outcome post(Subscription s, LocalDate date, Instant now, ChatPort port) {
        Optional<Bank> bank = banks.current().track(s.track());
        if (bank.isEmpty()) {
            log.warn("subscription {} names track {}, which no longer exists; nothing posted", s.id(), s.track());
            return new Outcome.NoQuestions("the track " + s.track() + " no longer exists; subscribe again with another");
        }
        List<Question> allowed = bank.get().questions().stream().filter(s::allows).toList();
        if (allowed.isEmpty()) {
            return new Outcome.NoQuestions("no question of " + s.track() + " matches this channel's topic and difficulty");
        }
        QuestionPool.Choice choice = choose(s, allowed);
        if (!posts.claim(s.id(), date, choice.question().id(), now)) {
            return new Outcome.AlreadyPosted(posts.find(s.id(), date).orElseThrow());
        }
        rules.clearNext(s.id());
        try {
            revealOpen(s, now, port);
            if (choice.startedOver()) {
                port.post(s.channel(), Reply.text("That was every " + bank.get().title() + " question; starting"
                        + " another round, in a new order."));
            }
            DailyPostRepository.Post claimed = new DailyPostRepository.Post(s.id(), date, choice.question().id(), null, false);
            MessageRef message = port.postForReplies(s.channel(), DailyMessages.post(s, claimed, choice.question(), bank.get(), 0));
            if (!posts.posted(s.id(), date, now, message.messageId())) {
                log.warn("the post of subscription {} for {} went out after its claim was taken over; the other one"
                        + " stands", s.id(), date);
            }
            return new Outcome.Posted(new DailyPostRepository.Post(s.id(), date, choice.question().id(),
                    message.messageId(), false));
        } catch (RuntimeException e) {
            posts.release(s.id(), date, now);
            throw e;
        }
    }

    /** The next post's question: the one a preview showed, if it still fits, else a fresh choice. */
    private QuestionPool.Choice choose(Subscription s, List<Question> allowed) {
        List<String> posted = posts.postedQuestions(s.id());
        return rules.nextQuestion(s.id())
                .flatMap(id -> allowed.stream().filter(q -> q.id().equals(id)).findFirst())
                .filter(q -> !posted.contains(q.id()) || posted.containsAll(allowed.stream().map(Question::id).toList()))
                .map(q -> new QuestionPool.Choice(q, false))
                .orElseGet(() -> pool.next(allowed, posted));
    }

    /**
     * The question the channel's next post will use, chosen now and kept for that post, so a manager
     * can see it ahead without using it up; empty when the track has no question to post.
     */
    public Optional<Question> preview(Subscription s) {
        Optional<Bank> bank = banks.current().track(s.track());
        List<Question> allowed = bank.map(b -> b.questions().stream().filter(s::allows).toList()).orElse(List.of());
        if (allowed.isEmpty()) {
            return Optional.empty();
        }
        Question next = choose(s, allowed).question();
        rules.reserveNext(s.id(), next.id());
        return Optional.of(next);
    }

    /** Reveals every earlier post of the subscription that is not revealed yet; returns how many. */
    public int revealOpen(Subscription s, Instant now, ChatPort port) {
        int revealed = 0;
        for (DailyPostRepository.Post post : posts.unrevealed(s.id(), now)) {
            if (reveal(s, post, now, port)) {
                revealed++;
            }
        }
        return revealed;
    }

    private boolean reveal(Subscription s, DailyPostRepository.Post post, Instant now, ChatPort port) {
        Optional<Question> question = banks.current().question(post.questionId());
        if (!posts.claimReveal(s.id(), post.localDate(), now)) {
            return false;
        }
        if (question.isEmpty()) {
            log.warn("question {} of post {} left the bank; revealed without a recap", post.questionId(), post.key());
            posts.revealDone(s.id(), post.localDate(), now);
            return true;
        }
        var thread = s.channel().thread(post.messageId());
        try {
            port.post(thread, recap.recap(s, post, question.get(), now));
        } catch (PlatformRefusal refused) {
            // The thread is gone for good (deleted, locked): the day's post must not wait on it.
            log.warn("the recap of post {} could not be posted ({}); revealed without it", post.key(),
                    refused.getMessage());
            posts.revealDone(s.id(), post.localDate(), now);
            return true;
        } catch (RuntimeException e) {
            // Slack or Discord in trouble: the reveal is given back, so the next try of the day's post brings it.
            posts.unclaimReveal(s.id(), post.localDate(), now);
            throw e;
        }
        // Outside the try: the recap is out, and a failure to record it must not give the reveal back to be made again.
        try {
            posts.revealDone(s.id(), post.localDate(), now);
        } catch (RuntimeException e) {
            log.warn("the recap of post {} went out but could not be recorded as finished: {}", post.key(), e.toString());
        }
        Bank bank = banks.current().track(question.get().track()).orElse(null);
        if (bank != null) {
            try {
                port.update(new MessageRef(s.channel(), post.messageId()), DailyMessages.revealedPost(question.get(), bank,
                        answers.count(s.id(), post.localDate())));
            } catch (RuntimeException e) {
                log.warn("could not retire the buttons of post {}: {}", post.key(), e.toString());
            }
        }
        log.info("question of the day revealed for subscription {} ({})", s.id(), post.localDate());
        return true;
    }
}
