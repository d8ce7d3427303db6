package dev.interviewcoach.discord;

import dev.interviewcoach.command.CommandGrammar;
import dev.interviewcoach.command.CommandSpec;
import dev.interviewcoach.command.OptionSpec;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandGroupData;
import java.util.ArrayList;

/**
 * {@code /coach} as Discord shows it, made from the core's command specs: each command a
 * subcommand, each group ({@code daily}) a subcommand group, each option typed, with its choices,
 * range and suggestions. One use of it is read back as the sentence a person would type, through
 * the same grammar, so the engine sees one language whatever the platform.
 */
public final class CoachSlashCommand {

    /** The command's name on Discord. */
    public static final String NAME = "coach";
    /** Discord's longest description. */
    private static final int DESCRIPTION = 100;

    private CoachSlashCommand() {
    }

    /** A fresh definition of {@code /coach} for these commands, ready to register. */
    public static SlashCommandData definition(CommandGrammar grammar) {
        SlashCommandData coach = Commands.slash(NAME, "Practise job interviews with feedback");
        for (CommandSpec spec : grammar.commands()) {
            if (spec.isGroup()) {
                coach.addSubcommandGroups(new SubcommandGroupData(spec.name(), described(spec.summary()))
                        .addSubcommands(spec.subcommands().stream().map(CoachSlashCommand::subcommand).toList()));
            } else {
                coach.addSubcommands(subcommand(spec));
            }
        }
        coach.addSubcommands(new SubcommandData("help", "What the coach can do"));
        return coach;
    }

    private static SubcommandData subcommand(CommandSpec spec) {
        // Discord wants required options first; the sentence keeps the spec's own order.
        return new SubcommandData(spec.name(), described(spec.summary())).addOptions(spec.options().stream()
                .filter(OptionSpec::inForms)
                .sorted(Comparator.comparing(o -> !o.required()))
                .map(CoachSlashCommand::option).toList());
    }

    private static OptionData option(OptionSpec spec) {
        boolean suggested = spec.suggest() != OptionSpec.Suggest.NONE && spec.kind() != OptionSpec.Kind.CHOICE;
        OptionType type = spec.kind() == OptionSpec.Kind.NUMBER ? OptionType.INTEGER : OptionType.STRING;
        OptionData option = new OptionData(type, spec.name(), described(spec.description()), spec.required(), suggested);
        switch (spec.kind()) {
            case NUMBER -> option.setRequiredRange(spec.min(), spec.max());
            case CHOICE -> spec.choices().forEach(c -> option.addChoice(c.label(), c.value()));
            case WORD, TEXT -> option.setMaxLength(spec.maxLength());
        }
        return option;
    }

    private static String described(String text) {
        String capital = text.isEmpty() ? text : text.substring(0, 1).toUpperCase(Locale.ROOT) + text.substring(1);
        return capital.length() <= DESCRIPTION ? capital : capital.substring(0, DESCRIPTION - 3) + "...";
    }

    /** The option a form field is, for its suggestions. */
    static Optional<OptionSpec> option(CommandGrammar grammar, String group, String subcommand, String name) {
        return subcommand == null ? Optional.empty()
                : grammar.find(group, subcommand).flatMap(spec -> spec.option(name));
    }

    /** One use of {@code /coach} as the words a person would type; {@code given} holds values by option name. */
    static String words(CommandGrammar grammar, String group, String subcommand, Map<String, String> given) {
        return grammar.sentence(group, subcommand, given);
    }

    /** Every subcommand's full words ({@code mock}, {@code daily subscribe}), for checks that each is reachable. */
    public static List<String> paths(SlashCommandData coach) {
        List<String> paths = new ArrayList<>(coach.getSubcommands().stream().map(SubcommandData::getName).toList());
        coach.getSubcommandGroups().forEach(g -> g.getSubcommands().forEach(s -> paths.add(g.getName() + " " + s.getName())));
        return paths;
    }
}
