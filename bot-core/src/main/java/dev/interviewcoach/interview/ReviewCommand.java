package dev.interviewcoach.interview;

import dev.interviewcoach.command.CommandInput;
import dev.interviewcoach.command.CommandSpec;
import dev.interviewcoach.chat.ChatPort;
import dev.interviewcoach.chat.Inbound;
import dev.interviewcoach.chat.Reply;
import dev.interviewcoach.engine.CommandHandler;
import java.util.List;

/** {@code review}: a person's answers to their latest interview, quoted back with scores. */
public final class ReviewCommand implements CommandHandler {

    private final SessionRepository sessions;
    private final MockInterviewFeature interviews;

    public ReviewCommand(SessionRepository sessions, MockInterviewFeature interviews) {
        this.sessions = sessions;
        this.interviews = interviews;
    }

    @Override
    public List<CommandSpec> commands() {
        return List.of(CommandSpec.of("review", "your answers to your latest interview, with scores"));
    }

    @Override
    public void handle(Inbound.Command command, CommandInput input, ChatPort port) {
        List<MockSession> recent = sessions.recentFor(command.user(), 1);
        Reply reply = recent.isEmpty()
                ? Reply.text("You have no interviews yet. Start one with: mock")
                : interviews.review(recent.getFirst());
        port.post(command.place(), reply.onlyTo(command.user()));
    }
}
