package dev.interviewcoach.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interviewcoach.command.CommandGrammar;
import dev.interviewcoach.command.CommandSpec;
import dev.interviewcoach.command.OptionSpec;
import dev.interviewcoach.discord.CoachSlashCommand;
import dev.interviewcoach.interview.MockInterviewFeature;
import dev.interviewcoach.question.BankCatalog;
import dev.interviewcoach.question.BankReader;
import dev.interviewcoach.question.QuestionBanks;
import dev.interviewcoach.store.Database;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every command the coach declares can be given on every platform: typed (Slack's {@code /coach},
 * a mention or DM, the console) it reads as itself; on Discord it is a subcommand of {@code /coach}
 * whose filled-in form reads back as the same command and values; and help lists it.
 */
class CommandsOnEveryPlatformTest {

    @TempDir
    Path dir;

    @Test
    void everyCommandIsReachableOnSlackDiscordAndTheConsoleAndInHelp() {
        try (Database db = Database.sqlite(dir.resolve("coach.db"))) {
            db.migrate();
            try (Coach coach = new Coach(db, BankCatalog.of(QuestionBanks.load(new BankReader(), Optional.empty())),
                    Optional.empty(), new MockInterviewFeature.Settings("python-developer", 5, 20), Clock.systemUTC(),
                    new Random(1))) {
                CommandGrammar grammar = coach.engine().grammar();
                SlashCommandData discord = CoachSlashCommand.definition(grammar);
                List<String> onDiscord = CoachSlashCommand.paths(discord);
                String help = coach.engine().help().fallback();
                int checked = 0;
                for (CommandSpec top : grammar.commands()) {
                    assertThat(help).as("help lists " + top.name()).contains(top.usage());
                    for (CommandSpec command : top.isGroup() ? top.subcommands() : List.of(top)) {
                        String group = top.isGroup() ? top.name() : null;
                        String path = group == null ? command.name() : group + " " + command.name();
                        assertThat(onDiscord).as("/coach " + path + " on Discord").contains(path);
                        Map<String, String> values = sampleValues(command, coach);
                        String sentence = grammar.sentence(group, command.name(), values);
                        assertThat(grammar.parse(sentence)).as(path + " filled in on Discord, as " + sentence)
                                .isInstanceOfSatisfying(CommandGrammar.Parse.Parsed.class, parsed -> {
                                    assertThat(parsed.input().command()).isEqualTo(path);
                                    assertThat(parsed.input().values()).isEqualTo(values);
                                });
                        assertThat(grammar.parse(path)).as(path + " typed on Slack or the console")
                                .isInstanceOfSatisfying(CommandGrammar.Parse.Parsed.class,
                                        parsed -> assertThat(parsed.input().command()).isEqualTo(path));
                        checked++;
                    }
                }
                assertThat(checked).as("mock, ask, review, tracks, the daily group, stats, reminders, privacy")
                        .isGreaterThanOrEqualTo(15);
                assertThat(discord.getSubcommands().size() + discord.getSubcommandGroups().size())
                        .as("Discord allows 25 subcommands and groups").isLessThanOrEqualTo(25);
            }
        }
    }

    /** A value for every option a form shows, as a person would fill it in. */
    private static Map<String, String> sampleValues(CommandSpec command, Coach coach) {
        Map<String, String> values = new LinkedHashMap<>();
        for (OptionSpec option : command.options()) {
            if (!option.inForms()) {
                continue;
            }
            String value = switch (option.kind()) {
                case NUMBER -> Integer.toString(option.min());
                case CHOICE -> option.choices().getLast().value();
                case TEXT -> "a conflict with my manager";
                case WORD -> switch (option.name()) {
                    case "time" -> "7:30pm";
                    case "zone" -> "Europe/Berlin";
                    case "days" -> "mon,wed,fri";
                    case "dates" -> "2026-12-24..2026-12-31";
                    case "day" -> "12-25";
                    case "weekday" -> "fri";
                    case "hours" -> "9am-1pm";
                    case "channel" -> "#prep-leads";
                    default -> option.suggest() == OptionSpec.Suggest.NONE ? "caching"
                            : coach.suggestions(option.suggest()).getFirst();
                };
            };
            values.put(option.name(), value);
        }
        return values;
    }
}
