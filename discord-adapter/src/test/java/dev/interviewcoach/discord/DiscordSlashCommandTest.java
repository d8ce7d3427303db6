package dev.interviewcoach.discord;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interviewcoach.chat.ActionId;
import dev.interviewcoach.chat.Block;
import dev.interviewcoach.chat.Reply;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandGroupData;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import org.junit.jupiter.api.Test;

/** {@code /coach} as people see it, and the words each use of it gives the engine. */
class DiscordSlashCommandTest {

    @Test
    void dailySubscribeValuesComeInTheirDeclaredOrderWhateverOrderTheyWereFilledIn() {
        Map<String, String> given = new LinkedHashMap<>();
        given.put("mode", "sealed");
        given.put("days", "mon, wed ,fri");
        given.put("track", "python-developer");
        given.put("zone", "Europe/Berlin");
        given.put("time", "9 am");
        assertThat(CoachSlashCommand.words("daily", "subscribe", given))
                .isEqualTo("daily subscribe python-developer 9am Europe/Berlin mon,wed,fri sealed");
        assertThat(CoachSlashCommand.words("daily", "subscribe", Map.of("zone", "UTC")))
                .isEqualTo("daily subscribe UTC");
    }

    @Test
    void personalAndGroupCommandsBecomeTheirWords() {
        assertThat(CoachSlashCommand.words(null, "forget-me", Map.of())).isEqualTo("forget-me");
        assertThat(CoachSlashCommand.words(null, "remind", Map.of("state", "on"))).isEqualTo("remind on");
        assertThat(CoachSlashCommand.words("daily", "leaderboard", Map.of())).isEqualTo("daily leaderboard");
        assertThat(CoachSlashCommand.words("daily", "leaderboard", Map.of("state", "off"))).isEqualTo("daily leaderboard off");
        assertThat(CoachSlashCommand.words("daily", "now", Map.of())).isEqualTo("daily now");
        assertThat(CoachSlashCommand.words(null, "ask", Map.of("topic", "a conflict"))).isEqualTo("ask a conflict");
        assertThat(CoachSlashCommand.words(null, "mock", Map.of("topic", "caching", "questions", "3")))
                .isEqualTo("mock 3 on caching");
        assertThat(CoachSlashCommand.words("daily", "subscribe", Map.of("difficulty", "2", "topic", "data modeling")))
                .isEqualTo("daily subscribe topic:data-modeling difficulty:2");
        assertThat(CoachSlashCommand.words(null, "mock", Map.of("questions", "3", "track", "sql-and-data")))
                .isEqualTo("mock sql-and-data 3");
    }

    @Test
    void anOptionTheDefinitionDoesNotKnowIsKeptAtTheEnd() {
        Map<String, String> given = new LinkedHashMap<>();
        given.put("colour", "blue");
        given.put("track", "behavioral");
        assertThat(CoachSlashCommand.words(null, "mock", given)).isEqualTo("mock behavioral blue");
    }

    @Test
    void theCommandFitsDiscordsRules() {
        SlashCommandData coach = CoachSlashCommand.definition();
        assertThat(coach.getSubcommands()).extracting(SubcommandData::getName)
                .contains("mock", "ask", "tracks", "review", "help", "stats", "mute", "unmute", "remind", "forget-me",
                        "export");
        SubcommandGroupData daily = coach.getSubcommandGroups().getFirst();
        assertThat(daily.getName()).isEqualTo("daily");
        assertThat(daily.getSubcommands()).extracting(SubcommandData::getName)
                .containsExactly("subscribe", "unsubscribe", "status", "now", "reveal", "leaderboard");
        SubcommandData subscribe = daily.getSubcommands().getFirst();
        assertThat(subscribe.getOptions()).extracting(OptionData::getName)
                .containsExactly("track", "time", "zone", "days", "mode", "topic", "difficulty");
        assertThat(subscribe.getOptions().getFirst().isAutoComplete()).isTrue();
        assertThat(subscribe.getOptions().get(4).getChoices()).extracting(c -> c.getAsString())
                .containsExactly("open", "sealed");
        assertThat(subscribe.getOptions().getLast().getChoices()).extracting(c -> c.getAsString())
                .containsExactly("1", "2", "3");
        SubcommandData remind = coach.getSubcommands().stream().filter(s -> s.getName().equals("remind")).findFirst()
                .orElseThrow();
        assertThat(remind.getOptions().getFirst().isRequired()).isTrue();
        assertThat(coach.getSubcommands().size() + coach.getSubcommandGroups().size()).isLessThanOrEqualTo(25);
    }

    @Test
    void aPrivateFormButtonOpensTheFormOnEverySurface() {
        Block.Button answer = new Block.Button("Answer privately", new ActionId("daily", "answer", "p1", 0),
                Block.Style.PRIMARY, "", Block.Form.PRIVATE);
        MessageCreateData message = DiscordMessages.render(Reply.builder("Question of the day")
                .heading("Question of the day").block(new Block.Buttons(List.of(answer))).build()).getFirst();
        assertThat(message.getComponentTree().findAll(Button.class)).extracting(Button::getCustomId)
                .containsExactly("form|coach:daily:answer:p1:0");
    }
}
