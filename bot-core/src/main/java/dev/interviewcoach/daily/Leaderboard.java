package dev.interviewcoach.daily;

import dev.interviewcoach.chat.Reply;
import dev.interviewcoach.chat.RichText;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A channel's participation leaderboard: questions of the day answered this month, never scores.
 * It starts again every month (in the channel's zone) so late joiners can catch up.
 */
public final class Leaderboard {

    private static final int SHOWN = 10;

    private final DailyAnswerRepository answers;

    public Leaderboard(DailyAnswerRepository answers) {
        this.answers = answers;
    }

    public Reply board(Subscription s, Instant now) {
        LocalDate today = now.atZone(s.times().zone()).toLocalDate();
        LocalDate first = today.withDayOfMonth(1);
        List<DailyAnswerRepository.Count> counts = answers.countsBetween(s.id(), first, today.withDayOfMonth(today.lengthOfMonth()));
        String month = today.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH);
        Reply.Builder reply = Reply.builder("Questions answered in " + month)
                .text(RichText.builder().bold("Answers this month (" + month + ")").build());
        if (counts.isEmpty()) {
            return reply.text("Nobody yet this month: the board is open.").build();
        }
        List<RichText> rows = new ArrayList<>();
        for (DailyAnswerRepository.Count c : counts.subList(0, Math.min(SHOWN, counts.size()))) {
            rows.add(RichText.builder().mention(c.user()).plain(": " + c.answers()
                    + (c.answers() == 1 ? " answer" : " answers")).build());
        }
        return reply.text(new RichText(List.of(new RichText.Bullets(rows)))).build();
    }
}
