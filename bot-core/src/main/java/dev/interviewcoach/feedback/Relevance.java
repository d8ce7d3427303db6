package dev.interviewcoach.feedback;

import dev.interviewcoach.text.TextAnalyzer;
import dev.interviewcoach.question.Bank;
import dev.interviewcoach.question.Question;
import dev.interviewcoach.question.QuestionKind;
import dev.interviewcoach.question.QuestionBanks;
import dev.interviewcoach.question.TalkingPoint;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Whether an answer is about the question asked. Every question has a vocabulary (its text,
 * talking points, guidance and example answer); an answer's relevance to a question is the share
 * of its distinctive words, weighted by how rare they are across all questions, that the
 * question's vocabulary holds. An answer that fits another question much better than the one
 * asked, or fits none, is off-topic.
 */
public final class Relevance {

    /** How an answer relates to the question asked and to the best other question. */
    public record Result(double share, double bestOtherShare, String bestOtherId, QuestionKind bestOtherKind,
                         boolean offTopic) {

        /**
         * Whether a story was asked for and the answer fits another story question better: a story
         * about mentoring may well be someone's proudest achievement, so it is not plainly off-topic.
         */
        public boolean storyForAnotherStory(Question asked) {
            return isStory(asked.kind()) && bestOtherKind != null && isStory(bestOtherKind);
        }

        /** The same reading, with the answer taken as about the question asked after all. */
        public Result aboutTheQuestion() {
            return new Result(share, bestOtherShare, bestOtherId, bestOtherKind, false);
        }

        private static boolean isStory(QuestionKind kind) {
            return kind != QuestionKind.TECHNICAL;
        }
    }

    private final Map<String, Double> idf = new HashMap<>();
    /** For each stem, the indexes of the questions whose vocabulary holds it. */
    private final Map<String, int[]> postings = new HashMap<>();
    private final Map<String, Integer> indexOf = new HashMap<>();
    private final List<Question> questions;
    private final double unknownIdf;

    public Relevance(QuestionBanks banks, TextAnalyzer analyzer) {
        this.questions = banks.tracks().stream().map(Bank::questions).flatMap(List::stream).toList();
        Map<String, List<Integer>> holders = new HashMap<>();
        for (int i = 0; i < questions.size(); i++) {
            Question q = questions.get(i);
            indexOf.put(key(q), i);
            for (String stem : new HashSet<>(analyzer.stems(vocabularyText(q)))) {
                holders.computeIfAbsent(stem, k -> new ArrayList<>()).add(i);
            }
        }
        int n = Math.max(1, questions.size());
        holders.forEach((stem, list) -> {
            idf.put(stem, Math.log((double) (n + 1) / list.size()));
            postings.put(stem, list.stream().mapToInt(Integer::intValue).toArray());
        });
        this.unknownIdf = Math.log(n + 1.0);
    }

    private static String key(Question q) {
        return q.track() + "/" + q.id();
    }

    private static String vocabularyText(Question q) {
        StringBuilder text = new StringBuilder(q.text()).append(' ').append(q.guidance()).append(' ')
                .append(q.exampleAnswer()).append(' ').append(String.join(" ", q.topics()).replace('-', ' '));
        for (TalkingPoint p : q.talkingPoints()) {
            text.append(' ').append(p.point()).append(' ').append(String.join(" ", p.shownBy()));
        }
        q.hints().forEach(h -> text.append(' ').append(h));
        return text.toString();
    }

    public Result assess(Question asked, AnalyzedText answer, double coverage) {
        Set<String> distinct = new LinkedHashSet<>();
        for (String stem : answer.stems()) {
            if (!stem.chars().allMatch(Character::isDigit)) {
                distinct.add(stem);
            }
        }
        // One pass over the answer's words fills every question's share at once.
        double total = 0;
        double[] inside = new double[questions.size()];
        for (String stem : distinct) {
            double weight = idf.getOrDefault(stem, unknownIdf);
            total += weight;
            int[] holders = postings.get(stem);
            if (holders != null) {
                for (int i : holders) {
                    inside[i] += weight;
                }
            }
        }
        Integer askedIndex = indexOf.get(key(asked));
        double share = total == 0 || askedIndex == null ? 0 : inside[askedIndex] / total;
        double best = 0;
        String bestId = null;
        QuestionKind bestKind = null;
        for (int i = 0; i < questions.size(); i++) {
            if (askedIndex != null && i == askedIndex) {
                continue;
            }
            double s = total == 0 ? 0 : inside[i] / total;
            if (s > best) {
                best = s;
                bestId = questions.get(i).id();
                bestKind = questions.get(i).kind();
            }
        }
        boolean offTopic = distinct.isEmpty()
                || (coverage < 0.34 && share < 0.25)
                || (coverage < 0.5 && best > share * 1.25 && best - share > 0.08);
        return new Result(share, best, bestId, bestKind, offTopic);
    }
}
