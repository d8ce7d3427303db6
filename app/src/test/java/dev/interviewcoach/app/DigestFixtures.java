package dev.interviewcoach.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interviewcoach.chat.Place;
import dev.interviewcoach.chat.UserRef;
import dev.interviewcoach.daily.DailyAnswerRepository;
import dev.interviewcoach.question.Question;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * Eight weeks of scored answers to a channel's questions of the day, written through the coach's own
 * repository into its SQLite file, so a digest has something to sum up; and what a chart must be.
 */
public final class DigestFixtures {

    private DigestFixtures() {
    }

    /**
     * Answers for the subscription of {@code channel}: in each of the 7 weeks before {@code now},
     * {@code regular} answers once (scores rising from 2 to 4); in the week up to {@code now}, the
     * first of {@code thisWeek} answers two questions, the others one. Returns the topics answered this
     * week, in order. Every answer is on a different question, so topics differ.
     */
    public static List<String> seed(Coach coach, Place channel, List<String> regular, List<String> thisWeek, Instant now) {
        String subscription = coach.subscriptions().find(channel).orElseThrow().id();
        DailyAnswerRepository answers = new DailyAnswerRepository(coach.database().jdbi());
        List<Question> questions = coach.banks().track("python-developer").orElseThrow().questions().stream()
                .filter(q -> !q.topics().isEmpty()).toList();
        ZoneId zone = ZoneId.of("UTC");
        int n = 0;
        for (int week = 7; week >= 1; week--) {
            for (String person : regular) {
                Instant at = now.minus(Duration.ofDays(7L * week + 2)).plus(Duration.ofMinutes(n));
                answers.add(answer(subscription, channel, person, questions.get(n % questions.size()), 2 + (7 - week) / 3,
                        at, zone));
                n++;
            }
        }
        List<String> topics = new ArrayList<>();
        int[] scores = {2, 3, 4, 1, 5};
        for (int i = 0; i < thisWeek.size(); i++) {
            for (int k = 0; k < (i == 0 ? 2 : 1); k++) {
                Question q = questions.get((7 + i * 2 + k) % questions.size());
                Instant at = now.minus(Duration.ofDays(1 + k)).minus(Duration.ofMinutes(i));
                answers.add(answer(subscription, channel, thisWeek.get(i), q, scores[(i + k) % scores.length], at, zone));
                topics.add(q.topics().getFirst());
            }
        }
        return topics;
    }

    private static DailyAnswerRepository.Answer answer(String subscription, Place channel, String person, Question q,
                                                       int score, Instant at, ZoneId zone) {
        return new DailyAnswerRepository.Answer(subscription, at.atZone(zone).toLocalDate(),
                new UserRef(channel.platform(), channel.tenant(), person), q.id(), "an answer by " + person, score,
                List.of(), List.of(), false, at);
    }

    /** A PNG: the signature, decodable by ImageIO, 800 by 400 pixels, a sane number of bytes. */
    public static void assertChart(byte[] png) throws IOException {
        assertThat(png).startsWith(0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(image).as("decodes as an image").isNotNull();
        assertThat(image.getWidth()).isEqualTo(800);
        assertThat(image.getHeight()).isEqualTo(400);
        assertThat(png.length).isBetween(500, 300_000);
    }
}
