package dev.interviewcoach.app;

import dev.interviewcoach.discord.ShardOwnership;
import dev.interviewcoach.store.Leases;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Discord shards shared by the instances on one database: each shard is a lease, claimed when free
 * and renewed at every check; an instance that dies stops renewing, and another takes the shard up
 * once the lease has expired.
 */
public final class LeasedShards implements ShardOwnership {

    /** How long a claim lasts unrenewed: a dead instance's shards are free again after this. */
    static final Duration TTL = Duration.ofSeconds(30);
    /** How often an instance renews its shards and looks for free ones; well inside {@link #TTL}. */
    static final Duration RENEW = Duration.ofSeconds(10);
    private static final String PREFIX = "discord-shard-";

    private final Leases leases;
    private final String owner;
    private final Duration ttl;

    public LeasedShards(Leases leases, String owner, Duration ttl) {
        this.leases = leases;
        this.owner = owner;
        this.ttl = ttl;
    }

    /** A name for this instance, unique across restarts: the host, the process and a random part. */
    static String instanceName() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "unknown-host";
        }
        String name = host + "/" + ProcessHandle.current().pid() + "/" + UUID.randomUUID().toString().substring(0, 8);
        return name.length() > 120 ? name.substring(name.length() - 120) : name;
    }

    @Override
    public Set<Integer> claim(Set<Integer> candidates) {
        Set<Integer> held = new TreeSet<>();
        for (int id : candidates) {
            if (leases.claim(PREFIX + id, owner, ttl)) {
                held.add(id);
            }
        }
        return held;
    }

    @Override
    public void releaseAll() {
        for (String name : leases.heldBy(owner, PREFIX)) {
            leases.release(name, owner);
        }
    }
}
