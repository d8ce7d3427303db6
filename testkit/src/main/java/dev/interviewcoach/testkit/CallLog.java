package dev.interviewcoach.testkit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * The calls a fake received, oldest first, that tests list or wait for; guarded by the fake's {@link StateMonitor}.
 *
 * @param <C> what one call is (a Slack Web API call, a Discord REST call)
 */
public final class CallLog<C> {

    private final StateMonitor monitor;
    private final List<C> calls = new ArrayList<>();

    public CallLog(StateMonitor monitor) {
        this.monitor = monitor;
    }

    /** Records a call and wakes whoever waits for one; may be called with the monitor already held. */
    public void record(C call) {
        monitor.update(() -> calls.add(call));
    }

    /** Every call so far, oldest first. */
    public List<C> all() {
        return monitor.read(() -> List.copyOf(calls));
    }

    /** The calls {@code match} accepts, oldest first. */
    public List<C> matching(Predicate<? super C> match) {
        return monitor.read(() -> calls.stream().filter(match).toList());
    }

    /** Forgets every call. */
    public void clear() {
        monitor.update(calls::clear);
    }

    /**
     * Waits for the first call {@code match} accepts, failing with every call seen when none arrives in time.
     *
     * @param what the call waited for in the failure message, e.g. {@code chat.postMessage}
     */
    public C await(Predicate<? super C> match, Duration timeout, String what) {
        return monitor.awaitFirst(calls, match, timeout).orElseThrow(() -> new AssertionError(
                "no matching " + what + " call within " + timeout + "; calls seen: " + describe()));
    }

    /** The calls so far, one per line, for failure messages; {@code (none)} when there are none. */
    public String describe() {
        List<C> seen = all();
        if (seen.isEmpty()) {
            return "(none)";
        }
        StringBuilder out = new StringBuilder();
        for (C call : seen) {
            out.append("\n  ").append(call);
        }
        return out.toString();
    }
}
