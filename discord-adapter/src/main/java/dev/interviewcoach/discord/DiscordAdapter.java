package dev.interviewcoach.discord;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.interviewcoach.engine.CoachEngine;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import dev.interviewcoach.command.OptionSpec;
import java.util.function.Function;
import net.dv8tion.jda.api.GatewayEncoding;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import net.dv8tion.jda.api.requests.GatewayIntent;
import net.dv8tion.jda.api.requests.RestConfig;
import net.dv8tion.jda.api.sharding.DefaultShardManagerBuilder;
import net.dv8tion.jda.api.sharding.ShardManager;
import net.dv8tion.jda.api.utils.Compression;
import net.dv8tion.jda.api.utils.cache.CacheFlag;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import dev.interviewcoach.chat.ChatPort;
import java.io.IOException;
import net.dv8tion.jda.api.JDAInfo;

/**
 * The coach on Discord: checks which intents the app has, connects (sharded), registers
 * {@code /coach} globally or in one development guild, and logs the invite URL with exactly the
 * scopes and permissions the bot uses.
 */
public final class DiscordAdapter implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DiscordAdapter.class);
    private static final String DISCORD_API = "https://discord.com/api/v10/";
    /** The form Discord asks bots to use, as JDA sends on every other request of the bot. */
    static final String USER_AGENT = "DiscordBot (" + JDAInfo.GITHUB + ", "
            + JDAInfo.VERSION + ")";
    /** Application flags that grant the Message Content intent (full, or under 100 servers). */
    private static final long MESSAGE_CONTENT_FLAGS = (1L << 18) | (1L << 19);
    /** Reactions (a ✅ on answers) need Read Message History too; files carry a person's data export. */
    static final EnumSet<Permission> PERMISSIONS = EnumSet.of(Permission.VIEW_CHANNEL, Permission.MESSAGE_SEND,
            Permission.MESSAGE_SEND_IN_THREADS, Permission.CREATE_PRIVATE_THREADS, Permission.CREATE_PUBLIC_THREADS,
            Permission.MESSAGE_EMBED_LINKS, Permission.MESSAGE_ATTACH_FILES, Permission.MESSAGE_ADD_REACTION,
            Permission.MESSAGE_HISTORY);

    private final DiscordSettings settings;
    private final CoachEngine engine;
    private final CoachEngine.Lanes executor;
    private final Function<OptionSpec.Suggest, List<String>> suggestions;
    private final Clock clock;
    private final ShardOwnership ownership;
    private final Duration recheck;
    private volatile ShardManager shards;
    /** The shards this instance has started (JDA lists a shard only once it is connecting). */
    private final Set<Integer> running = new TreeSet<>();
    private ScheduledExecutorService claims;
    /**
     * Since when each shard this instance runs has been missing from JDA's list while no other shard was
     * connecting: JDA builds queued shards one at a time, so a shard left unbuilt with nothing else under way
     * will not be built at all. Touched only by the rechecks (or, without leases, the stall checks).
     */
    private final Map<Integer, Long> unbuiltSince = new HashMap<>();
    /** Connects the shards, pausing before a retry; the one of the latest shard manager. */
    private volatile PacedSessionController sessions;
    /** Waits for shards taken up from another instance to connect, so that the renewals go on meanwhile. */
    private ExecutorService takeUps;
    private boolean readsMessages;
    private int restarts;
    /**
     * How often an instance that shares no shards (no rechecks) looks for a shard JDA left unstarted: a manager whose
     * queue worker went astray (see build) ignored every later start, and nothing else would bring such a shard back.
     */
    private Duration stallCheck = Duration.ofSeconds(10);
    private EnumSet<GatewayIntent> intents;

    /** An adapter that runs every shard of {@code settings}. */
    public DiscordAdapter(DiscordSettings settings, CoachEngine engine, CoachEngine.Lanes executor,
                          Function<OptionSpec.Suggest, List<String>> suggestions, Clock clock) {
        this(settings, engine, executor, suggestions, clock, ShardOwnership.all(), Duration.ZERO);
    }

    /**
     * An adapter that shares the shards with other instances: it runs those {@code ownership} lets it
     * claim, and looks again every {@code recheck} to renew them and to take up any another
     * instance stopped renewing (one that died).
     */
    public DiscordAdapter(DiscordSettings settings, CoachEngine engine, CoachEngine.Lanes executor,
                          Function<OptionSpec.Suggest, List<String>> suggestions, Clock clock, ShardOwnership ownership,
                          Duration recheck) {
        this.settings = settings;
        this.engine = engine;
        this.executor = executor;
        this.suggestions = suggestions;
        this.clock = clock;
        this.ownership = ownership;
        this.recheck = recheck;
    }

    /** Connects every shard and waits until they are ready, then registers the commands. */
    public void start() throws InterruptedException {
        // Asked whatever the setting: the shards no longer log in on this thread (see build), so this is where a
        // wrong token is told at once rather than as a shard that never connects.
        OptionalLong flags = applicationFlags();
        readsMessages = switch (settings.messageContent()) {
            case ON -> true;
            case OFF -> false;
            case AUTO -> flags.isPresent() && (flags.getAsLong() & MESSAGE_CONTENT_FLAGS) != 0;
        };
        log.info(readsMessages
                ? "Discord: Message Content intent available; answers can be typed in threads and DMs, or given through the Answer button"
                : "Discord: no Message Content intent; answers in servers go through the Answer button (DMs can still be typed)");
        intents = EnumSet.of(GatewayIntent.GUILD_MESSAGES, GatewayIntent.DIRECT_MESSAGES);
        if (readsMessages) {
            intents.add(GatewayIntent.MESSAGE_CONTENT);
        }
        Set<Integer> owned = ownership.claim(settings.candidateShards());
        if (!owned.isEmpty()) {
            synchronized (this) {
                shards = build(owned);
                running.addAll(owned);
            }
        }
        // Renew from now on: shards connect one identify every five seconds, so a lease left unrenewed until
        // they are all ready would lapse (and a spare take them up) once they take longer than it lasts.
        if (!recheck.isZero()) {
            takeUps = Executors.newSingleThreadExecutor(Thread.ofPlatform().name("discord-shard-take-up").daemon()
                    .factory());
            claims = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("discord-shard-claims").daemon()
                    .factory());
            claims.scheduleWithFixedDelay(this::recheckShards, recheck.toMillis(), recheck.toMillis(), TimeUnit.MILLISECONDS);
        }
        if (recheck.isZero() && !stallCheck.isZero()) {
            takeUps = Executors.newSingleThreadExecutor(Thread.ofPlatform().name("discord-shard-restart").daemon()
                    .factory());
            claims = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("discord-shard-check").daemon()
                    .factory());
            claims.scheduleWithFixedDelay(this::checkForStalledShards, stallCheck.toMillis(), stallCheck.toMillis(),
                    TimeUnit.MILLISECONDS);
        }
        if (owned.isEmpty()) {
            log.info("Discord: every shard this instance may run is held by another instance; standing by to take one"
                    + " up if that instance stops");
        } else {
            awaitShards(owned);
            registerCommands();
            log.info("Discord: connected with shard(s) {} of {}. Invite the bot with: {}", owned, settings.shards(),
                    inviteUrl());
        }
    }

    /**
     * Renews this instance's shards and starts any it can now claim (another instance stopped
     * renewing it); stops any it lost (it could not renew in time, and another took it over).
     */
    private void recheckShards() {
        try {
            Set<Integer> owned = ownership.claim(settings.candidateShards());
            boolean first;
            Set<Integer> takenUp = new TreeSet<>();
            synchronized (this) {
                first = shards == null && !owned.isEmpty();
                if (first) {
                    shards = build(owned);
                    running.addAll(owned);
                } else if (shards != null) {
                    for (int id : owned) {
                        if (running.add(id)) {
                            log.info("Discord: taking up shard {} of {}", id, settings.shards());
                            shards.start(id);
                            takenUp.add(id);
                        }
                    }
                    for (int id : Set.copyOf(running)) {
                        if (!owned.contains(id)) {
                            log.warn("Discord: shard {} is now run by another instance; stopping it here", id);
                            running.remove(id);
                            shards.shutdown(id);
                        }
                    }
                }
            }
            restartIfStalled();
            // The development server's shard taken up from an instance that stopped: its commands are registered
            // here now, so a deploy that changed /coach reaches that server too.
            Optional<Integer> devShard = settings.devGuildId().flatMap(DiscordAdapter::guildIdOf)
                    .map(guild -> DiscordChatPort.shardOf(guild, settings.shards()));
            if (!first && devShard.isPresent() && takenUp.contains(devShard.get())) {
                takeUps.execute(() -> {
                    try {
                        awaitShards(Set.of(devShard.get()));
                        registerCommands();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    } catch (RuntimeException e) {
                        log.warn("Discord: the commands could not be registered in the development server: {}",
                                e.toString());
                    }
                });
            }
            if (first) {
                log.info("Discord: taking up shard(s) {} of {}", owned, settings.shards());
                // Waiting for them on this thread would stop the renewals for as long as they take to connect.
                takeUps.execute(() -> {
                    try {
                        awaitShards(owned);
                        registerCommands();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    } catch (RuntimeException e) {
                        log.warn("Discord: shard(s) {} taken up did not become ready: {}", owned, e.toString());
                    }
                });
            }
        } catch (RuntimeException e) {
            // The database or Discord failing one check must not end the checks.
            log.warn("Discord: checking which shards to run failed: {}", e.toString());
        }
    }

    private void checkForStalledShards() {
        try {
            restartIfStalled();
        } catch (RuntimeException e) {
            // One failed look must not end the looks.
            log.warn("Discord: checking for a shard that never started failed: {}", e.toString());
        }
    }

    /** Sets how often an instance without shard leases looks for a lost shard (zero: never); before {@link #start()}. */
    DiscordAdapter withStallCheck(Duration every) {
        this.stallCheck = every;
        return this;
    }

    /**
     * Builds the shard manager again when a shard this instance runs has stayed unbuilt, with no other shard
     * connecting, for longer than connecting it could take: its start was lost inside JDA, and nothing would
     * bring it up again while this instance goes on renewing its lease, so its servers would hear nothing.
     * The rebuild reconnects this instance's other shards too (a few seconds without events), which is why it
     * waits this long first.
     */
    private void restartIfStalled() {
        Set<Integer> stalled = new TreeSet<>();
        ShardManager old;
        Set<Integer> again;
        synchronized (this) {
            old = shards;
            if (old == null) {
                return;
            }
            // a shard still in JDA's queue is being built (after a build, every shard is, the first too)
            boolean connecting = old.getShardsQueued() > 0
                    || old.getShards().stream().anyMatch(shard -> shard.getStatus() != JDA.Status.CONNECTED);
            long now = System.nanoTime();
            unbuiltSince.keySet().retainAll(running);
            for (int id : running) {
                if (old.getShardById(id) != null || connecting) {
                    unbuiltSince.remove(id);
                } else if (now - unbuiltSince.computeIfAbsent(id, unused -> now) > stallLimit().toNanos()) {
                    stalled.add(id);
                }
            }
            if (stalled.isEmpty()) {
                return;
            }
            log.warn("Discord: shard(s) {} of {} never started although nothing else was connecting for {} s; starting"
                    + " this instance's shards {} again", stalled, settings.shards(), stallLimit().toSeconds(), running);
            unbuiltSince.clear();
            again = Set.copyOf(running);
            shards = build(again);
            restarts++;
        }
        // Not on this thread: closing the old connections can take seconds under load, and the renewals of this
        // instance's leases must not wait for it (a lease left to expire is taken over by another instance).
        takeUps.execute(() -> {
            old.shutdown();
            try {
                awaitShards(again);
                log.info("Discord: shard(s) {} connected again", again);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                log.warn("Discord: shard(s) {} started again did not become ready: {}", again, e.toString());
            }
        });
    }

    /**
     * How long a shard may stay unbuilt with nothing else connecting before it is taken for lost: JDA waits
     * about an identify's spacing between shards, and a check sees the state only every {@code recheck} (or stall check).
     */
    private Duration stallLimit() {
        Duration byChecks = (recheck.isZero() ? stallCheck : recheck).multipliedBy(3);
        Duration bySpacing = settings.identifySpacing().multipliedBy(2);
        return byChecks.compareTo(bySpacing) > 0 ? byChecks : bySpacing;
    }

    /** How many times the rechecks built the shard manager again for a shard that never started. */
    synchronized int stalledRestarts() {
        return restarts;
    }

    private ShardManager build(Set<Integer> ids) {
        DiscordChatPort port = new DiscordChatPort(() -> shards);
        DefaultShardManagerBuilder builder = DefaultShardManagerBuilder.createLight(settings.token(), intents)
                .setShardsTotal(settings.shards())
                .setShards(ids)
                // Manage Channels granted to one person in one channel lives in a member override.
                .enableCache(CacheFlag.MEMBER_OVERRIDES)
                // JDA holds back a deletion in a DM it has not seen since start-up; the listener reads it raw
                .setRawEventsEnabled(true)
                .addEventListeners(new DiscordListener(engine, executor, port, suggestions, clock, readsMessages));
        restUrl().ifPresent(url -> builder.setRestConfig(new RestConfig().setBaseUrl(url)));
        sessions = new PacedSessionController(settings.gatewayUrl(), settings.shards(), settings.identifySpacing());
        builder.setSessionController(sessions);
        settings.gatewayUrl().ifPresent(url -> builder.setCompression(Compression.NONE).setGatewayEncoding(GatewayEncoding.JSON));
        // Not login(): it hands the queue of shards to JDA's worker without holding the queue's lock, and when the
        // worker finishes first (a one-shard queue, a busy machine) the manager keeps a finished worker for good and
        // ignores every later start(id), a taken-up shard's among them. start(id) hands it over under the lock; the
        // first shard, queued twice, is built once.
        ShardManager manager = builder.build(false);
        manager.start(ids.iterator().next());
        return manager;
    }

    /**
     * Waits until the given shards are connected and ready. JDA starts shards one after another (Discord
     * allows one identify every five seconds), so right after the build only the first may exist.
     */
    private void awaitShards(Set<Integer> ids) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30L + 10L * ids.size()).toNanos();
        for (int id : ids) {
            JDA shard;
            while ((shard = shards.getShardById(id)) == null) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Discord: shard " + id + " of " + settings.shards()
                            + " did not start; check discord.shards and the bot's gateway access");
                }
                Thread.sleep(100);
            }
            shard.awaitReady();
        }
    }

    private void registerCommands() {
        SlashCommandData coach = CoachSlashCommand.definition(engine.grammar());
        if (settings.devGuildId().isPresent()) {
            Guild guild = shards.getGuildById(settings.devGuildId().get());
            if (guild == null && !new DiscordChatPort(() -> shards).reaches(settings.devGuildId().get())) {
                // Another instance runs that server's shard (discord.shardIds, or leases) and registers them there.
                log.info("Discord: /coach is registered in server {} by the instance running its shard",
                        settings.devGuildId().get());
                return;
            }
            if (guild == null) {
                throw new IllegalStateException("Discord: discord.devGuildId " + settings.devGuildId().get()
                        + " is not a server the bot is in; invite it first, or unset discord.devGuildId");
            }
            guild.updateCommands().addCommands(coach).complete();
            log.info("Discord: /coach registered in server {}", guild.getName());
        } else {
            shards.getShards().getFirst().updateCommands().addCommands(coach).complete();
            log.info("Discord: /coach registered globally (new servers can take up to an hour to see it)");
        }
    }

    /**
     * The application's flags (which privileged intents it may use), asked of Discord with the bot token: a token
     * Discord refuses, or a Discord that cannot be reached, stops the start with a message saying what to check.
     * Empty when Discord answered something else (a proxy's error page, an outage).
     */
    private OptionalLong applicationFlags() {
        String base = restUrl().orElse(DISCORD_API);
        URI url = URI.create(base + "oauth2/applications/@me");
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        int status = 0;
        for (int attempt = 1; attempt <= 2; attempt++) {
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(url)
                                .header("Authorization", "Bot " + settings.token())
                                .header("User-Agent", USER_AGENT)
                                .timeout(Duration.ofSeconds(10)).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
                status = response.statusCode();
                if (status == 401) {
                    throw new IllegalStateException("Discord refused the bot token (401). Check DISCORD_TOKEN: the Bot"
                            + " page of your application at discord.com/developers/applications.");
                }
                if (status == 200) {
                    JsonNode app = new ObjectMapper().readTree(response.body());
                    return OptionalLong.of(app.path("flags").asLong(0));
                }
            } catch (IOException e) {
                if (attempt == 2) {
                    throw new IllegalStateException("Discord could not be reached at " + base + " ("
                            + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage())
                            + "). Check the network" + (settings.restUrl().isPresent() ? " and discord.apiUrl" : "") + ".", e);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while asking Discord about the application", e);
            }
        }
        if (settings.messageContent() == DiscordSettings.MessageContent.AUTO) {
            // An answer that is not Discord's says nothing about the intent.
            log.warn("Discord did not say whether the app may read message content (HTTP {}); starting without it. Set"
                    + " discord.messageContent: on if the app has the Message Content intent.", status);
        }
        return OptionalLong.empty();
    }

    /** The configured REST base, ending in a slash as JDA and the paths joined to it need. */
    private Optional<String> restUrl() {
        return settings.restUrl().map(u -> u.endsWith("/") ? u : u + "/");
    }

    /** The URL that adds the bot to a server with exactly the scopes and permissions it uses. */
    public String inviteUrl() {
        String appId = shards.getShards().getFirst().getSelfUser().getApplicationId();
        return "https://discord.com/oauth2/authorize?client_id=" + appId + "&scope=bot+applications.commands&permissions="
                + Permission.getRaw(PERMISSIONS);
    }

    public boolean readsMessages() {
        return readsMessages;
    }

    /** Why Discord cannot reach the bot right now, if it cannot: for readiness. */
    public Optional<String> problem() {
        if (shards == null) {
            // Standing by while other instances hold every shard is a healthy state for a spare.
            return claims != null ? Optional.empty() : Optional.of("not started");
        }
        List<String> down = new ArrayList<>();
        Set<Integer> mine;
        synchronized (this) {
            mine = Set.copyOf(running);
        }
        // A shard this instance took up is listed by JDA only once it starts connecting: until then it is not ready.
        for (int id : new TreeSet<>(mine)) {
            JDA shard = shards.getShardById(id);
            if (shard == null) {
                down.add("shard " + id + " starting");
            } else if (shard.getStatus() != JDA.Status.CONNECTED) {
                down.add("shard " + id + " " + shard.getStatus());
            }
        }
        return down.isEmpty() ? Optional.empty() : Optional.of(String.join(", ", down));
    }

    /** A port for work no event started (scheduled posts, reminders). */
    public ChatPort port() {
        return new DiscordChatPort(() -> shards);
    }

    public ShardManager shards() {
        return shards;
    }

    @Override
    public void close() {
        stop();
        ownership.releaseAll();
    }

    /** How many times a shard failed to connect to the gateway (each is tried again after a pause). */
    int failedConnects() {
        PacedSessionController current = sessions;
        return current == null ? 0 : current.failedConnects();
    }

    /** Stops at once without giving the shards up, as a process that dies would: tests of a take-over. */
    void haltWithoutRelease() {
        stop();
    }

    /**
     * Stops the rechecks first and waits for one under way, since it may be building the shards just then: a
     * shard manager built after this read {@code shards} would never be shut down, and would go on trying to
     * connect for the life of the process.
     */
    private void stop() {
        if (claims != null) {
            claims.shutdownNow();
            try {
                if (!claims.awaitTermination(5, TimeUnit.SECONDS)) {
                    log.warn("Discord: a shard check was still running when the adapter stopped");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (takeUps != null) {
            takeUps.shutdownNow();
        }
        ShardManager current;
        synchronized (this) {
            current = shards;
        }
        if (current != null) {
            current.shutdown();
        }
    }

    private static Optional<Long> guildIdOf(String id) {
        try {
            return Optional.of(Long.parseUnsignedLong(id.strip()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
