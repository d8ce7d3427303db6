package dev.interviewcoach.pair;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Makes a week's pairs out of the people who opted in: only people whose working hours overlap by
 * at least {@link #MIN_OVERLAP}, a partner they have not had before whenever there is one, and
 * whoever waited without a partner last time first. Deterministic: same people, same pairs.
 */
public final class PairMatcher {

    /** The least time two people must both be at work to be paired. */
    public static final Duration MIN_OVERLAP = Duration.ofHours(1);

    /** Someone who opted in: their hours, since when they waited for a partner (if they did), and when they joined. */
    public record Candidate(String userId, WorkingHours hours, Optional<Instant> waitingSince, Instant joinedAt) {
        public Candidate {
            Objects.requireNonNull(userId);
            Objects.requireNonNull(hours);
            Objects.requireNonNull(waitingSince);
            Objects.requireNonNull(joinedAt);
        }
    }

    /** Two people paired: {@code first} interviews first, then they swap. */
    public record Pair(String first, String second) {}

    /** Why someone was left without a partner this week. */
    public enum Alone {
        /** Everyone else was paired: an odd number opted in. */
        ODD_ONE_OUT,
        /** Nobody free was at work at the same time as them for an hour. */
        NO_OVERLAP,
        /** Nobody else opted in (or everyone else is left out). */
        NO_ONE_ELSE
    }

    /** The pairs made, and who is left without a partner and why. */
    public record Result(List<Pair> pairs, Map<String, Alone> alone) {}

    /** How often two people were paired before. */
    @FunctionalInterface
    public interface History {
        int timesPaired(String a, String b);
    }

    /** Pairs {@code people} for the week of {@code date}. */
    public Result match(List<Candidate> people, History history, LocalDate date) {
        Map<String, List<Candidate>> fits = new HashMap<>();
        for (Candidate p : people) {
            fits.put(p.userId(), people.stream().filter(q -> !q.userId().equals(p.userId()))
                    .filter(q -> p.hours().overlap(q.hours(), date).compareTo(MIN_OVERLAP) >= 0).toList());
        }
        // Those who waited go first; then whoever has the fewest possible partners, so few are stranded.
        List<Candidate> order = people.stream().sorted(Comparator
                .comparing((Candidate c) -> c.waitingSince().orElse(Instant.MAX))
                .thenComparingInt(c -> fits.get(c.userId()).size())
                .thenComparing(Candidate::joinedAt)
                .thenComparing(Candidate::userId)).toList();
        Set<String> taken = new LinkedHashSet<>();
        List<Pair> pairs = new ArrayList<>();
        for (Candidate p : order) {
            if (taken.contains(p.userId())) {
                continue;
            }
            Optional<Candidate> partner = fits.get(p.userId()).stream()
                    .filter(q -> !taken.contains(q.userId()))
                    .min(Comparator.comparingInt((Candidate q) -> history.timesPaired(p.userId(), q.userId()))
                            .thenComparing(q -> p.hours().overlap(q.hours(), date), Comparator.reverseOrder())
                            .thenComparingInt(order::indexOf));
            if (partner.isPresent()) {
                taken.add(p.userId());
                taken.add(partner.get().userId());
                pairs.add(new Pair(p.userId(), partner.get().userId()));
            }
        }
        Map<String, Alone> alone = new HashMap<>();
        for (Candidate p : order) {
            if (!taken.contains(p.userId())) {
                boolean anyoneFits = !fits.get(p.userId()).isEmpty();
                alone.put(p.userId(), people.size() == 1 ? Alone.NO_ONE_ELSE
                        : anyoneFits ? Alone.ODD_ONE_OUT : Alone.NO_OVERLAP);
            }
        }
        return new Result(List.copyOf(pairs), Map.copyOf(alone));
    }
}
