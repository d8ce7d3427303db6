package dev.interviewcoach.progress;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.interviewcoach.chat.ActionId;
import dev.interviewcoach.chat.Block;
import dev.interviewcoach.chat.ChatPort;
import dev.interviewcoach.chat.Inbound;
import dev.interviewcoach.chat.Place;
import dev.interviewcoach.chat.Reply;
import dev.interviewcoach.chat.UserRef;
import dev.interviewcoach.command.CommandInput;
import dev.interviewcoach.command.CommandSpec;
import dev.interviewcoach.command.OptionSpec;
import dev.interviewcoach.daily.DailyAnswerRepository;
import dev.interviewcoach.daily.DailyDirect;
import dev.interviewcoach.daily.SubscriptionRepository;
import dev.interviewcoach.digest.DigestRepository;
import dev.interviewcoach.engine.ActionHandler;
import dev.interviewcoach.engine.CommandHandler;
import dev.interviewcoach.interview.AnswerRecord;
import dev.interviewcoach.interview.FollowUpRecord;
import dev.interviewcoach.interview.MockSession;
import dev.interviewcoach.interview.SessionRepository;
import dev.interviewcoach.pair.PairMember;
import dev.interviewcoach.pair.Pairing;
import dev.interviewcoach.pair.PairingRepository;
import dev.interviewcoach.pair.PeerTurn;
import dev.interviewcoach.review.ReviewRepository;
import dev.interviewcoach.store.Database;
import dev.interviewcoach.store.SamePerson;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code forget-me} (after a confirmation) deletes everything stored about a person: interviews
 * and their answers, answers to questions of the day, preferences, their agreement to be named in
 * weekly digests, their peer pairings; a subscription, digest or pairing they created stays for the channel but no longer names them. {@code export} sends them all of it as a JSON file.
 */
public final class PrivacyFeature implements CommandHandler, ActionHandler {

    private static final Logger log = LoggerFactory.getLogger(PrivacyFeature.class);
    static final String FEATURE = "privacy";

    private final Jdbi jdbi;
    private final SessionRepository sessions;
    private final DailyAnswerRepository daily;
    private final PersonRepository people;
    private final SubscriptionRepository subscriptions;
    private final Clock clock;
    private final ReviewRepository reviews;
    private final DailyDirect directs;
    private final DigestRepository digests;
    private final PairingRepository pairings;
    private final SamePerson samePerson;
    private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** Forget-me and export over everything the coach keeps about a person, the weekly digests and DMs included. */
    public PrivacyFeature(Jdbi jdbi, SessionRepository sessions, DailyAnswerRepository daily, PersonRepository people,
                          SubscriptionRepository subscriptions, ReviewRepository reviews, DailyDirect directs,
                          DigestRepository digests, PairingRepository pairings, SamePerson samePerson, Clock clock) {
        this.samePerson = samePerson;
        this.pairings = pairings;
        this.directs = directs;
        this.digests = digests;
        this.reviews = reviews;
        this.jdbi = jdbi;
        this.sessions = sessions;
        this.daily = daily;
        this.people = people;
        this.subscriptions = subscriptions;
        this.clock = clock;
    }

    @Override
    public List<CommandSpec> commands() {
        return List.of(
                CommandSpec.of("export", "get everything stored about you as a file"),
                // Typed, "forget-me confirm" goes ahead at once; forms ask with buttons instead.
                CommandSpec.of("forget-me", "delete everything stored about you",
                        OptionSpec.choice("confirm", "Delete without asking again", OptionSpec.of("confirm", "confirm"))
                                .typedOnly()));
    }

    @Override
    public String feature() {
        return FEATURE;
    }

    @Override
    public void handle(Inbound.Command command, CommandInput input, ChatPort port) {
        if (input.command().equals("export")) {
            export(command.user(), command.place(), port);
        } else if (input.value("confirm").isPresent()) {
            forget(command.user(), command.place(), port);
        } else {
            port.post(command.place(), confirmation().onlyTo(command.user()));
        }
    }

    @Override
    public void onAction(Inbound.Action action, ChatPort port) {
        switch (action.action().verb()) {
            case "forget" -> forget(action.user(), action.place(), port);
            case "keep" -> port.post(action.place(), Reply.text("Nothing was deleted.").onlyTo(action.user()));
            default -> port.post(action.place(), Reply.text("That button is no longer in use.").onlyTo(action.user()));
        }
    }

    private static Reply confirmation() {
        return Reply.builder("Delete everything stored about you? Type forget-me confirm to go ahead.")
                .heading("Delete everything about you?")
                .text("This deletes your mock interviews and answers, your answers to questions of the day, your stats,"
                        + " streaks and settings (whether digests may name you), and your peer pairings. It cannot be undone. Type export first for a copy.")
                .block(new Block.Buttons(List.of(
                        new Block.Button("Delete everything", new ActionId(FEATURE, "forget", "me", 0), Block.Style.DANGER,
                                "forget-me confirm"),
                        // nothing to type to keep it: typing anything else does
                        new Block.Button("Keep it", new ActionId(FEATURE, "keep", "me", 0), Block.Style.DEFAULT, null))))
                .build();
    }

    private void forget(UserRef asked, Place place, ChatPort port) {
        List<UserRef> everyone = samePerson.everywhere(asked);
        int removed = jdbi.inTransaction(h -> {
            int n = 0;
            for (UserRef user : everyone) {
                n += sessions.deleteFor(user);
                n += daily.deleteFor(user);
                n += people.delete(user);
                n += reviews.deleteFor(user);
                n += directs.deleteFor(user);
                n += digests.forget(user);
                n += pairings.forget(user);
                subscriptions.forgetCreator(user.platform().name(), user.tenant(), user.userId());
            }
            return n;
        });
        Database.purgeDeleted(jdbi);
        log.info("a person's data was deleted at their request ({} records)", removed);
        port.post(place, Reply.text(removed == 0 ? "There was nothing stored about you; there is nothing now."
                : "Done: everything stored about you is deleted. If you practise again, you start afresh.").onlyTo(asked));
    }

    private void export(UserRef user, Place place, ChatPort port) {
        byte[] file;
        try {
            ObjectNode root = document(user);
            // The same person in other servers (Discord ids are global): each server's part, beside this one.
            List<UserRef> others = samePerson.everywhere(user).stream().filter(u -> !u.equals(user)).toList();
            if (!others.isEmpty()) {
                ArrayNode elsewhere = root.putArray("elsewhere");
                others.forEach(other -> elsewhere.add(document(other)));
            }
            file = json.writeValueAsBytes(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write an export", e);
        }
        Place direct = place.kind() == Place.Kind.DIRECT ? place : port.openDirect(user);
        port.postFile(direct, Reply.text("Everything Interview Coach stores about you, as of " + clock.instant()
                + ".").onlyTo(user), "interview-coach-export.json", file);
        if (!direct.equals(place)) {
            port.post(place, Reply.text("I've sent your data to our direct messages as a JSON file.").onlyTo(user));
        }
    }

    private ObjectNode document(UserRef user) {
        ObjectNode root = json.createObjectNode();
        root.put("exportedAt", clock.instant().toString());
        root.putObject("person").put("platform", user.platform().name()).put("workspace", user.tenant())
                .put("user", user.userId());
        people.find(user).ifPresent(p -> root.putObject("settings").put("muted", p.muted()).put("streakReminders", p.remind())
                .put("zone", p.zone().map(Object::toString).orElse(null)));
        ArrayNode byDm = root.putArray("questionOfTheDayByDm");
        for (DailyDirect.Choice c : directs.byUser(user)) {
            byDm.addObject().put("channelSubscription", c.subscriptionId()).put("at", c.at().toString())
                    .put("zone", c.zone().getId()).put("lastSent", c.sentOn().map(Object::toString).orElse(null));
        }
        ObjectNode digest = root.putObject("weeklyDigests").put("showMe", digests.showsMe(user));
        ArrayNode setUp = digest.putArray("setUpForChannels");
        digests.setUpBy(user).forEach(setUp::add);
        ArrayNode pairingIn = root.putArray("peerPairing");
        for (PairMember m : pairings.memberships(user)) {
            pairingIn.addObject().put("channel", m.channel().channelId()).put("track", m.track())
                    .put("zone", m.zone().getId()).put("optedIn", m.optedIn()).put("missedInARow", m.missedInRow())
                    .put("leftOut", m.leftOut()).put("joinedAt", m.joinedAt().toString());
        }
        ArrayNode peerInterviews = root.putArray("peerInterviews");
        for (Pairing p : pairings.pairingsOf(user)) {
            ObjectNode node = peerInterviews.addObject().put("channel", p.channel().channelId())
                    .put("week", p.localDate().toString()).put("track", p.track()).put("tookPart", p.showed(user.userId()));
            ArrayNode questions = node.putArray("questions");
            for (PeerTurn t : pairings.turns(p.id())) {
                // The partner's own answers are theirs: only this person's part of each question is exported.
                boolean answered = t.candidate().equals(user.userId());
                ObjectNode q = questions.addObject().put("question", t.questionId())
                        .put("role", answered ? "candidate" : "interviewer");
                if (answered) {
                    q.put("answer", t.answer().orElse(null));
                    t.coachScore().ifPresent(score -> q.put("coachScore", score));
                    t.peerScore().ifPresent(score -> q.put("peerScore", score));
                } else {
                    t.peerScore().ifPresent(score -> q.put("scoreGiven", score));
                }
            }
        }
        ArrayNode interviews = root.putArray("mockInterviews");
        Map<String, List<AnswerRecord>> answersBySession = sessions.answersOf(user);
        for (MockSession s : sessions.recentFor(user, Integer.MAX_VALUE)) {
            ObjectNode node = interviews.addObject().put("id", s.id()).put("track", s.track())
                    .put("startedAt", s.startedAt().toString()).put("status", s.status().name());
            ArrayNode answers = node.putArray("answers");
            for (AnswerRecord a : answersBySession.getOrDefault(s.id(), List.of())) {
                ObjectNode an = answers.addObject().put("question", a.questionId()).put("outcome", a.outcome().name())
                        .put("answer", a.answerText()).put("at", a.at().toString());
                if (a.score() != null) {
                    an.put("score", a.score());
                }
            }
            List<FollowUpRecord> followUps = sessions.followUps(s.id());
            if (!followUps.isEmpty()) {
                ArrayNode asked = node.putArray("followUps");
                for (FollowUpRecord f : followUps) {
                    ObjectNode fn = asked.addObject().put("questionNumber", f.position() + 1).put("asked", f.asked())
                            .put("outcome", f.outcome().name()).put("answer", f.answerText()).put("at", f.at().toString());
                    if (f.score() != null) {
                        fn.put("score", f.score());
                    }
                }
            }
        }
        ArrayNode due = root.putArray("reviewSchedule");
        for (ReviewRepository.Stored card : reviews.all(user)) {
            due.addObject().put("track", card.track()).put("question", card.questionId())
                    .put("due", card.card().due().toString()).put("reviews", card.card().reps())
                    .put("stability", card.card().stability()).put("difficulty", card.card().difficulty());
        }
        ArrayNode answers = root.putArray("questionOfTheDayAnswers");
        for (DailyAnswerRepository.Answer a : daily.byUser(user)) {
            answers.addObject().put("date", a.localDate().toString()).put("question", a.questionId()).put("answer", a.text())
                    .put("score", a.score()).put("sharedAtReveal", a.shared()).put("at", a.answeredAt().toString());
        }
        return root;
    }
}
