package dev.interviewcoach.daily;

import dev.interviewcoach.chat.Reply;
import dev.interviewcoach.chat.RichText;
import dev.interviewcoach.question.Question;
import dev.interviewcoach.question.TalkingPoint;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;

/**
 * The reveal of a question of the day: a strong example answer and a recap of how the channel
 * did: how many answered, the points most often made and most often missed. No names and no
 * scores: the channel sees participation, not judgement.
 */
public final class DailyRecap {

    private final Jdbi jdbi;

    public DailyRecap(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public Reply recap(String subscriptionId, LocalDate date, Question question) {
        List<String[]> rows = jdbi.withHandle(h -> h.createQuery("""
                        SELECT covered, missed FROM daily_answer WHERE subscription_id = :sub AND local_date = :date
                        """)
                .bind("sub", subscriptionId).bind("date", date.toString())
                .map((rs, ctx) -> new String[] {rs.getString("covered"), rs.getString("missed")}).list());
        Map<String, Integer> made = new HashMap<>();
        Map<String, Integer> missed = new HashMap<>();
        for (String[] row : rows) {
            count(made, row[0]);
            count(missed, row[1]);
        }
        Reply.Builder reply = Reply.builder("Yesterday's question: the example answer and how the channel did")
                .heading("The reveal")
                .text(RichText.builder().bold(question.text()).build())
                .text(RichText.builder().bold("A strong answer: ").plain(question.exampleAnswer()).build());
        if (rows.isEmpty()) {
            reply.text("Nobody answered this one. Today's is a fresh chance.");
            return reply.build();
        }
        reply.text(rows.size() == 1 ? "1 person answered." : rows.size() + " people answered.");
        top(question, made).ifPresentText(reply, "Most often made: ");
        top(question, missed).ifPresentText(reply, "Most often missed: ");
        return reply.build();
    }

    private static void count(Map<String, Integer> counts, String csv) {
        if (csv == null || csv.isBlank()) {
            return;
        }
        Arrays.stream(csv.split(",")).forEach(id -> counts.merge(id, 1, Integer::sum));
    }

    /** The talking point counted most often, if any. */
    private static Top top(Question question, Map<String, Integer> counts) {
        return new Top(counts.entrySet().stream()
                .max(Map.Entry.<String, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder())))
                .flatMap(e -> question.talkingPoints().stream().filter(p -> p.id().equals(e.getKey())).findFirst())
                .map(TalkingPoint::point).orElse(null));
    }

    private record Top(String point) {
        void ifPresentText(Reply.Builder reply, String label) {
            if (point != null) {
                reply.text(RichText.builder().bold(label).plain(point).build());
            }
        }
    }
}
