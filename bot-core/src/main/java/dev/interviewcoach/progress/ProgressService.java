package dev.interviewcoach.progress;

import dev.interviewcoach.chat.UserRef;
import dev.interviewcoach.daily.DailyAnswerRepository;
import dev.interviewcoach.interview.AnswerRecord;
import dev.interviewcoach.interview.MockInterviewFeature;
import dev.interviewcoach.interview.MockSession;
import dev.interviewcoach.interview.SessionRepository;
import dev.interviewcoach.pair.PairingRepository;
import dev.interviewcoach.question.BankCatalog;
import dev.interviewcoach.question.Question;
import dev.interviewcoach.store.SamePerson;
import dev.interviewcoach.store.ScoreTally;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A person's record across features: the scored answers behind {@link Progress}, and the topic
 * weights that make mock interviews come back to weak topics.
 *
 * <p>The spaced-repetition rule: a topic whose mean score is under 3 weighs 3 (drawn about three
 * times as often as others), a topic last practised more than 14 days ago weighs 2 (due for
 * review), every other topic weighs 1.
 */
public final class ProgressService implements MockInterviewFeature.TopicWeights {

    static final double WEAK_WEIGHT = 3.0;
    static final double DUE_WEIGHT = 2.0;
    static final Duration DUE_AFTER = Duration.ofDays(14);

    private final SessionRepository sessions;
    private final DailyAnswerRepository daily;
    private final PersonRepository people;
    private final BankCatalog banks;
    private final PairingRepository pairings;
    private final SamePerson samePerson;
    private final Clock clock;

    public ProgressService(SessionRepository sessions, DailyAnswerRepository daily, PairingRepository pairings,
                           PersonRepository people, SamePerson samePerson, BankCatalog banks, Clock clock) {
        this.pairings = pairings;
        this.samePerson = samePerson;
        this.sessions = sessions;
        this.daily = daily;
        this.people = people;
        this.banks = banks;
        this.clock = clock;
    }

    /**
     * Every scored answer of a person, from interviews, questions of the day and peer mock interviews,
     * wherever they practised: on Discord, in every server and in direct messages. A question answered
     * with a peer counts with the coach's score of the typed answer, else (answered out loud) with the
     * partner's.
     */
    public List<Progress.Scored> scored(UserRef person) {
        List<Progress.Scored> all = new ArrayList<>();
        for (UserRef user : samePerson.withAnswers(person)) {
            scoredIn(user, all);
        }
        return all;
    }

    private void scoredIn(UserRef user, List<Progress.Scored> all) {
        Map<String, List<AnswerRecord>> answersBySession = sessions.answersOf(user);
        for (MockSession s : sessions.recentFor(user, Integer.MAX_VALUE)) {
            for (AnswerRecord a : answersBySession.getOrDefault(s.id(), List.of())) {
                if (a.outcome() == AnswerRecord.Outcome.ANSWERED && a.score() != null) {
                    all.add(new Progress.Scored(a.at(), s.track(), topicOf(a.questionId(), s.track()), a.score()));
                }
            }
        }
        for (DailyAnswerRepository.Answer a : daily.byUser(user)) {
            String track = banks.current().question(a.questionId()).map(Question::track).orElse("daily");
            all.add(new Progress.Scored(a.answeredAt(), track, topicOf(a.questionId(), track), a.score()));
        }
        for (PairingRepository.AnsweredWithPeer a : pairings.answeredWithPeers(user)) {
            String track = banks.current().question(a.questionId()).map(Question::track).orElse("peer");
            all.add(new Progress.Scored(a.scoredAt(), track, topicOf(a.questionId(), track),
                    a.coachScore().orElse(a.peerScore())));
        }
    }

    /** The questions a person answered in peer mock interviews and had scored by their partner, anywhere. */
    public List<PairingRepository.AnsweredWithPeer> answeredWithPeers(UserRef person) {
        List<PairingRepository.AnsweredWithPeer> all = new ArrayList<>();
        for (UserRef user : samePerson.withAnswers(person)) {
            all.addAll(pairings.answeredWithPeers(user));
        }
        return all;
    }

    /**
     * The zone a person's days are counted in: the one they set (on Discord, in any server or the DMs),
     * else the platform's, else UTC.
     */
    public ZoneId zoneOf(UserRef user, Optional<ZoneId> fromPlatform) {
        return people.zone(user).or(() -> fromPlatform).orElse(ZoneId.of("UTC"));
    }

    /** Whether the person's zone is known (set by them, or the platform's) rather than UTC for want of one. */
    public boolean knowsZoneOf(UserRef user, Optional<ZoneId> fromPlatform) {
        return people.zone(user).or(() -> fromPlatform).isPresent();
    }

    public Progress progress(UserRef user, ZoneId zone) {
        return Progress.of(scored(user), zone, clock.instant().atZone(zone).toLocalDate());
    }

    /**
     * The topic weights, from per-question sums the database makes (the same means and latest
     * answers as {@link #progress}, without reading every answer's text and feedback): an
     * interview's start costs as much after a thousand answers as after ten.
     */
    @Override
    public Map<String, Double> forUser(UserRef person) {
        Map<String, TopicTally> byTopic = new HashMap<>();
        for (UserRef user : samePerson.withAnswers(person)) {
            for (ScoreTally t : sessions.scoreTallies(user)) {
                byTopic.computeIfAbsent(topicOf(t.questionId(), t.track()), k -> new TopicTally())
                        .add(t.answers(), t.scoreSum(), t.latest());
            }
            for (ScoreTally t : daily.scoreTallies(user)) {
                String track = banks.current().question(t.questionId()).map(Question::track).orElse("daily");
                byTopic.computeIfAbsent(topicOf(t.questionId(), track), k -> new TopicTally())
                        .add(t.answers(), t.scoreSum(), t.latest());
            }
            for (PairingRepository.AnsweredWithPeer a : pairings.answeredWithPeers(user)) {
                String track = banks.current().question(a.questionId()).map(Question::track).orElse("peer");
                byTopic.computeIfAbsent(topicOf(a.questionId(), track), k -> new TopicTally())
                        .add(1, a.coachScore().orElse(a.peerScore()), a.scoredAt());
            }
        }
        Map<String, Double> weights = new HashMap<>();
        byTopic.forEach((topic, t) -> {
            if ((double) t.scoreSum / t.answers < Progress.WEAK_BELOW) {
                weights.put(topic, WEAK_WEIGHT);
            } else if (t.latest.plus(DUE_AFTER).isBefore(clock.instant())) {
                weights.put(topic, DUE_WEIGHT);
            }
        });
        return weights;
    }

    /** Scored answers on one topic, summed. */
    private static final class TopicTally {
        int answers;
        long scoreSum;
        Instant latest = Instant.MIN;

        void add(int count, long sum, Instant at) {
            answers += count;
            scoreSum += sum;
            if (at.isAfter(latest)) {
                latest = at;
            }
        }
    }

    private String topicOf(String questionId, String fallback) {
        return banks.current().question(questionId).map(ProgressService::topic).orElse(fallback);
    }

    static String topic(Question q) {
        return q.topics().isEmpty() ? q.kind().word() : q.topics().getFirst();
    }
}
