package dev.interviewcoach.question;

import java.util.List;
import java.util.Optional;

/** The questions of one track, as loaded from one bank file. */
public record Bank(String track, String title, String description, List<Question> questions, String source) {
    public Bank {
        questions = List.copyOf(questions);
    }

    public Optional<Question> question(String id) {
        return questions.stream().filter(q -> q.id().equals(id)).findFirst();
    }
}
