package dev.interviewcoach.interview;

import dev.interviewcoach.chat.ActionId;
import dev.interviewcoach.chat.Block;
import dev.interviewcoach.chat.Reply;
import dev.interviewcoach.chat.RichText;
import dev.interviewcoach.feedback.Feedback;
import dev.interviewcoach.feedback.FeedbackReply;
import dev.interviewcoach.question.Question;
import dev.interviewcoach.text.TextAnalyzer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/** The words of a mock interview: every reply a person sees, written once for all platforms. */
public final class InterviewReplies {

    static final String FEATURE = "mock";

    /** The reply for one event; {@code scorecard} is given for a finished interview. */
    public Reply render(MockSession session, InterviewEvent event, Scorecard scorecard) {
        return switch (event) {
            case InterviewEvent.Asked asked -> question(session, asked);
            case InterviewEvent.HintGiven hint -> Reply.builder("Hint: " + hint.hint())
                    .text(RichText.builder().bold("Hint " + hint.number() + " of " + hint.of() + ": ")
                            .plain(hint.hint()).build())
                    .build();
            case InterviewEvent.NoMoreHints none -> Reply.text(none.question().hints().isEmpty()
                    ? "This question has no hints. Think about: " + none.question().guidance()
                    : "That was the last hint for this question. Give it your best try, or type skip.");
            case InterviewEvent.Assessed assessed -> FeedbackReply.of(assessed.question(), assessed.feedback(),
                    !session.awaitingFollowUp());
            case InterviewEvent.Skipped skipped when skipped.question().talkingPoints().isEmpty() -> Reply.text(
                    "That question was removed from the bank, so I skipped it without a score.");
            case InterviewEvent.Skipped skipped -> Reply.builder("Skipped.")
                    .text(RichText.builder().plain("Skipped. A strong answer would cover: ").build())
                    .text(new RichText(List.of(new RichText.Bullets(skipped.question().talkingPoints().stream()
                            .map(p -> RichText.of(p.point())).toList()))))
                    .build();
            case InterviewEvent.FollowUpAsked asked -> followUp(session, asked);
            case InterviewEvent.FollowUpAssessed assessed -> {
                Reply feedback = FeedbackReply.of(assessed.question(), assessed.feedback(), false);
                Reply.Builder reply = Reply.builder("Follow-up: " + feedback.fallback())
                        .text(RichText.builder().bold("On the follow-up").build());
                feedback.blocks().forEach(reply::block);
                yield reply.build();
            }
            case InterviewEvent.FollowUpSkipped ignored -> Reply.text("Follow-up skipped; the question keeps its score.");
            case InterviewEvent.NoHintForFollowUp ignored -> Reply.text(
                    "A follow-up has no hints. Answer in two or three sentences, or type skip to move on.");
            case InterviewEvent.Courtesy ignored -> Reply.text(
                    "The question is still open: answer it when you're ready, or type hint, skip, repeat or end.");
            case InterviewEvent.NotInEnglish notInEnglish -> Reply.text("That reads as written in another language, and I"
                    + " can only judge answers in English, so I did not score it. The " + (notInEnglish.followUp()
                    ? "follow-up" : "question") + " is still open: answer in English, or type "
                    + (notInEnglish.followUp() ? "skip or end." : "hint, skip, repeat or end."));
            case InterviewEvent.EmptyAnswer ignored -> Reply.text(
                    "I didn't get an answer there. Type your answer, or hint, skip, repeat or end.");
            case InterviewEvent.AlreadyFinished ignored -> Reply.text(
                    "This interview has already finished. Start a new one with: mock [track] [questions]");
            case InterviewEvent.Finished ignored -> scorecard(session, scorecard);
        };
    }

    private Reply question(MockSession session, InterviewEvent.Asked asked) {
        Question q = asked.question();
        String heading = (asked.repeated() ? "Again, question " : "Question ") + asked.number() + " of " + asked.total();
        return Reply.builder(heading + ": " + q.text())
                .heading(heading)
                .block(new Block.Progress(asked.number() - 1, asked.total(), session.track()))
                .text(RichText.builder().bold(q.text()).build())
                .block(new Block.Fields(List.of(
                        new Block.Field("Kind", RichText.of(q.kind().word())),
                        new Block.Field("Topics", RichText.of(String.join(", ", q.topics()))),
                        new Block.Field("Level", RichText.of(level(q.difficulty()))))))
                .block(buttons(session, asked.number() - 1))
                .build();
    }

    private Reply followUp(MockSession session, InterviewEvent.FollowUpAsked asked) {
        String heading = (asked.repeated() ? "Again, a follow-up on question " : "A follow-up on question ")
                + asked.number() + " of " + asked.total();
        return Reply.builder(heading + ": " + asked.text())
                .heading(heading)
                .text(RichText.builder().bold(asked.text()).build())
                .text(RichText.builder().italic("Answer in two or three sentences, or type skip to move on.").build())
                .build();
    }

    private Block.Buttons buttons(MockSession session, int position) {
        return new Block.Buttons(List.of(
                button("Hint", "hint", session, position, Block.Style.DEFAULT),
                button("Skip", "skip", session, position, Block.Style.DEFAULT),
                button("Repeat", "repeat", session, position, Block.Style.DEFAULT),
                button("End", "end", session, position, Block.Style.DANGER),
                new Block.Button("Answer", new ActionId(FEATURE, "answer", session.id(), position), Block.Style.PRIMARY,
                        "", Block.Form.INSTEAD_OF_TYPING)));
    }

    private static Block.Button button(String label, String verb, MockSession session, int position, Block.Style style) {
        return new Block.Button(label, new ActionId(FEATURE, verb, session.id(), position), style, verb);
    }

    /** Feedback on one answer, as the person reads it. */
    public Reply feedback(Question question, Feedback feedback) {
        return FeedbackReply.of(question, feedback);
    }

    private Reply scorecard(MockSession session, Scorecard card) {
        if (card.answered() == 0 && card.skipped() == 0 && card.lines().stream().allMatch(l -> l.outcome() == null)) {
            // A list of "not reached" lines and "no scored answers" would only repeat that nothing happened.
            return Reply.builder("Interview ended before any answer")
                    .divider()
                    .text("Ended before any answer, so there is nothing to score. Start another with: mock " + card.track()
                            + " " + card.total())
                    .build();
        }
        String average = card.average().isPresent()
                ? String.format(Locale.ROOT, "%.1f/5", card.average().getAsDouble()) : "no scored answers";
        Reply.Builder reply = Reply.builder("Scorecard: " + average + " over " + card.answered() + " answered")
                .divider()
                .heading("Scorecard: " + card.track() + (card.endedEarly() ? " (ended early)" : ""));
        RichText.Builder lines = RichText.builder();
        for (Scorecard.Line line : card.lines()) {
            String result = line.outcome() == null ? "not reached" : switch (line.outcome()) {
                case SKIPPED -> "skipped";
                case WITHDRAWN -> "withdrawn";
                case ANSWERED -> line.score() + "/5";
            };
            if (line.number() > 1) {
                lines.lineBreak();
            }
            lines.plain(line.number() + ". ").bold(result);
            line.before().ifPresent(was -> lines.plain(" (was " + was + "/5)"));
            line.followUp().ifPresent(f -> lines.plain(f.outcome() == AnswerRecord.Outcome.SKIPPED
                    ? " (follow-up skipped)" : " (follow-up " + f.score() + "/5)"));
            lines.plain("  " + shorten(line.question().text()));
        }
        reply.text(lines.build());
        reply.block(new Block.Fields(List.of(
                new Block.Field("Average", RichText.of(average)),
                new Block.Field("Answered", RichText.of(card.answered() + " of " + card.total())),
                new Block.Field("Skipped", RichText.of(Long.toString(card.skipped()))))));
        if (!card.strongTopics().isEmpty()) {
            reply.text(RichText.builder().bold("Strong: ").plain(String.join(", ", card.strongTopics())).build());
        }
        if (!card.practiseTopics().isEmpty()) {
            reply.text(RichText.builder().bold("Practise next: ").plain(String.join(", ", card.practiseTopics())).build());
        }
        if (card.answered() > 0) {
            List<Block.Button> buttons = new ArrayList<>();
            buttons.add(new Block.Button("Review my answers", new ActionId(FEATURE, "review", session.id(), 0),
                    Block.Style.DEFAULT, "review"));
            // Trying the weakest answer again at once, with its feedback fresh, is what the feedback is for.
            weakest(card).ifPresent(line -> buttons.add(new Block.Button("Try question " + line.number() + " again",
                    new ActionId(FEATURE, "retry", session.id(), line.number() - 1), Block.Style.DEFAULT,
                    "ask " + line.question().id())));
            reply.block(new Block.Buttons(buttons));
        }
        reply.text("Start another with: mock " + card.track() + " " + card.total());
        return reply.build();
    }

    /** The lowest-scored answer, first of equals, when it scored 3 or less: worth another try. */
    static Optional<Scorecard.Line> weakest(Scorecard card) {
        return card.lines().stream().filter(l -> l.outcome() == AnswerRecord.Outcome.ANSWERED && l.score() != null
                        && l.score() <= RETRY_AT_MOST)
                .min(Comparator.comparingInt(Scorecard.Line::score).thenComparingInt(Scorecard.Line::number));
    }

    /** The highest score still offered another try. */
    static final int RETRY_AT_MOST = 3;

    /** Each answer of a session as the person wrote it, with its score and the points it missed. */
    public Reply review(MockSession session, List<AnswerRecord> answers, Function<String, Question> lookup) {
        Reply.Builder reply = Reply.builder("Your answers, " + session.track())
                .heading("Your answers: " + session.track());
        for (AnswerRecord answer : answers) {
            Question q = lookup.apply(answer.questionId());
            reply.text(RichText.builder().bold((answer.position() + 1) + ". " + shorten(q.text())).build());
            if (answer.outcome() == AnswerRecord.Outcome.SKIPPED) {
                reply.text(RichText.builder().italic("Skipped").build());
                continue;
            }
            if (answer.outcome() == AnswerRecord.Outcome.WITHDRAWN) {
                reply.text(RichText.builder().italic("Withdrawn: you deleted this answer, so it is not kept").build());
                continue;
            }
            if (answer.answerText() == null || answer.answerText().isBlank()) {
                // privacy.keepAnswersDays: the words are gone, what was made of them stays
                reply.text(RichText.builder().italic("The words of this answer are no longer kept").build());
            } else {
                reply.block(new Block.Quote(RichText.of(quoted(answer.answerText()))));
            }
            RichText.Builder result = RichText.builder().bold("Score " + answer.score() + "/5");
            List<String> missed = q.talkingPoints().stream().filter(p -> answer.missedPointIds().contains(p.id()))
                    .map(p -> p.point()).toList();
            if (!missed.isEmpty()) {
                result.plain("  Missed: " + String.join(" ", missed));
            }
            reply.text(result.build());
        }
        if (answers.isEmpty()) {
            reply.text("No answers were stored for this interview.");
        }
        return reply.build();
    }

    private static String level(int difficulty) {
        return switch (difficulty) {
            case 1 -> "warm-up";
            case 2 -> "core";
            default -> "senior";
        };
    }

    /** The longest answer a review quotes whole (a few thousand words); a pasted file would bury the rest of it. */
    static final int REVIEW_QUOTE_CHARS = 12_000;

    /** An answer as a review quotes it: whole when it is as long as a spoken answer, else its start and how much more. */
    static String quoted(String answer) {
        if (answer.length() <= REVIEW_QUOTE_CHARS) {
            return answer;
        }
        int cut = answer.lastIndexOf(' ', REVIEW_QUOTE_CHARS);
        String start = answer.substring(0, cut > REVIEW_QUOTE_CHARS / 2 ? cut : REVIEW_QUOTE_CHARS);
        return start + " ... (" + String.format(Locale.ROOT, "%,d", answer.length() - start.length()) + " more characters)";
    }

    private static String shorten(String text) {
        String oneLine = TextAnalyzer.singleSpaced(text).strip();
        return oneLine.length() <= 90 ? oneLine : oneLine.substring(0, 87) + "...";
    }
}
