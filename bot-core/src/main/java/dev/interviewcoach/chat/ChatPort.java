package dev.interviewcoach.chat;

/**
 * How the engine speaks on a platform. Each adapter implements it; platform limits (message
 * length, block counts) and rate limits are the adapter's job, so a reply of any size goes out
 * whole, split where the platform needs it.
 */
public interface ChatPort {

    /** Posts a reply in a place; a reply visible only to one person goes privately to them there. */
    MessageRef post(Place place, Reply reply);

    /** Posts an opening message in a channel and returns the thread under it. */
    Place openThread(Place channel, Reply opening);

    /** Opens (or finds) the direct conversation with a person. */
    Place openDirect(UserRef user);

    /** Replaces a message the bot posted earlier. */
    void update(MessageRef message, Reply reply);

    /** Shows a person their home page (Slack App Home); platforms without one ignore it. */
    default void publishHome(UserRef user, Reply home) {
    }
}
