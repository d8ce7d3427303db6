package dev.interviewcoach.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.model.block.ActionsBlock;
import com.slack.api.model.block.HeaderBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.SectionBlock;
import com.slack.api.model.block.element.ButtonElement;
import dev.interviewcoach.chat.ActionId;
import dev.interviewcoach.chat.Block;
import dev.interviewcoach.chat.Platform;
import dev.interviewcoach.chat.Reply;
import dev.interviewcoach.chat.RichText;
import dev.interviewcoach.chat.UserRef;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a person sees in Slack for a reply: safe, formatted, complete. */
class SlackRenderingTest {

    @Test
    void textAPersonWroteCannotPingForgeLinksOrBreakFormatting() {
        String typed = "<!channel> hi <@U123> see <https://evil.example|your bank> & *bold*";
        String out = SlackMarkup.render(RichText.builder().plain(typed).build());
        assertThat(out).doesNotContain("<!channel>").doesNotContain("<@U123>").doesNotContain("<https://");
        assertThat(out).contains("&lt;!channel&gt;").contains("&amp;");
        assertThat(out).doesNotContain("*bold*").contains("\u2217bold\u2217");
        assertThat(SlackMarkup.render(RichText.of("user_id and snake_case stay, 2*3*4 too")))
                .isEqualTo("user_id and snake_case stay, 2*3*4 too");
        assertThat(SlackMarkup.render(RichText.of("_really_ ~gone~ `code`")))
                .isEqualTo("\u02cdreally\u02cd \u223cgone\u223c \u02cbcode\u02cb");
        assertThat(SlackMarkup.render(RichText.builder().bold("a*b").build())).isEqualTo("*a\u2217b*");
        assertThat(SlackMarkup.render(RichText.builder().code("x`y").build())).isEqualTo("`x\u02cby`");
    }

    @Test
    void theBotsOwnMentionAndLinksStillWork() {
        String out = SlackMarkup.render(RichText.builder().plain("Mock interview for ")
                .mention(new UserRef(Platform.SLACK, "T1", "U42")).plain(" ").link("docs", "https://example.com/a").build());
        assertThat(out).isEqualTo("Mock interview for <@U42> <https://example.com/a|docs>");
    }

    @Test
    void formattingHugsTheText() {
        assertThat(SlackMarkup.render(RichText.builder().bold("Tip: ").plain("x").build())).isEqualTo("*Tip:* x");
    }

    @Test
    void longTextIsSplitIntoSectionsAndNothingIsLost() {
        String para = "word ".repeat(1500).strip();
        Reply reply = Reply.builder("long").text(para).build();
        List<LayoutBlock> blocks = SlackBlocks.blocks(reply);
        assertThat(blocks).hasSizeGreaterThan(2).allSatisfy(b -> assertThat(((SectionBlock) b).getText().getText().length())
                .isLessThanOrEqualTo(3000));
        String joined = String.join(" ", blocks.stream().map(b -> ((SectionBlock) b).getText().getText()).toList());
        assertThat(joined.split(" ")).hasSize(1500);
    }

    @Test
    void moreThanFiftyBlocksBecomeSeveralMessages() {
        Reply.Builder builder = Reply.builder("many");
        for (int i = 0; i < 120; i++) {
            builder.text("line " + i);
        }
        List<SlackBlocks.Message> messages = SlackBlocks.messages(builder.build());
        assertThat(messages).hasSize(3);
        assertThat(messages).allSatisfy(m -> assertThat(m.blocks()).hasSizeLessThanOrEqualTo(50));
        assertThat(messages.stream().mapToInt(m -> m.blocks().size()).sum()).isEqualTo(120);
    }

    @Test
    void buttonsCarryTheTypedActionId() {
        ActionId hint = new ActionId("mock", "hint", "s-1", 2);
        Reply reply = Reply.builder("q").heading("Question 3 of 5")
                .block(new Block.Buttons(List.of(new Block.Button("Hint", hint, Block.Style.DEFAULT, "hint"),
                        new Block.Button("End", new ActionId("mock", "end", "s-1", 2), Block.Style.DANGER, "end"))))
                .build();
        List<LayoutBlock> blocks = SlackBlocks.blocks(reply);
        assertThat(blocks.getFirst()).isInstanceOf(HeaderBlock.class);
        ActionsBlock actions = (ActionsBlock) blocks.get(1);
        List<ButtonElement> buttons = new ArrayList<>();
        actions.getElements().forEach(e -> buttons.add((ButtonElement) e));
        assertThat(buttons.getFirst().getActionId()).isEqualTo(hint.encode());
        assertThat(ActionId.parse(buttons.getFirst().getActionId())).hasValue(hint);
        assertThat(buttons.get(1).getStyle()).isEqualTo("danger");
    }

    @Test
    void aPrivateFormButtonIsMarkedAndATypeInsteadButtonIsLeftOut() {
        ActionId answer = new ActionId("daily", "answer", "p-1", 0);
        Reply reply = Reply.builder("q").block(new Block.Buttons(List.of(
                new Block.Button("Answer privately", answer, Block.Style.PRIMARY, "", Block.Form.PRIVATE),
                new Block.Button("Answer", new ActionId("daily", "type", "p-1", 0), Block.Style.DEFAULT, "",
                        Block.Form.INSTEAD_OF_TYPING)))).build();
        ActionsBlock actions = (ActionsBlock) SlackBlocks.blocks(reply).getFirst();
        assertThat(actions.getElements()).hasSize(1);
        ButtonElement button = (ButtonElement) actions.getElements().getFirst();
        assertThat(button.getActionId()).isEqualTo("form:" + answer.encode());
        assertThat(SlackForms.clicked(button.getActionId())).hasValue(answer);
        assertThat(ActionId.parse(button.getActionId())).as("not taken for a plain button").isEmpty();
        assertThat(button.getValue()).as("Slack refuses an empty value").isNull();
    }

    @Test
    void aFormRemembersWhereItWasOpenedAndRefusesAnythingElse() {
        ActionId answer = new ActionId("daily", "answer", "p-1", 3);
        var inThread = new SlackForms.Origin(answer, "T1", java.util.Optional.of("C1"), java.util.Optional.of("1700.000100"));
        assertThat(SlackForms.Origin.parse(inThread.encode())).hasValue(inThread);
        assertThat(inThread.place()).hasValue(dev.interviewcoach.chat.Place.channel(Platform.SLACK, "T1", "C1")
                .thread("1700.000100"));
        var fromHome = new SlackForms.Origin(answer, "T1", java.util.Optional.empty(), java.util.Optional.empty());
        assertThat(SlackForms.Origin.parse(fromHome.encode())).hasValue(fromHome);
        assertThat(fromHome.place()).isEmpty();
        for (String bad : new String[] {null, "", "v1|x|T1|C1|", "v2|" + answer.encode() + "|T1|C1|",
                "v1|" + answer.encode() + "|T1|C1|<script>", "v1|" + answer.encode() + "||C1|1.2"}) {
            assertThat(SlackForms.Origin.parse(bad)).as(String.valueOf(bad)).isEmpty();
        }
    }

    @Test
    void aFormsTitleFitsSlacksTwentyFourCharacters() {
        var origin = new SlackForms.Origin(new ActionId("a", "b", "c", 0), "T1", java.util.Optional.empty(),
                java.util.Optional.empty());
        assertThat(SlackForms.modal("Answer today's question privately", origin).getTitle().getText())
                .hasSize(24).endsWith("\u2026");
        assertThat(SlackForms.modal("Answer", origin).getTitle().getText()).isEqualTo("Answer");
        assertThat(SlackForms.modal(null, origin).getTitle().getText()).isEqualTo("Your answer");
    }

    @Test
    void aHeadingTooLongForAHeaderBecomesBoldText() {
        List<LayoutBlock> blocks = SlackBlocks.blocks(Reply.builder("h").heading("x".repeat(200)).build());
        assertThat(blocks.getFirst()).isInstanceOf(SectionBlock.class);
    }

    @Test
    void slackTextComesBackAsPlainWords() {
        assertThat(SlackText.plain("use &lt;T&gt; &amp; <https://a.example|docs> with <@U1>"))
                .isEqualTo("use <T> & docs with @U1");
    }

    @Test
    void feedbackFollowedByTheNextQuestionIsOneMessageWithADividerBetweenAndTheButtonsLast() {
        Reply feedback = Reply.builder("Score 4/5. Good.").heading("Score 4/5").text("Good.").build();
        Reply question = Reply.builder("Question 2 of 5: Why?").heading("Question 2 of 5").text("Why?")
                .block(new Block.Buttons(List.of(new Block.Button("Hint", new ActionId("mock", "hint", "s1", 1),
                        Block.Style.DEFAULT, "hint")))).build();

        List<SlackBlocks.Message> messages = SlackBlocks.messages(feedback.followedBy(question));

        assertThat(messages).singleElement().satisfies(m -> {
            assertThat(m.blocks()).extracting(LayoutBlock::getType)
                    .containsExactly("header", "section", "divider", "header", "section", "actions");
            assertThat(((HeaderBlock) m.blocks().get(3)).getText().getText()).isEqualTo("Question 2 of 5");
            assertThat(m.text()).isEqualTo("Score 4/5. Good.\n\nQuestion 2 of 5: Why?");
        });
    }
}
