package dev.interviewcoach.interview;

import dev.interviewcoach.command.CommandInput;
import dev.interviewcoach.command.CommandSpec;
import dev.interviewcoach.chat.ChatPort;
import dev.interviewcoach.chat.Inbound;
import dev.interviewcoach.chat.Reply;
import dev.interviewcoach.chat.RichText;
import dev.interviewcoach.engine.CommandHandler;
import dev.interviewcoach.question.BankCatalog;
import dev.interviewcoach.question.QuestionBanks;
import java.util.List;

/** {@code tracks}: the question tracks a person can practise. */
public final class TracksCommand implements CommandHandler {

    private final BankCatalog banks;

    public TracksCommand(BankCatalog banks) {
        this.banks = banks;
    }

    @Override
    public List<CommandSpec> commands() {
        return List.of(CommandSpec.of("tracks", "list the question tracks"));
    }

    @Override
    public void handle(Inbound.Command command, CommandInput input, ChatPort port) {
        QuestionBanks banks = this.banks.current();
        List<RichText> items = banks.tracks().stream()
                .map(b -> RichText.builder().code(b.track()).plain("  " + b.title() + ", " + b.questions().size()
                        + " questions" + (b.description().isBlank() ? "" : ": " + b.description())).build())
                .toList();
        port.post(command.place(), Reply.builder(banks.tracks().size() + " tracks")
                .heading("Tracks")
                .text(new RichText(List.of(new RichText.Bullets(items))))
                .text("Start one with: mock TRACK [questions]")
                .build().onlyTo(command.user()));
    }
}
