package dev.interviewcoach.discord;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interviewcoach.chat.ActionId;
import dev.interviewcoach.chat.Block;
import dev.interviewcoach.chat.Place;
import dev.interviewcoach.chat.Platform;
import dev.interviewcoach.chat.Reply;
import dev.interviewcoach.chat.RichText;
import dev.interviewcoach.chat.UserRef;
import java.util.List;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import org.junit.jupiter.api.Test;

/** What a person sees on Discord for a reply: safe, formatted, complete. */
class DiscordRenderingTest {

    @Test
    void aPersonsTextNeverPingsOrFormats() {
        String out = DiscordMarkdown.render(RichText.of("@everyone look <@123> *bold* `x` > quote"));
        assertThat(out).doesNotContain("@everyone").doesNotContain("<@123>").doesNotContain("*bold*");
        assertThat(out).contains("\\*bold\\*").contains("\\`x\\`");
        MessageCreateData message = DiscordMessages.render(Reply.text("@here hello")).getFirst();
        assertThat(message.getAllowedMentions()).isEmpty();
    }

    @Test
    void aMentionTheBotChoseNotifiesThatPersonOnly() {
        Reply reply = Reply.builder("Mock interview").text(RichText.builder().plain("Mock interview for ")
                .mention(new UserRef(Platform.DISCORD, "G1", "42")).build()).build();
        MessageCreateData message = DiscordMessages.render(reply).getFirst();
        assertThat(message.getContent()).isEqualTo("<@42>");
        assertThat(message.getMentionedUsers()).containsExactly("42");
    }

    @Test
    void aLinkToAThreadOpensTheThreadNotTheChannelItIsIn() {
        Place channel = Place.channel(Platform.DISCORD, "G1", "700");
        assertThat(DiscordMarkdown.render(RichText.builder().channel(channel).build())).isEqualTo("<#700>");
        assertThat(DiscordMarkdown.render(RichText.builder().channel(channel.thread("900")).build())).isEqualTo("<#900>");
    }

    @Test
    void buttonsComeInRowsOfFiveAndAFormButtonIsMarked() {
        List<Block.Button> buttons = new java.util.ArrayList<>();
        for (String verb : List.of("hint", "skip", "repeat", "end")) {
            buttons.add(new Block.Button(verb, new ActionId("mock", verb, "s1", 0), Block.Style.DEFAULT, verb));
        }
        buttons.add(new Block.Button("Answer", new ActionId("mock", "answer", "s1", 0), Block.Style.PRIMARY, "", Block.Form.INSTEAD_OF_TYPING));
        buttons.add(new Block.Button("More", new ActionId("mock", "more", "s1", 0), Block.Style.DEFAULT, "more"));
        MessageCreateData message = DiscordMessages.render(Reply.builder("q").heading("Question 1 of 5")
                .block(new Block.Buttons(buttons)).build()).getFirst();
        List<ActionRow> rows = message.getComponents().stream().map(c -> (ActionRow) c).toList();
        assertThat(rows).hasSize(2);
        assertThat(rows.getFirst().getComponents()).hasSize(5);
        Button answer = (Button) rows.getFirst().getComponents().get(4);
        assertThat(answer.getCustomId()).isEqualTo("form|coach:mock:answer:s1:0");
    }

    @Test
    void longTextIsSplitAcrossEmbedsAndMessagesWithNothingLost() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 2500; i++) {
            text.append("w").append(i).append(' ');
        }
        List<MessageCreateData> messages = DiscordMessages.render(Reply.builder("long").heading("Review")
                .text(text.toString()).build());
        StringBuilder all = new StringBuilder();
        for (MessageCreateData m : messages) {
            int total = m.getEmbeds().stream().mapToInt(MessageEmbed::getLength).sum();
            assertThat(total).isLessThanOrEqualTo(6000);
            for (MessageEmbed e : m.getEmbeds()) {
                assertThat(e.getDescription().length()).isLessThanOrEqualTo(4096);
                all.append(e.getDescription()).append(' ');
            }
        }
        assertThat(messages).hasSizeGreaterThan(1);
        for (int i = 0; i < 2500; i++) {
            assertThat(all.toString()).contains("w" + i + " ");
        }
    }

    @Test
    void slashOptionsBecomeTheWordsTheEngineReads() {
        assertThat(DiscordListener.commandText(DiscordSlashCommandTest.GRAMMAR, null, "tracks", List.of())).isEqualTo("tracks");
        assertThat(DiscordListener.commandText(DiscordSlashCommandTest.GRAMMAR, null, null, List.of())).isEqualTo("help");
    }

    @Test
    void feedbackFollowedByTheNextQuestionIsOneMessageWithAnEmbedForEachAndTheButtonsUnderThem() {
        Reply feedback = Reply.builder("Score 4/5. Good.").heading("Score 4/5").text("Good.").build();
        Reply question = Reply.builder("Question 2 of 5: Why?").heading("Question 2 of 5").text("Why?")
                .block(new Block.Buttons(List.of(new Block.Button("Hint", new ActionId("mock", "hint", "s1", 1),
                        Block.Style.DEFAULT, "hint")))).build();

        List<MessageCreateData> messages = DiscordMessages.render(feedback.followedBy(question));

        assertThat(messages).singleElement().satisfies(m -> {
            assertThat(m.getEmbeds()).extracting(MessageEmbed::getTitle).containsExactly("Score 4/5", "Question 2 of 5");
            assertThat(m.getEmbeds()).extracting(MessageEmbed::getDescription).containsExactly("Good.", "Why?");
            assertThat(m.getComponents()).hasSize(1);
        });
    }
}
