package dev.interviewcoach.slack;

import dev.interviewcoach.chat.PlatformRefusal;
import java.util.Optional;
import java.util.Set;

/**
 * Slack's errors that no retry can change, in words for the person: the outbox gives such a reply up at once and
 * goes on with the replies behind it, instead of trying it for ten minutes while everything after it waits. Errors
 * not listed (Slack's own trouble, a timeout) are tried again as before.
 */
final class SlackRefusals {

    /** What the reply said could never be posted: the coach's own mistake, which the log shows as a warning. */
    static final Set<String> CONTENT = Set.of("msg_too_long", "invalid_blocks", "invalid_blocks_format", "no_text",
            "invalid_arguments", "too_many_attachments", "invalid_attachments", "markdown_text_conflict",
            "invalid_metadata_format", "metadata_too_large", "block_mismatch", "invalid_form_data");
    /** Whom the reply was for cannot be reached. */
    static final Set<String> PERSON = Set.of("user_not_found", "user_not_in_channel", "cannot_dm_bot",
            "user_disabled", "messages_tab_disabled", "not_allowed_token_type");
    /**
     * The bot token itself no longer works: an admin has to reinstall the app or set a new token. (An expired token
     * is not here: while tokens rotate, the next try has the new one.)
     */
    static final Set<String> TOKEN = Set.of("invalid_auth", "not_authed", "token_revoked", "account_inactive");
    /** The app lacks access to this workspace or a permission it needs: an admin has to act. */
    static final Set<String> ACCESS = Set.of("not_installed", "team_access_not_granted", "missing_scope",
            "no_permission", "ekm_access_denied", "org_login_required", "team_not_found", "enterprise_is_restricted",
            "access_denied", "app_missing_action_url");
    /** The channel lets only some people, or only threads, post: its settings, not the app, decide. */
    static final Set<String> RESTRICTED = Set.of("restricted_action", "restricted_action_read_only_channel",
            "restricted_action_thread_only_channel", "restricted_action_non_threadable_channel");
    /** The message an edit was for is no longer there to change. */
    static final Set<String> GONE = Set.of("message_not_found", "cant_update_message", "edit_window_closed",
            "thread_not_found");

    static final String ARCHIVED = "This channel is archived, so I can't post in it any more. Send me a direct message"
            + " to practise privately.";

    private SlackRefusals() {
    }

    /** The refusal {@code error} from {@code method} stands for, or empty when trying again may help. */
    static Optional<PlatformRefusal> of(String method, String error) {
        if (error == null) {
            return Optional.empty();
        }
        if (error.equals("is_archived")) {
            return Optional.of(new PlatformRefusal(ARCHIVED));
        }
        if (CONTENT.contains(error)) {
            return Optional.of(new PlatformRefusal("Slack would not take part of my reply (" + error + "), so it is"
                    + " missing here. Your progress is saved: type repeat to see the current question again, or stats"
                    + " for your results."));
        }
        if (PERSON.contains(error)) {
            return Optional.of(new PlatformRefusal("Slack would not let me reach that person (" + error + ")."));
        }
        if (TOKEN.contains(error)) {
            return Optional.of(new PlatformRefusal("Slack refused the coach's access in this workspace (" + error
                    + "). A workspace admin needs to reinstall the app."));
        }
        if (ACCESS.contains(error)) {
            return Optional.of(new PlatformRefusal("The coach's Slack app lacks a permission it needs here (" + error
                    + "). A workspace admin can reinstall it to grant it."));
        }
        if (RESTRICTED.contains(error)) {
            return Optional.of(new PlatformRefusal("This channel's settings don't let me post here (" + error
                    + "). Send me a direct message to practise privately."));
        }
        if (GONE.contains(error) || (method.equals("chat.update")
                && (error.equals("channel_not_found") || error.equals("not_in_channel")))) {
            return Optional.of(new PlatformRefusal("The message I meant to change is no longer there."));
        }
        if (error.startsWith("http_4") && !error.equals("http_408")) {
            return Optional.of(new PlatformRefusal("Slack would not take part of my reply (" + error.replace('_', ' ')
                    + "), so it is missing here. Your progress is saved: type repeat to see the current question again."));
        }
        return Optional.empty();
    }

    /** Whether {@code error} is Slack's own trouble (an outage, a 5xx), which passes. */
    static boolean slacksOwnTrouble(String error) {
        return error != null && (error.startsWith("http_5") || error.equals("internal_error")
                || error.equals("fatal_error") || error.equals("service_unavailable") || error.equals("request_timeout"));
    }

    /** Whether {@code error} says the coach's bot token no longer works: for readiness, unlike a channel's limits. */
    static boolean refusedAccess(String error) {
        return error != null && TOKEN.contains(error);
    }
}
