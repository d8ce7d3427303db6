package dev.interviewcoach.feedback;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Speaking badly of colleagues, a manager or an employer, the mistake interviewers remember most from
 * a story or a "why are you leaving" answer: people named and run down in the same breath ("my
 * manager has no idea what he's doing", "the other engineers are useless"; not "a useless old
 * module"). Read only in story and motivation answers: in a technical one "lazy" and "useless"
 * describe code ("lazy loading").
 */
final class Disparaging {

    /** The claim and the correction shown when an answer does it. */
    static final String CLAIM = "Speaking badly of colleagues, a manager or an employer.";
    static final String CORRECTION = "Say what was hard and what you did about it, and speak of the people with"
            + " respect: an interviewer hears how you would one day speak of them.";

    private static final String PEOPLE = "(my|our|the|his|her|their|other|whole|half (of )?the) ?(old |previous |current "
            + "|former |new |other |whole )?(team |tech |engineering |product |project |line )?(manager|managers|boss|bosses|lead|leads|team|teammates?|colleagues?|co-?workers?"
            + "|engineers|developers|devs|people|management|leadership|company|employer|product people|sales people)"
            + "|\\b(he|she|they|everyone|everybody|nobody|half of them|most of them)\\b";
    private static final String RUN_DOWN = "(incompetent|clueless|useless|lazy|stupid|idiots?|morons?|hopeless|dumb"
            + "|toxic|a joke|a shambles|a clown show|dead weight|hav(e|ing)? no idea what|ha[sd] no idea what"
            + "|(don't|doesn't|didn't) know what (they|he|she)('re| are|'s| is| was| were) doing"
            + "|couldn't \\w+ (a|an|to) \\w+ to save (their|his|her) li(fe|ves)|to save (their|his|her) li(fe|ves)"
            + "|takes? (all )?(the )?credit for my|took (all )?(the )?credit for my|can't keep up with me)";
    /** Words that may stand between the people and what is said of them: "are frankly all useless". */
    private static final String BETWEEN = "(?:(?:is|are|was|were|seem|seems|seemed|just|really|all|basically|frankly|there|here"
            + "|honestly|totally|completely|so|pretty|quite|utterly|simply|always|mostly|also|still)\\s+){0,3}";
    /** People, then what runs them down, said of them ("the engineers are useless", not "a useless module"). */
    private static final Pattern PEOPLE_RUN_DOWN = Pattern.compile(
            // every way of naming the people starts with one of these letters: the rest is tried only there
            "\\b(?=[mothwsen])(" + PEOPLE + ")\\s+" + BETWEEN + RUN_DOWN,
            Pattern.CASE_INSENSITIVE);

    private Disparaging() {
    }

    /** The first sentence that runs people down, if any. */
    static Optional<String> find(List<String> sentences) {
        for (String sentence : sentences) {
            Matcher m = PEOPLE_RUN_DOWN.matcher(sentence);
            if (m.find()) {
                return Optional.of(sentence.strip());
            }
        }
        return Optional.empty();
    }
}
