package dev.interviewcoach.pair;

import dev.interviewcoach.chat.Place;
import dev.interviewcoach.chat.Platform;
import dev.interviewcoach.chat.UserRef;
import dev.interviewcoach.daily.PostTimes;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Weekly pairings, who opted in, the claims that make each week's pairs once, the pairs and their
 * two questions (tables from V17__peer_pairing.sql).
 */
public final class PairingRepository {

    private final Jdbi jdbi;

    public PairingRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    // --- schedules

    /** Creates or replaces a channel's weekly pairing. */
    public void save(PairSchedule s) {
        jdbi.useTransaction(h -> {
            h.createUpdate("DELETE FROM pair_schedule WHERE platform = :platform AND tenant = :tenant AND channel_id = :channel")
                    .bindMap(channel(s.channel())).execute();
            h.createUpdate("""
                            INSERT INTO pair_schedule (platform, tenant, channel_id, track, weekday, pair_time, zone,
                                created_by, created_at)
                            VALUES (:platform, :tenant, :channel, :track, :weekday, :time, :zone, :by, :at)
                            """)
                    .bindMap(channel(s.channel())).bind("track", s.track()).bind("weekday", s.day().name())
                    .bind("time", s.times().at().toString()).bind("zone", s.times().zone().getId())
                    .bind("by", s.createdBy()).bind("at", s.createdAt().toEpochMilli()).execute();
        });
    }

    public Optional<PairSchedule> schedule(Place channel) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT * FROM pair_schedule WHERE platform = :platform AND tenant = :tenant AND channel_id = :channel
                        """)
                .bindMap(channel(channel)).map((rs, ctx) -> schedule(rs)).findOne());
    }

    /** Stops a channel's weekly pairing; false when it had none. Who opted in is kept for a pairing set up again. */
    public boolean deleteSchedule(Place channel) {
        return jdbi.withHandle(h -> h.createUpdate("""
                        DELETE FROM pair_schedule WHERE platform = :platform AND tenant = :tenant AND channel_id = :channel
                        """)
                .bindMap(channel(channel)).execute()) > 0;
    }

    /** Every weekly pairing of a workspace or server still using the coach. */
    public List<PairSchedule> schedules() {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT * FROM pair_schedule s WHERE NOT EXISTS (SELECT 1 FROM tenant_removed r
                            WHERE r.platform = s.platform AND r.tenant = s.tenant)
                        ORDER BY created_at
                        """)
                .map((rs, ctx) -> schedule(rs)).list());
    }

    /** True for exactly one caller, on any instance, per channel and local date: that caller makes the pairs. */
    public boolean claimRound(Place channel, LocalDate date, Instant now) {
        return jdbi.withHandle(h -> h.createUpdate("""
                        INSERT INTO pair_round (platform, tenant, channel_id, local_date, started_at)
                        VALUES (:platform, :tenant, :channel, :date, :at)
                        ON CONFLICT DO NOTHING
                        """)
                .bindMap(channel(channel)).bind("date", date.toString()).bind("at", now.toEpochMilli()).execute()) == 1;
    }

    // --- members

    public Optional<PairMember> member(UserRef user, Place channel) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT * FROM pair_member WHERE platform = :platform AND tenant = :tenant AND channel_id = :channel
                            AND user_id = :user
                        """)
                .bindMap(channel(channel)).bind("user", user.userId()).map((rs, ctx) -> member(rs)).findOne());
    }

    /** Everyone who opted in to a channel's pairing, left out or not, in the order they joined. */
    public List<PairMember> optedIn(Place channel) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT * FROM pair_member WHERE platform = :platform AND tenant = :tenant AND channel_id = :channel
                            AND opted_in = 1
                        ORDER BY joined_at, user_id
                        """)
                .bindMap(channel(channel)).map((rs, ctx) -> member(rs)).list());
    }

    public void save(PairMember m) {
        jdbi.useTransaction(h -> {
            h.createUpdate("""
                            DELETE FROM pair_member WHERE platform = :platform AND tenant = :tenant AND channel_id = :channel
                                AND user_id = :user
                            """)
                    .bindMap(channel(m.channel())).bind("user", m.user().userId()).execute();
            h.createUpdate("""
                            INSERT INTO pair_member (platform, tenant, channel_id, user_id, track, zone, hours_from,
                                hours_to, opted_in, missed_in_row, left_out, waiting_since, joined_at)
                            VALUES (:platform, :tenant, :channel, :user, :track, :zone, :from, :to, :in, :missed, :out,
                                :waiting, :joined)
                            """)
                    .bindMap(channel(m.channel())).bind("user", m.user().userId()).bind("track", m.track())
                    .bind("zone", m.zone().getId()).bind("from", m.hours().start().toString())
                    .bind("to", m.hours().end().toString()).bind("in", m.optedIn() ? 1 : 0).bind("missed", m.missedInRow())
                    .bind("out", m.leftOut() ? 1 : 0)
                    .bind("waiting", m.waitingSince().map(Instant::toEpochMilli).orElse(null))
                    .bind("joined", m.joinedAt().toEpochMilli()).execute();
        });
    }

    // --- pairings

    public void add(Pairing p, PeerTurn first) {
        jdbi.useTransaction(h -> {
            h.createUpdate("""
                            INSERT INTO peer_pairing (id, platform, tenant, channel_id, local_date, track, first_user,
                                second_user, place_channel, place_thread, place_kind, turn, first_showed, second_showed,
                                window_ends, closed_at, created_at)
                            VALUES (:id, :platform, :tenant, :channel, :date, :track, :first, :second, :placeChannel,
                                :placeThread, :placeKind, :turn, 0, 0, :ends, NULL, :at)
                            """)
                    .bind("id", p.id()).bindMap(channel(p.channel())).bind("date", p.localDate().toString())
                    .bind("track", p.track()).bind("first", p.first()).bind("second", p.second())
                    .bind("placeChannel", p.place().channelId()).bind("placeThread", p.place().threadId())
                    .bind("placeKind", p.place().kind().name()).bind("turn", p.turn())
                    .bind("ends", p.windowEnds().toEpochMilli()).bind("at", p.createdAt().toEpochMilli()).execute();
            addTurn(h, p, first);
        });
    }

    /** Starts the next question of a pairing. */
    public void addTurn(Pairing p, PeerTurn turn) {
        jdbi.useHandle(h -> addTurn(h, p, turn));
    }

    private static void addTurn(Handle h, Pairing p, PeerTurn t) {
        h.createUpdate("""
                        INSERT INTO peer_turn (pairing_id, turn, platform, tenant, interviewer, candidate, question_id,
                            answer_text, coach_score, covered, peer_score, scored_at)
                        VALUES (:id, :turn, :platform, :tenant, :interviewer, :candidate, :question, NULL, NULL, '', NULL, NULL)
                        ON CONFLICT DO NOTHING
                        """)
                .bind("id", p.id()).bind("turn", t.turn()).bindMap(channel(p.channel()))
                .bind("interviewer", t.interviewer()).bind("candidate", t.candidate()).bind("question", t.questionId())
                .execute();
    }

    public Optional<Pairing> pairing(String id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM peer_pairing WHERE id = :id")
                .bind("id", id).map((rs, ctx) -> pairing(rs)).findOne());
    }

    /** The open pairing whose private conversation is {@code place}. */
    public Optional<Pairing> openAt(Place place) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT * FROM peer_pairing WHERE platform = :platform AND tenant = :tenant
                            AND place_channel = :placeChannel AND closed_at IS NULL
                        ORDER BY created_at DESC
                        """)
                .bind("platform", place.platform().name()).bind("tenant", place.tenant())
                .bind("placeChannel", place.channelId()).map((rs, ctx) -> pairing(rs)).list())
                .stream().filter(p -> Objects.equals(p.place().threadId(), place.threadId())).findFirst();
    }

    /** A person's pairings in a channel, newest first. */
    public List<Pairing> pairingsOf(UserRef user, Place channel) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT * FROM peer_pairing WHERE platform = :platform AND tenant = :tenant AND channel_id = :channel
                            AND (first_user = :user OR second_user = :user)
                        ORDER BY created_at DESC
                        """)
                .bindMap(channel(channel)).bind("user", user.userId()).map((rs, ctx) -> pairing(rs)).list());
    }

    /** A person's pairings anywhere in a workspace or server, newest first (for their export). */
    public List<Pairing> pairingsOf(UserRef user) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT * FROM peer_pairing WHERE platform = :platform AND tenant = :tenant
                            AND (first_user = :user OR second_user = :user)
                        ORDER BY created_at DESC
                        """)
                .bind("platform", user.platform().name()).bind("tenant", user.tenant()).bind("user", user.userId())
                .map((rs, ctx) -> pairing(rs)).list());
    }

    /** How often each two people of a channel were paired, by the pair's ids in either order. */
    public Map<Set<String>, Integer> pastPairs(Place channel) {
        Map<Set<String>, Integer> counts = new HashMap<>();
        jdbi.useHandle(h -> h.createQuery("""
                        SELECT first_user, second_user FROM peer_pairing
                        WHERE platform = :platform AND tenant = :tenant AND channel_id = :channel
                        """)
                .bindMap(channel(channel))
                .map((rs, ctx) -> Set.of(rs.getString("first_user"), rs.getString("second_user")))
                .forEach(pair -> counts.merge(pair, 1, Integer::sum)));
        return counts;
    }

    /** Open pairings whose window ended at or before {@code now}. */
    public List<Pairing> ended(Instant now) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT * FROM peer_pairing WHERE closed_at IS NULL AND window_ends <= :now ORDER BY window_ends
                        """)
                .bind("now", now.toEpochMilli()).map((rs, ctx) -> pairing(rs)).list());
    }

    /** Closes a pairing; true for exactly one caller, who then settles who missed it. */
    public boolean close(String id, Instant now) {
        return jdbi.withHandle(h -> h.createUpdate("UPDATE peer_pairing SET closed_at = :now WHERE id = :id AND closed_at IS NULL")
                .bind("id", id).bind("now", now.toEpochMilli()).execute()) == 1;
    }

    /** Records that a person took part in a pairing. */
    public void showed(Pairing p, String userId) {
        String column = p.first().equals(userId) ? "first_showed" : "second_showed";
        jdbi.useHandle(h -> h.createUpdate("UPDATE peer_pairing SET " + column + " = 1 WHERE id = :id")
                .bind("id", p.id()).execute());
    }

    /** Moves a pairing from one turn to the next; true for exactly one caller. */
    public boolean advance(Pairing p, int from) {
        return jdbi.withHandle(h -> h.createUpdate("UPDATE peer_pairing SET turn = :next WHERE id = :id AND turn = :from")
                .bind("id", p.id()).bind("from", from).bind("next", from + 1).execute()) == 1;
    }

    // --- turns

    public Optional<PeerTurn> turn(String pairingId, int turn) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM peer_turn WHERE pairing_id = :id AND turn = :turn")
                .bind("id", pairingId).bind("turn", turn).map((rs, ctx) -> turn(rs)).findOne());
    }

    public List<PeerTurn> turns(String pairingId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM peer_turn WHERE pairing_id = :id ORDER BY turn")
                .bind("id", pairingId).map((rs, ctx) -> turn(rs)).list());
    }

    /** Keeps the candidate's typed answer so far, until the interviewer scores it. */
    public void answered(PeerTurn t, String answer) {
        jdbi.useHandle(h -> h.createUpdate("""
                        UPDATE peer_turn SET answer_text = :answer
                        WHERE pairing_id = :id AND turn = :turn AND peer_score IS NULL
                        """)
                .bind("id", t.pairingId()).bind("turn", t.turn()).bind("answer", answer).execute());
    }

    /** Keeps the coach's score of the typed answer. */
    public void coachScored(PeerTurn t, int score) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE peer_turn SET coach_score = :score WHERE pairing_id = :id AND turn = :turn")
                .bind("id", t.pairingId()).bind("turn", t.turn()).bind("score", score).execute());
    }

    public void covered(PeerTurn t, Set<String> pointIds) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE peer_turn SET covered = :covered WHERE pairing_id = :id AND turn = :turn")
                .bind("id", t.pairingId()).bind("turn", t.turn())
                .bind("covered", pointIds.stream().sorted().collect(Collectors.joining(","))).execute());
    }

    /** Records the interviewer's score; true for exactly one caller (a second press changes nothing). */
    public boolean peerScored(PeerTurn t, int score, Instant now) {
        return jdbi.withHandle(h -> h.createUpdate("""
                        UPDATE peer_turn SET peer_score = :score, scored_at = :at
                        WHERE pairing_id = :id AND turn = :turn AND peer_score IS NULL
                        """)
                .bind("id", t.pairingId()).bind("turn", t.turn()).bind("score", score).bind("at", now.toEpochMilli())
                .execute()) == 1;
    }

    /** A question a person answered in a peer mock interview, once their partner scored it. */
    public record AnsweredWithPeer(String questionId, Instant scoredAt, int peerScore, Optional<Integer> coachScore) {}

    /** Every question {@code candidate} answered in a peer mock interview and had scored by their partner. */
    public List<AnsweredWithPeer> answeredWithPeers(UserRef candidate) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT question_id, scored_at, peer_score, coach_score FROM peer_turn
                        WHERE platform = :platform AND tenant = :tenant AND candidate = :user AND peer_score IS NOT NULL
                        ORDER BY scored_at
                        """)
                .bindMap(person(candidate))
                .map((rs, ctx) -> {
                    int coach = rs.getInt("coach_score");
                    Optional<Integer> coachScore = rs.wasNull() ? Optional.empty() : Optional.of(coach);
                    return new AnsweredWithPeer(rs.getString("question_id"), Instant.ofEpochMilli(rs.getLong("scored_at")),
                            rs.getInt("peer_score"), coachScore);
                }).list());
    }

    // --- privacy

    /**
     * Forgets a person: their memberships, every pairing they were in and its questions. A weekly
     * pairing they set up stays for its channel without their name. Returns how many rows named them.
     */
    public int forget(UserRef user) {
        return jdbi.inTransaction(h -> {
            int n = h.createUpdate("""
                            DELETE FROM peer_turn WHERE pairing_id IN (SELECT id FROM peer_pairing
                                WHERE platform = :platform AND tenant = :tenant AND (first_user = :user OR second_user = :user))
                            """).bindMap(person(user)).execute();
            n += h.createUpdate("""
                            DELETE FROM peer_pairing WHERE platform = :platform AND tenant = :tenant
                                AND (first_user = :user OR second_user = :user)
                            """).bindMap(person(user)).execute();
            n += h.createUpdate("DELETE FROM pair_member WHERE platform = :platform AND tenant = :tenant AND user_id = :user")
                    .bindMap(person(user)).execute();
            n += h.createUpdate("""
                            UPDATE pair_schedule SET created_by = 'forgotten'
                            WHERE platform = :platform AND tenant = :tenant AND created_by = :user
                            """).bindMap(person(user)).execute();
            return n;
        });
    }

    /** A person's memberships in every channel's pairing of a workspace or server (for their export). */
    public List<PairMember> memberships(UserRef user) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT * FROM pair_member WHERE platform = :platform AND tenant = :tenant AND user_id = :user
                        ORDER BY channel_id
                        """)
                .bindMap(person(user)).map((rs, ctx) -> member(rs)).list());
    }

    private static Map<String, Object> channel(Place channel) {
        return Map.of("platform", channel.platform().name(), "tenant", channel.tenant(), "channel", channel.channelId());
    }

    private static Map<String, Object> person(UserRef user) {
        return Map.of("platform", user.platform().name(), "tenant", user.tenant(), "user", user.userId());
    }

    private static PairSchedule schedule(ResultSet rs) throws SQLException {
        return new PairSchedule(channelOf(rs), rs.getString("track"),
                new PostTimes(LocalTime.parse(rs.getString("pair_time")), ZoneId.of(rs.getString("zone")),
                        Set.of(DayOfWeek.valueOf(rs.getString("weekday")))),
                rs.getString("created_by"), Instant.ofEpochMilli(rs.getLong("created_at")));
    }

    private static PairMember member(ResultSet rs) throws SQLException {
        Place channel = channelOf(rs);
        long waiting = rs.getLong("waiting_since");
        Optional<Instant> since = rs.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(waiting));
        return new PairMember(new UserRef(channel.platform(), channel.tenant(), rs.getString("user_id")), channel,
                rs.getString("track"), hours(rs), rs.getInt("opted_in") == 1,
                rs.getInt("missed_in_row"), rs.getInt("left_out") == 1, since,
                Instant.ofEpochMilli(rs.getLong("joined_at")));
    }

    /** A member's working hours; rows from before they could be chosen have the standard ones. */
    private static WorkingHours hours(ResultSet rs) throws SQLException {
        ZoneId zone = ZoneId.of(rs.getString("zone"));
        String from = rs.getString("hours_from");
        String to = rs.getString("hours_to");
        return from == null || to == null ? WorkingHours.standard(zone)
                : new WorkingHours(zone, LocalTime.parse(from), LocalTime.parse(to));
    }

    private static Pairing pairing(ResultSet rs) throws SQLException {
        Place channel = channelOf(rs);
        Place place = new Place(channel.platform(), channel.tenant(), rs.getString("place_channel"),
                rs.getString("place_thread"), Place.Kind.valueOf(rs.getString("place_kind")));
        long closed = rs.getLong("closed_at");
        Optional<Instant> closedAt = rs.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(closed));
        return new Pairing(rs.getString("id"), channel, LocalDate.parse(rs.getString("local_date")), rs.getString("track"),
                rs.getString("first_user"), rs.getString("second_user"), place, rs.getInt("turn"),
                rs.getInt("first_showed") == 1, rs.getInt("second_showed") == 1,
                Instant.ofEpochMilli(rs.getLong("window_ends")), closedAt, Instant.ofEpochMilli(rs.getLong("created_at")));
    }

    private static PeerTurn turn(ResultSet rs) throws SQLException {
        int coach = rs.getInt("coach_score");
        Optional<Integer> coachScore = rs.wasNull() ? Optional.empty() : Optional.of(coach);
        int peer = rs.getInt("peer_score");
        Optional<Integer> peerScore = rs.wasNull() ? Optional.empty() : Optional.of(peer);
        String covered = rs.getString("covered");
        return new PeerTurn(rs.getString("pairing_id"), rs.getInt("turn"), rs.getString("interviewer"),
                rs.getString("candidate"), rs.getString("question_id"), Optional.ofNullable(rs.getString("answer_text")),
                coachScore, covered == null || covered.isBlank() ? Set.of() : Set.copyOf(Arrays.asList(covered.split(","))),
                peerScore);
    }

    private static Place channelOf(ResultSet rs) throws SQLException {
        return Place.channel(Platform.valueOf(rs.getString("platform")), rs.getString("tenant"), rs.getString("channel_id"));
    }

}
