package dev.interviewcoach.feedback;

import dev.interviewcoach.question.QuestionKind;
import dev.interviewcoach.text.TextAnalyzer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The shape of an answer. Behavioural and situational answers are read for STAR: a situation,
 * the person's task, what they did themselves, and a result (measurable, ideally). Technical and
 * motivation answers are read for a clear claim, a concrete example or tool, and a trade-off.
 */
public final class Structure {

    /** One element of a good structure, and whether the answer has it. */
    public record Element(String name, boolean present) {}

    /**
     * The elements looked for, in order; {@code saysWhatChanged} when a story tells its outcome in words the result
     * cues miss ("after a month the build breaks stopped"), which the advice heeds and the score does not; and
     * {@code saysWhatIDid} when it tells what the person did in any verb ("I ranked", "I messaged"), likewise; and
     * {@code countsInWords} when it gives a count in words ("in two days", "three fewer incidents") or a measure as typed
     * ("dropped about 40%"), likewise; and
     * {@code saysWhenNot} when it says when it would not do a thing ("I wouldn't switch to eager globally"), likewise;
     * and {@code opensOnAScene} when its first sentence tells what was going on ("Our releases used to eat a whole
     * afternoon", "I was cleaning up old feature flags"), likewise.
     */
    public record Result(List<Element> elements, boolean saysWhatChanged, boolean saysWhatIDid, boolean countsInWords,
                         boolean saysWhenNot, boolean opensOnAScene, boolean opensWithAStatement) {
        public Result {
            elements = List.copyOf(elements);
        }

        public double share() {
            return elements.isEmpty() ? 0 : (double) present().size() / elements.size();
        }

        public List<String> present() {
            return elements.stream().filter(Element::present).map(Element::name).toList();
        }

        public List<String> missing() {
            return elements.stream().filter(e -> !e.present()).map(Element::name).toList();
        }
    }

    private static final WordPattern SITUATION = words("(at|on|in) my (last|previous|current|old|first|former) (job|company|role|team|employer|project|position|workplace)",
            "(at|on|in) (a|an|one) (previous|former|old|earlier) (job|company|role|team|employer|project|position)",
            "back when", "a while (back|ago)", "when i was", "last (year|quarter|month|spring|summer|autumn|fall|winter)",
            "a few (years|months) ago", "we had", "we were", "our team", "the situation", "the context", "there was a",
            "i was working", "i joined", "one time", "once,? (i|we|our)", "in \\d{4}", "i was (a|an|the|on|leading|responsible)",
            // the background of a story is told in the past going on: "reviews were taking three days", "she kept rejecting"
            "(was|were) (taking|getting|hurting|failing|breaking|missing|slipping|losing|piling|costing|blocking|running|growing)",
            "kept (rejecting|changing|missing|failing|breaking|asking|pushing|coming|slipping|crashing|escalating)",
            // the scene of a disagreement: "another dev and I disagreed on whether to rewrite it"
            "(and i|i and [a-z]+) (disagreed|clashed|argued|butted heads|had a (disagreement|conflict|falling out))",
            "(disagreed|clashed|argued) (on|about|over) (whether|how|what|which|the)");
    private static final WordPattern TASK = words("my (job|task|role|goal|responsibility) was", "i was (responsible|asked|tasked|in charge)",
            "i had to", "i needed to", "the goal was", "we needed to", "our goal", "needed to", "had to");
    /** Words that may stand between "I" and what they did: "I then ran the postmortem", "I also wrote". */
    private static final String I_THEN = "i (?:(?:then|also|just|quickly|finally|first|immediately|personally|eventually"
            + "|actually|later|instead|still|even) )?";
    private static final WordPattern ACTION = words(I_THEN + "(decided|proposed|built|wrote|set up|created|organi[sz]ed|led|started|asked|suggested|talked|"
            + "met|called|scheduled|rewrote|added|changed|moved|split|introduced|ran|reached out|pushed|sat down|"
            + "took|designed|implemented|negotiated|explained|shared|documented|prioriti[sz]ed|measured|profiled|"
            + "fixed|refactored|paired|escalated|volunteered|mentored|drafted|presented|gathered|interviewed|"
            + "automated|migrated|reviewed|tested|traced|went|made|put|used|learned|focused|broke)");
    private static final WordPattern RESULT = words("as a result", "the result", "result was", "in the end", "which (led|meant|cut|saved|reduced|increased|dropped)",
            "we (shipped|launched|delivered|hit|met|cut|saved|reduced|increased|finished|released)", "(reduced|increased|cut|dropped|saved|improved|grew|fell|went down|went up)",
            "outcome", "afterwards", "since then", "ended up", "turned out", "by the end");
    /**
     * An outcome told with the time it took or as a lasting change. Read only to choose the advice: as a score
     * input it also credited the fluent wrong stories of the check part.
     */
    private static final WordPattern WHAT_CHANGED = words(
            "(after|within) (a|an|one|two|three|four|six|a few|several|\\d+) (days?|weeks?|months?|sprints?|quarters?)",
            "stopped", "went away", "no longer", "became", "eventually", "from then on", "these days",
            // an outcome told as what others then did: "they renewed that quarter", "his next doc was approved"
            "renewed", "(was|were|got) (approved|accepted|adopted|signed off|merged)", "on time", "signed", "since then",
            "by (week|month|day|sprint) \\w+", "got it (down )?to", "scored (much |a lot )?(higher|better)",
            "(still|now) (use|uses|run|runs|do|does)", "(has|have|'s|'ve) used", "kept it from",
            "no (more|further) (incidents|complaints|outages|escalations|pages)", "thanked", "promoted");
    /**
     * What the person did, in any verb of the past: read only to choose the advice, since as a score input it
     * credited fluent wrong stories as much as right ones.
     */
    private static final WordPattern I_DID = words(I_THEN + "(?!(need|feed|speed|proceed|exceed|succeed)\\b)[a-z]+ed",
            I_THEN + "(went|made|took|told|wrote|ran|chose|built|brought|sent|set|put|got|gave|kept|spent|sat|met|led|found|held"
            + "|spoke|began|did|cut|paid|taught|won|sought|drew|rebuilt|rewrote|stood)");
    /**
     * A count in words: read only for the advice, since as a score input it also credited wrong stories and listed
     * results that were not there (dev part).
     */
    private static final WordPattern COUNT_IN_WORDS = words("(two|three|four|five|six|seven|eight|nine|ten|twelve|a dozen"
            + "|twenty|thirty|forty|fifty|a hundred|half)( [a-z]+)? (days|weeks|hours|minutes|months|people|users"
            + "|customers|clients|incidents|tickets|complaints|engineers|teams|the time)");
    private static final Pattern MEASURE = Pattern.compile(
            // each way starts on a digit or one of these letters: elsewhere nothing more is tried
            "(?=[0-9fhdtb])(?:\\d+(\\.\\d+)?\\s*(%|percent|x\\b|times|ms|seconds|minutes|hours|days|weeks|"
            + "months|people|users|customers|k\\b|gb|mb|tb|requests|engineers|points)"
            // a count with one word before its unit: "40 affected customers", "3 fewer incidents"
            + "|\\d+(\\.\\d+)? [a-z]+ (people|users|customers|clients|orders|tickets|incidents|requests|engineers|complaints|errors|bugs)\\b|\\bfrom \\S+( \\S+)? to \\S+|\\b(halved|doubled|tripled)\\b"
            + "|\\bby (about |roughly |nearly |almost |over |more than )?(half|a third|a quarter|two thirds)\\b)");
    private static final WordPattern CLAIM = words("i would", "i'd", "i prefer", "i recommend", "i start", "i use", "i pick", "i choose", "i go with",
            "my (approach|rule|default|answer|first step)", "the (key|main|short answer|answer|first thing)", "it depends", "depends on",
            "is (a|an|the|when|about)", "means", "you (should|want|need)", "we (use|used|would)", "the way i", "first,? i", "i'll", "i'm");
    private static final WordPattern EXAMPLE = words("for example", "for instance", "e\\.g\\.", "such as", "in (one|a|my|our) (project|service|team|job|case|app|system|company)",
            "at my (last|previous|current) (job|company|role)", "last (year|month|week)", "we had", "once", "recently", "like when", "in practice", "say we", "imagine", "consider");
    private static final WordPattern TRADE_OFF = words("trade-?off", "but", "however", "downside", "drawback", "cost", "the catch", "unless",
            "on the other hand", "at the expense", "depends", "when not", "avoid", "instead", "overkill", "risk", "price", "versus", "vs\\.?", "whereas", "while",
            "gotchas?", "pitfalls?", "caveats?", "limitations?", "expensive", "watch out", "(do|does|did|wo|is|are)n't (help|pay off|scale|work)");

    /**
     * A first sentence in the past, or one saying who the person is or was where: the scene of a story, read for the
     * advice only ("open with the situation" was told to stories opening "Our releases used to eat a whole afternoon").
     */
    private static final WordPattern SCENE = WordPattern.compile("\\b(was|were|had|used to|kept|\\w{3,}ed|led|ran|built|took"
            + "|got|went|began|wrote|found|saw|sat|left|lost|told|thought|knew|felt|came|became|grew|held|spent|brought"
            + "|chose|made|set|ran|(i'm|i am) (a|an|the))\\b");

    /** When the person would not do a thing, or would do it only sometimes: a trade-off, read for the advice only. */
    private static final WordPattern WHEN_NOT = words("i (wouldn't|would not|would never|'d never|'d avoid|would avoid)",
            "rather than", "not worth", "only (if|when|with|for)", "moves? the problem", "watch (out )?for", "beware",
            "(is|are) fine for", "good enough for", "for most (cases|services|apps|workloads|teams)?", "if you need",
            "better (for|when|if)", "not (for|when|if)");

    private static WordPattern words(String... alternatives) {
        return WordPattern.compile("\\b(" + String.join("|", alternatives) + ")\\b");
    }

    public Result assess(QuestionKind kind, AnalyzedText answer) {
        String text = answer.spaced();
        List<Element> elements = new ArrayList<>();
        switch (kind) {
            case BEHAVIORAL, SITUATIONAL -> {
                elements.add(new Element("situation", SITUATION.foundIn(text)));
                elements.add(new Element("task", TASK.foundIn(text)));
                elements.add(new Element("action", ACTION.foundIn(text)));
                elements.add(new Element("result", RESULT.foundIn(text)));
                elements.add(new Element("measurable result", MEASURE.matcher(text).find()));
            }
            case TECHNICAL, MOTIVATION -> {
                elements.add(new Element("claim", CLAIM.foundIn(text)));
                elements.add(new Element("example", EXAMPLE.foundIn(text)));
                elements.add(new Element("trade-off", TRADE_OFF.foundIn(text)));
            }
        }
        return new Result(elements, WHAT_CHANGED.foundIn(text), I_DID.foundIn(text),
                // the score reads the analysed words, where "40%" is "40": the advice also reads what was typed
                COUNT_IN_WORDS.foundIn(text) || MEASURE.matcher(answer.text().toLowerCase(Locale.ROOT)).find(),
                WHEN_NOT.foundIn(text),
                !answer.sentences().isEmpty() && SCENE.foundIn(answer.sentences().getFirst().toLowerCase(Locale.ROOT)
                        .replace('\u2019', '\'')),
                !answer.sentences().isEmpty() && opensWithAStatement(answer.sentences().getFirst()));
    }

    /**
     * A first sentence that states something outright: short, not a question, not a preamble ("so", "well", "good
     * question", "it depends"). Read for the advice only: "open with your answer in one sentence" was told to answers
     * opening "WHERE filters rows before grouping and HAVING filters groups after".
     */
    private static boolean opensWithAStatement(String first) {
        String s = first.strip().toLowerCase(Locale.ROOT).replace('\u2019', '\'');
        return !s.endsWith("?") && TextAnalyzer.wordCount(s) <= STATEMENT_WORDS && !PREAMBLE.matcher(s).find();
    }

    private static final int STATEMENT_WORDS = 30;
    private static final Pattern PREAMBLE = Pattern.compile("^(so|well|um+|uh+|hmm+|ok|okay|good question|great question"
            + "|it depends|that depends|there are (a few|several|many)|there's a few|i think|i guess|honestly|basically"
            + "|let me|first of all|to be honest)\\b");
}
