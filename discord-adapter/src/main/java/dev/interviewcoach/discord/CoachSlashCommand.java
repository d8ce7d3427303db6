package dev.interviewcoach.discord;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandGroupData;

/**
 * {@code /coach} as Discord shows it (subcommands, the {@code daily} group, options with choices
 * and autocomplete), and how one use of it reads as the words the engine takes:
 * {@code /coach daily subscribe zone:Europe/Berlin track:sql-and-data} becomes
 * {@code daily subscribe sql-and-data Europe/Berlin}. Values follow the order the options are
 * declared here, whatever order the person filled them in, so the engine always reads the same
 * sentence. Knows nothing about what the words mean.
 */
final class CoachSlashCommand {

    static final String NAME = "coach";
    /** The option whose values are suggested from the tracks as people type. */
    static final String TRACK = "track";
    /** Options the engine reads as one word each: "9 am" or "mon, wed" must not fall apart into two. */
    private static final Set<String> ONE_WORD = Set.of("time", "zone", "days");
    /** Words the engine expects before an option's value, by "group subcommand/option". */
    private static final Map<String, String> PREFIX = Map.of(
            "mock/topic", "on ",
            "daily subscribe/topic", "topic:",
            "daily subscribe/difficulty", "difficulty:");
    /** Option names in declared order, by "group subcommand" (or "subcommand" without a group). */
    private static final Map<String, List<String>> DECLARED = declaredOrder(definition());

    private CoachSlashCommand() {
    }

    /** A fresh definition of {@code /coach}, ready to register. */
    static SlashCommandData definition() {
        return Commands.slash(NAME, "Practise job interviews with feedback")
                .addSubcommands(
                        new SubcommandData("mock", "Start a mock interview").addOptions(
                                track(),
                                new OptionData(OptionType.INTEGER, "questions", "How many questions (1-20)", false)
                                        .setRequiredRange(1, 20),
                                new OptionData(OptionType.STRING, "topic", "Lean on one topic, e.g. caching", false)
                                        .setMaxLength(64)),
                        new SubcommandData("ask", "One question on a topic").addOptions(
                                new OptionData(OptionType.STRING, "topic", "e.g. caching, deadlocks, a conflict", true)),
                        new SubcommandData("tracks", "List the question tracks"),
                        new SubcommandData("review", "Your answers to your latest interview"),
                        new SubcommandData("stats", "Your practice so far: answers, scores, streaks"),
                        new SubcommandData("mute", "Stop the coach messaging you unasked"),
                        new SubcommandData("unmute", "Let the coach message you again"),
                        new SubcommandData("remind", "A nudge when you have not practised today").addOptions(
                                onOff(true, "Remind me or not")),
                        new SubcommandData("forget-me", "Delete everything the coach keeps about you"),
                        new SubcommandData("export", "Get a file with everything the coach keeps about you"),
                        new SubcommandData("help", "What the coach can do"))
                .addSubcommandGroups(new SubcommandGroupData("daily", "A question of the day for this channel")
                        .addSubcommands(
                                new SubcommandData("subscribe", "Post a question here on a schedule").addOptions(
                                        track(),
                                        new OptionData(OptionType.STRING, "time", "Local time, HH:MM (default 09:00)", false)
                                                .setMaxLength(8),
                                        new OptionData(OptionType.STRING, "zone", "Time zone, e.g. Europe/Berlin (default UTC)",
                                                false).setMaxLength(64),
                                        new OptionData(OptionType.STRING, "days", "weekdays, daily, or e.g. mon,wed,fri",
                                                false).setMaxLength(64),
                                        new OptionData(OptionType.STRING, "mode", "How people answer", false)
                                                .addChoice("open: answers in the thread", "open")
                                                .addChoice("sealed: answers private until the reveal", "sealed"),
                                        new OptionData(OptionType.STRING, "topic", "Only questions on this topic", false)
                                                .setMaxLength(64),
                                        new OptionData(OptionType.INTEGER, "difficulty", "Up to this difficulty", false)
                                                .addChoice("1: warm-up", 1).addChoice("2: core", 2)
                                                .addChoice("3: senior", 3)),
                                new SubcommandData("unsubscribe", "Stop the question of the day here"),
                                new SubcommandData("status", "This channel's schedule and next question"),
                                new SubcommandData("now", "Post today's question now"),
                                new SubcommandData("reveal", "Show the example answer and recap now"),
                                new SubcommandData("leaderboard", "Show the leaderboard, or turn it on or off").addOptions(
                                        onOff(false, "Turn it on or off; leave empty to show it"))));
    }

    private static OptionData track() {
        return new OptionData(OptionType.STRING, TRACK, "Question track, e.g. python-developer", false, true);
    }

    private static OptionData onOff(boolean required, String description) {
        return new OptionData(OptionType.STRING, "state", description, required)
                .addChoice("on", "on")
                .addChoice("off", "off");
    }

    /**
     * The words for one use of the command. {@code given} holds option values by name as Discord
     * sent them; blank values are left out, and a value the definition does not know (a command
     * registered by an older version) comes last rather than being lost.
     */
    static String words(String group, String subcommand, Map<String, String> given) {
        if (subcommand == null) {
            return "help";
        }
        StringBuilder text = new StringBuilder();
        if (group != null) {
            text.append(group).append(' ');
        }
        text.append(subcommand);
        Map<String, String> left = new LinkedHashMap<>(given);
        List<String> order = new ArrayList<>(DECLARED.getOrDefault(key(group, subcommand), List.of()));
        order.addAll(left.keySet().stream().filter(name -> !order.contains(name)).toList());
        for (String name : order) {
            String value = left.remove(name);
            if (value == null || value.isBlank()) {
                continue;
            }
            String prefix = PREFIX.get(key(group, subcommand) + "/" + name);
            String word = ONE_WORD.contains(name) ? value.replaceAll("\\s+", "")
                    : prefix != null && prefix.endsWith(":") ? value.strip().replaceAll("\\s+", "-") : value.strip();
            text.append(' ').append(prefix == null ? "" : prefix).append(word);
        }
        return text.toString();
    }

    private static Map<String, List<String>> declaredOrder(SlashCommandData command) {
        Map<String, List<String>> order = new LinkedHashMap<>();
        for (SubcommandData sub : command.getSubcommands()) {
            order.put(key(null, sub.getName()), sub.getOptions().stream().map(OptionData::getName).toList());
        }
        for (SubcommandGroupData group : command.getSubcommandGroups()) {
            for (SubcommandData sub : group.getSubcommands()) {
                order.put(key(group.getName(), sub.getName()), sub.getOptions().stream().map(OptionData::getName).toList());
            }
        }
        return Map.copyOf(order);
    }

    private static String key(String group, String subcommand) {
        return group == null ? subcommand : group + " " + subcommand;
    }
}
