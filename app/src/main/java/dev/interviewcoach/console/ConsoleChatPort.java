package dev.interviewcoach.console;

import dev.interviewcoach.chat.ChatPort;
import dev.interviewcoach.chat.MessageRef;
import dev.interviewcoach.chat.Place;
import dev.interviewcoach.chat.Reply;
import dev.interviewcoach.chat.UserRef;
import dev.interviewcoach.chat.Attachment;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import java.util.concurrent.atomic.AtomicLong;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * The console as a platform: every reply is printed in order; threads and DMs are the terminal
 * itself. Files that come with a reply (charts) are saved in a folder and their path printed.
 */
public final class ConsoleChatPort implements ChatPort {

    private static final Logger log = LoggerFactory.getLogger(ConsoleChatPort.class);

    private final PrintStream out;
    private final ConsoleRenderer renderer;
    private final Path files;
    private final AtomicLong messages = new AtomicLong();

    /** Saves files in the system's temporary folder, under {@code interview-coach}. */
    public ConsoleChatPort(PrintStream out, ConsoleRenderer renderer) {
        this(out, renderer, Path.of(System.getProperty("java.io.tmpdir"), "interview-coach"));
    }

    /** Saves files that come with replies (charts) in {@code files}. */
    public ConsoleChatPort(PrintStream out, ConsoleRenderer renderer, Path files) {
        this.out = out;
        this.renderer = renderer;
        this.files = files;
    }

    @Override
    public String whereChannelsAre() {
        return " The console has no channels; ./coach console --channel simulates one.";
    }

    @Override
    public MessageRef post(Place place, Reply reply) {
        out.print(renderer.render(reply.withoutAttachments()));
        for (Attachment file : reply.attachments()) {
            out.println(save(file));
        }
        out.flush();
        return new MessageRef(place, Long.toString(messages.incrementAndGet()));
    }

    /** Writes a file into the folder (a later one of the same name replaces it) and says where. */
    private String save(Attachment file) {
        try {
            Files.createDirectories(files);
            Path target = files.resolve(file.fileName());
            Files.write(target, file.content());
            return "[" + file.altText() + "]\nSaved " + file.mediaType().replace("image/", "").toUpperCase(Locale.ROOT)
                    + ": " + target.toAbsolutePath();
        } catch (IOException e) {
            log.warn("could not save {} in {}: {}", file.fileName(), files, e.toString());
            return "[" + file.altText() + "] (not saved: " + e.getMessage() + ")";
        }
    }

    /** Where files that come with replies are saved. */
    public Path files() {
        return files;
    }

    /** The simulated workspace's channels are whatever is named: #prep-leads is the channel prep-leads. */
    @Override
    public Optional<Place> channelNamed(Place near, String name) {
        return Optional.of(Place.channel(near.platform(), near.tenant(), name));
    }

    @Override
    public Place openThread(Place channel, Reply opening) {
        MessageRef ref = post(channel, opening);
        return channel.thread(ref.messageId());
    }

    /** The terminal is everyone's: a group conversation is a named place in it, the opening printed. */
    @Override
    public Place openGroup(Place near, List<UserRef> members, Reply opening) {
        String who = String.join("+", members.stream().map(UserRef::userId).toList());
        Place group = Place.channel(near.platform(), near.tenant(), "group-" + who + "-" + messages.incrementAndGet());
        post(group, opening);
        return group;
    }

    @Override
    public Place openDirect(UserRef user) {
        return ConsoleSession.placeFor(user);
    }

    /** In the terminal, the person at the keyboard runs the simulated channel. */
    @Override
    public boolean mayManage(UserRef user, Place channel) {
        return true;
    }

    @Override
    public Optional<ZoneId> zoneOf(UserRef user) {
        return Optional.of(computerZone());
    }

    /**
     * This computer's time zone, with UTC called UTC: a server or container reports "Etc/UTC", which the person
     * reading "Days are counted in Etc/UTC" should not have to decode.
     */
    static ZoneId computerZone() {
        return plainlyNamed(ZoneId.systemDefault());
    }

    static ZoneId plainlyNamed(ZoneId zone) {
        return zone.normalized().equals(ZoneOffset.UTC) ? ZoneId.of("UTC") : zone;
    }

    /** A terminal cannot change what it printed; the next reply says what happened instead. */
    @Override
    public void update(MessageRef message, Reply reply) {
    }
}
