package dev.interviewcoach.testkit.discord;

/** An interaction the fake issued, and what the bot has answered so far. */
final class Interaction {

    /** Interaction types (Discord's numbering). */
    static final int APPLICATION_COMMAND = 2;
    static final int MESSAGE_COMPONENT = 3;
    static final int AUTOCOMPLETE = 4;
    static final int MODAL_SUBMIT = 5;

    private final String id;
    private final String token;
    private final int type;
    private final String userId;
    private final String channelId;
    private final String guildId;
    private volatile String commandName;
    private volatile String sourceMessageId;
    private volatile String originalMessageId;
    private boolean acknowledged; // guarded by this

    /** @param guildId the guild of the channel, {@code null} in a DM */
    Interaction(String id, String token, int type, String userId, String channelId, String guildId) {
        this.id = id;
        this.token = token;
        this.type = type;
        this.userId = userId;
        this.channelId = channelId;
        this.guildId = guildId;
    }

    String id() {
        return id;
    }

    String token() {
        return token;
    }

    int type() {
        return type;
    }

    String userId() {
        return userId;
    }

    String channelId() {
        return channelId;
    }

    String guildId() {
        return guildId;
    }

    /** The full command name ({@code name [group] [subcommand]}) of a command or autocomplete, else null. */
    String commandName() {
        return commandName;
    }

    void commandName(String commandName) {
        this.commandName = commandName;
    }

    /** The message whose component was used, or null. */
    String sourceMessageId() {
        return sourceMessageId;
    }

    void sourceMessageId(String messageId) {
        this.sourceMessageId = messageId;
    }

    /** The message {@code @original} names in webhook routes, once the bot responded; else null. */
    String originalMessageId() {
        return originalMessageId;
    }

    void originalMessageId(String messageId) {
        this.originalMessageId = messageId;
    }

    /** Marks the interaction answered; false when it already was (Discord then refuses the second answer). */
    synchronized boolean acknowledge() {
        if (acknowledged) {
            return false;
        }
        acknowledged = true;
        return true;
    }

    synchronized boolean acknowledged() {
        return acknowledged;
    }
}
