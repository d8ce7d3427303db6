package dev.interviewcoach.daily;

import dev.interviewcoach.chat.ChatPort;
import dev.interviewcoach.chat.ChatPorts;
import dev.interviewcoach.chat.MessageRef;
import dev.interviewcoach.chat.Platform;
import dev.interviewcoach.chat.Reply;
import dev.interviewcoach.chat.UserRef;
import dev.interviewcoach.engine.Scheduled;
import dev.interviewcoach.question.Bank;
import dev.interviewcoach.question.BankCatalog;
import dev.interviewcoach.question.Question;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A channel's question of the day sent to one person by DM at their own local time ({@code daily dm
 * on 07:30}), instead of their reading it in the channel at the channel's time (table from
 * V14__daily_dm.sql). Each day at their time they get the channel's latest question that is not yet
 * revealed and that they were not sent before, with the same buttons as the post; their answer is
 * scored and stored against the channel's post, so the reveal, streaks and stats count it as usual.
 * A DM goes out once per person per day, on whichever instance claims it first.
 */
public final class DailyDirect implements Scheduled {

    private static final Logger log = LoggerFactory.getLogger(DailyDirect.class);
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEEE d MMM, HH:mm", Locale.ENGLISH);

    /** One person's choice for one channel, and what was sent to them last. */
    public record Choice(String subscriptionId, UserRef user, LocalTime at, ZoneId zone, Optional<LocalDate> sentOn,
                         Optional<LocalDate> sentPost, Optional<String> messageId) {}

    private final Jdbi jdbi;
    private final SubscriptionRepository subscriptions;
    private final DailyPostRepository posts;
    private final DailyAnswerRepository answers;
    private final BankCatalog banks;
    private final Function<UserRef, Optional<ZoneId>> savedZone;
    private final Duration grace;
    private final Duration every;

    /**
     * @param savedZone the zone a person chose with the coach ({@code timezone}), if any
     * @param grace how late a DM may still go out after its time (a bot that was down catches up)
     * @param every how often to look for DMs that are due
     */
    public DailyDirect(Jdbi jdbi, SubscriptionRepository subscriptions, DailyPostRepository posts,
                       DailyAnswerRepository answers, BankCatalog banks, Function<UserRef, Optional<ZoneId>> savedZone,
                       Duration grace, Duration every) {
        this.jdbi = jdbi;
        this.subscriptions = subscriptions;
        this.posts = posts;
        this.answers = answers;
        this.banks = banks;
        this.savedZone = savedZone;
        this.grace = grace;
        this.every = every;
    }

    @Override
    public List<Job> jobs() {
        return List.of(Job.inPlaces("daily-dms", every, this::sendDue));
    }

    /**
     * {@code daily dm on [HH:MM] [zone]}: from now on, this channel's question comes by DM at that
     * time (default: the channel's own clock time) in that zone (default: the one the person chose,
     * else the platform's, else the channel's).
     */
    Reply turnOn(Subscription s, UserRef user, Optional<String> typedTime, Optional<String> typedZone, ChatPort port,
                 Instant now) {
        LocalTime at;
        ZoneId zone;
        try {
            at = typedTime.map(ScheduleInput::time).orElse(s.times().at());
            zone = typedZone.isPresent() ? ScheduleInput.zone(typedZone.get())
                    : savedZone.apply(user).or(() -> port.zoneOf(user)).orElse(s.times().zone());
        } catch (ScheduleInput.Invalid e) {
            return Reply.text(e.getMessage());
        }
        LocalTime chosen = at;
        ZoneId in = zone;
        jdbi.useTransaction(h -> {
            h.createUpdate("""
                            DELETE FROM daily_dm WHERE subscription_id = :sub AND platform = :platform AND tenant = :tenant
                               AND user_id = :user
                            """)
                    .bind("sub", s.id()).bind("platform", user.platform().name()).bind("tenant", user.tenant())
                    .bind("user", user.userId()).execute();
            h.createUpdate("""
                            INSERT INTO daily_dm (subscription_id, platform, tenant, user_id, at_time, zone, sent_on)
                            VALUES (:sub, :platform, :tenant, :user, :at, :zone, :sentOn)
                            """)
                    .bind("sub", s.id()).bind("platform", user.platform().name()).bind("tenant", user.tenant())
                    .bind("user", user.userId()).bind("at", chosen.toString()).bind("zone", in.getId())
                    // Nothing today if today's time has passed: the first DM is the next time it comes round.
                    .bind("sentOn", pastToday(now, chosen, in) ? now.atZone(in).toLocalDate().toString() : null)
                    .execute();
        });
        Instant first = firstDm(now, chosen, in);
        return Reply.text("You'll get this channel's question of the day by DM at " + chosen + " " + in.getId()
                + ", every day there is one you haven't had, starting " + WHEN.format(first.atZone(in))
                + ". Answer it there; your answer counts here, and the reveal is here as usual. Stop with: daily dm off"
                + (typedZone.isEmpty() ? " (another zone: daily dm on " + chosen + " Europe/Berlin)" : ""));
    }

    /** {@code daily dm off}. */
    Reply turnOff(Subscription s, UserRef user) {
        return forget(s.id(), user) ? Reply.text("No more DMs of this channel's question of the day; it is here in the"
                + " channel as usual. Turn them on again with: daily dm on HH:MM")
                : Reply.text("You don't get this channel's question by DM. To get it at your own time: daily dm on 07:30");
    }

    /** {@code daily dm}: what this person chose here. */
    Reply status(Subscription s, UserRef user) {
        return choice(s.id(), user).map(c -> Reply.text("You get this channel's question of the day by DM at " + c.at()
                        + " " + c.zone().getId() + ". Stop with: daily dm off"))
                .orElseGet(() -> Reply.text("You read this channel's question of the day here. To get it by DM at your own"
                        + " time instead: daily dm on 07:30 (your zone, or add one: daily dm on 07:30 Europe/Berlin)"));
    }

    /** Sends every DM that is due at {@code now} on a platform this process runs; returns how many went out. */
    public int sendDue(Instant now, ChatPorts ports) {
        int sent = 0;
        for (Choice c : all()) {
            Optional<ChatPort> port = ports.reaching(c.user());
            if (port.isEmpty()) {
                continue;
            }
            LocalDate day = now.atZone(c.zone()).toLocalDate();
            Instant due = ZonedDateTime.of(day, c.at(), c.zone()).toInstant();
            if (now.isBefore(due) || !now.isBefore(due.plus(grace)) || c.sentOn().filter(d -> !d.isBefore(day)).isPresent()) {
                continue;
            }
            Optional<Subscription> sub = subscriptions.byId(c.subscriptionId());
            Optional<DailyPostRepository.Post> post = posts.latest(c.subscriptionId())
                    .filter(p -> !p.revealed() && p.messageId() != null)
                    .filter(p -> c.sentPost().filter(p.localDate()::equals).isEmpty());
            Optional<Question> question = post.flatMap(p -> banks.current().question(p.questionId()));
            Optional<Bank> bank = sub.flatMap(x -> banks.current().track(x.track()));
            if (sub.isEmpty() || question.isEmpty() || bank.isEmpty() || answered(post.get(), c.user())) {
                continue; // nothing new and open for them today; they may still get the next one tomorrow
            }
            if (!claim(c, day)) {
                continue; // another instance sent it
            }
            try {
                MessageRef ref = port.get().postForReplies(port.get().openDirect(c.user()),
                        DailyMessages.direct(sub.get(), post.get(), question.get(), bank.get()));
                sentPost(c, post.get().localDate(), ref.messageId());
                sent++;
            } catch (RuntimeException e) {
                // Given back, so the next check (within the grace window) tries again.
                release(c, day);
                log.warn("question of the day by DM for subscription {} not sent: {}", c.subscriptionId(), e.toString());
            }
        }
        return sent;
    }

    /** The channel's post a DM carried, found from the DM (a reply in its thread answers it). */
    Optional<DailyPostRepository.Post> postOfMessage(String messageId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT subscription_id, sent_post FROM daily_dm WHERE message_id = :m")
                        .bind("m", messageId)
                        .map((rs, ctx) -> new String[] {rs.getString("subscription_id"), rs.getString("sent_post")})
                        .findFirst())
                .filter(row -> row[1] != null)
                .flatMap(row -> posts.find(row[0], LocalDate.parse(row[1])));
    }

    /** Whether the coach has sent this person the subscription's question by DM (by platform and user id). */
    boolean sentTo(String subscriptionId, UserRef user) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT COUNT(*) FROM daily_dm WHERE subscription_id = :sub AND platform = :platform
                        AND user_id = :user AND message_id IS NOT NULL
                        """)
                .bind("sub", subscriptionId).bind("platform", user.platform().name()).bind("user", user.userId())
                .mapTo(Integer.class).one()) > 0;
    }

    /** What a person chose in every channel, for export. */
    public List<Choice> byUser(UserRef user) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM daily_dm WHERE platform = :platform AND tenant = :tenant"
                        + " AND user_id = :user ORDER BY subscription_id")
                .bind("platform", user.platform().name()).bind("tenant", user.tenant()).bind("user", user.userId())
                .map(DailyDirect::read).list());
    }

    /** Deletes every choice of a person (forget-me); returns how many. */
    public int deleteFor(UserRef user) {
        return jdbi.withHandle(h -> h.createUpdate("DELETE FROM daily_dm WHERE platform = :platform AND tenant = :tenant"
                        + " AND user_id = :user")
                .bind("platform", user.platform().name()).bind("tenant", user.tenant()).bind("user", user.userId())
                .execute());
    }

    /** Deletes every choice made in a channel whose question of the day stopped. */
    void forgetSubscription(String subscriptionId) {
        jdbi.useHandle(h -> h.createUpdate("DELETE FROM daily_dm WHERE subscription_id = :sub")
                .bind("sub", subscriptionId).execute());
    }

    boolean forget(String subscriptionId, UserRef user) {
        return jdbi.withHandle(h -> h.createUpdate("""
                        DELETE FROM daily_dm WHERE subscription_id = :sub AND platform = :platform AND tenant = :tenant
                           AND user_id = :user
                        """)
                .bind("sub", subscriptionId).bind("platform", user.platform().name()).bind("tenant", user.tenant())
                .bind("user", user.userId()).execute()) > 0;
    }

    Optional<Choice> choice(String subscriptionId, UserRef user) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT * FROM daily_dm WHERE subscription_id = :sub AND platform = :platform AND tenant = :tenant
                           AND user_id = :user
                        """)
                .bind("sub", subscriptionId).bind("platform", user.platform().name()).bind("tenant", user.tenant())
                .bind("user", user.userId()).map(DailyDirect::read).findOne());
    }

    private List<Choice> all() {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM daily_dm d WHERE NOT EXISTS (SELECT 1 FROM tenant_removed r WHERE r.platform = d.platform AND r.tenant = d.tenant)").map(DailyDirect::read).list());
    }

    private boolean answered(DailyPostRepository.Post post, UserRef user) {
        return answers.forPost(post.subscriptionId(), post.localDate()).stream().anyMatch(a -> a.user().equals(user));
    }

    /** True for the one caller, on any instance, that takes this person's DM for {@code day}. */
    private boolean claim(Choice c, LocalDate day) {
        return jdbi.withHandle(h -> h.createUpdate("""
                        UPDATE daily_dm SET sent_on = :day
                         WHERE subscription_id = :sub AND platform = :platform AND tenant = :tenant AND user_id = :user
                           AND (sent_on IS NULL OR sent_on < :day)
                        """)
                .bind("day", day.toString()).bind("sub", c.subscriptionId()).bind("platform", c.user().platform().name())
                .bind("tenant", c.user().tenant()).bind("user", c.user().userId()).execute()) == 1;
    }

    private void release(Choice c, LocalDate day) {
        jdbi.useHandle(h -> h.createUpdate("""
                        UPDATE daily_dm SET sent_on = :before
                         WHERE subscription_id = :sub AND platform = :platform AND tenant = :tenant AND user_id = :user
                           AND sent_on = :day
                        """)
                .bind("before", c.sentOn().map(LocalDate::toString).orElse(null)).bind("day", day.toString())
                .bind("sub", c.subscriptionId()).bind("platform", c.user().platform().name())
                .bind("tenant", c.user().tenant()).bind("user", c.user().userId()).execute());
    }

    private void sentPost(Choice c, LocalDate postDate, String messageId) {
        jdbi.useHandle(h -> h.createUpdate("""
                        UPDATE daily_dm SET sent_post = :post, message_id = :message
                         WHERE subscription_id = :sub AND platform = :platform AND tenant = :tenant AND user_id = :user
                        """)
                .bind("post", postDate.toString()).bind("message", messageId).bind("sub", c.subscriptionId())
                .bind("platform", c.user().platform().name()).bind("tenant", c.user().tenant())
                .bind("user", c.user().userId()).execute());
    }

    private static boolean pastToday(Instant now, LocalTime at, ZoneId zone) {
        return !now.isBefore(ZonedDateTime.of(now.atZone(zone).toLocalDate(), at, zone).toInstant());
    }

    private static Instant firstDm(Instant now, LocalTime at, ZoneId zone) {
        LocalDate day = now.atZone(zone).toLocalDate();
        return ZonedDateTime.of(pastToday(now, at, zone) ? day.plusDays(1) : day, at, zone).toInstant();
    }

    private static Choice read(ResultSet rs, StatementContext ctx) throws SQLException {
        UserRef user = new UserRef(Platform.valueOf(rs.getString("platform")), rs.getString("tenant"), rs.getString("user_id"));
        return new Choice(rs.getString("subscription_id"), user, LocalTime.parse(rs.getString("at_time")),
                ZoneId.of(rs.getString("zone")), Optional.ofNullable(rs.getString("sent_on")).map(LocalDate::parse),
                Optional.ofNullable(rs.getString("sent_post")).map(LocalDate::parse),
                Optional.ofNullable(rs.getString("message_id")));
    }
}
