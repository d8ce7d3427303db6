package dev.interviewcoach.daily;

import dev.interviewcoach.chat.Block;
import dev.interviewcoach.chat.ChatPort;
import dev.interviewcoach.chat.Inbound;
import dev.interviewcoach.chat.MessageRef;
import dev.interviewcoach.chat.Place;
import dev.interviewcoach.chat.Platform;
import dev.interviewcoach.chat.Reply;
import dev.interviewcoach.chat.RichText;
import dev.interviewcoach.chat.UserRef;
import dev.interviewcoach.engine.ActionHandler;
import dev.interviewcoach.engine.DeletionHandler;
import dev.interviewcoach.engine.EditHandler;
import dev.interviewcoach.engine.MessageHandler;
import dev.interviewcoach.feedback.Feedback;
import dev.interviewcoach.feedback.FeedbackEngine;
import dev.interviewcoach.feedback.TalkingPointMatcher;
import dev.interviewcoach.feedback.AnswerScored;
import dev.interviewcoach.feedback.FeedbackReply;
import dev.interviewcoach.question.Bank;
import dev.interviewcoach.question.BankCatalog;
import dev.interviewcoach.question.Question;
import dev.interviewcoach.question.TalkingPoint;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import dev.interviewcoach.text.NotAnAnswer;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything people do with a question of the day: answer it (in its thread in open mode, through
 * the private form in either mode), ask for a hint, share their answer at the reveal, or practise
 * the topic in a mock interview. Each answer is scored and stored once per person per post;
 * feedback is only ever shown to its author.
 */
public final class DailyAnswers implements MessageHandler, EditHandler, DeletionHandler, ActionHandler {

    private static final Logger log = LoggerFactory.getLogger(DailyAnswers.class);
    private static final int PRACTICE_QUESTIONS = 3;

    private final SubscriptionRepository subscriptions;
    private final DailyPostRepository posts;
    private final DailyAnswerRepository answers;
    private final BankCatalog banks;
    private final FeedbackEngine feedback;
    private final Practice practice;
    private final AnswerScored scored;
    private final Clock clock;
    private final Optional<DailyDirect> direct;
    /** How soon after an answer in the thread a further message from its author is the rest of it (zero: never). */
    private final Duration joinWithin;

    public DailyAnswers(SubscriptionRepository subscriptions, DailyPostRepository posts, DailyAnswerRepository answers,
                        BankCatalog banks, FeedbackEngine feedback, Practice practice, Clock clock) {
        this(subscriptions, posts, answers, banks, feedback, practice, clock, AnswerScored.nobody(), Optional.empty());
    }

    /**
     * The feature, telling {@code scored} of every answer it scores (spaced review listens); with
     * {@code direct}, replies to a question sent by DM are answers too.
     */
    public DailyAnswers(SubscriptionRepository subscriptions, DailyPostRepository posts, DailyAnswerRepository answers,
                        BankCatalog banks, FeedbackEngine feedback, Practice practice, Clock clock, AnswerScored scored,
                        Optional<DailyDirect> direct) {
        this(subscriptions, posts, answers, banks, feedback, practice, clock, scored, direct, Duration.ZERO);
    }

    /** As above; with {@code joinWithin}, a further message that soon after an answer in the thread is added to it. */
    public DailyAnswers(SubscriptionRepository subscriptions, DailyPostRepository posts, DailyAnswerRepository answers,
                        BankCatalog banks, FeedbackEngine feedback, Practice practice, Clock clock, AnswerScored scored,
                        Optional<DailyDirect> direct, Duration joinWithin) {
        this.joinWithin = joinWithin;
        this.direct = direct;
        this.scored = scored;
        this.subscriptions = subscriptions;
        this.posts = posts;
        this.answers = answers;
        this.banks = banks;
        this.feedback = feedback;
        this.practice = practice;
        this.clock = clock;
    }

    @Override
    public String feature() {
        return DailyMessages.FEATURE;
    }

    /** A reply in a question of the day's thread, or in the thread of the DM that carried it, is an answer to it. */
    @Override
    public boolean onMessage(Inbound.Message message, ChatPort port) {
        Optional<DailyPostRepository.Post> post = postAnswered(message);
        if (post.isEmpty()) {
            return false;
        }
        boolean inChannel = message.place().kind() == Place.Kind.THREAD;
        if (message.text().isBlank()) {
            return true;
        }
        if (joinsAnswer(message, post.get(), port)) {
            return true;
        }
        if (notAnAnswer(message, post.get(), port)) {
            return true;
        }
        Optional<Subscription> sub = subscriptions.byId(post.get().subscriptionId());
        // Only a reply in the channel's own thread is seen by everyone; one in a DM's thread is private.
        boolean sealed = inChannel && sub.map(s -> s.mode() == Subscription.AnswerMode.SEALED).orElse(false);
        boolean stored = answer(post.get(), message.user(), message.text(), message.messageId(), message.place(), port,
                sealed ? "This channel's answers are sealed until the reveal, so next time use the Answer privately"
                        + " button: what you write in the thread is seen by everyone at once."
                : null);
        if (stored) {
            message.ref().ifPresent(ref -> port.markReceived(ref));
        }
        return true;
    }

    /**
     * A message moments after the person's answer in the thread, before the reveal, is the rest of it (people send an
     * answer in two or three messages): the two are scored again as one, as an edit is. A remark ("thanks!") is not.
     */
    private boolean joinsAnswer(Inbound.Message message, DailyPostRepository.Post post, ChatPort port) {
        String typed = message.text().strip();
        if (!joinWithin.isPositive() || message.user().platform() == Platform.CONSOLE || post.revealed()
                || isRemark(typed)) {
            return false;
        }
        Optional<DailyAnswerRepository.Answer> mine = answers.find(post.subscriptionId(), post.localDate(),
                message.user()).filter(a -> !a.answeredAt().plus(joinWithin).isBefore(message.receivedAt()));
        Optional<Question> question = banks.current().question(post.questionId());
        if (mine.isEmpty() || question.isEmpty()
                || answers.messageOf(post.subscriptionId(), post.localDate(), message.user()).isEmpty()) {
            return false; // no answer just now, or one sent through the form: a thread message is not its rest
        }
        String text = mine.get().text() + "\n\n" + typed;
        Feedback result = feedback.assess(question.get(), text, message.user().platform() + ":" + message.user().tenant());
        if (result.inAnotherLanguage()) {
            return false;
        }
        answers.rescore(new DailyAnswerRepository.Answer(post.subscriptionId(), post.localDate(), message.user(),
                question.get().id(), text, result.score(), pointIds(result.covered().stream()
                .map(TalkingPointMatcher.Match::point).toList()), pointIds(result.missed()), mine.get().shared(),
                mine.get().answeredAt()));
        answers.markJoined(post.subscriptionId(), post.localDate(), message.user());
        log.info("question of the day answer continued in a further message for subscription {} ({})",
                post.subscriptionId(), post.localDate());
        port.post(message.place(), feedbackReply(post, question.get(), result, "I added that to your answer and scored it"
                + " again (it was " + mine.get().score() + "/5):", true).onlyTo(message.user()));
        return true;
    }

    /** Fewer words than this in a question's thread are a remark or a request, not the one answer that counts. */
    static final int FEWEST_ANSWER_WORDS = 4;

    /**
     * A word or two in the thread ("hint", "great question!") would otherwise be stored as the person's
     * only answer, scored 1: it is not counted, and they are told why (or given the hint they asked for).
     */
    private boolean notAnAnswer(Inbound.Message message, DailyPostRepository.Post post, ChatPort port) {
        String typed = message.text().strip();
        if (!isRemark(typed)) {
            return false;
        }
        if (!wantsHint(typed) && answered(post, message.user())) {
            return true; // "thanks!" after their answer: people talk in the thread, and need no word from the coach
        }
        port.post(message.place(), remarkReply(typed, post, false).onlyTo(message.user()));
        return true;
    }

    /** A word or three, "I don't know", thanks, or a request for a hint or for the question again: not an answer. */
    private static boolean isRemark(String typed) {
        return typed.split("\\s+").length < FEWEST_ANSWER_WORDS || NotAnAnswer.saysDontKnow(typed)
                || NotAnAnswer.asksForHint(typed) || NotAnAnswer.onlyCourtesy(typed);
    }

    private static boolean wantsHint(String typed) {
        return NotAnAnswer.asksForHint(typed) || typed.toLowerCase(Locale.ROOT).matches("(?s).*\\bhints?\\b.*");
    }

    private boolean answered(DailyPostRepository.Post post, UserRef user) {
        return answers.forPost(post.subscriptionId(), post.localDate()).stream().anyMatch(a -> a.user().equals(user));
    }

    /**
     * Why a remark was not taken for the person's one answer, and how to answer instead: in the thread, by replying
     * there; in the private form, by pressing its button again.
     */
    private Reply remarkReply(String typed, DailyPostRepository.Post post, boolean inForm) {
        Optional<Question> question = banks.current().question(post.questionId());
        String answerAgain = inForm ? "press Answer privately again and write" : "reply here with";
        if (wantsHint(typed) && question.isPresent()) {
            return hint(question.get());
        }
        if (NotAnAnswer.asksAgain(typed) && question.isPresent()) {
            return Reply.text("Today's question: " + question.get().text().strip() + " To answer, " + answerAgain
                    + " a few sentences as you would say them in an interview, or type hint.");
        }
        if (NotAnAnswer.saysDontKnow(typed)) {
            return Reply.text("No problem, that doesn't count as your answer. Type hint for a hint, or come back"
                    + " to it: your first full answer is the one that counts, and the reveal shows an example answer.");
        }
        return Reply.text("I didn't count \"" + (typed.length() > 40 ? typed.substring(0, 40) + "..." : typed)
                + "\" as your answer: only your first answer to a question of the day counts, so " + answerAgain
                + " a full one, a few sentences as you would say it in an interview. Type hint for a hint.");
    }

    @Override
    public boolean holdsConversation(Inbound.Message message) {
        return postAnswered(message).isPresent();
    }

    /**
     * An edit in a question of the day's thread. The edit of the message that carried the person's
     * answer is scored again until the reveal (people fix a typo or add the sentence they forgot, and
     * should not have to answer again to be judged on what they now say); the edit of a remark that
     * did not count is read as a message, so it counts once it is an answer.
     */
    @Override
    public boolean onEdit(Inbound.Edit edit, ChatPort port) {
        Inbound.Message asMessage = edit.asMessage();
        Optional<DailyPostRepository.Post> post = postAnswered(asMessage);
        if (post.isEmpty()) {
            return false;
        }
        Optional<DailyAnswerRepository.Answer> mine = answers.find(post.get().subscriptionId(), post.get().localDate(),
                edit.user());
        if (mine.isEmpty()) {
            return onMessage(asMessage, port);
        }
        boolean ofTheAnswer = answers.messageOf(post.get().subscriptionId(), post.get().localDate(), edit.user())
                .map(edit.messageId()::equals).orElse(false);
        if (!ofTheAnswer || mine.get().text().equals(edit.text().strip()) || edit.text().isBlank()) {
            return true; // a remark after the answer, or a change that leaves the words as they were (a link preview)
        }
        Optional<Question> question = banks.current().question(post.get().questionId());
        if (!post.get().revealed() && answers.joined(post.get().subscriptionId(), post.get().localDate(), edit.user())) {
            // The edited message is only a part: scoring it alone would drop what the other messages added.
            port.post(edit.place(), Reply.text("Your answer was put together from more than one message, so I can't score"
                    + " an edit of one of them; it keeps its score of " + mine.get().score() + "/5.").onlyTo(edit.user()));
            return true;
        }
        if (post.get().revealed() || question.isEmpty()) {
            port.post(edit.place(), Reply.text("Your answer was scored as you first sent it: "
                    + (question.isEmpty() ? "the question has been taken out of its bank since."
                    : "this question has been revealed, so answers are closed.")).onlyTo(edit.user()));
            return true;
        }
        String text = edit.text().strip();
        Feedback result = feedback.assess(question.get(), text, edit.user().platform() + ":" + edit.user().tenant());
        if (result.inAnotherLanguage()) {
            port.post(edit.place(), Reply.text("Your edit reads as written in another language, which I can't judge, so"
                    + " your answer keeps its score of " + mine.get().score() + "/5.").onlyTo(edit.user()));
            return true;
        }
        answers.rescore(new DailyAnswerRepository.Answer(post.get().subscriptionId(), post.get().localDate(), edit.user(),
                question.get().id(), text, result.score(), pointIds(result.covered().stream()
                .map(TalkingPointMatcher.Match::point).toList()), pointIds(result.missed()), mine.get().shared(),
                mine.get().answeredAt()));
        // The review schedule keeps the first answer's rating: an edit is the same attempt, not a second one.
        log.info("question of the day answer edited for subscription {} ({})", post.get().subscriptionId(),
                post.get().localDate());
        port.post(edit.place(), feedbackReply(post.get(), question.get(), result,
                "Scored again after your edit (it was " + mine.get().score() + "/5):", true).onlyTo(edit.user()));
        return true;
    }

    /**
     * A deleted message in a question of the day's thread. The answer it carried is withdrawn until the reveal: it
     * no longer counts, and is never shared, since a person who deletes what they wrote means it to be gone; the
     * person is told, privately, and may answer again. After the reveal the answer stands as it was scored.
     */
    @Override
    public boolean onDeletion(Inbound.Deletion deletion, ChatPort port) {
        Optional<DailyPostRepository.Post> post = postAnswered(new Inbound.Message(deletion.eventId(), deletion.user(),
                deletion.place(), "", deletion.messageId(), deletion.receivedAt()));
        if (post.isEmpty()) {
            return false;
        }
        Optional<DailyAnswerRepository.Answer> answer = answers.byMessage(post.get().subscriptionId(),
                post.get().localDate(), deletion.messageId());
        if (answer.isEmpty() || post.get().revealed()
                || deletion.user().named() && !deletion.user().equals(answer.get().user())) {
            return true; // a remark, an answer already revealed, or someone else's message (a moderator's deletion)
        }
        if (answers.withdraw(post.get().subscriptionId(), post.get().localDate(), answer.get().user())) {
            log.info("question of the day answer withdrawn for subscription {} ({})", post.get().subscriptionId(),
                    post.get().localDate());
            port.post(deletion.place(), Reply.text("You deleted your answer to today's question, so it no longer counts"
                    + " and will not be shared. Reply in the question's thread to answer again before the reveal.")
                    .onlyTo(answer.get().user()));
        }
        return true;
    }

    private static List<String> pointIds(List<TalkingPoint> points) {
        return points.stream().map(TalkingPoint::id).toList();
    }

    /** The question of the day whose thread (in the channel, or in the DM that carried it) the message is in. */
    private Optional<DailyPostRepository.Post> postAnswered(Inbound.Message message) {
        String thread = message.place().threadId();
        boolean inThread = message.place().kind() == Place.Kind.THREAD;
        boolean inDmThread = message.place().kind() == Place.Kind.DIRECT && thread != null && !thread.isBlank();
        if (!inThread && !inDmThread) {
            return Optional.empty();
        }
        // A thread id is only unique within a workspace: a post of another workspace is not this thread's.
        return inThread ? ownPost(posts.byMessage(thread), message.user(), message.place())
                : ownPost(direct.flatMap(d -> d.postOfMessage(thread)), message.user(), message.place());
    }

    @Override
    public void onAction(Inbound.Action action, ChatPort port) {
        UserRef user = action.user();
        Optional<DailyPostRepository.Post> post = ownPost(posts.byKey(action.action().subject()), user, action.place());
        Optional<Question> question = post.flatMap(p -> banks.current().question(p.questionId()));
        if (post.isEmpty() || question.isEmpty()) {
            port.post(action.place(), Reply.text("That question of the day is no longer available.").onlyTo(user));
            return;
        }
        switch (action.action().verb()) {
            case "hint" -> port.post(action.place(), hint(question.get()).onlyTo(user));
            case "share" -> share(post.get(), action, port);
            case "unshare" -> unshare(post.get(), action, port);
            case "practise" -> practise(question.get(), user, action, port);
            case "dm-off" -> port.post(action.place(), Reply.text(direct.map(d -> d.forget(post.get().subscriptionId(), user))
                    .orElse(false) ? "No more DMs of that channel's question of the day; it is in the channel as usual."
                    + " Turn them on again there with: daily dm on HH:MM"
                    : "You get no DMs of that channel's question of the day.").onlyTo(user));
            case "answer" -> port.post(action.place(), Reply.text("Type your answer after the word answer, for example:"
                    + " answer I would start by...").onlyTo(user));
            default -> port.post(action.place(), Reply.text("That button is no longer in use.").onlyTo(user));
        }
    }

    /**
     * The post when its channel is in the person's own workspace, or when it came to them in a direct
     * conversation the coach sent it to (a platform's DMs may belong to no workspace): a button value
     * or thread id naming a post of another workspace (forged, or the same id by chance) finds nothing.
     */
    private Optional<DailyPostRepository.Post> ownPost(Optional<DailyPostRepository.Post> post, UserRef user, Place place) {
        return post.filter(p -> subscriptions.byId(p.subscriptionId())
                .map(s -> s.channel().platform() == user.platform() && (s.channel().tenant().equals(user.tenant())
                        || place.kind() == Place.Kind.DIRECT
                        && direct.map(d -> d.sentTo(p.subscriptionId(), user)).orElse(false)))
                .orElse(false));
    }

    /** An answer sent through the private form. */
    @Override
    public void onSubmission(Inbound.Submission submission, ChatPort port) {
        Optional<DailyPostRepository.Post> post = ownPost(posts.byKey(submission.action().subject()), submission.user(),
                submission.place());
        String text = submission.values().getOrDefault(Block.Button.FORM_FIELD, "");
        if (post.isEmpty()) {
            port.post(submission.place(), Reply.text("That question of the day is no longer available. Your answer,"
                    + " so nothing is lost:\n" + text).onlyTo(submission.user()));
            return;
        }
        if (text.isBlank()) {
            port.post(submission.place(), Reply.text("That answer was empty; press Answer privately again to write one.")
                    .onlyTo(submission.user()));
            return;
        }
        // "no idea" or "pass" in the form would be stored as the person's one answer, scored 1, as in the thread.
        if (isRemark(text.strip()) && !answered(post.get(), submission.user())) {
            port.post(submission.place(), remarkReply(text.strip(), post.get(), true).onlyTo(submission.user()));
            return;
        }
        answer(post.get(), submission.user(), text, null, submission.place(), port, null);
    }

    /**
     * Scores and stores one answer and tells its author how it went; false when it was not stored
     * (the post was revealed, the question is gone, or they had answered already).
     */
    private boolean answer(DailyPostRepository.Post post, UserRef user, String text, String messageId, Place place,
                           ChatPort port, String note) {
        Optional<Question> question = banks.current().question(post.questionId());
        if (question.isEmpty()) {
            port.post(place, Reply.text("That question has been taken out of its bank, so I can't score answers to it"
                    + " any more.").onlyTo(user));
            return false;
        }
        if (post.revealed()) {
            port.post(place, Reply.text("This question has been revealed already, so answers are closed. Practise it"
                    + " with: ask " + topicOf(question.get())).onlyTo(user));
            return false;
        }
        Feedback result = feedback.assess(question.get(), text.strip(), user.platform() + ":" + user.tenant());
        if (result.inAnotherLanguage()) {
            // Only the first answer counts: stored as a 1 it would lock them out for what was never judged.
            port.post(place, Reply.text("That reads as written in another language, and I can only judge answers in"
                    + " English, so it does not count as your answer. Reply again in English before the reveal.")
                    .onlyTo(user));
            return false;
        }
        boolean stored = answers.add(new DailyAnswerRepository.Answer(post.subscriptionId(), post.localDate(), user,
                question.get().id(), text.strip(), result.score(),
                pointIds(result.covered().stream().map(TalkingPointMatcher.Match::point).toList()),
                pointIds(result.missed()), false, clock.instant()), messageId);
        if (!stored) {
            port.post(place, Reply.text("You already answered this question; your first answer is the one that counts."
                    + " Practise it further with: ask " + topicOf(question.get())).onlyTo(user));
            return false;
        }
        log.info("question of the day answered for subscription {} ({})", post.subscriptionId(), post.localDate());
        scored.scored(user, question.get(), result.score(), clock.instant());
        port.post(place, feedbackReply(post, question.get(), result, note, false).onlyTo(user));
        showParticipation(post, question.get(), port);
        return true;
    }

    /**
     * The feedback on an answer, after a note when there is one (also in the notification's text when
     * {@code noteFirst}), with the share button in a sealed channel.
     */
    private Reply feedbackReply(DailyPostRepository.Post post, Question question, Feedback result, String note,
                                boolean noteFirst) {
        Reply fb = FeedbackReply.of(question, result);
        Reply.Builder reply = Reply.builder(noteFirst && note != null ? note + " " + fb.fallback() : fb.fallback());
        if (note != null) {
            reply.text(RichText.builder().italic(note).build());
        }
        fb.blocks().forEach(reply::block);
        subscriptions.byId(post.subscriptionId()).filter(s -> s.mode() == Subscription.AnswerMode.SEALED)
                .ifPresent(s -> reply.block(DailyMessages.shareButton(post)));
        return reply.build();
    }

    /** Updates the post's "answers so far", so the channel sees participation without seeing answers. */
    private void showParticipation(DailyPostRepository.Post post, Question question, ChatPort port) {
        Optional<Subscription> sub = subscriptions.byId(post.subscriptionId());
        Optional<Bank> bank = banks.current().track(question.track());
        if (sub.isEmpty() || bank.isEmpty() || post.messageId() == null) {
            return;
        }
        try {
            port.update(new MessageRef(sub.get().channel(), post.messageId()),
                    DailyMessages.post(sub.get(), post, question, bank.get(), answers.count(post.subscriptionId(),
                            post.localDate())));
        } catch (RuntimeException e) {
            log.warn("could not update the answer count of post {}: {}", post.key(), e.toString());
        }
    }

    private void share(DailyPostRepository.Post post, Inbound.Action action, ChatPort port) {
        if (post.revealed()) {
            port.post(action.place(), Reply.text("This question has been revealed already.").onlyTo(action.user()));
        } else if (answers.share(post.subscriptionId(), post.localDate(), action.user())) {
            // A share is one click, so it can be taken back as easily until the reveal.
            String shared = "Your answer will be shown in the thread at the reveal, with your name.";
            port.post(action.place(), Reply.builder(shared).text(shared).block(DailyMessages.unshareButton(post)).build()
                    .onlyTo(action.user()));
        } else {
            port.post(action.place(), Reply.text("Answer the question first; then you can share it.").onlyTo(action.user()));
        }
    }

    private void unshare(DailyPostRepository.Post post, Inbound.Action action, ChatPort port) {
        if (post.revealed()) {
            port.post(action.place(), Reply.text("This question has been revealed already.").onlyTo(action.user()));
        } else if (answers.unshare(post.subscriptionId(), post.localDate(), action.user())) {
            String kept = "Your answer stays private: it will not be shown at the reveal.";
            port.post(action.place(), Reply.builder(kept).text(kept).block(DailyMessages.shareButton(post)).build()
                    .onlyTo(action.user()));
        } else {
            port.post(action.place(), Reply.text("You have no answer to this question to keep private.").onlyTo(action.user()));
        }
    }

    private static Reply hint(Question q) {
        return Reply.text(q.hints().isEmpty() ? "No hint for this one: think of a real case and walk through it."
                : "Hint: " + q.hints().getFirst());
    }

    /** Starts a short mock interview on the question's topic in the person's direct conversation. */
    void practiseOn(Question daily, UserRef user, Inbound.Action action, ChatPort port) {
        practise(daily, user, action, port);
    }

    private void practise(Question daily, UserRef user, Inbound.Action action, ChatPort port) {
        Optional<Bank> bank = banks.current().track(daily.track());
        if (bank.isEmpty()) {
            port.post(action.place(), Reply.text("That track is gone from the banks.").onlyTo(user));
            return;
        }
        String topic = topicOf(daily);
        // The questions sharing most of its topics first (its first topic breaking ties), then the rest of the track:
        // a topic only this question has still gets its nearest neighbours, and the person is told what they got.
        List<Question> related = bank.get().questions().stream()
                .filter(q -> !q.id().equals(daily.id()) && shared(daily, q) > 0)
                .sorted(Comparator.comparingInt((Question q) -> -shared(daily, q))
                        .thenComparing(q -> q.topics().contains(topic) ? 0 : 1))
                .limit(PRACTICE_QUESTIONS).toList();
        List<Question> chosen = new ArrayList<>(related);
        bank.get().questions().stream().filter(q -> !q.id().equals(daily.id()) && !chosen.contains(q))
                .limit(PRACTICE_QUESTIONS - chosen.size()).forEach(chosen::add);
        String about = related.isEmpty() ? "from the " + daily.track() + " track (none of its other questions is on "
                + topic + ")"
                : "on " + String.join(", ", related.getFirst().topics().stream().filter(daily.topics()::contains).toList())
                + (related.size() < chosen.size() ? ", then more of the " + daily.track() + " track" : "");
        Place direct = port.openDirect(user);
        port.post(action.place(), Reply.text("I've started a " + chosen.size() + "-question mock interview " + about
                + " in our direct messages.").onlyTo(user));
        practice.start(new Inbound.Command(action.eventId() + ":practise", user, direct, "mock", action.receivedAt()),
                bank.get(), chosen, "Practice " + about + ", from the question of the day.", port);
    }

    /** How many topics two questions have in common. */
    private static int shared(Question a, Question b) {
        return (int) b.topics().stream().filter(a.topics()::contains).count();
    }

    private static String topicOf(Question q) {
        return q.topics().isEmpty() ? q.track() : q.topics().getFirst();
    }
}
