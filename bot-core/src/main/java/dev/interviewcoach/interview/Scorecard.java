package dev.interviewcoach.interview;

import dev.interviewcoach.question.Question;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.HashMap;
import java.util.function.Function;

/** The summary of a finished interview: each question's result, the average, and what to practise. */
public record Scorecard(String track, int total, List<Line> lines, OptionalDouble average, List<String> strongTopics,
                        List<String> practiseTopics, boolean endedEarly) {

    /**
     * One question's line: its score, or skipped, or withdrawn, or (outcome null) not reached when the interview
     * ended early; and the follow-up asked on it, if one was.
     */
    public record Line(int number, Question question, Integer score, AnswerRecord.Outcome outcome,
                       Optional<FollowUpRecord> followUp, Optional<Integer> before) {
        public Line(int number, Question question, Integer score, AnswerRecord.Outcome outcome) {
            this(number, question, score, outcome, Optional.empty(), Optional.empty());
        }
    }

    public Scorecard {
        lines = List.copyOf(lines);
        strongTopics = List.copyOf(strongTopics);
        practiseTopics = List.copyOf(practiseTopics);
    }

    public long answered() {
        return lines.stream().filter(l -> l.outcome() == AnswerRecord.Outcome.ANSWERED).count();
    }

    public long skipped() {
        return lines.stream().filter(l -> l.outcome() == AnswerRecord.Outcome.SKIPPED).count();
    }

    /** Builds the scorecard from the stored answers; questions are looked up for titles and topics. */
    static Scorecard of(MockSession session, List<AnswerRecord> answers, Function<String, Question> lookup) {
        return of(session, answers, List.of(), lookup);
    }

    /** As {@link #of(MockSession, List, Function)}, each question's follow-up shown on its line. */
    static Scorecard of(MockSession session, List<AnswerRecord> answers, List<FollowUpRecord> followUps,
                        Function<String, Question> lookup) {
        return of(session, answers, followUps, lookup, id -> Optional.empty());
    }

    /**
     * As above, with each answered question's score from before this interview ({@code earlier}, by question id),
     * so the person sees what practice changed.
     */
    static Scorecard of(MockSession session, List<AnswerRecord> answers, List<FollowUpRecord> followUps,
                        Function<String, Question> lookup, Function<String, Optional<Integer>> earlier) {
        Map<Integer, FollowUpRecord> followUpAt = new HashMap<>();
        followUps.forEach(f -> followUpAt.put(f.position(), f));
        List<Line> lines = new ArrayList<>();
        Map<String, List<Integer>> topicScores = new LinkedHashMap<>();
        Map<Integer, AnswerRecord> byPosition = new HashMap<>();
        answers.forEach(a -> byPosition.put(a.position(), a));
        for (int position = 0; position < session.total(); position++) {
            AnswerRecord a = byPosition.get(position);
            if (a == null) {
                lines.add(new Line(position + 1, lookup.apply(session.questionIds().get(position)), null, null));
                continue;
            }
            Question q = lookup.apply(a.questionId());
            lines.add(new Line(a.position() + 1, q, a.score(), a.outcome(), Optional.ofNullable(followUpAt.get(a.position())),
                    a.outcome() == AnswerRecord.Outcome.ANSWERED ? earlier.apply(a.questionId()) : Optional.empty()));
            if (a.outcome() == AnswerRecord.Outcome.WITHDRAWN) {
                continue; // taken back by its author: it says nothing about the topics either way
            }
            int value = a.score() == null ? 1 : a.score();
            for (String topic : q.topics()) {
                topicScores.computeIfAbsent(topic, t -> new ArrayList<>()).add(value);
            }
        }
        OptionalDouble average = answers.stream().filter(a -> a.score() != null).mapToInt(AnswerRecord::score).average();
        List<String> strong = new ArrayList<>();
        List<String> practise = new ArrayList<>();
        topicScores.forEach((topic, scores) -> {
            double mean = scores.stream().mapToInt(Integer::intValue).average().orElse(0);
            if (mean >= 4) {
                strong.add(topic);
            } else if (mean <= 2.5) {
                practise.add(topic);
            }
        });
        return new Scorecard(session.track(), session.total(), lines, average, strong.stream().limit(3).toList(),
                practise.stream().limit(3).toList(), session.endedEarly());
    }
}
