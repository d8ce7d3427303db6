package dev.interviewcoach.feedback;

import dev.interviewcoach.feedback.meaning.CachedEmbedder;
import dev.interviewcoach.feedback.meaning.SentenceEmbedder;
import dev.interviewcoach.question.Bank;
import dev.interviewcoach.question.Question;
import dev.interviewcoach.question.QuestionBanks;
import dev.interviewcoach.question.TalkingPoint;
import java.util.ArrayList;
import java.util.List;

/**
 * Which questions an answer is about by meaning: each question of the banks is placed by the mean of its text,
 * its example answer's sentences and its talking points, and an answer by the mean of its pieces. Words alone
 * call an answer that says the right things in other words off-topic; this says how many questions it is
 * nearer to than the one asked.
 */
final class TopicByMeaning {

    private final List<Question> questions;
    private final List<float[]> places;

    /** Places every question of the banks; the vectors come from the cache where it has them. */
    TopicByMeaning(QuestionBanks banks, CachedEmbedder embedder) {
        this.questions = banks.tracks().stream().map(Bank::questions).flatMap(List::stream).toList();
        List<String> texts = new ArrayList<>();
        List<Integer> counts = new ArrayList<>();
        for (Question q : questions) {
            List<String> own = textsOf(q);
            texts.addAll(own);
            counts.add(own.size());
        }
        List<float[]> vectors = texts.isEmpty() ? List.of() : embedder.embedKnown(texts);
        List<float[]> placed = new ArrayList<>();
        int at = 0;
        for (int count : counts) {
            placed.add(SentenceEmbedder.mean(vectors.subList(at, at + count)));
            at += count;
        }
        this.places = placed;
    }

    /** The texts whose vectors place the banks' questions, in the order they are placed: for readying them early. */
    static List<String> texts(QuestionBanks banks) {
        return banks.tracks().stream().map(Bank::questions).flatMap(List::stream).flatMap(q -> textsOf(q).stream())
                .toList();
    }

    private static List<String> textsOf(Question q) {
        List<String> own = new ArrayList<>();
        own.add(q.text());
        own.addAll(AnalyzedText.sentences(q.exampleAnswer()));
        q.talkingPoints().stream().map(TalkingPoint::point).forEach(own::add);
        return own;
    }

    /**
     * The asked question's place among all questions by closeness to the answer's gist: 1 when no other question is
     * nearer; 0 when it cannot be told (the question is not in the banks, or the answer had no pieces).
     */
    int rankOf(Question asked, float[] gist) {
        if (gist.length == 0) {
            return 0;
        }
        int index = -1;
        for (int i = 0; i < questions.size(); i++) {
            Question q = questions.get(i);
            if (q.id().equals(asked.id()) && q.track().equals(asked.track())) {
                index = i;
                break;
            }
        }
        if (index < 0 || places.get(index).length != gist.length) {
            return 0;
        }
        double own = SentenceEmbedder.similarity(places.get(index), gist);
        int rank = 1;
        for (int i = 0; i < questions.size(); i++) {
            if (i != index && places.get(i).length == gist.length && SentenceEmbedder.similarity(places.get(i), gist) > own) {
                rank++;
            }
        }
        return rank;
    }
}
