package dev.interviewcoach.store;

import dev.interviewcoach.chat.UserRef;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/**
 * One person under every tenant the coach holds something of theirs, where a platform's person ids
 * span its tenants (Discord: the same id in every server and in direct messages). Progress, streaks
 * and weak topics count what they did anywhere; forget-me and export reach all of it.
 */
public final class SamePerson {

    /** Tables that hold a person by platform, tenant and user id. */
    private static final List<String> PERSON_TABLES = List.of("mock_session", "daily_answer", "coach_person",
            "review_card", "digest_show_me", "daily_dm", "pair_member");
    /** Tables that hold a person's scored answers (besides peer mock interviews, where they are the candidate). */
    private static final List<String> SCORED_TABLES = List.of("mock_session", "daily_answer");

    private final Jdbi jdbi;

    public SamePerson(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /**
     * The person as addressed first, then the same id in every other tenant where anything of theirs
     * is stored (sorted); only the person as addressed where ids do not span tenants (Slack).
     */
    public List<UserRef> everywhere(UserRef user) {
        return in(user, PERSON_TABLES, " UNION SELECT tenant FROM peer_turn WHERE platform = :platform"
                + " AND (candidate = :user OR interviewer = :user)");
    }

    /** As {@link #everywhere}, among the tenants where the person has scored answers. */
    public List<UserRef> withAnswers(UserRef user) {
        return in(user, SCORED_TABLES, " UNION SELECT tenant FROM peer_turn WHERE platform = :platform AND candidate = :user");
    }

    /** As {@link #everywhere}, among the tenants where the person has review cards. */
    public List<UserRef> withReviewCards(UserRef user) {
        return in(user, List.of("review_card"), "");
    }

    private List<UserRef> in(UserRef user, List<String> tables, String more) {
        if (!user.platform().personIdsSpanTenants()) {
            return List.of(user);
        }
        String union = String.join(" UNION ", tables.stream()
                .map(t -> "SELECT tenant FROM " + t + " WHERE platform = :platform AND user_id = :user").toList()) + more;
        List<String> tenants = jdbi.withHandle(h -> h.createQuery(union)
                .bind("platform", user.platform().name()).bind("user", user.userId()).mapTo(String.class).list());
        List<UserRef> out = new ArrayList<>();
        out.add(user);
        tenants.stream().distinct().sorted().filter(t -> !t.equals(user.tenant()))
                .forEach(t -> out.add(new UserRef(user.platform(), t, user.userId())));
        return out;
    }
}
