package dev.interviewcoach.engine;

import dev.interviewcoach.chat.ChatPort;
import dev.interviewcoach.chat.Inbound;
import dev.interviewcoach.chat.Reply;

/** Handles the buttons and forms of one feature, chosen by the feature name in their action id. */
public interface ActionHandler extends Feature {

    /** The feature named in {@link dev.interviewcoach.chat.ActionId#feature()}. */
    String feature();

    void onAction(Inbound.Action action, ChatPort port);

    default void onSubmission(Inbound.Submission submission, ChatPort port) {
        port.post(submission.place(), Reply.text("That form is no longer in use.")
                .onlyTo(submission.user()));
    }
}
