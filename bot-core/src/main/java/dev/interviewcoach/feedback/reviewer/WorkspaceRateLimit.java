package dev.interviewcoach.feedback.reviewer;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * At most {@code perMinute} reviews a minute for each workspace (a token bucket refilled evenly), so
 * one busy workspace cannot spend everyone's quota. Remembers a bounded number of workspaces.
 */
public final class WorkspaceRateLimit {

    private static final int REMEMBERED = 10_000;

    private final int perMinute;
    private final Clock clock;
    private final Map<String, double[]> buckets = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, double[]> eldest) {
            return size() > REMEMBERED;
        }
    };

    /** @param perMinute reviews a minute per workspace; 0 for no limit */
    public WorkspaceRateLimit(int perMinute, Clock clock) {
        if (perMinute < 0) {
            throw new IllegalArgumentException("perMinute must be 0 or more");
        }
        this.perMinute = perMinute;
        this.clock = clock;
    }

    /** Takes one review from the workspace's allowance; false when it is used up for now. */
    public synchronized boolean tryAcquire(String workspace) {
        if (perMinute == 0) {
            return true;
        }
        double now = clock.millis();
        double[] bucket = buckets.computeIfAbsent(workspace == null ? "" : workspace, w -> new double[] {perMinute, now});
        double refill = (now - bucket[1]) * perMinute / 60_000.0;
        bucket[0] = Math.min(perMinute, bucket[0] + refill);
        bucket[1] = now;
        if (bucket[0] < 1) {
            return false;
        }
        bucket[0] -= 1;
        return true;
    }
}
