package dev.interviewcoach.question;

/** A team's own one-question bank file, as the tests of a running bot edit it. */
public final class TeamBank {

    private TeamBank() {
    }

    /** The file's text: track {@code team-custom}, question {@code our-stack} with one point shown by {@code shownBy}. */
    public static String yaml(String title, String questionText, String shownBy) {
        return """
                track: team-custom
                title: %s
                questions:
                  - id: our-stack
                    kind: technical
                    difficulty: 1
                    question: %s
                    why: We use it every day.
                    guidance: Name the parts and why.
                    talking_points:
                      - id: parts
                        point: Names the parts.
                        shown_by: [%s]
                    example_answer: Kotlin services on Postgres.
                """.formatted(title, questionText, shownBy);
    }
}
