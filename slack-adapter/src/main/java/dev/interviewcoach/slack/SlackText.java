package dev.interviewcoach.slack;

/**
 * Slack message text as the person typed it: Slack escapes {@code &}, {@code <} and {@code >} in
 * what it sends, and wraps links as {@code <url|label>}; the engine wants plain words.
 */
final class SlackText {

    private SlackText() {
    }

    static String plain(String slackText) {
        String text = slackText.replaceAll("<(https?://[^|>]+)\\|([^>]+)>", "$2")
                .replaceAll("<(https?://[^>]+)>", "$1")
                .replaceAll("<@([A-Z0-9]+)(\\|[^>]*)?>", "@$1")
                .replaceAll("<#([A-Z0-9]+)\\|([^>]*)>", "#$2")
                .replaceAll("<!([a-z]+)(\\|[^>]*)?>", "@$1");
        return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    }
}
