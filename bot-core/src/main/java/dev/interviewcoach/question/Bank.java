package dev.interviewcoach.question;

import java.util.List;
import java.util.Optional;

/** The questions of one track, as loaded from one bank file. */
public record Bank(String track, String title, String description, List<Question> questions, String source) {
    public Bank {
        questions = List.copyOf(questions);
    }

    /** The misconceptions the bank lists once for every question of its track (red flags in any story). */
    public List<Misconception> trackWideMisconceptions() {
        return questions.isEmpty() ? List.of()
                : questions.getFirst().misconceptions().stream().filter(Misconception::trackWide).toList();
    }

    public Optional<Question> question(String id) {
        return questions.stream().filter(q -> q.id().equals(id)).findFirst();
    }
}
