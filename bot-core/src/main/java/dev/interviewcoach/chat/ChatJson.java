package dev.interviewcoach.chat;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.deser.std.FromStringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.jsontype.NamedType;
import java.time.Instant;
import java.util.List;

/**
 * The chat model as JSON, for what must outlive the process: inbound events in the inbox and
 * replies in the outbox. Each sealed family is written with its member's simple name, so a
 * record added to a family needs no change here.
 */
public final class ChatJson {

    private static final List<Class<?>> FAMILIES = List.of(Inbound.class, Block.class, RichText.Span.class,
            Visibility.class);

    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
    private interface Tagged {}

    private final ObjectMapper mapper;

    public ChatJson() {
        ObjectMapper m = new ObjectMapper()
                // Record components only: helpers such as RichText.isEmpty() are not data.
                .setVisibility(PropertyAccessor.ALL, JsonAutoDetect.Visibility.NONE)
                .setVisibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY)
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
        for (Class<?> family : FAMILIES) {
            m.addMixIn(family, Tagged.class);
            for (Class<?> member : family.getPermittedSubclasses()) {
                m.registerSubtypes(new NamedType(member, member.getSimpleName()));
            }
        }
        // Instants as ISO-8601 text; the one time type the model holds needs no extra module.
        m.registerModule(new SimpleModule("chat-time")
                .addSerializer(Instant.class, ToStringSerializer.instance)
                .addDeserializer(Instant.class, new FromStringDeserializer<>(Instant.class) {
                    @Override
                    protected Instant _deserialize(String value, DeserializationContext context) {
                        return Instant.parse(value);
                    }
                }));
        this.mapper = m;
    }

    public String write(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    public <T> T read(String json, Class<T> type) {
        try {
            return mapper.readValue(json, type);
        } catch (JsonProcessingException e) {
            // The message would quote the stored text, which may be someone's answer: name the type only.
            throw new IllegalArgumentException("stored " + type.getSimpleName() + " cannot be read: "
                    + e.getOriginalMessage().replaceAll("\\s+", " ").substring(0, Math.min(80,
                    e.getOriginalMessage().length())));
        }
    }
}
