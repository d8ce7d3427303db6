package dev.interviewcoach.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Events and replies come back from the database exactly as they went in. */
class ChatJsonTest {

    private final ChatJson json = new ChatJson();
    private final UserRef ana = new UserRef(Platform.SLACK, "T1", "UANA");
    private final Place thread = Place.channel(Platform.SLACK, "T1", "C1").thread("171.2");
    private final Instant at = Instant.parse("2026-12-02T10:00:00.123Z");

    @Test
    void everyKindOfInboundEventRoundTrips() {
        List<Inbound> events = List.of(
                new Inbound.Command("e1", ana, thread, "mock python 3", at),
                new Inbound.Message("e2", ana, thread, "An answer with \"quotes\", \u0000 and emoji \uD83D\uDE00", "m1", at),
                new Inbound.Action("e3", ana, thread, new ActionId("mock", "skip", "s-1", 2), new MessageRef(thread, "m9"), at),
                new Inbound.Submission("e4", ana, thread, new ActionId("mock", "answer", "s-1", 0), Map.of("text", "typed"), at),
                new Inbound.HomeOpened("e5", ana, Place.direct(Platform.SLACK, "T1", "D1"), at),
                new Inbound.Edit("e6", ana, thread, "m1", "An answer, finished by editing it", at),
                new Inbound.Deletion("e7", ana, thread, "m1", at),
                new Inbound.Deletion("e8", UserRef.unknown(Platform.DISCORD, "G1"), thread, "m2", at));
        for (Inbound event : events) {
            assertThat(json.read(json.write(event), Inbound.class)).isEqualTo(event);
        }
    }

    @Test
    void aReplyWithEveryBlockAndSpanRoundTrips() {
        Reply reply = Reply.builder("fallback")
                .heading("Question 1 of 3")
                .text(RichText.builder().plain("Hi ").mention(ana).bold("b").italic("i").code("c").link("l", "https://x.y")
                        .lineBreak().codeBlock("x = 1").bullets(List.of(RichText.of("one"))).quoted(RichText.of("q")).build())
                .block(new Block.Fields(List.of(new Block.Field("Score", RichText.of("4/5")))))
                .block(new Block.Progress(1, 3, "progress"))
                .block(new Block.Buttons(List.of(new Block.Button("Hint", new ActionId("mock", "hint", "s-1", 0),
                        Block.Style.PRIMARY, "hint"))))
                .divider()
                .block(new Block.Quote(RichText.of("quoted")))
                .build()
                .onlyTo(ana);
        assertThat(json.read(json.write(reply), Reply.class)).isEqualTo(reply);
    }

    @Test
    void unreadableTextNamesTheTypeButNotTheText() {
        assertThatThrownBy(() -> json.read("{\"type\":\"Nope\",\"secret answer\":1}", Inbound.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("stored Inbound cannot be read");
    }
}
