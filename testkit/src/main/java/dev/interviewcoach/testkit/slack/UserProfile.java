package dev.interviewcoach.testkit.slack;

/**
 * How the fake's {@code users.info} describes someone: the workspace role flags Slack reports and
 * the profile's time zone ({@code null}: the profile has none). Build one from {@link #member()}.
 *
 * @param admin        {@code is_admin}
 * @param owner        {@code is_owner}
 * @param primaryOwner {@code is_primary_owner}
 * @param tz           {@code tz}, an IANA name as Slack gives it, or anything else a test wants to see handled
 */
public record UserProfile(boolean admin, boolean owner, boolean primaryOwner, String tz) {

    /** A plain member with no time zone: what the fake answers for anyone it was not told about. */
    public static UserProfile member() {
        return new UserProfile(false, false, false, null);
    }

    public UserProfile asAdmin() {
        return new UserProfile(true, owner, primaryOwner, tz);
    }

    public UserProfile asOwner() {
        return new UserProfile(admin, true, primaryOwner, tz);
    }

    public UserProfile asPrimaryOwner() {
        return new UserProfile(admin, owner, true, tz);
    }

    public UserProfile inZone(String tz) {
        return new UserProfile(admin, owner, primaryOwner, tz);
    }
}
