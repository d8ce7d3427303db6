package dev.interviewcoach.bench;

import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.Locale;

/**
 * Ids of direct conversations. Slack gives each DM an id of its own ({@code D} and ten letters or digits, unrelated
 * to the person's user id), and that is what the harness uses by default.
 *
 * <p>{@link #DERIVED} builds them as {@code "D" + userId}, the convention of the fake Slack's
 * {@code conversations.open} and of the end-to-end tests. Kept to reproduce a finding: the engine picks a lane
 * (and a lock stripe) from {@code String.hashCode()} of {@code place key + "/" + user id}; with the user id in the
 * key twice, eleven characters apart, its characters cancel out modulo any power of two up to 32, so every such
 * conversation lands in the same lane. See docs/performance.md.
 */
enum DirectChannelIds {
    RANDOM,
    DERIVED;

    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

    /** A generator of distinct ids; {@code seed} makes a phase's ids repeatable. */
    Generator generator(long seed) {
        return new Generator(this, new SplittableRandom(seed));
    }

    static DirectChannelIds parse(String text) {
        return valueOf(text.toUpperCase(Locale.ROOT));
    }

    static final class Generator {
        private final DirectChannelIds kind;
        private final SplittableRandom random;
        private final Set<String> used = new HashSet<>();

        private Generator(DirectChannelIds kind, SplittableRandom random) {
            this.kind = kind;
            this.random = random;
        }

        /** The DM id for this person. */
        String forUser(String userId) {
            if (kind == DERIVED) {
                return "D" + userId;
            }
            while (true) {
                StringBuilder id = new StringBuilder("D");
                for (int i = 0; i < 10; i++) {
                    id.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
                }
                if (used.add(id.toString())) {
                    return id.toString();
                }
            }
        }
    }
}
