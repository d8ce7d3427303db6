package dev.interviewcoach.slack;

import com.slack.api.bolt.service.OAuthStateService;
import java.time.Clock;
import java.time.Duration;
import org.jdbi.v3.core.Jdbi;

/**
 * Bolt's OAuth state parameters kept in the coach's database (table {@code oauth_state}), so any
 * instance can finish an install another one started. A state lives ten minutes and is good once:
 * checking it deletes it in the same statement, so two callbacks with one state cannot both pass.
 */
public final class SlackOAuthStates implements OAuthStateService {

    /** How long an install page's link stays good. */
    public static final Duration LIFETIME = Duration.ofSeconds(DEFAULT_EXPIRATION_IN_SECONDS);

    private final Jdbi jdbi;
    private final Clock clock;

    public SlackOAuthStates(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    @Override
    public void addNewStateToDatastore(String state) {
        long now = clock.millis();
        jdbi.useHandle(h -> {
            // Old states are swept as new ones are issued: the table holds installs in progress only.
            h.createUpdate("DELETE FROM oauth_state WHERE expires_at < :now").bind("now", now).execute();
            h.createUpdate("INSERT INTO oauth_state (state, expires_at) VALUES (:state, :expires)")
                    .bind("state", state).bind("expires", now + LIFETIME.toMillis()).execute();
        });
    }

    /** True once for a state issued less than ten minutes ago; it is used up by the check. */
    @Override
    public boolean isAvailableInDatabase(String state) {
        return jdbi.withHandle(h -> h.createUpdate("DELETE FROM oauth_state WHERE state = :state AND expires_at >= :now")
                .bind("state", state).bind("now", clock.millis()).execute()) == 1;
    }

    @Override
    public void deleteStateFromDatastore(String state) {
        jdbi.useHandle(h -> h.createUpdate("DELETE FROM oauth_state WHERE state = :state").bind("state", state).execute());
    }
}
