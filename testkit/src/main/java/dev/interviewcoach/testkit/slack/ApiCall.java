package dev.interviewcoach.testkit.slack;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Objects;

/**
 * One Web API call the fake Slack received: the method name, its arguments, the token it carried and when.
 *
 * @param method the Web API method, e.g. {@code chat.postMessage}
 * @param args   the arguments as a JSON object; form fields are text nodes, except {@code blocks},
 *               {@code view} and {@code attachments}, which are parsed as JSON
 * @param token  the bearer token (or {@code token} form field), or {@code null} when none was sent
 * @param at     when the fake received the call
 */
public record ApiCall(String method, JsonNode args, String token, Instant at) {

    public ApiCall {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(args, "args");
        Objects.requireNonNull(at, "at");
    }

    /** The text of argument {@code name}, or {@code null} when absent; JSON values come back as their JSON text. */
    public String arg(String name) {
        JsonNode value = args.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        // Parsed JSON fields (blocks, view, ...) are containers; give their JSON text rather than "".
        return value.isValueNode() ? value.asText() : value.toString();
    }

    /** Whether argument {@code name} was sent at all. */
    public boolean has(String name) {
        return args.has(name);
    }

    @Override
    public String toString() {
        // Compact on purpose: awaitCall failures list every call seen, and the token is noise there.
        return method + " " + args;
    }
}
