package dev.interviewcoach.digest;

import dev.interviewcoach.chat.Block;
import dev.interviewcoach.chat.ChatPort;
import dev.interviewcoach.chat.ChatPorts;
import dev.interviewcoach.chat.Inbound;
import dev.interviewcoach.chat.Place;
import dev.interviewcoach.chat.Reply;
import dev.interviewcoach.chat.RichText;
import dev.interviewcoach.chat.Visibility;
import dev.interviewcoach.command.CommandInput;
import dev.interviewcoach.command.CommandSpec;
import dev.interviewcoach.command.OptionSpec;
import dev.interviewcoach.daily.PostTimes;
import dev.interviewcoach.daily.ScheduleInput;
import dev.interviewcoach.daily.Subscription;
import dev.interviewcoach.daily.SubscriptionRepository;
import dev.interviewcoach.engine.CommandHandler;
import dev.interviewcoach.engine.Scheduled;
import dev.interviewcoach.chat.UserRef;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code digest weekly|off|show|status|show-me}: a cohort channel's weekly digest, sent to a channel
 * its managers choose. Managers (as for {@code daily}) set it up, stop it and preview it; anyone may
 * see its settings and choose to be named in it. The scheduled job sends each digest once, across
 * every instance (a claim per channel and local date), within the grace window after its time.
 */
public final class DigestFeature implements CommandHandler, Scheduled {

    private static final Logger log = LoggerFactory.getLogger(DigestFeature.class);
    static final LocalTime DEFAULT_TIME = LocalTime.of(9, 0);
    static final DayOfWeek DEFAULT_DAY = DayOfWeek.MONDAY;
    static final String DAY_SHAPE = "(mon|tue|wed|thu|fri|sat|sun)[a-z]*";
    /** A channel as typed: {@code #prep-leads}, or the platform's link {@code <#C123|prep-leads>}, {@code <#123>}. */
    static final String CHANNEL_SHAPE = "#[^\\s#<>]{1,80}|<#[A-Za-z0-9]{1,40}(\\|[^>]{0,80})?>";
    private static final Pattern LINKED = Pattern.compile("<#([A-Za-z0-9]{1,40})(?:\\|[^>]*)?>");
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEEE d MMM, HH:mm", Locale.ENGLISH);

    private final DigestRepository digests;
    private final DigestReport report;
    private final SubscriptionRepository subscriptions;
    private final Predicate<UserRef> muted;
    private final Clock clock;
    private final Duration grace;
    private final Duration every;

    /**
     * @param muted whether a person muted the coach (told when they agree to be named)
     * @param grace how late a digest whose time passed while the bot was down may still go out
     * @param every how often to look for digests that are due
     */
    public DigestFeature(DigestRepository digests, DigestReport report, SubscriptionRepository subscriptions,
                         Predicate<UserRef> muted, Clock clock, Duration grace, Duration every) {
        this.digests = digests;
        this.report = report;
        this.subscriptions = subscriptions;
        this.muted = muted;
        this.clock = clock;
        this.grace = grace;
        this.every = every;
    }

    @Override
    public List<CommandSpec> commands() {
        return List.of(CommandSpec.group("digest", "a weekly digest of this channel's practice, sent to a channel",
                "status",
                CommandSpec.of("weekly", "send this channel's digest every week, here or to another channel",
                        OptionSpec.word("weekday", "Weekday it goes out (default mon)").shaped(DAY_SHAPE).shownAs("mon"),
                        OptionSpec.word("time", "Local time, HH:MM (default 09:00)").shaped(ScheduleInput.TIME_SHAPE)
                                .shownAs("HH:MM").maxLength(8),
                        OptionSpec.word("zone", "Time zone, e.g. Europe/Berlin (default: the channel's)")
                                .shaped(ScheduleInput.ZONE_SHAPE),
                        OptionSpec.word("channel", "Where it goes, e.g. #prep-leads (default: this channel)")
                                .shaped(CHANNEL_SHAPE).shownAs("#channel").maxLength(100)),
                CommandSpec.of("off", "stop this channel's weekly digest"),
                CommandSpec.of("show", "see this week's digest now, privately"),
                CommandSpec.of("status", "when and where this channel's digest goes"),
                CommandSpec.of("show-me", "whether digests may name you (others are only counted)",
                        OptionSpec.choice("state", "Name me or not", OptionSpec.of("on", "on"), OptionSpec.of("off", "off"))
                                .mandatory())));
    }

    @Override
    public List<Job> jobs() {
        return List.of(Job.inPlaces("cohort-digests", every, this::sendDue));
    }

    @Override
    public void handle(Inbound.Command command, CommandInput input, ChatPort port) {
        String verb = input.verb();
        Place here = command.place();
        if (here.kind() == Place.Kind.DIRECT && verb.equals("show-me")) {
            // The choice belongs to a workspace or server; a direct conversation may not say which (Discord DMs).
            port.post(here, Reply.text("Type this in any channel of the workspace or server whose digests may name you.")
                    .onlyTo(command.user()));
            return;
        }
        if (verb.equals("show-me")) {
            port.post(here, showMe(command, input).onlyTo(command.user()));
            return;
        }
        if (here.kind() != Place.Kind.CHANNEL) {
            port.post(here, Reply.text("A digest sums up a channel: run this in the channel it should be about."
                            + port.whereChannelsAre())
                    .onlyTo(command.user()));
            return;
        }
        if (!verb.equals("status") && !port.mayManage(command.user(), here)) {
            port.post(here, notAManager(verb).onlyTo(command.user()));
            return;
        }
        Reply reply = switch (verb) {
            case "weekly" -> weekly(command, input, port);
            case "off" -> digests.delete(here) ? Reply.text("This channel's weekly digest is stopped.")
                    : Reply.text("This channel has no weekly digest to stop.");
            case "show" -> report.build(here, zone(here, command, port), clock.instant());
            default -> status(here, port.mayManage(command.user(), here));
        };
        port.post(here, reply.onlyTo(command.user()));
    }

    private Reply showMe(Inbound.Command command, CommandInput input) {
        boolean on = input.value("state").map(s -> s.equalsIgnoreCase("on")).orElse(false);
        boolean changed = digests.showMe(command.user(), on, clock.instant());
        if (!on) {
            return Reply.text(changed ? "Digests will no longer name you; you are still counted, without your name."
                    : "Digests do not name you; you are only counted.");
        }
        boolean isMuted = muted.test(command.user());
        return Reply.text((changed ? "Digests may now name you when you took part that week"
                : "Digests may name you already") + " (with how many questions you answered, never your scores or"
                + " answers). Undo with: digest show-me off"
                + (isMuted ? ". You are muted, so you are not named until you unmute." : "."));
    }

    private Reply weekly(Inbound.Command command, CommandInput input, ChatPort port) {
        Place here = command.place();
        Optional<Digest> existing = digests.find(here);
        DayOfWeek day = existing.map(Digest::day).orElse(DEFAULT_DAY);
        LocalTime time = existing.map(d -> d.times().at()).orElse(DEFAULT_TIME);
        ZoneId zone = existing.map(d -> d.times().zone()).orElseGet(() -> zone(here, command, port));
        Place target = existing.map(Digest::target).orElse(here);
        try {
            ScheduleInput.Weekly when = ScheduleInput.weekly(input, new ScheduleInput.Weekly(day, time, zone),
                    "A digest goes out");
            day = when.day();
            time = when.time();
            zone = when.zone();
        } catch (ScheduleInput.Invalid e) {
            return Reply.text(e.getMessage());
        }
        if (input.value("channel").isPresent()) {
            Optional<Place> named = channel(here, input.value("channel").get(), port);
            if (named.isEmpty()) {
                return Reply.text("I can't find the channel " + shorten(input.value("channel").get()) + ". Check the"
                        + " name, invite me there (Slack: /invite @coach; Discord: let me see and post in it), or pick the"
                        + " channel from the list as you type #.");
            }
            target = named.get();
            if (!target.equals(here) && !port.mayManage(command.user(), target)) {
                return Reply.text("You may not manage that channel, so the digest cannot be sent there. Pick a"
                        + " channel you manage, or leave the channel out to send it here.");
            }
        }
        Digest digest = new Digest(here, target, new PostTimes(time, zone, Set.of(day)),
                existing.map(Digest::createdBy).orElse(command.user().userId()),
                existing.map(Digest::createdAt).orElse(clock.instant()));
        digests.save(digest);
        return Reply.builder("This channel's weekly digest goes out " + describe(digest) + ".")
                .text(RichText.builder().plain("This channel's weekly digest goes to ").channel(target)
                        .plain(" " + describe(digest) + ". Next: " + next(digest) + ". See it now with: digest show."
                                + " People are named only if they type digest show-me on.").build())
                .build();
    }

    /** The channel a typed reference means: a platform link holds its id; a plain #name is looked up. */
    private static Optional<Place> channel(Place here, String typed, ChatPort port) {
        Matcher linked = LINKED.matcher(typed.strip());
        if (linked.matches()) {
            return Optional.of(Place.channel(here.platform(), here.tenant(), linked.group(1)));
        }
        String name = typed.strip().replaceFirst("^#", "");
        if (name.isEmpty()) {
            return Optional.empty();
        }
        return port.channelNamed(here, name).filter(p -> p.kind() == Place.Kind.CHANNEL
                && p.channelId().matches("[A-Za-z0-9._-]{1,80}"));
    }

    private Reply status(Place here, boolean manages) {
        return digests.find(here)
                .map(d -> new Reply(List.of(new Block.Text(RichText.builder()
                        .plain("This channel's weekly digest goes to ").channel(d.target()).plain(" " + describe(d)
                                + ". Next: " + next(d) + ".").build())),
                        "This channel's weekly digest goes out " + describe(d) + ".",
                        Visibility.everyone()))
                .orElseGet(() -> Reply.text("This channel has no weekly digest. " + (manages
                        ? "You manage this channel, so you can start one: digest weekly mon 09:00 #channel (the channel"
                                + " it goes to; this one if you leave it out)."
                        : "Someone who manages it can start one with: digest weekly mon 09:00 #channel")));
    }

    /** The zone for a new digest: the channel's question of the day's, else the person's, else UTC. */
    private ZoneId zone(Place here, Inbound.Command command, ChatPort port) {
        return digests.find(here).map(d -> d.times().zone())
                .or(() -> subscriptions.find(here).map(Subscription::times).map(PostTimes::zone))
                .or(() -> port.zoneOf(command.user()))
                .orElse(ZoneId.of("UTC"));
    }

    /** Sends every digest due at {@code now} on a platform this process runs; returns how many. */
    public int sendDue(Instant now, ChatPorts ports) {
        int sent = 0;
        for (Digest d : digests.all()) {
            Optional<ChatPort> port = ports.reaching(d.cohort());
            Optional<PostTimes.Due> due = d.times().catchUp(now, grace);
            if (port.isEmpty() || due.isEmpty() || !due.get().at().isAfter(d.createdAt())
                    || !digests.claim(d.cohort(), due.get().localDate(), now)) {
                continue;
            }
            // A digest set up in the last two weeks still comes, empty or not: whoever set it up sees that it works.
            if (d.createdAt().isBefore(now.minus(Duration.ofDays(14))) && report.quiet(d.cohort(), now)) {
                // Claimed all the same: the week is done with, and the next check must not try it again.
                log.info("weekly digest of channel {} skipped: no practice there in two weeks ({})", d.cohort().channelId(),
                        due.get().localDate());
                continue;
            }
            try {
                port.get().post(d.target(), report.build(d.cohort(), d.times().zone(), now));
                log.info("weekly digest of channel {} sent to channel {} ({})", d.cohort().channelId(),
                        d.target().channelId(), due.get().localDate());
                sent++;
            } catch (RuntimeException e) {
                // Given back, so the next check tries again within the grace window.
                digests.release(d.cohort(), due.get().localDate());
                log.warn("weekly digest of channel {} not sent to channel {}: {}", d.cohort().channelId(),
                        d.target().channelId(), e.toString());
            }
        }
        return sent;
    }

    private String next(Digest d) {
        PostTimes.Due due = d.times().next(clock.instant());
        return WHEN.format(due.at().atZone(d.times().zone())) + " " + d.times().zone().getId();
    }

    private static String describe(Digest d) {
        return "every " + d.day().getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " at " + d.times().at() + " "
                + d.times().zone().getId();
    }

    private static Reply notAManager(String verb) {
        return Reply.text("Only people who manage this channel can " + switch (verb) {
            case "off" -> "stop its weekly digest";
            case "show" -> "see its digest ahead";
            default -> "set up its weekly digest";
        } + ": on Slack, workspace admins and owners or the bot's configured admins; on Discord, people with Manage"
                + " Channels or Manage Server. Anyone can see its settings with digest status, and choose to be named"
                + " in it with: digest show-me on");
    }

    private static String shorten(String word) {
        return word.length() > 40 ? word.substring(0, 40) + "..." : word;
    }
}
