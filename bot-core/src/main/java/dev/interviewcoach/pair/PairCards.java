package dev.interviewcoach.pair;

import dev.interviewcoach.chat.ActionId;
import dev.interviewcoach.chat.Block;
import dev.interviewcoach.chat.Place;
import dev.interviewcoach.chat.Reply;
import dev.interviewcoach.chat.RichText;
import dev.interviewcoach.chat.UserRef;
import dev.interviewcoach.feedback.Feedback;
import dev.interviewcoach.question.Question;
import dev.interviewcoach.question.TalkingPoint;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** What a pair sees: the opening, each question, the interviewer's private card and the two scores side by side. */
final class PairCards {

    static final String FEATURE = "pair";
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEEE d MMM, HH:mm", Locale.ENGLISH);

    private PairCards() {
    }

    static Reply opening(Pairing p, ZoneId zone) {
        UserRef first = p.user(p.first());
        UserRef second = p.user(p.second());
        return Reply.builder("Peer mock interview (" + p.track() + ")")
                .heading("Peer mock interview")
                .text(RichText.builder().mention(first).plain(" and ").mention(second)
                        .plain(", you are paired this week from ").channel(p.channel())
                        .plain(" (" + p.track() + "). Two questions: ").mention(first)
                        .plain(" interviews first, then you swap roles.").build())
                .text("Answer by typing here, or out loud in a call you start yourselves. The interviewer gets a private"
                        + " card with the talking points and scores the answer 1-5; then you both see the coach's score beside"
                        + " theirs. Open until " + WHEN.format(p.windowEnds().atZone(zone)) + " " + zone.getId()
                        + "; whoever never takes part by then misses this pairing.")
                .block(new Block.Buttons(List.of(new Block.Button("I'm here", new ActionId(FEATURE, "here", p.id(), 0),
                        Block.Style.PRIMARY, "here"))))
                .build();
    }

    static Reply question(Pairing p, int turn, Question q) {
        UserRef interviewer = p.user(p.interviewer(turn));
        UserRef candidate = p.user(p.candidate(turn));
        return Reply.builder("Question " + turn + " of 2: " + q.text())
                .heading("Question " + turn + " of 2")
                .text(RichText.builder().mention(interviewer).plain(" asks, ").mention(candidate).plain(" answers:").build())
                .block(new Block.Quote(RichText.of(q.text())))
                .text(RichText.builder().mention(candidate).plain(": type your answer here (one message or several), or"
                        + " say it out loud in your call.").build())
                // Where typed messages cannot reach the coach (Discord without the Message Content intent), a form can.
                .block(new Block.Buttons(List.of(new Block.Button("Answer", new ActionId(FEATURE, "answer", p.id(), turn),
                        Block.Style.PRIMARY, "", Block.Form.INSTEAD_OF_TYPING))))
                .build();
    }

    /** The interviewer's private card: the question, its rubric, and buttons to mark points and to score. */
    static Reply card(Pairing p, int turn, Question q) {
        Reply.Builder card = Reply.builder("Your interviewer card for question " + turn + ": " + q.text())
                .heading("Your interviewer card, question " + turn)
                .block(new Block.Quote(RichText.of(q.text())));
        if (!q.why().isBlank()) {
            card.text(RichText.builder().bold("Why it is asked: ").plain(q.why()).build());
        }
        List<RichText> points = new ArrayList<>();
        for (int i = 0; i < q.talkingPoints().size(); i++) {
            points.add(RichText.builder().bold((i + 1) + ". ").plain(q.talkingPoints().get(i).point()).build());
        }
        if (!points.isEmpty()) {
            card.text(RichText.builder().bold("Talking points").plain(" (mark each one the answer covers)").build())
                    .text(new RichText(List.of(new RichText.Bullets(points))));
        }
        bullets(card, "Hints you may give", q.hints());
        Set<String> followUps = new LinkedHashSet<>(q.followUps());
        q.talkingPoints().stream().map(TalkingPoint::followUp).flatMap(Optional::stream).forEach(followUps::add);
        bullets(card, "Follow-ups to probe", List.copyOf(followUps));
        bullets(card, "Misconceptions to watch for", q.ownMisconceptions().stream()
                .map(m -> "\"" + m.claim() + "\" Not so: " + m.correction()).toList());
        List<Block.Button> cover = new ArrayList<>();
        for (int i = 0; i < q.talkingPoints().size() && i < 20; i++) {
            cover.add(new Block.Button("Covered " + (i + 1), new ActionId(FEATURE, "cover-" + (i + 1), p.id(), turn),
                    Block.Style.DEFAULT, "covered " + (i + 1)));
        }
        if (!cover.isEmpty()) {
            card.block(new Block.Buttons(cover));
        }
        card.text(RichText.builder().bold("Your score").plain(" (1 weak, 5 excellent); it shows the coach's score beside"
                + " yours and starts the next question:").build());
        List<Block.Button> scores = new ArrayList<>();
        for (int s = 1; s <= 5; s++) {
            scores.add(new Block.Button(Integer.toString(s), new ActionId(FEATURE, "score-" + s, p.id(), turn),
                    s == 5 ? Block.Style.PRIMARY : Block.Style.DEFAULT, "score " + s));
        }
        return card.block(new Block.Buttons(scores)).build();
    }

    private static void bullets(Reply.Builder card, String title, List<String> items) {
        if (items.isEmpty()) {
            return;
        }
        card.text(RichText.builder().bold(title).build())
                .text(new RichText(List.of(new RichText.Bullets(items.stream().map(RichText::of).toList()))));
    }

    /** Both scores side by side, seen by both. {@code coach} is empty when the answer was said out loud. */
    static Reply scores(Pairing p, PeerTurn t, Question q, int peerScore, Optional<Feedback> coach) {
        UserRef interviewer = p.user(t.interviewer());
        UserRef candidate = p.user(t.candidate());
        List<String> markedCovered = q.talkingPoints().stream().filter(tp -> t.covered().contains(tp.id()))
                .map(TalkingPoint::point).toList();
        String coachLine = coach.map(f -> f.score() + "/5. " + f.scoreReason())
                .orElse("no typed answer (said out loud), so only the interviewer's score counts.");
        Reply.Builder reply = Reply.builder("Question " + t.turn() + ": interviewer " + peerScore + "/5, coach "
                        + coach.map(f -> f.score() + "/5").orElse("not scored (answered out loud)"))
                .heading("Question " + t.turn() + ": the scores")
                .text(RichText.builder().mention(candidate).plain("'s answer").build())
                .block(new Block.Fields(List.of(
                        new Block.Field("Interviewer", RichText.builder().mention(interviewer).plain(": " + peerScore
                                + "/5, " + markedCovered.size() + " of " + q.talkingPoints().size()
                                + " talking points marked covered").build()),
                        new Block.Field("Coach", RichText.of(coachLine)))));
        if (!markedCovered.isEmpty()) {
            reply.text(RichText.builder().bold("Marked covered by the interviewer").build())
                    .text(new RichText(List.of(new RichText.Bullets(markedCovered.stream().map(RichText::of).toList()))));
        }
        coach.ifPresent(f -> {
            if (!f.missed().isEmpty()) {
                reply.text(RichText.builder().bold("The coach found these missing").build())
                        .text(new RichText(List.of(new RichText.Bullets(f.missed().stream()
                                .map(tp -> RichText.of(tp.point())).toList()))));
            }
            for (Feedback.WrongClaim claim : f.wrongClaims()) {
                reply.text(RichText.builder().bold("Not right: ").plain(claim.correction()).build());
            }
        });
        return reply.build();
    }

    static Reply swap(Pairing p) {
        return Reply.builder("Roles swap for question 2.")
                .text(RichText.builder().bold("Roles swap: ").mention(p.user(p.second())).plain(" asks now, ")
                        .mention(p.user(p.first())).plain(" answers.").build())
                .build();
    }

    static Reply finished() {
        return Reply.text("Both questions are done: well practised, both of you. Next week's pairing brings a new partner"
                + " when there is one; leave it with pair off in the channel.");
    }

    static Reply closed(Pairing p) {
        List<String> missing = new ArrayList<>();
        if (!p.firstShowed()) {
            missing.add(p.first());
        }
        if (!p.secondShowed()) {
            missing.add(p.second());
        }
        if (missing.isEmpty()) {
            return Reply.text("This pairing has closed. Thanks for practising together.");
        }
        RichText.Builder text = RichText.builder().plain("This pairing has closed. Not seen here: ");
        for (int i = 0; i < missing.size(); i++) {
            text.plain(i == 0 ? "" : " and ").mention(p.user(missing.get(i)));
        }
        return Reply.builder("This pairing has closed.").text(text.plain(". Two missed pairings in a row leave a person out"
                + " until they type pair on again.").build()).build();
    }

    static Reply leftOut(Place channel) {
        return Reply.builder("You missed two pairings in a row, so you are left out of this channel's weekly pairing.")
                .text(RichText.builder().plain("You missed two peer pairings in a row in ").channel(channel)
                        .plain(", so I have left you out of its weekly pairing: your partners were waiting for you. Whenever you"
                                + " are ready again, type pair on there and you are back in.").build())
                .build();
    }

    static Reply partnerAbsent(Place channel) {
        return Reply.builder("Your partner did not take part in this week's peer pairing; it closed without them.")
                .text(RichText.builder().plain("Your partner did not take part in this week's peer pairing in ").channel(channel)
                        .plain(", so it closed without them. That does not count against you: you stay in, and next week"
                                + " brings a new pairing.").build())
                .build();
    }

    static Reply alone(Place channel, PairMatcher.Alone why, WorkingHours hours) {
        String reason = switch (why) {
            case ODD_ONE_OUT -> "an odd number of people opted in and you are the one left over";
            case NO_OVERLAP -> "nobody free this week works at the same time as you for an hour (your working hours"
                    + " are " + hours.describe() + "; wider ones with, for example, pair on 08:00-20:00)";
            case NO_ONE_ELSE -> "nobody else practising your track is in the pairing this week";
        };
        return Reply.builder("No partner for you this week: " + reason + ".")
                .text(RichText.builder().plain("No peer partner for you this week in ").channel(channel)
                        .plain(": " + reason + ". You are first in line next week. Meanwhile, practise on your own with: mock")
                        .build())
                .build();
    }

    static String when(Instant at, ZoneId zone) {
        return WHEN.format(at.atZone(zone)) + " " + zone.getId();
    }

    static Reply refusedGroup(Place channel, String why) {
        return Reply.builder("I could not open a private conversation for your pairing: " + why)
                .text(RichText.builder().plain("I could not open a private conversation for your peer pairing from ")
                        .channel(channel).plain(": " + why + " You are first in line next week.").build())
                .build();
    }
}
