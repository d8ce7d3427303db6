package dev.interviewcoach.interview;

import dev.interviewcoach.chat.ActionId;
import dev.interviewcoach.chat.Block;
import dev.interviewcoach.chat.ChatPort;
import dev.interviewcoach.chat.Inbound;
import dev.interviewcoach.chat.Reply;
import dev.interviewcoach.chat.RichText;
import dev.interviewcoach.engine.HomeHandler;
import dev.interviewcoach.question.Bank;
import dev.interviewcoach.question.BankCatalog;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import dev.interviewcoach.chat.UserRef;
import java.util.function.BiFunction;

/** A person's home page: a start button, the interview in progress, recent sessions and scores. */
public final class InterviewHome implements HomeHandler {

    private static final int RECENT = 5;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MMM d", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private final SessionRepository sessions;
    private final BankCatalog banks;
    private final BiFunction<UserRef, ChatPort, Reply> progress;

    public InterviewHome(SessionRepository sessions, BankCatalog banks) {
        this(sessions, banks, (user, port) -> null);
    }

    /** With {@code progress}, the page shows the person's progress under the start button. */
    public InterviewHome(SessionRepository sessions, BankCatalog banks,
                         BiFunction<UserRef, ChatPort, Reply> progress) {
        this.sessions = sessions;
        this.banks = banks;
        this.progress = progress;
    }

    @Override
    public void onHomeOpened(Inbound.HomeOpened opened, ChatPort port) {
        port.publishHome(opened.user(), page(opened, port));
    }

    Reply page(Inbound.HomeOpened opened, ChatPort port) {
        Reply.Builder page = Reply.builder("Interview Coach")
                .heading("Interview Coach")
                .text("Practise interview questions and get feedback on every answer. Start a mock interview here,"
                        + " or type /coach mock [track] [questions] in any channel.")
                .block(new Block.Buttons(List.of(new Block.Button("Start a mock interview",
                        new ActionId(InterviewReplies.FEATURE, "start", "home", 0), Block.Style.PRIMARY, "mock"))));
        Reply stats = port == null ? null : progress.apply(opened.user(), port);
        if (stats != null) {
            page.divider();
            stats.blocks().forEach(page::block);
        }
        List<MockSession> recent = sessions.recentFor(opened.user(), RECENT);
        recent.stream().filter(MockSession::active).findFirst().ifPresent(s -> page.text(RichText.builder()
                .bold("In progress: ").plain(s.track() + ", question " + (s.position() + 1) + " of " + s.total()
                        + ". Answer where it started, or type end there.").build()));
        page.divider().heading("Recent interviews");
        if (recent.isEmpty()) {
            page.text("None yet. Your first one takes about ten minutes.");
        } else {
            RichText.Builder lines = RichText.builder();
            for (int i = 0; i < recent.size(); i++) {
                MockSession s = recent.get(i);
                List<AnswerRecord> answers = sessions.answers(s.id());
                long answered = answers.stream().filter(a -> a.outcome() == AnswerRecord.Outcome.ANSWERED).count();
                OptionalDouble average = answers.stream().filter(a -> a.score() != null).mapToInt(AnswerRecord::score).average();
                if (i > 0) {
                    lines.lineBreak();
                }
                lines.bold(DAY.format(s.startedAt())).plain("  " + s.track() + "  ")
                        .plain(answered + " of " + s.total() + " answered")
                        .plain(average.isPresent() ? String.format(Locale.ROOT, ", average %.1f/5", average.getAsDouble()) : "")
                        .plain(s.active() ? " (in progress)" : "");
            }
            page.text(lines.build());
        }
        List<RichText> tracks = new ArrayList<>();
        for (Bank bank : banks.current().tracks()) {
            tracks.add(RichText.builder().code(bank.track()).plain("  " + bank.title() + ", " + bank.questions().size()
                    + " questions").build());
        }
        page.divider().heading("Tracks").text(new RichText(List.of(new RichText.Bullets(tracks))));
        return page.build();
    }
}
