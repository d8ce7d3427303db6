package dev.interviewcoach.slack;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.slack.api.Slack;
import com.slack.api.methods.SlackApiErrorResponse;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import com.slack.api.methods.impl.MethodsClientImpl;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.util.http.SlackHttpClient;
import com.slack.api.util.json.GsonFactory;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import okhttp3.FormBody;
import okhttp3.Response;

/** The Slack SDK's Web API client, reading every response with one Gson instead of a new one per response. */
public final class SharedGsonMethodsClient extends MethodsClientImpl {

    private final Gson gson;
    private final boolean sdkStatistics;

    /**
     * A client that calls Slack through {@code http} with {@code token} and reads the answers with
     * {@code gson}; {@link #of} builds that Gson the way the SDK builds its own.
     */
    SharedGsonMethodsClient(SlackHttpClient http, String token, Gson gson) {
        super(http, token);
        this.gson = gson;
        this.sdkStatistics = http.getConfig().getMethodsConfig().isStatsEnabled();
    }

    /**
     * What {@code slack.methods(token)} returns, with one Gson made once by the SDK's own
     * {@link GsonFactory#createSnakeCase(com.slack.api.SlackConfig)}, so naming, type adapters and
     * failOnUnknownProperties stay the SDK's, whatever its version. The config is read now: later
     * changes to it are not seen.
     */
    public static SharedGsonMethodsClient of(Slack slack, String token) {
        var client = new SharedGsonMethodsClient(slack.getHttpClient(), token,
                GsonFactory.createSnakeCase(slack.getConfig()));
        client.setEndpointUrlPrefix(slack.getConfig().getMethodsEndpointUrlPrefix());
        return client;
    }

    /**
     * Every Web API method sent as a form with a token ends here (chat.postMessage, users.info and
     * the rest). The SDK's version builds a new Gson for each response, and a new Gson has to build
     * its type adapters again by reflection: a fifth to a quarter of the engine's CPU under load.
     */
    @Override
    protected <T extends SlackApiTextResponse> T postFormWithTokenAndParseResponse(
            FormBody.Builder form, String methodName, String token, Class<T> type) throws IOException, SlackApiException {
        if (sdkStatistics) {
            // The SDK keeps its call statistics in its own version of this method: with them on, use it.
            return super.postFormWithTokenAndParseResponse(form, methodName, token, type);
        }
        Response response = runPostFormWithToken(form, methodName, token);
        String body = response.body().string();
        if (!response.isSuccessful()) {
            // Built from the parsed error, so the SDK's constructor does not make a Gson of its own.
            throw new SlackApiException(response, body, errorIn(body));
        }
        try {
            T parsed = type == ChatPostMessageResponse.class ? gson.fromJson(withoutEchoedBlocks(body), type)
                    : gson.fromJson(body, type);
            parsed.setHttpResponseHeaders(lowerCasedHeaders(response));
            return parsed;
        } finally {
            // Response listeners (the SDK's debug logging among them) see each successful answer, as before.
            getSlackHttpClient().runHttpResponseListeners(response, body);
        }
    }

    /**
     * A chat.postMessage answer without the blocks and attachments Slack echoes back in its {@code message}: they are
     * what was just sent, nothing reads them, and turning each block back into its Block Kit class cost more than the
     * rest of the answer. Everything else is read as the SDK reads it.
     */
    private static JsonElement withoutEchoedBlocks(String body) {
        JsonElement answer = JsonParser.parseString(body);
        if (answer.isJsonObject() && answer.getAsJsonObject().get("message") instanceof JsonObject message) {
            message.remove("blocks");
            message.remove("attachments");
        }
        return answer;
    }

    /** Slack's error in a non-2xx answer; null when the body is not one (a proxy's HTML page), as in the SDK. */
    private SlackApiErrorResponse errorIn(String body) {
        try {
            return gson.fromJson(body, SlackApiErrorResponse.class);
        } catch (RuntimeException notJson) {
            return null;
        }
    }

    /** The response's headers with lower-cased names, as {@code SlackApiResponse} promises. */
    private static Map<String, List<String>> lowerCasedHeaders(Response response) {
        Map<String, List<String>> headers = new HashMap<>();
        response.headers().toMultimap().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), values));
        return headers;
    }
}
