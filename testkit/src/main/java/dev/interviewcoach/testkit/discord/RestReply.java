package dev.interviewcoach.testkit.discord;

import static dev.interviewcoach.testkit.discord.DiscordJson.JSON;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/** What the fake answers one REST request with: status, JSON body ({@code null} for none) and extra headers. */
record RestReply(int status, JsonNode body, Map<String, String> headers) {

    static RestReply ok(JsonNode body) {
        return new RestReply(200, body, Map.of());
    }

    static RestReply json(int status, JsonNode body) {
        return new RestReply(status, body, Map.of());
    }

    static RestReply noContent() {
        return new RestReply(204, null, Map.of());
    }

    /** Discord's error answer: {@code {"message":message,"code":code}} with {@code status}. */
    static RestReply error(int status, String message, int code) {
        return json(status, errorBody(message, code));
    }

    static RestReply unknownRoute() {
        return error(404, "Unknown", 0);
    }

    static RestReply unknownChannel() {
        return error(404, "Unknown Channel", 10003);
    }

    static RestReply unknownMessage() {
        return error(404, "Unknown Message", 10008);
    }

    static RestReply invalidFormBody() {
        return error(400, "Invalid Form Body", 50035);
    }

    static ObjectNode errorBody(String message, int code) {
        ObjectNode out = JSON.createObjectNode();
        out.put("message", message);
        out.put("code", code);
        return out;
    }
}
