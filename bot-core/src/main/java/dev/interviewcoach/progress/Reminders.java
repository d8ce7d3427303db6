package dev.interviewcoach.progress;

import dev.interviewcoach.chat.ChatPort;
import dev.interviewcoach.chat.ChatPorts;
import dev.interviewcoach.chat.Place;
import dev.interviewcoach.chat.Reply;
import dev.interviewcoach.chat.UserRef;
import dev.interviewcoach.engine.Scheduled;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The opt-in "your streak ends tonight" message: after {@link #EVENING} in the person's zone, to
 * those with a live streak who have not answered today, at most once a day across every instance
 * (the claim on {@code reminded_on} decides), never to the muted.
 */
public final class Reminders implements Scheduled {

    private static final Logger log = LoggerFactory.getLogger(Reminders.class);
    static final LocalTime EVENING = LocalTime.of(18, 0);

    private final PersonRepository people;
    private final ProgressService progress;
    private final Duration every;
    private final DueReviews due;

    /** Reminders looked for about every {@code every}. */
    public Reminders(PersonRepository people, ProgressService progress, Duration every) {
        this(people, progress, every, (user, now) -> 0);
    }

    /** How many questions a person has due for review at a moment. */
    @FunctionalInterface
    public interface DueReviews {
        int count(UserRef user, Instant now);
    }

    /** Reminders that also say how many questions are due for review. */
    public Reminders(PersonRepository people, ProgressService progress, Duration every, DueReviews due) {
        this.due = due;
        this.people = people;
        this.progress = progress;
        this.every = every;
    }

    @Override
    public List<Job> jobs() {
        return List.of(Job.inPlaces("streak-reminders", every, this::sendDue));
    }

    /** Sends the reminders due at {@code now}; returns how many went out. */
    public int sendDue(Instant now, ChatPorts ports) {
        int sent = 0;
        for (PersonRepository.Person p : onePerRecord(people.wantingReminders(), now)) {
            Optional<ChatPort> port = ports.reaching(p.user());
            ZoneId zone = p.zone().or(() -> people.zone(p.user())).orElse(ZoneId.of("UTC"));
            var local = now.atZone(zone);
            LocalDate today = local.toLocalDate();
            // Rows muted here are not wanting reminders at all; on Discord, muted in another place counts too.
            if (port.isEmpty() || local.toLocalTime().isBefore(EVENING)
                    || p.user().platform().personIdsSpanTenants() && people.muted(p.user())) {
                continue;
            }
            Progress state = Progress.of(progress.scored(p.user()), zone, today);
            if (state.currentStreak() == 0 || state.answeredToday() || !people.claimReminder(p.user(), today)) {
                continue;
            }
            try {
                Place direct = port.get().openDirect(p.user());
                int dueNow = due.count(p.user(), now);
                port.get().post(direct, Reply.text("Your " + state.currentStreak() + "-day streak ends tonight. One"
                        + " answer keeps it: today's question of the day, or ask followed by a topic."
                        + (dueNow == 0 ? "" : " " + dueNow + (dueNow == 1 ? " question is" : " questions are")
                        + " due for review: review due.") + " (Stop these with: remind off)"));
                sent++;
            } catch (RuntimeException e) {
                log.warn("streak reminder not delivered: {}", e.toString());
            }
        }
        return sent;
    }

    /**
     * One entry per record: a Discord person who turned reminders on in a server and in their DMs has
     * one streak (progress spans both), so they get one reminder, not one per place. Every instance
     * picks the same entry (the first tenant), so its claim keeps the reminder to one across them.
     * A person already reminded today, under any entry, is left out.
     */
    private static List<PersonRepository.Person> onePerRecord(List<PersonRepository.Person> wanting, Instant now) {
        Map<String, List<PersonRepository.Person>> byRecord = new LinkedHashMap<>();
        for (PersonRepository.Person p : wanting) {
            UserRef u = p.user();
            String key = u.platform().personIdsSpanTenants() ? u.platform() + "/" + u.userId()
                    : u.platform() + "/" + u.tenant() + "/" + u.userId();
            byRecord.computeIfAbsent(key, k -> new ArrayList<>()).add(p);
        }
        List<PersonRepository.Person> out = new ArrayList<>();
        for (List<PersonRepository.Person> entries : byRecord.values()) {
            boolean remindedToday = entries.stream().anyMatch(p -> p.remindedOn()
                    .equals(Optional.of(now.atZone(p.zone().orElse(ZoneId.of("UTC"))).toLocalDate())));
            if (!remindedToday) {
                out.add(entries.stream().min(Comparator.comparing(p -> p.user().tenant())).orElseThrow());
            }
        }
        return out;
    }
}
