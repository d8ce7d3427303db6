package dev.interviewcoach.chat;

import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

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

    /**
     * Posts a message in a channel that people can answer in a thread under it (a question of the
     * day). Where threads hang off any message (Slack) this is a plain post; where a thread must be
     * made (Discord) the adapter makes a public one, whose id is the message's.
     */
    default MessageRef postForReplies(Place channel, Reply reply) {
        return post(channel, reply);
    }

    /**
     * Opens a private conversation for a few people of a channel's workspace or server, near that
     * channel (a peer pairing), and posts the opening there: on Slack a group DM of them and the
     * bot, on Discord a private thread in the channel with each of them added. Nobody else sees
     * it; a reply there for one of them alone stays private to them. Platforms that cannot do it
     * refuse, saying so.
     */
    default Place openGroup(Place near, List<UserRef> members, Reply opening) {
        throw new PlatformRefusal("I can't open a private conversation for several people here.");
    }

    /**
     * Whether this process can act in {@code tenant} (a Slack workspace, a Discord server, or Discord's direct
     * messages) now. Where several instances split a platform's connection between them (Discord's shards), a
     * server another instance runs is not reached from here: its scheduled posts and waiting replies are left to
     * that instance rather than refused here.
     */
    default boolean reaches(String tenant) {
        return true;
    }

    /** Opens (or finds) the direct conversation with a person. */
    Place openDirect(UserRef user);

    /** Replaces a message the bot posted earlier. */
    void update(MessageRef message, Reply reply);

    /**
     * Whether replies through this port must be sent while the event that caused them is handled,
     * on its own lane: a port that lives for one interaction (Discord's, which is closed after the
     * event) cannot wait for a delivery lane.
     */
    default boolean repliesWithinEvent() {
        return false;
    }

    /**
     * Runs {@code wait}, the last thing an event's work does: waiting for its replies, sent by another thread, to
     * go out through a port that lives for the event alone. A port that bounds how much engine work runs at once
     * lets another event have this one's place meanwhile.
     */
    default void finishWaiting(Runnable wait) {
        wait.run();
    }

    /** Shows a person their home page (Slack App Home); platforms without one ignore it. */
    default void publishHome(UserRef user, Reply home) {
    }

    /**
     * Whether this person may change what the bot does in a channel: on Slack a workspace admin
     * or owner or someone on the configured admin list, on Discord someone with Manage Channels
     * or Manage Server. Platforms that cannot tell say no.
     */
    default boolean mayManage(UserRef user, Place channel) {
        return false;
    }

    /** The person's time zone when the platform knows it (Slack profiles do). */
    default Optional<ZoneId> zoneOf(UserRef user) {
        return Optional.empty();
    }

    /**
     * The channel called {@code name} (without the #) in the workspace or server of {@code near},
     * for a command that names one as plain text; empty when the platform cannot find it.
     */
    default Optional<Place> channelNamed(Place near, String name) {
        return Optional.empty();
    }

    /**
     * What to add to a reply that says a command needs a channel, where this surface has none (the console names its
     * channel simulation); nothing on a chat platform.
     */
    default String whereChannelsAre() {
        return "";
    }

    /** Marks a person's message as seen with a reaction, so others see participation, not content. */
    default void markReceived(MessageRef message) {
    }

    /**
     * Sends a file to a place (a person's data export to their DM), with a short message. A
     * platform that cannot carry files posts the content as text instead.
     */
    default void postFile(Place place, Reply message, String fileName, byte[] content) {
        post(place, message);
        String text = new String(content, StandardCharsets.UTF_8);
        post(place, new Reply(List.of(new Block.Text(RichText.builder().codeBlock(text).build())), text,
                message.visibility()));
    }
}
