package dev.interviewcoach.testkit.slack;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/**
 * A modal the app opened with {@code views.open}: the id the fake gave it, the trigger it used and
 * the view as sent. {@link SlackRequests#submitView} submits it as a person would.
 */
public record OpenedView(String id, String triggerId, JsonNode view) {

    public OpenedView {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(view, "view");
    }

    public String callbackId() {
        return view.path("callback_id").asText(null);
    }

    public String privateMetadata() {
        return view.path("private_metadata").asText("");
    }

    /** The modal's title text. */
    public String title() {
        return view.path("title").path("text").asText(null);
    }
}
