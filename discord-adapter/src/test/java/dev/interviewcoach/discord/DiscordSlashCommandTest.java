package dev.interviewcoach.discord;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interviewcoach.chat.ActionId;
import dev.interviewcoach.chat.Block;
import dev.interviewcoach.chat.Reply;
import dev.interviewcoach.command.CommandGrammar;
import dev.interviewcoach.command.CommandSpec;
import dev.interviewcoach.command.OptionSpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandGroupData;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import org.junit.jupiter.api.Test;

/**
 * {@code /coach} as people see it, made from command specs, and the words each use of it gives the
 * engine. The specs here have each kind of option the core uses (the real command list is checked
 * against every platform in the app's {@code CommandsOnEveryPlatformTest}).
 */
class DiscordSlashCommandTest {

    static final CommandGrammar GRAMMAR = new CommandGrammar(List.of(
            CommandSpec.of("mock", "start a mock interview",
                    OptionSpec.word("track", "Question track").manyWords().suggesting(OptionSpec.Suggest.TRACKS),
                    OptionSpec.number("questions", "How many questions (1-20)", 1, 20),
                    OptionSpec.word("topic", "Lean on one topic").after("on").manyWords().shownAs("TOPIC")),
            CommandSpec.of("ask", "one question on a topic", OptionSpec.text("topic", "e.g. caching").mandatory()),
            CommandSpec.of("tracks", "list the question tracks"),
            CommandSpec.of("remind", "a reminder", OptionSpec.choice("state", "Remind me or not",
                    OptionSpec.of("on", "on"), OptionSpec.of("off", "off")).mandatory()),
            CommandSpec.of("forget-me", "delete everything", OptionSpec.choice("confirm", "Delete at once",
                    OptionSpec.of("confirm", "confirm")).typedOnly()),
            CommandSpec.group("daily", "a question of the day", "status",
                    CommandSpec.of("subscribe", "post a question here on a schedule",
                            OptionSpec.word("track", "Question track").manyWords().suggesting(OptionSpec.Suggest.TRACKS),
                            OptionSpec.word("time", "Local time").shaped("\\d{1,2}(:\\d{2}(am|pm)?|am|pm)").maxLength(8),
                            OptionSpec.word("zone", "Time zone").shaped(".*/.*|utc"),
                            OptionSpec.word("days", "weekdays, daily, or e.g. mon,wed,fri").shaped("weekdays|daily|[a-z,]+"),
                            OptionSpec.choice("mode", "How people answer", OptionSpec.of("open", "open: in the thread"),
                                    OptionSpec.of("sealed", "sealed: private until the reveal")),
                            OptionSpec.word("topic", "Only this topic").keyed(),
                            OptionSpec.choice("difficulty", "Up to this difficulty", OptionSpec.of("1", "1: warm-up"),
                                    OptionSpec.of("2", "2: core"), OptionSpec.of("3", "3: senior")).keyed()),
                    CommandSpec.of("unsubscribe", "stop the question of the day here"),
                    CommandSpec.of("status", "this channel's schedule"),
                    CommandSpec.of("now", "post today's question now"),
                    CommandSpec.of("reveal", "show the example answer and recap now"),
                    CommandSpec.of("leaderboard", "show the leaderboard", OptionSpec.choice("state", "Turn it on or off",
                            OptionSpec.of("on", "on"), OptionSpec.of("off", "off"))))));

    private static String words(String group, String subcommand, Map<String, String> given) {
        return CoachSlashCommand.words(GRAMMAR, group, subcommand, given);
    }

    @Test
    void dailySubscribeValuesComeInTheirDeclaredOrderWhateverOrderTheyWereFilledIn() {
        Map<String, String> given = new LinkedHashMap<>();
        given.put("mode", "sealed");
        given.put("days", "mon, wed ,fri");
        given.put("track", "python-developer");
        given.put("zone", "Europe/Berlin");
        given.put("time", "9 am");
        assertThat(words("daily", "subscribe", given))
                .isEqualTo("daily subscribe python-developer 9am Europe/Berlin mon,wed,fri sealed");
        assertThat(words("daily", "subscribe", Map.of("zone", "UTC"))).isEqualTo("daily subscribe UTC");
    }

    @Test
    void personalAndGroupCommandsBecomeTheirWords() {
        assertThat(words(null, "forget-me", Map.of())).isEqualTo("forget-me");
        assertThat(words(null, "remind", Map.of("state", "on"))).isEqualTo("remind on");
        assertThat(words("daily", "leaderboard", Map.of())).isEqualTo("daily leaderboard");
        assertThat(words("daily", "leaderboard", Map.of("state", "off"))).isEqualTo("daily leaderboard off");
        assertThat(words("daily", "now", Map.of())).isEqualTo("daily now");
        assertThat(words(null, "ask", Map.of("topic", "a conflict"))).isEqualTo("ask a conflict");
        assertThat(words(null, "mock", Map.of("topic", "caching", "questions", "3"))).isEqualTo("mock 3 on caching");
        assertThat(words("daily", "subscribe", Map.of("difficulty", "2", "topic", "data modeling")))
                .isEqualTo("daily subscribe topic:data-modeling difficulty:2");
        assertThat(words(null, "mock", Map.of("questions", "3", "track", "sql and data")))
                .isEqualTo("mock sql-and-data 3");
    }

    @Test
    void whatAFormGivesReadsBackAsTheSameCommandAndValues() {
        Map<String, String> given = Map.of("track", "sql-and-data", "time", "7:30pm", "zone", "Asia/Kolkata",
                "days", "mon,thu", "mode", "open", "topic", "joins", "difficulty", "2");
        String sentence = words("daily", "subscribe", given);
        assertThat(GRAMMAR.parse(sentence)).isInstanceOfSatisfying(CommandGrammar.Parse.Parsed.class, parsed -> {
            assertThat(parsed.input().command()).isEqualTo("daily subscribe");
            assertThat(parsed.input().values()).isEqualTo(given);
        });
    }

    @Test
    void anOptionTheDefinitionDoesNotKnowIsKeptAtTheEnd() {
        Map<String, String> given = new LinkedHashMap<>();
        given.put("colour", "blue");
        given.put("track", "behavioral");
        assertThat(words(null, "mock", given)).isEqualTo("mock behavioral blue");
    }

    @Test
    void theCommandFitsDiscordsRules() {
        SlashCommandData coach = CoachSlashCommand.definition(GRAMMAR);
        assertThat(coach.getSubcommands()).extracting(SubcommandData::getName)
                .containsExactly("mock", "ask", "tracks", "remind", "forget-me", "help");
        SubcommandGroupData daily = coach.getSubcommandGroups().getFirst();
        assertThat(daily.getName()).isEqualTo("daily");
        assertThat(daily.getDescription()).isEqualTo("A question of the day");
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
        SubcommandData mock = coach.getSubcommands().getFirst();
        assertThat(mock.getOptions().get(1).getType()).isEqualTo(OptionType.INTEGER);
        assertThat(mock.getOptions().get(1).getMaxValue()).isEqualTo(20L);
        SubcommandData remind = coach.getSubcommands().get(3);
        assertThat(remind.getOptions().getFirst().isRequired()).isTrue();
        SubcommandData forget = coach.getSubcommands().get(4);
        assertThat(forget.getOptions()).as("a typed-only word is not a form field").isEmpty();
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
