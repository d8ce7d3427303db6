package dev.interviewcoach.progress;

import dev.interviewcoach.chat.ChatPort;
import dev.interviewcoach.chat.Inbound;
import dev.interviewcoach.chat.Reply;
import dev.interviewcoach.command.CommandInput;
import dev.interviewcoach.command.CommandSpec;
import dev.interviewcoach.command.OptionSpec;
import dev.interviewcoach.engine.CommandHandler;
import java.util.List;
import java.util.Locale;

/**
 * {@code mute}, {@code unmute} and {@code remind on|off}: whether the bot may reach a person
 * unasked. Muted means no reminders and no direct messages they did not ask for; feedback on
 * their own answers still comes, as it is the reply to what they did.
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
                                .mandatory()),
                CommandSpec.of("mute", "no reminders and no messages you did not ask for"),
                CommandSpec.of("unmute", "let the coach message you again"));
    }

    @Override
    public void handle(Inbound.Command command, CommandInput input, ChatPort port) {
        String word = input.command();
        PersonRepository.Person p = people.get(command.user());
        var zone = p.zone().or(() -> port.zoneOf(command.user()));
        Reply reply;
        switch (word) {
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
}
