package dev.interviewcoach.progress;

import dev.interviewcoach.chat.ChatPort;
import dev.interviewcoach.chat.Inbound;
import dev.interviewcoach.chat.Reply;
import dev.interviewcoach.command.CommandInput;
import dev.interviewcoach.command.CommandSpec;
import dev.interviewcoach.command.OptionSpec;
import dev.interviewcoach.daily.ScheduleInput;
import dev.interviewcoach.engine.CommandHandler;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code mute}, {@code unmute} and {@code remind on|off}: whether the bot may reach a person
 * unasked. Muted means no reminders and no direct messages they did not ask for; feedback on
 * their own answers still comes, as it is the reply to what they did. {@code zone} sets the time zone
 * their days are counted in (streaks, reminders), which Discord cannot tell the coach.
 */
public final class PreferencesCommand implements CommandHandler {

    private final PersonRepository people;

    public PreferencesCommand(PersonRepository people) {
        this.people = people;
    }

    @Override
    public List<CommandSpec> commands() {
        return List.of(
                CommandSpec.of("remind", "a reminder on evenings your streak would end",
                        OptionSpec.choice("state", "Remind me or not", OptionSpec.of("on", "on"), OptionSpec.of("off", "off"))
                                .mandatory(),
                        OptionSpec.word("zone", "Your time zone, e.g. Europe/Berlin (default: yours as the coach knows it)")
                                .shaped(ScheduleInput.ZONE_SHAPE)),
                CommandSpec.of("zone", "the time zone your days, streaks and reminders are counted in",
                        OptionSpec.text("zone", "Your time zone, e.g. Europe/Berlin; alone, shows the one in use"))
                        .alsoCalled("timezone"),
                CommandSpec.of("mute", "no reminders and no messages you did not ask for"),
                CommandSpec.of("unmute", "let the coach message you again"));
    }

    @Override
    public void handle(Inbound.Command command, CommandInput input, ChatPort port) {
        String word = input.command();
        PersonRepository.Person p = people.get(command.user());
        Optional<ZoneId> zone = p.zone().or(() -> people.zone(command.user())).or(() -> port.zoneOf(command.user()));
        Optional<String> typedZone = input.value("zone");
        if (typedZone.isPresent()) {
            try {
                zone = Optional.of(ScheduleInput.zone(typedZone.get()));
            } catch (ScheduleInput.Invalid e) {
                port.post(command.place(), Reply.text(e.getMessage()).onlyTo(command.user()));
                return;
            }
        }
        Reply reply;
        switch (word) {
            case "zone" -> reply = zone(p, typedZone.isPresent() ? zone : Optional.empty(), port);
            case "mute" -> {
                people.setMutedEverywhere(p.user(), true);
                people.save(new PersonRepository.Person(p.user(), true, p.remind(), zone, p.remindedOn()));
                reply = Reply.text("Muted: no reminders and no messages you did not ask for. Feedback on your own"
                        + " answers still comes. Undo with: unmute");
            }
            case "unmute" -> {
                people.setMutedEverywhere(p.user(), false);
                people.save(new PersonRepository.Person(p.user(), false, p.remind(), zone, p.remindedOn()));
                reply = Reply.text("Unmuted." + (p.remind() ? " Streak reminders are on." : " Streak reminders are off;"
                        + " turn them on with: remind on"));
            }
            default -> {
                String state = input.value("state").orElse("").toLowerCase(Locale.ROOT);
                if (!state.equals("on") && !state.equals("off")) {
                    reply = Reply.text("Say remind on, or remind off. Reminders are " + (p.remind() ? "on" : "off") + ".");
                } else {
                    boolean on = state.equals("on");
                    people.save(new PersonRepository.Person(p.user(), p.muted(), on, zone, p.remindedOn()));
                    if (typedZone.isPresent()) {
                        people.setZoneEverywhere(p.user(), zone.orElseThrow());
                    }
                    reply = Reply.text(on ? "On evenings when your daily streak would end (after "
                            + Reminders.EVENING + " in " + zone.map(Object::toString).orElse("UTC")
                            + "), I'll send you one reminder by direct message." + (p.muted()
                            ? " You are muted, so none will come until you unmute." : "")
                            : "Streak reminders are off.");
                }
            }
        }
        port.post(command.place(), reply.onlyTo(command.user()));
    }

    /** {@code zone Europe/Berlin} sets it; {@code zone} alone says which one is in use and where it comes from. */
    private Reply zone(PersonRepository.Person p, Optional<ZoneId> typed, ChatPort port) {
        if (typed.isPresent()) {
            people.save(new PersonRepository.Person(p.user(), p.muted(), p.remind(), typed, p.remindedOn()));
            people.setZoneEverywhere(p.user(), typed.get());
            return Reply.text("Your days are counted in " + typed.get().getId() + " from now on: streaks, stats and"
                    + (p.remind() ? " your streak reminder (after " + Reminders.EVENING + ")." : " reminders (remind on)."));
        }
        Optional<ZoneId> chosen = people.zone(p.user());
        if (chosen.isPresent()) {
            // Kept when they set it, or taken from the profile when they turned reminders on: either way, theirs.
            return Reply.text("Your days are counted in " + chosen.get().getId() + ". Change it with:"
                    + " zone Europe/Berlin (any IANA name, or UTC).");
        }
        Optional<ZoneId> profile = port.zoneOf(p.user());
        String from = switch (p.user().platform()) {
            case SLACK -> "from your Slack profile";
            case CONSOLE -> "this computer's zone";
            case DISCORD -> "as Discord reports it";
        };
        return profile.map(z -> Reply.text("Your days are counted in " + z.getId() + ", " + from + ". Set another"
                        + " with: zone Europe/Berlin (any IANA name, or UTC)."))
                .orElseGet(() -> Reply.text("Your days are counted in UTC, since I don't know your time zone. Set it with:"
                        + " zone Europe/Berlin (any IANA name), so streaks and reminders follow your own days."));
    }
}
