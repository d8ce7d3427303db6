package dev.interviewcoach.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The app manifest people paste into Slack (slack-adapter/manifest.yaml, packaged in the jar): the
 * OAuth install asks for exactly its bot scopes, so the two cannot drift apart.
 */
public final class SlackManifest {

    private static final String RESOURCE = "manifest.yaml";

    private SlackManifest() {
    }

    /** The bot scopes of {@code oauth_config.scopes.bot}, in the manifest's order. */
    public static List<String> botScopes() {
        try (InputStream in = SlackManifest.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the Slack manifest is missing from the jar (" + RESOURCE + ")");
            }
            JsonNode bot = new ObjectMapper(new YAMLFactory()).readTree(in).path("oauth_config").path("scopes").path("bot");
            List<String> scopes = new ArrayList<>();
            bot.forEach(s -> scopes.add(s.asText().strip()));
            if (scopes.isEmpty()) {
                throw new IllegalStateException("the Slack manifest lists no bot scopes under oauth_config.scopes.bot");
            }
            return List.copyOf(scopes);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the Slack manifest", e);
        }
    }
}
