package dev.interviewcoach.daily;

import dev.interviewcoach.chat.Reply;
import dev.interviewcoach.chat.RichText;
import dev.interviewcoach.question.Question;
import dev.interviewcoach.question.TalkingPoint;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import dev.interviewcoach.chat.Block;

/**
 * The reveal of a question of the day: a strong example answer and a recap of how the channel
 * did: how many answered, the points most often made and most often missed, and the answers
 * their authors chose to share. No scores, and no names beyond those who shared: the channel
 * sees participation, not judgement.
 */
public final class DailyRecap {

    private final DailyAnswerRepository answers;
    private final Leaderboard leaderboard;

    public DailyRecap(DailyAnswerRepository answers, Leaderboard leaderboard) {
        this.answers = answers;
        this.leaderboard = leaderboard;
    }

    public Reply recap(Subscription s, DailyPostRepository.Post post, Question question, Instant now) {
        List<DailyAnswerRepository.Answer> given = answers.forPost(post.subscriptionId(), post.localDate());
        Map<String, Integer> made = new HashMap<>();
        Map<String, Integer> missed = new HashMap<>();
        for (DailyAnswerRepository.Answer a : given) {
            a.covered().forEach(id -> made.merge(id, 1, Integer::sum));
            a.missed().forEach(id -> missed.merge(id, 1, Integer::sum));
        }
        Reply.Builder reply = Reply.builder("The reveal: the example answer and how the channel did")
                .heading("The reveal")
                .text(RichText.builder().bold(question.text()).build())
                .text(RichText.builder().bold("A strong answer: ").plain(question.exampleAnswer()).build());
        if (given.isEmpty()) {
            reply.text("Nobody answered this one. The next question is a fresh chance.");
        } else {
            reply.text(given.size() == 1 ? "1 person answered." : given.size() + " people answered.");
            top(question, made).ifPresent(p -> reply.text(RichText.builder().bold("Most often made: ").plain(p).build()));
            top(question, missed).ifPresent(p -> reply.text(RichText.builder().bold("Most often missed: ").plain(p).build()));
        }
        // An answer whose words were erased (privacy.keepAnswersDays) before its reveal has nothing left to show.
        List<DailyAnswerRepository.Answer> shared = given.stream().filter(DailyAnswerRepository.Answer::shared)
                .filter(a -> !a.text().isBlank()).toList();
        if (!shared.isEmpty()) {
            reply.divider().text(RichText.builder().bold(shared.size() == 1 ? "Shared answer" : "Shared answers").build());
            for (DailyAnswerRepository.Answer a : shared) {
                reply.text(RichText.builder().mention(a.user()).plain(" shared:").build())
                        .block(new Block.Quote(RichText.of(a.text())));
            }
        }
        if (s.leaderboard()) {
            reply.divider();
            leaderboard.board(s, now).blocks().forEach(reply::block);
        }
        return reply.build();
    }

    /** The talking point counted most often, if any. */
    private static Optional<String> top(Question question, Map<String, Integer> counts) {
        return counts.entrySet().stream()
                .max(Map.Entry.<String, Integer>comparingByValue()
                        .thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder())))
                .flatMap(e -> question.talkingPoints().stream().filter(p -> p.id().equals(e.getKey())).findFirst())
                .map(TalkingPoint::point);
    }
}
