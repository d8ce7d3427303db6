package dev.interviewcoach.progress;

import dev.interviewcoach.chat.ChatPort;
import dev.interviewcoach.chat.Inbound;
import dev.interviewcoach.chat.Reply;
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
    public String name() {
        return "remind";
    }

    @Override
    public List<String> aliases() {
        return List.of("mute", "unmute");
    }

    @Override
    public String usage() {
        return "remind on|off, mute, unmute";
    }

    @Override
    public String summary() {
        return "a reminder on evenings your streak would end; mute stops reminders and unasked messages";
    }

    @Override
    public void handle(Inbound.Command command, List<String> args, ChatPort port) {
        String word = command.text().strip().split("\\s+")[0].toLowerCase(Locale.ROOT);
        PersonRepository.Person p = people.get(command.user());
        var zone = p.zone().or(() -> port.zoneOf(command.user()));
        Reply reply;
        switch (word) {
            case "mute" -> {
                people.save(new PersonRepository.Person(p.user(), true, p.remind(), zone, p.remindedOn()));
                reply = Reply.text("Muted: no reminders and no messages you did not ask for. Feedback on your own"
                        + " answers still comes. Undo with: unmute");
            }
            case "unmute" -> {
                people.save(new PersonRepository.Person(p.user(), false, p.remind(), zone, p.remindedOn()));
                reply = Reply.text("Unmuted." + (p.remind() ? " Streak reminders are on." : " Streak reminders are off;"
                        + " turn them on with: remind on"));
            }
            default -> {
                String state = args.isEmpty() ? "" : args.getFirst().toLowerCase(Locale.ROOT);
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
