package dev.interviewcoach.discord;

import java.util.Set;

/**
 * Which of the bot's shards this instance runs, when several instances share them: each check
 * claims or renews what it may run among the candidates. A shard held by another instance is left
 * to it until that instance stops renewing it.
 */
public interface ShardOwnership {

    /** The candidates this instance may run now; claims free ones and renews its own. */
    Set<Integer> claim(Set<Integer> candidates);

    /** Gives every claimed shard up at once (a clean stop), so another instance need not wait for it to expire. */
    void releaseAll();

    /** Every candidate, always: one instance runs all the shards it is given. */
    static ShardOwnership all() {
        return new ShardOwnership() {
            @Override
            public Set<Integer> claim(Set<Integer> candidates) {
                return candidates;
            }

            @Override
            public void releaseAll() {
            }
        };
    }
}
