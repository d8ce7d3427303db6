package dev.interviewcoach.engine;

import dev.interviewcoach.chat.ChatJson;
import dev.interviewcoach.chat.ChatPort;
import dev.interviewcoach.chat.ChatPorts;
import dev.interviewcoach.chat.MessageRef;
import dev.interviewcoach.chat.Place;
import dev.interviewcoach.chat.Platform;
import dev.interviewcoach.chat.Reply;
import dev.interviewcoach.chat.UserRef;
import dev.interviewcoach.store.Outbox;
import java.time.ZoneId;
import java.util.Optional;
import dev.interviewcoach.chat.Visibility;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The port a feature speaks through while it handles an event: what it says is written to the
 * outbox in the event's transaction and goes out after the commit, in order. Calls whose answer
 * the feature needs at once (open a thread or a DM, post a question of the day whose id becomes a
 * thread, ask about permissions or a time zone) go straight to the platform.
 *
 * <p>A posted reply's id is provisional ({@code outbox:N}) until it is delivered; an update of it
 * later is resolved to the platform's id at delivery.
 */
final class OutboxPort implements ChatPort {

    /** The prefix of a provisional message id. */
    static final String PROVISIONAL = "outbox:";

    /** What a row of each kind holds. */
    record Post(Place place, Reply reply) {}

    record Update(MessageRef message, Reply reply) {}

    record Mark(MessageRef message) {}

    record Home(UserRef user, Reply home) {}

    record File(Place place, Reply message, String fileName, byte[] content) {}

    private final Outbox outbox;
    private final ChatPort platform;
    private final ChatJson json;
    private final String eventId;
    private final UserRef actor;
    private final Written written;
    /** Told the name of each call that goes straight to the platform, before it is made. */
    private final Consumer<String> directCall;

    /** What one event's handling wrote: the lanes, and the rows it claimed to send itself. */
    static final class Written {
        final Set<String> lanes = new LinkedHashSet<>();
        final Set<Long> rows = new HashSet<>();
        /** Each lane's rows, in the order written. */
        final Map<String, List<Long>> rowsByLane = new LinkedHashMap<>();
        /** What each row holds, as written: sent from here, not read back and parsed again. */
        final Map<Long, Object> content = new HashMap<>();
        /** Until when the rows are claimed for the one who wrote them; moved on when a late sender renews the claim. */
        long claimUntil;

        Written(long claimUntil) {
            this.claimUntil = claimUntil;
        }

        void clear() {
            lanes.clear();
            rows.clear();
            rowsByLane.clear();
            content.clear();
        }
    }

    OutboxPort(Outbox outbox, ChatPort platform, ChatJson json, String eventId, UserRef actor, Written written,
               Consumer<String> directCall) {
        this.outbox = outbox;
        this.directCall = directCall;
        this.platform = platform;
        this.json = json;
        this.eventId = eventId;
        this.actor = actor;
        this.written = written;
    }

    /** What a lane of a person's home page begins with. */
    private static final String HOME_LANE = "home:";

    /** The lane of replies into a place: one order per place, as a platform rate-limits per channel. */
    static String lane(Place place) {
        return place.key();
    }

    /**
     * The port to send a lane's replies through, when this process reaches the workspace or server of the lane's
     * place (a lane begins with its place's {@link Place#key()}: platform, tenant, channel).
     */
    static Optional<ChatPort> reaching(ChatPorts ports, String lane) {
        // A person's home page has a lane of its own: platform, tenant and person after the prefix.
        String[] parts = (lane.startsWith(HOME_LANE) ? lane.substring(HOME_LANE.length()) : lane).split(":", 3);
        if (parts.length < 3) {
            return Optional.empty();
        }
        Platform platform;
        try {
            platform = Platform.valueOf(parts[0].toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        return ports.reaching(platform, parts[1]);
    }

    /**
     * A private reply has a lane of its own per person: what one person sees privately needs no
     * order with what another sees, and it must go through the port of that person's own event
     * (on Discord, the interaction that makes it visible to them alone).
     */
    static String lane(Place place, Reply reply) {
        return reply.visibility() instanceof Visibility.OnlyTo only
                ? place.key() + "#" + only.user().userId() : place.key();
    }

    private long add(String lane, Outbox.Op op, Object payload) {
        long id = outbox.add(lane, actor.platform(), eventId, actor, op, json.write(payload), written.claimUntil);
        written.lanes.add(lane);
        written.rows.add(id);
        written.rowsByLane.computeIfAbsent(lane, l -> new ArrayList<>()).add(id);
        written.content.put(id, payload);
        return id;
    }

    @Override
    public MessageRef post(Place place, Reply reply) {
        return new MessageRef(place, PROVISIONAL + add(lane(place, reply), Outbox.Op.POST, new Post(place, reply)));
    }

    @Override
    public void update(MessageRef message, Reply reply) {
        add(lane(message.place()), Outbox.Op.UPDATE, new Update(message, reply));
    }

    @Override
    public void markReceived(MessageRef message) {
        add(lane(message.place()), Outbox.Op.MARK_RECEIVED, new Mark(message));
    }

    @Override
    public boolean reaches(String tenant) {
        return platform.reaches(tenant);
    }

    @Override
    public String whereChannelsAre() {
        return platform.whereChannelsAre();
    }

    @Override
    public void publishHome(UserRef user, Reply home) {
        add(HOME_LANE + user.platform() + ":" + user.tenant() + ":" + user.userId(), Outbox.Op.PUBLISH_HOME,
                new Home(user, home));
    }

    @Override
    public void postFile(Place place, Reply message, String fileName, byte[] content) {
        add(lane(place, message), Outbox.Op.POST_FILE, new File(place, message, fileName, content));
    }

    @Override
    public Place openThread(Place channel, Reply opening) {
        directCall.accept("openThread");
        return platform.openThread(channel, opening);
    }

    @Override
    public Place openGroup(Place near, List<UserRef> members, Reply opening) {
        directCall.accept("openGroup");
        return platform.openGroup(near, members, opening);
    }

    @Override
    public MessageRef postForReplies(Place channel, Reply reply) {
        directCall.accept("postForReplies");
        return platform.postForReplies(channel, reply);
    }

    @Override
    public Place openDirect(UserRef user) {
        directCall.accept("openDirect");
        return platform.openDirect(user);
    }

    @Override
    public Optional<Place> channelNamed(Place near, String name) {
        directCall.accept("channelNamed");
        return platform.channelNamed(near, name);
    }

    @Override
    public boolean mayManage(UserRef user, Place channel) {
        directCall.accept("mayManage");
        return platform.mayManage(user, channel);
    }

    @Override
    public Optional<ZoneId> zoneOf(UserRef user) {
        directCall.accept("zoneOf");
        return platform.zoneOf(user);
    }
}
