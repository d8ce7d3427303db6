package dev.interviewcoach.chat;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a button does, as data: the feature that owns it, the verb, the subject it acts on
 * (a session id, a post id) and the subject's version when the button was drawn, so a stale
 * button can be told apart from a fresh one. Every adapter puts {@link #encode()} on the
 * button and hands {@link #parse(String)} what comes back.
 */
public record ActionId(String feature, String verb, String subject, long version) {

    private static final Pattern PART = Pattern.compile("[A-Za-z0-9_.\\-]+");
    private static final int MAX_ENCODED = 100;

    public ActionId {
        requirePart(feature, "feature");
        requirePart(verb, "verb");
        requirePart(subject, "subject");
        if (version < 0) {
            throw new IllegalArgumentException("version must not be negative");
        }
        if (feature.length() + verb.length() + subject.length() + 24 > MAX_ENCODED) {
            throw new IllegalArgumentException("action id too long for platform limits");
        }
    }

    private static void requirePart(String part, String name) {
        if (part == null || !PART.matcher(part).matches()) {
            throw new IllegalArgumentException(name + " must be letters, digits, '.', '_' or '-': " + part);
        }
    }

    /** The form carried by a button: {@code coach:feature:verb:subject:version}. */
    public String encode() {
        return "coach:" + feature + ":" + verb + ":" + subject + ":" + version;
    }

    /** Reads an encoded id; empty when the text is not one of ours. */
    public static Optional<ActionId> parse(String encoded) {
        if (encoded == null) {
            return Optional.empty();
        }
        String[] parts = encoded.split(":", -1);
        // The version as encoding writes it, and no other way ("+5" and "05" are not 5): a parsed id encodes back to the same text.
        if (parts.length != 5 || !parts[0].equals("coach") || !parts[4].matches("0|[1-9][0-9]{0,17}")) {
            return Optional.empty();
        }
        try {
            return Optional.of(new ActionId(parts[1], parts[2], parts[3], Long.parseLong(parts[4])));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
