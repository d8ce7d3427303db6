package dev.interviewcoach.chat;

/**
 * Text as every database can hold it: what a person sends may carry NUL and other control
 * characters (PostgreSQL refuses NUL outright) or half of a surrogate pair (not valid UTF-8).
 * Cleaned once, where an event enters the coach, so no feature ever sees them.
 */
public final class StorableText {

    private StorableText() {
    }

    /** The text without control characters other than tab and line breaks; broken pairs become U+FFFD. */
    public static String clean(String text) {
        if (text == null || isClean(text)) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                out.append(c).append(text.charAt(++i));
            } else if (Character.isSurrogate(c)) {
                out.append('\uFFFD');
            } else if (!unwanted(c)) {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static boolean isClean(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (unwanted(c) || Character.isSurrogate(c)) {
                return false; // pairs are rare enough that checking them in the slow path costs nothing
            }
        }
        return true;
    }

    private static boolean unwanted(char c) {
        return (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F;
    }
}
