package dev.interviewcoach.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Typed commands read against their specs: what each word is taken for, and what a person is told when it is wrong. */
class CommandGrammarTest {

    private static final CommandGrammar GRAMMAR = new CommandGrammar(List.of(
            CommandSpec.of("mock", "start a mock interview",
                    OptionSpec.word("track", "Question track").manyWords(),
                    OptionSpec.number("questions", "How many questions", 1, 20),
                    OptionSpec.word("topic", "Lean on one topic").after("on").manyWords().shownAs("TOPIC"),
                    OptionSpec.choice("followups", "follow-ups", OptionSpec.of("--no-followups", ""),
                            OptionSpec.of("--followups", "")))
                    .alsoCalled("interview"),
            CommandSpec.of("ask", "one question on a topic", OptionSpec.text("topic", "what about").mandatory()),
            CommandSpec.of("remind", "a reminder", OptionSpec.choice("state", "on or off",
                    OptionSpec.of("on", "on"), OptionSpec.of("off", "off")).mandatory()),
            CommandSpec.of("stats", "your progress"),
            CommandSpec.of("forget-me", "delete everything", OptionSpec.choice("confirm", "without asking",
                    OptionSpec.of("confirm", "confirm"))),
            CommandSpec.group("daily", "a question of the day", "status",
                    CommandSpec.of("subscribe", "post here",
                            OptionSpec.word("track", "track"),
                            OptionSpec.word("time", "time").shaped("\\d{1,2}(:\\d{2}(am|pm)?|am|pm)").shownAs("HH:MM"),
                            OptionSpec.word("zone", "zone").shaped(".*/.*|utc"),
                            OptionSpec.choice("mode", "mode", OptionSpec.of("open", ""), OptionSpec.of("sealed", "")),
                            OptionSpec.word("topic", "topic").keyed().shownAs("TOPIC")),
                    CommandSpec.of("status", "the schedule"))));

    private static CommandGrammar.Parse.Parsed parsed(String text) {
        CommandGrammar.Parse parse = GRAMMAR.parse(text);
        assertThat(parse).isInstanceOf(CommandGrammar.Parse.Parsed.class);
        return (CommandGrammar.Parse.Parsed) parse;
    }

    private static String invalid(String text) {
        CommandGrammar.Parse parse = GRAMMAR.parse(text);
        assertThat(parse).isInstanceOf(CommandGrammar.Parse.Invalid.class);
        return ((CommandGrammar.Parse.Invalid) parse).message();
    }

    @Test
    void numbersAsWordsAfterATopicAndMistypedFlagsAreReadAsPeopleMeanThem() {
        assertThat(parsed("mock python three questions").input().values()).as("a number said as a word, with its noun")
                .isEqualTo(Map.of("track", "python", "questions", "3"));
        assertThat(parsed("mock sql on indexes 2").input().values()).as("the count after the topic")
                .isEqualTo(Map.of("track", "sql", "topic", "indexes", "questions", "2"));
        assertThat(parsed("mock 4 questions on caching").input().values())
                .isEqualTo(Map.of("questions", "4", "topic", "caching"));
        assertThat(invalid("mock python --no-followup")).startsWith("I don't know the option \"--no-followup\"."
                + " Did you mean --no-followups?");
        assertThat(invalid("mock on caching --nofollowups")).as("a flag is never part of a topic")
                .startsWith("I don't know the option \"--nofollowups\". Did you mean --no-followups?");
        assertThat(invalid("mock --verbose")).startsWith("I don't know the option \"--verbose\". Usage: mock");
        assertThat(invalid("daily subscrib")).startsWith("I don't know \"daily subscrib\". Did you mean daily"
                + " subscribe? Try: daily");
        assertThat(invalid("daily stauts")).startsWith("I don't know \"daily stauts\". Did you mean daily status?");
        assertThat(invalid("daily banana")).startsWith("I don't know \"daily banana\". Try: daily");
        assertThat(parsed("remind yes").input().value("state")).contains("on");
        assertThat(parsed("remind disable").input().value("state")).contains("off");
        assertThat(invalid("mock python 3 on")).as("on with nothing after it")
                .startsWith("Type the topic after \"on\", for example: mock on caching.");
        assertThat(parsed("ask one question about caching").input().value("topic")).as("no numbers where none is taken")
                .contains("one question about caching");
    }

    @Test
    void wordsAreTakenByShapeWhereverTheyStand() {
        assertThat(parsed("mock 3 python developer on data modeling").input().values())
                .isEqualTo(Map.of("questions", "3", "track", "python-developer", "topic", "data-modeling"));
        assertThat(parsed("INTERVIEW behavioral").input()).isEqualTo(new CommandInput("mock", Map.of("track", "behavioral")));
        assertThat(parsed("mock python on data modeling --no-followups").input().values()).as("a choice after on TOPIC")
                .isEqualTo(Map.of("track", "python", "topic", "data-modeling", "followups", "--no-followups"));
        assertThat(parsed("daily subscribe Europe/Berlin sealed sql 8:30 topic:joins").input().values())
                .isEqualTo(Map.of("zone", "Europe/Berlin", "mode", "sealed", "track", "sql", "time", "8:30", "topic", "joins"));
        assertThat(parsed("ask a time I disagreed with my manager").input().value("topic"))
                .contains("a time I disagreed with my manager");
    }

    @Test
    void aGroupAloneMeansItsDefaultAndNamesTheSubcommandItRan() {
        CommandGrammar.Parse.Parsed status = parsed("daily");
        assertThat(status.input().command()).isEqualTo("daily status");
        assertThat(status.input().verb()).isEqualTo("status");
        assertThat(status.top().name()).isEqualTo("daily");
    }

    @Test
    void mistakesSayWhatWasWrongAndHowToCallIt() {
        assertThat(invalid("daily subscribe sql python")).isEqualTo("I read both \"sql\" and \"python\" as a track."
                + " Usage: daily subscribe [track] [HH:MM] [zone] [open|sealed] [topic:TOPIC]");
        assertThat(invalid("daily subscribe 9:00 10:00")).startsWith("I read both \"9:00\" and \"10:00\" as the time.");
        assertThat(invalid("daily sbuscribe")).isEqualTo("I don't know \"daily sbuscribe\". Did you mean daily"
                + " subscribe? Try: daily subscribe [track] [HH:MM] [zone] [open|sealed] [topic:TOPIC] | status");
        assertThat(invalid("remind maybe")).isEqualTo("I don't know what \"maybe\" is here (expected on or off)."
                + " Usage: remind on|off");
        assertThat(invalid("stats everything")).startsWith("stats takes nothing after it");
        assertThat(GRAMMAR.parse("mokc python")).isEqualTo(new CommandGrammar.Parse.Unknown("mokc",
                java.util.Optional.of("mock")));
        assertThat(GRAMMAR.parse("  ")).isInstanceOf(CommandGrammar.Parse.Help.class);
        assertThat(GRAMMAR.parse("HELP me")).isEqualTo(new CommandGrammar.Parse.Help(java.util.Optional.empty()));
    }

    @Test
    void helpWithACommandIsThatCommandsHelp() {
        for (String typed : List.of("help daily", "daily help", "daily --help", "DAILY ?")) {
            assertThat(GRAMMAR.parse(typed)).as(typed).isInstanceOfSatisfying(CommandGrammar.Parse.Help.class,
                    h -> assertThat(h.about()).hasValueSatisfying(spec -> assertThat(spec.name()).isEqualTo("daily")));
        }
        assertThat(GRAMMAR.parse("mock help")).isInstanceOfSatisfying(CommandGrammar.Parse.Help.class,
                h -> assertThat(h.about()).hasValueSatisfying(spec -> assertThat(spec.name()).isEqualTo("mock")));
        // a help word among other words is the command's own business: "daily skip help" is no request for help
        // help about a slip of a command's name names the command (it showed the whole list); other words get the list
        assertThat(GRAMMAR.parse("help dialy")).isEqualTo(new CommandGrammar.Parse.Unknown("dialy",
                java.util.Optional.of("daily")));
        assertThat(GRAMMAR.parse("help nonsense")).isEqualTo(new CommandGrammar.Parse.Help(java.util.Optional.empty()));
        assertThat(GRAMMAR.parse("help daily skip")).as("the command's help, the rest read as its subject")
                .isInstanceOfSatisfying(CommandGrammar.Parse.Help.class,
                        h -> assertThat(h.about()).hasValueSatisfying(spec -> assertThat(spec.name()).isEqualTo("daily")));
        assertThat(GRAMMAR.parse("help")).isEqualTo(new CommandGrammar.Parse.Help(java.util.Optional.empty()));
    }

    @Test
    void commandsAreReadAsPeopleSayThem() {
        assertThat(parsed("mock interview python developer 3").input().values())
                .isEqualTo(Map.of("track", "python-developer", "questions", "3"));
        assertThat(parsed("new interview").input().command()).isEqualTo("mock");
        assertThat(parsed("new interview").input().values()).isEmpty();
        assertThat(parsed("give me a mock interview on data modeling").input().values())
                .isEqualTo(Map.of("topic", "data-modeling"));
        assertThat(parsed("interview a mock").input().values()).isEmpty();
        assertThat(parsed("stats please").input().command()).isEqualTo("stats");
        assertThat(parsed("show me my stats").input().command()).isEqualTo("stats");
        assertThat(parsed("ask a question about caching").input().values())
                .isEqualTo(Map.of("topic", "a question about caching"));
        assertThat(GRAMMAR.parse("new hobby")).isInstanceOf(CommandGrammar.Parse.Unknown.class);
    }

    @Test
    void aHyphenatedCommandTypedWithASpaceIsThatCommand() {
        assertThat(parsed("forget me").input().command()).isEqualTo("forget-me");
        assertThat(parsed("Forget me confirm").input().values()).isEqualTo(Map.of("confirm", "confirm"));
        assertThat(GRAMMAR.parse("forget it")).isInstanceOf(CommandGrammar.Parse.Unknown.class);
    }

    @Test
    void aMissingRequiredValueIsLeftToTheCommandToAskFor() {
        assertThat(parsed("ask").input().values()).isEmpty();
        assertThat(parsed("remind").input().values()).isEmpty();
    }

    @Test
    void aFormsValuesAreWrittenAsTheSentenceAPersonWouldTypeAndReadBackTheSame() {
        Map<String, String> given = Map.of("topic", "data modeling", "zone", "UTC", "time", "7 pm", "mode", "open",
                "track", "sql");
        String sentence = GRAMMAR.sentence("daily", "subscribe", given);
        assertThat(sentence).isEqualTo("daily subscribe sql 7pm UTC open topic:data-modeling");
        assertThat(parsed(sentence).input().values())
                .isEqualTo(Map.of("track", "sql", "time", "7pm", "zone", "UTC", "mode", "open", "topic", "data-modeling"));
        assertThat(GRAMMAR.sentence(null, "mock", Map.of("topic", "caching", "track", "python developer")))
                .isEqualTo("mock python-developer on caching");
        assertThat(GRAMMAR.sentence(null, null, Map.of())).isEqualTo("help");
    }

    @Test
    void usageIsMadeFromTheOptions() {
        assertThat(GRAMMAR.commands().getFirst().usage())
                .isEqualTo("mock [track] [questions] [on TOPIC] [--no-followups|--followups]");
        assertThat(GRAMMAR.commands().get(1).usage()).isEqualTo("ask TOPIC");
    }

    @Test
    void specsThatCouldNotBeToldApartAreRefusedWhenDeclared() {
        assertThatThrownBy(() -> new CommandGrammar(List.of(CommandSpec.of("stats", "a"),
                CommandSpec.of("progress", "b").alsoCalled("stats"))))
                .hasMessageContaining("two commands answer to 'stats'");
        assertThatThrownBy(() -> CommandSpec.of("x", "two free words", OptionSpec.word("a", "a"), OptionSpec.word("b", "b")))
                .hasMessageContaining("cannot be told apart");
        assertThatThrownBy(() -> OptionSpec.word("Bad Name", "x")).hasMessageContaining("lower-case");
    }
}
