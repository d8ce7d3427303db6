package dev.interviewcoach.chat;

/** The chat platforms the coach speaks on. */
public enum Platform {
    SLACK(false),
    DISCORD(true),
    CONSOLE(false);

    private final boolean personIdsSpanTenants;

    Platform(boolean personIdsSpanTenants) {
        this.personIdsSpanTenants = personIdsSpanTenants;
    }

    /**
     * Whether one person has the same id in every workspace or server of the platform (Discord's
     * user ids are global; Slack's belong to a workspace), so what is stored about them in one
     * server and in their direct messages is the same person's.
     */
    public boolean personIdsSpanTenants() {
        return personIdsSpanTenants;
    }
}
