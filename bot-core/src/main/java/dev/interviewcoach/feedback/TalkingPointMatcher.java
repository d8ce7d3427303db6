package dev.interviewcoach.feedback;

import dev.interviewcoach.text.TextAnalyzer;
import dev.interviewcoach.text.EditDistance;
import dev.interviewcoach.question.Misconception;
import dev.interviewcoach.question.Question;
import dev.interviewcoach.question.TalkingPoint;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.Matcher;
import java.util.stream.Collectors;
import java.util.HashSet;
import java.util.concurrent.ConcurrentHashMap;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;

/**
 * Decides which talking points an answer shows, and with which words. A point is shown by one of
 * its phrases (as consecutive stems, or for a short phrase all its words close together in any
 * order), or by the point's own key words appearing close together. One typo is forgiven in words
 * of five letters or more.
 */
public final class TalkingPointMatcher {

    private static final int TYPO_MIN_LENGTH = 5;
    private static final Pattern CAMEL_CASE = Pattern.compile("\\b\\p{L}*\\p{Ll}\\p{Lu}[\\p{L}\\p{N}]*");
    /** Extra words allowed between the words of a phrase matched out of order. */
    private static final int PHRASE_SLACK = 3;
    /**
     * Words before a claim, in its sentence, by which a candidate reports or rejects it rather than
     * asserting it: "instead of X", "some people think X", "it's a myth that X", "don't just X", "at first we tried X".
     */
    private static final Pattern DISTANCED_BEFORE = Pattern.compile(
            "(\\b(instead of|rather than|unlike|as opposed to|contrary to|myths?|misconceptions?"
            // a belief reported to be set right: "people often think X", "a common assumption is that X", "you might
            // assume X", "I was tempted to X", "the usual answer is X"
            + "|(people|folks|teams|developers|devs|engineers|juniors|everyone|many|some|most|others)( \\w+ly| often| sometimes"
            + "| still| usually| tend to)? (think|assume|believe|say|expect|claim|feel)"
            + "|(common|popular|widespread|frequent|classic|typical|old|usual) (belief|assumption|misunderstanding|intuition)"
            + "|(belief|assumption|intuition) (is )?that|(it's|it is) (easy|tempting) to (think|assume|believe)"
            + "|you (might|may|could) (think|assume|expect)|(often|commonly|widely) (assumed|believed|thought|claimed)"
            + "|(was|were|am|felt) tempted|first (instinct|thought|reaction|impulse)|(usual|obvious|lazy|textbook|standard) answer"
            + "|used to (think|believe|assume)|tempting to|trap is|mistake is"
            // a rejected first thought: "people's reflex is to pool virtual threads", "the naive fix is a bigger pool"
            + "|(reflex|instinct|temptation) (is|was)|naive (approach|answer|fix|way|version|idea)"
            + "|the (idea|claim|belief|notion) that|not (just|simply|only|merely)"
            // a story's first, failed attempt and a list of mistakes report the claim: "at first we tried long
            // video calls", "before deciding they're just being difficult", "expecting checked exceptions to roll back"
            + "|at first|initially|(we|i) first tried|before (deciding|assuming|concluding)|expecting"
            // a list headed as mistakes: "Mistakes I watch for: ..., and never shutting the executor down"
            + "|(mistakes|pitfalls|anti-patterns|traps) (i|we|to) (watch|look|avoid)[^:]{0,20}(?=:)"
            + "|(common |typical |classic )?(mistakes|pitfalls)(?=\\s*:)|(watch|look) out for(?=\\s*:)|(things to )?avoid(?=\\s*:)"
            // "Watch-outs imo: blocking IO on the common pool, ..., and executors never shut down on app stop"
            + "|(watch-outs|gotchas|footguns|traps|red flags)( \\w+){0,2}(?=\\s*:))"
            + "|n't (just|simply|only|merely))\\b");
    /**
     * What is prevented is not done, when the claim follows right after: "stop teams tagging metrics with user IDs",
     * "stop teams from adding labels with unlimited values".
     */
    private static final Pattern PREVENTED_BEFORE = Pattern.compile("\\b(stop|stops|stopped|stopping|prevent|prevents"
            + "|prevented|preventing|forbid|forbids|forbidding|ban|bans|banned|block|blocks|blocking) (\\w+ ){0,3}?(from )?$");
    /** Words after a claim, in its sentence, that reject it: "X is a myth", "X is not true", "X causes resolver conflicts". */
    private static final String VERDICT =
            "\\b((is|are|was|were|'s|sounds)\\s+(a myth|a misconception|false|not true|untrue|outdated|a (bad idea|mistake|trap)"
            + "|an anti-pattern)|(?<!never )(?<!not )(?<!n't )(cause|causes|caused|lead to|leads to|led to)\\s+(\\w+\\s+){0,2}(problems|conflicts|bugs"
            + "|outages|incidents|pain)"
            // what it does when it goes wrong: "one bad payload retrying forever can stall a whole partition", "one team
            // tagged metrics with request ids and the tsdb fell over"
            + "|(can|will|would|could|might)\\s+(\\w+\\s+)?(stall|block|break|kill|starve|crash|overload|take down|blow up)"
            + "|(and|so)\\s+(it|that|everything|storage|memory|the\\s+\\w+)\\s+(fell over|falls over|crashed|crashes|broke|breaks"
            + "|died|dies|blew up|blows up|went down|goes down|melted down|melts down|ran out|runs out)"
            // the same said in the present: "throwing more workers at it just knocks it over", "only makes it worse"
            + "|(just |only |simply )?(knocks (it|them|things|the\\s+\\w+) over|makes (it|things|the\\s+\\w+) worse"
            + "|(overloads|swamps|floods|hammers) (it|them|the\\s+\\w+)))\\b";
    /** Talk about a topic, right before its words: "we also talked about", "people bring up", "a post about". */
    private static final Pattern NAMED_BEFORE = Pattern.compile("\\b(talk(ed|s|ing)? about|discuss(ed|es|ing)?"
            + "|br(ing|ings|ought) up|mention(ed|s|ing)?|heard (of|about)|read (a bit |something )?about"
            + "|opinions? (about|on)|(blog )?post about|(meeting|discussion|conversation|chat|debate) about"
            + "|worth mentioning|came up|comes up)\\s+(the |a |an |some |things like )?$");
    /** Talk about a topic, right after its words: "... is something teams discuss a lot", "... came up". */
    private static final Pattern NAMED_AFTER = Pattern.compile("^\\s*(is|was|are|were)?\\s*(something (that )?(people"
            + "|teams|we|everyone|folks) (often |always |also )?(talk about|discuss|bring up|mention)|a (hot |big |popular "
            + "|common )?topic|(came|comes|come) up|(gets|got) (discussed|mentioned|brought up)|never gets old"
            + "|(was|is|were|are) (discussed|mentioned|brought up))");
    private static final Pattern DISTANCED_AFTER = Pattern.compile("^[^.!?]{0,40}?" + VERDICT);
    private static final Pattern DISTANCED_WITHIN = Pattern.compile(VERDICT);
    /**
     * A negation right after a point's words, in the same clause, denies the point: "cache stampedes aren't
     * a real problem", "streaming doesn't help". The point's words stand before the negation, so its usual
     * reach (the words after it) does not cover them. At most two words may stand between, none of them one
     * that starts another clause ("stream it and never load it whole" still makes the point).
     */
    private static final String NOT_A_CLAUSE_WORD = "(?!(?:and|or|but|so|then|because|which|that|who|when|if|while|since|as"
            + "|it|they|we|you|i|he|she|this|these|those|never|not|no)\\b)[\\p{L}\\p{N}'-]+";
    private static final Pattern DISMISSED = Pattern.compile("^(?:\\s+" + NOT_A_CLAUSE_WORD + "){0,2}"
            // a subject of several things: "pricing at scale and lock-in aren't worth it", but not "stream it and never load it"
            + "(?:\\s+(?:and|or)(?:\\s+" + NOT_A_CLAUSE_WORD + "){1,3})?\\s+(?:"
            + "(?:is|are|was|were|does|do|did|will|would|can|could|should|has|have)(?:n't| not| never)"
            + "|isnt|arent|doesnt|dont|wont|cannot|never|no longer"
            + "|(?:adds?|added) nothing|makes? no difference|(?:is|are|was|were) (?:pointless|useless|unnecessary|irrelevant"
            + "|a waste))\\b");
    /** How many characters after a point's words are read for a dismissal. */
    private static final int DISMISSAL_READ = 80;
    /** Words that stand for a subject named just before ("they're deeply immutable"). */
    private static final Pattern PRONOUN = Pattern.compile("\\b(they|it|these|those|this)\\b\\W*(are|is|were|was|will|would|can|do|does)?\\W*$");
    /** The pronouns the analyser keeps as stems. */
    private static final Set<String> PRONOUN_STEMS = Set.of("they'r", "it'");
    /** How many words before the pronoun the subject may stand. */
    private static final int SUBJECT_REACH = 12;
    /** How close the key words of a point's own sentence must stand. */
    private static final int POINT_WINDOW = 14;
    /** Words too common in answers to show a point by themselves. */
    private static final Set<String> GENERIC = Set.of("use", "make", "good", "way", "thing", "need", "want", "get",
            "can", "one", "work", "time", "like", "know", "just", "also", "set", "take", "keep", "give", "well",
            "mean", "much", "mani", "first", "new", "right", "sure", "will", "would", "could", "should",
            "it'", "it", "what", "when", "how", "why", "say", "said", "explain", "describ", "name", "show");

    private final TextAnalyzer analyzer;
    /** By the point's content: a point edited in a bank file and reloaded is prepared again, not read as it was. */
    private final Map<TalkingPoint, Prepared> prepared = new ConcurrentHashMap<>();
    private final Map<String, Optional<Phrase>> spottedPhrases = new ConcurrentHashMap<>();
    private final Map<String, String> typedPhrases = new ConcurrentHashMap<>();
    /** Everything a question's points look for, worked out on the first answer to that version of the question. */
    private final Map<Question, PointPlan> pointPlans = new ConcurrentHashMap<>();
    /** The same for a question's misconceptions. */
    private final Map<List<Misconception>, ClaimPlan> claimPlans = new ConcurrentHashMap<>();
    private final Map<String, Integer> synonymGroup;

    public TalkingPointMatcher(TextAnalyzer analyzer) {
        this.analyzer = analyzer;
        this.synonymGroup = loadSynonyms(analyzer);
    }

    /** Each stem of {@code synonyms.txt} mapped to the number of its group. */
    private static Map<String, Integer> loadSynonyms(TextAnalyzer analyzer) {
        Map<String, Integer> groups = new HashMap<>();
        try (InputStream in = TalkingPointMatcher.class.getResourceAsStream("synonyms.txt")) {
            if (in == null) {
                throw new IllegalStateException("feedback/synonyms.txt missing from the build");
            }
            List<String> lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
            for (int group = 0; group < lines.size(); group++) {
                for (String word : lines.get(group).split(",")) {
                    List<String> stems = analyzer.stems(word.strip());
                    if (stems.size() == 1) {
                        groups.putIfAbsent(stems.getFirst(), group);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.copyOf(groups);
    }

    /**
     * A point the answer showed, with the candidate's own words that showed it ({@code evidence}) and
     * those words with the clause around them ({@code inContext}), which is what the person is shown.
     */
    public record Match(TalkingPoint point, String evidence, boolean ownWords, String inContext) {
        /** A point shown by the candidate's own words, quoted as they are. */
        public Match(TalkingPoint point, String evidence) {
            this(point, evidence, true, evidence);
        }

        /** A point shown by {@code evidence}, quoted as it is. */
        public Match(TalkingPoint point, String evidence, boolean ownWords) {
            this(point, evidence, ownWords, evidence);
        }
    }

    /**
     * A point the answer stated only the other way round ("an index never slows writes");
     * {@code inItsOwnWords} when most of the point's own statement stands around the negation,
     * not just one of the words that show it.
     */
    public record Denial(TalkingPoint point, String evidence, boolean inItsOwnWords) {}

    /** What the words of an answer show about a question's points. */
    public record Result(List<Match> covered, List<Denial> denied) {
        public Result {
            covered = List.copyOf(covered);
            denied = List.copyOf(denied);
        }
    }

    /** A phrase as stems, and whether it is itself a denial ("no downtime", "never retry"). */
    private record Phrase(String text, List<String> stems, boolean denies) {}

    /**
     * A point's phrases and key words; {@code hazards} are the phrases that name what the point says to avoid ("shared
     * state" for "lambdas should not mutate shared state"), which show it only when the answer warns against them.
     */
    private record Prepared(List<Phrase> phrases, List<String> keyStems, boolean pointDenies, Set<String> hazards) {}

    /**
     * The distinct words a question looks for, numbered from 0, each with its synonym group (-1 for
     * none), so an answer is searched once per word and never per pair of words.
     */
    private final class Vocabulary {
        private final Map<String, Integer> ids = new HashMap<>();
        private final List<String> stems = new ArrayList<>();
        /**
         * Stems of code names written in camel case ("allOf", "thenCompose"), which are typed exactly or not at all:
         * one letter off, "allOf" is "allow".
         */
        private final Set<String> exact = new HashSet<>();
        private int[] groups = new int[0];

        int[] ids(List<String> words) {
            int[] out = new int[words.size()];
            for (int i = 0; i < out.length; i++) {
                out[i] = ids.computeIfAbsent(words.get(i), w -> {
                    stems.add(w);
                    return stems.size() - 1;
                });
            }
            return out;
        }

        /** Called once all words are in. */
        Vocabulary done() {
            groups = new int[stems.size()];
            for (int i = 0; i < groups.length; i++) {
                groups[i] = synonymGroup.getOrDefault(stems.get(i), -1);
            }
            return this;
        }

        int size() {
            return stems.size();
        }
    }

    /** A phrase with its stems as numbers of a {@link Vocabulary}. */
    private record Wanted(Phrase phrase, int[] ids) {}

    /** A point as prepared, its phrases and key words as numbers. */
    private record PointWords(TalkingPoint point, Prepared prepared, List<Wanted> phrases, int[] keys) {}

    private record PointPlan(Vocabulary words, List<PointWords> points) {}

    /** For each misconception in order, its phrases that can spot it (two stems or more). */
    private record ClaimPlan(Vocabulary words, List<List<ClaimPhrase>> phrases) {}

    /**
     * A misconception's phrase; {@code apart} when its words may stand a few apart in any order. A phrase made only
     * of words the correction uses too ({@code correctionsWords}) is as likely the correction's when its words stand
     * apart: two such words must be typed together ("average is the peak" is not "1,200/s on average and 3-5x at
     * peak"), three in their order ("ELT transforms before loading" is not "etl transforms data before loading it;
     * elt loads raw data").
     */
    private record ClaimPhrase(Wanted wanted, boolean apart, boolean correctionsWords) {}

    /**
     * Where in the answer (first and last stem index) something was found; {@code quoteFrom} is where its quote
     * starts, before {@code from} when a pronoun's subject was named earlier.
     */
    private record Span(int from, int to, int quoteFrom) {
        Span(int from, int to) {
            this(from, to, from);
        }
    }

    /** Forgets what was worked out for any question but these (the banks were reloaded). */
    void keepOnly(List<Question> questions) {
        pointPlans.keySet().retainAll(Set.copyOf(questions));
        prepared.keySet().retainAll(questions.stream().flatMap(q -> q.talkingPoints().stream()).collect(Collectors.toSet()));
        claimPlans.keySet().retainAll(questions.stream().map(Question::misconceptions).collect(Collectors.toSet()));
        Set<String> phrases = questions.stream().flatMap(q -> q.misconceptions().stream())
                .flatMap(m -> m.spottedBy().stream()).collect(Collectors.toSet());
        spottedPhrases.keySet().retainAll(phrases);
        typedPhrases.keySet().retainAll(phrases);
    }

    /** How many questions' plans are kept: for tests of a reload. */
    int plansKept() {
        return pointPlans.size();
    }

    public Result match(Question question, AnalyzedText answer) {
        PointPlan plan = pointPlans.computeIfAbsent(question, this::pointPlan);
        Positions positions = new Positions(answer, plan.words(), true);
        List<Match> matches = new ArrayList<>();
        List<Denial> denials = new ArrayList<>();
        for (PointWords p : plan.points()) {
            TalkingPoint point = p.point();
            Optional<Span> shown = evidence(p, positions, true).filter(span -> !namedOnly(answer, span));
            if (shown.isPresent()) {
                matches.add(new Match(point, answer.quote(shown.get().quoteFrom(), shown.get().to()), true,
                        answer.quoteInContext(shown.get().quoteFrom(), shown.get().to())));
            } else {
                // a denial said after "rather than", "instead of" or "people think" is not the candidate's: "rather than
                // present something misleading" agrees with "will not personally present something misleading"
                Optional<Span> statement = statementSpan(p, positions, false).filter(span -> !distanced(answer, span));
                Optional<Span> denied = statement.or(() -> evidence(p, positions, false)
                        .filter(span -> !distanced(answer, span) && !deniedOnlyInScope(answer, span)));
                denied.ifPresent(span -> denials.add(new Denial(point, answer.quoteInContext(span.quoteFrom(), span.to()),
                        statement.isPresent())));
            }
        }
        return new Result(matches, denials);
    }

    /**
     * For each misconception, in order, the candidate's words asserting it, if one of its phrases is
     * stated (and not denied). The answer's word positions are worked out once for all of them.
     */
    public List<Optional<String>> spotted(List<Misconception> misconceptions, AnalyzedText answer) {
        return spotted(misconceptions, answer, false);
    }

    /**
     * The same, for a story question when {@code story}: there a claim's words in a clause whose subject is someone
     * else ("he would shoot them down in front of everyone") tell what that person did, not what the candidate did.
     */
    public List<Optional<String>> spotted(List<Misconception> misconceptions, AnalyzedText answer, boolean story) {
        ClaimPlan plan = claimPlans.computeIfAbsent(misconceptions, this::claimPlan);
        Positions positions = new Positions(answer, plan.words(), false);
        List<Optional<String>> out = new ArrayList<>(misconceptions.size());
        Typed typed = null;
        boolean owned = false;
        for (int m = 0; m < misconceptions.size(); m++) {
            Misconception misconception = misconceptions.get(m);
            if (!misconception.trackWide()) {
                out.add(spotted(plan.phrases().get(m), answer, positions, story));
                continue;
            }
            if (typed == null) {
                typed = Typed.of(answer.text());
                owned = OWNED_AS_A_MISTAKE.matcher(answer.text()).find();
            }
            // "I skipped code review to hit the deadline... I owned it... since then I never merge without a
            // reviewer" tells a red flag as the mistake it was: what a failure story should do
            out.add(owned ? Optional.empty() : typed(misconception, answer, typed));
        }
        return out;
    }

    /**
     * A track-wide red flag's phrase as typed, every word of it in its order, the small ones too: its words are
     * general, so read as stems they turn up in any story ("it was all on me", a workload, read as "it was all me",
     * a claim to the credit; "I took the credit" in "I gave credit to Sam, who took on the tests").
     */
    private Optional<String> typed(Misconception misconception, AnalyzedText answer, Typed text) {
        for (String phrase : misconception.spottedBy()) {
            String wanted = typedPhrases.computeIfAbsent(phrase, TalkingPointMatcher::plainTyping);
            for (int at = text.plain().indexOf(wanted); at >= 0; at = text.plain().indexOf(wanted, at + 1)) {
                if (!text.wordStartsAt(at) || !text.wordEndsAt(at + wanted.length())) {
                    continue;
                }
                Optional<Span> span = stemsWithin(answer, text.original(at), text.original(at + wanted.length() - 1) + 1);
                if (span.isPresent() && !distanced(answer, span.get())) {
                    return Optional.of(answer.quoteInContext(span.get().from(), span.get().to()));
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Words that tell what was done as a mistake owned and learned from, not denied ("it wasn't my fault" is no such
     * word): a track-wide red flag told this way is what a failure story is for.
     */
    private static final Pattern OWNED_AS_A_MISTAKE = Pattern.compile(
            // the look-behind is tried only where one of the phrases may start, not at every character
            "\\b(?=[mitlsonw])(?<!\\b(?:not|n't|no|never|wasn't|isn't)\\s{1,3}"
            + "(?:my\\s{1,3}|a\\s{1,3}|the\\s{1,3})?)(my (own )?(mistake|fault|bad)|i learned|i learnt|the lesson|lesson i|since then"
            + "|i should have|in hindsight|i regret|i owned (it|up|the)|owned up|i apologi[sz]ed|never again"
            + "|wouldn't do that again|won't do that again|i reali[sz]ed|i made a mistake|(it|that) was a mistake)\\b",
            Pattern.CASE_INSENSITIVE);

    /** Text as typed but in one case, with straight apostrophes and single spaces, so a phrase is found by indexOf. */
    private static String plainTyping(String text) {
        return Typed.of(text.strip()).plain();
    }

    /** An answer in {@link #plainTyping} form, with where each of its characters stands in the answer. */
    private record Typed(String plain, int[] at) {
        static Typed of(String original) {
            StringBuilder out = new StringBuilder(original.length());
            int[] at = new int[original.length() + 1];
            boolean space = false;
            for (int i = 0; i < original.length(); i++) {
                char c = original.charAt(i);
                if (Character.isWhitespace(c)) {
                    space = true;
                    continue;
                }
                if (space && !out.isEmpty()) {
                    at[out.length()] = i - 1;
                    out.append(' ');
                }
                space = false;
                at[out.length()] = i;
                out.append(c == '\u2019' ? '\'' : Character.toLowerCase(c));
            }
            return new Typed(out.toString(), Arrays.copyOf(at, out.length()));
        }

        int original(int i) {
            return at[i];
        }

        boolean wordStartsAt(int i) {
            return i == 0 || !(Character.isLetterOrDigit(plain.charAt(i - 1)) || plain.charAt(i - 1) == '\'');
        }

        boolean wordEndsAt(int i) {
            return i >= plain.length() || !Character.isLetterOrDigit(plain.charAt(i));
        }
    }

    /** The answer's analysed words from the first that starts at or after {@code from} to the last that ends by {@code to}. */
    private static Optional<Span> stemsWithin(AnalyzedText answer, int from, int to) {
        List<AnalyzedText.Stem> stems = answer.analysed();
        int first = -1;
        int last = -1;
        for (int i = 0; i < stems.size(); i++) {
            if (stems.get(i).start() >= from && stems.get(i).end() <= to) {
                first = first < 0 ? i : first;
                last = i;
            }
        }
        return first < 0 ? Optional.empty() : Optional.of(new Span(first, last));
    }

    /** The first of a misconception's phrases the answer states. */
    private Optional<String> spotted(List<ClaimPhrase> phrases, AnalyzedText answer, Positions positions, boolean story) {
        for (ClaimPhrase claimPhrase : phrases) {
            Wanted wanted = claimPhrase.wanted();
            Phrase phrase = wanted.phrase();
            Optional<Span> span;
            if (claimPhrase.correctionsWords() && phrase.stems().size() == 3) {
                boolean plain = !phrase.denies();
                span = polarity(containsRun(positions, wanted.ids(), plain)
                        .or(() -> inOrder(positions, wanted.ids(), phrase.stems().size() + PHRASE_SLACK, plain)),
                        positions, phrase.denies(), true);
            } else {
                span = phraseSpan(wanted, positions, true, claimPhrase.apart());
            }
            if (span.isEmpty() && phrase.stems().size() > 3 && phrase.stems().size() <= 5) {
                // A longer claim may be typed with a few words between its words, in their order.
                boolean plain = !phrase.denies();
                span = polarity(inOrder(positions, wanted.ids(), phrase.stems().size() + PHRASE_SLACK, plain),
                        positions, phrase.denies(), true);
            }
            if (span.isPresent() && !distanced(answer, span.get())
                    && !(story && doneBySomeoneElse(answer, span.get(), phrase.text()))) {
                return Optional.of(answer.quoteInContext(span.get().quoteFrom(), span.get().to()));
            }
        }
        return Optional.empty();
    }

    /**
     * Whether a claim phrase that names no doer is found in a clause whose subject is another person ("he would shoot
     * them down in front of everyone", "the customer yelled at support"): in a story that is the situation the
     * candidate faced, not what they did.
     */
    static boolean doneBySomeoneElse(AnalyzedText answer, Span span, String phrase) {
        if (FIRST_PERSON.matcher(phrase.toLowerCase(Locale.ROOT)).find()) {
            return false;
        }
        String before = Around.of(answer, span).before().toLowerCase(Locale.ROOT).replace('\u2019', '\'');
        String[] clauses = CLAUSE_START.split(before, -1);
        String clause = clauses[clauses.length - 1];
        return SOMEONE_ELSE.matcher(clause).find() && !FIRST_PERSON.matcher(clause).find();
    }

    private static final Pattern FIRST_PERSON = Pattern.compile("\\b(i|we|i'm|im|i'd|id|i've|ive|i'll|we're|we'd|we've"
            + "|we'll|me|us)\\b");
    private static final Pattern SOMEONE_ELSE = Pattern.compile("\\b(he|she|they|he'd|she'd|they'd|someone|somebody"
            + "|(the|a|our|my|his|her|their) (guy|peer|coworker|colleague|teammate|manager|lead|boss|customer|client"
            + "|engineer|developer|director|vp|pm|tester|designer|stakeholder))\\b");
    private static final Pattern CLAUSE_START = Pattern.compile("[,;:]|\\b(and|but|so|because|when|while|then|after"
            + "|until|whereas|although|though)\\b");

    /** A hyphenated word ("one-off", "get-then-put") is one unit: its parts are not matched words apart. */
    private static final Pattern HYPHENATED = Pattern.compile("\\p{L}-\\p{L}");

    /**
     * Whether what a negation denies is only a thing done too widely: "don't build a covering index per query" denies an
     * index for every query, not what a covering index is.
     */
    private static boolean deniedOnlyInScope(AnalyzedText answer, Span span) {
        return IN_SCOPE.matcher(Around.of(answer, span).after().toLowerCase(Locale.ROOT)).find();
    }

    /** The same said of a piece of an answer: a negation whose clause goes on to say it is only too wide a use. */
    public static boolean negatedOnlyInScope(String piece) {
        return NEGATED_IN_SCOPE.matcher(piece.toLowerCase(Locale.ROOT).replace('\u2019', '\'')).find();
    }

    /** Words that say a thing is done too widely: "per query", "for every request", "by default". */
    private static final String TOO_WIDELY = "per (query|request|call|row|table|user|endpoint|service)|for (every|each|all)\\b"
            + "|on every\\b|everywhere|for everything|every time|by default|up front|blindly";
    private static final Pattern NEGATED_IN_SCOPE = Pattern.compile("\\b(don't|do not|never|not|shouldn't|should not|no need to"
            + "|avoid)\\b[^,;.]{0,60}?\\b(" + TOO_WIDELY + ")");
    private static final Pattern IN_SCOPE = Pattern.compile("^\\W{0,3}(\\w+\\s+){0,2}?(" + TOO_WIDELY + "|too early|too many)");

    /** Whether the sentence around a spotted claim reports or rejects it instead of asserting it. */
    private static boolean distanced(AnalyzedText answer, Span span) {
        Around around = Around.of(answer, span);
        // a claim said with "just" is denied by "don't" before it: "don't just add more consumers" for "just add more
        // consumers", where the "just" is the claim's own word rather than what follows the negation
        AnalyzedText.Stem first = answer.analysed().get(span.from());
        String firstWord = answer.text().substring(first.start(), first.end());
        String before = ONLY_WORDS.contains(firstWord.toLowerCase(Locale.ROOT))
                ? around.before() + firstWord : around.before();
        // a phrase whose words were found out of order can start before the words that report it: "my first instinct
        // was to complain to our lead" holds "my ... complain ... lead", so what stands inside the span counts too
        String inside = span.to() > span.from() ? answer.text().substring(first.start(),
                answer.analysed().get(span.to()).start()) : "";
        return distanced(before, around.after())
                || !inside.isEmpty() && BELIEF_REPORTED.matcher((before + inside).toLowerCase(Locale.ROOT)
                        .replace('\u2019', '\'')).find();
    }

    /**
     * Words that report a belief, not a contrast within a claim ("yield instead of return", "a volatile int rather
     * than synchronized" are claims): inside a phrase found out of order, only these distance it.
     */
    private static final Pattern BELIEF_REPORTED = Pattern.compile("\\b((people|folks|teams|developers|devs|engineers"
            + "|juniors|everyone|many|some|most|others)( \\w+ly| often| sometimes| still| usually| tend to)? (think|assume"
            + "|believe|say|expect|claim|feel)|(common|popular|widespread|frequent|classic|typical|old|usual) (belief"
            + "|assumption|misunderstanding|intuition)|(was|were|am|felt) tempted|first (instinct|thought|reaction|impulse)"
            + "|used to (think|believe|assume)|myths?|misconceptions?)\\b");

    private static final Set<String> ONLY_WORDS = Set.of("just", "simply", "only", "merely");

    /** What stands before a span in its sentence, and everything after it. */
    private record Around(String before, String after) {
        static Around of(AnalyzedText answer, Span span) {
            String text = answer.text();
            int start = answer.analysed().get(span.from()).start();
            int end = answer.analysed().get(span.to()).end();
            return new Around(text.substring(sentenceStart(text, start), start), text.substring(end));
        }
    }

    /** Where the sentence holding this offset starts: a full stop ends one only where space follows it (".env", "3.12"). */
    private static int sentenceStart(String text, int at) {
        int from = at;
        while (from > 0 && !(text.charAt(from - 1) == '\n' || ".!?".indexOf(text.charAt(from - 1)) >= 0
                && from < text.length() && Character.isWhitespace(text.charAt(from)))) {
            from--;
        }
        return from;
    }

    /**
     * Whether the point's words are only named, as the topic of talk ("we also talked about cache stampedes", "people
     * often bring up jitter in reviews", "the GIL is something teams discuss a lot"), with nothing said about them:
     * a ramble that drops each keyword so would otherwise make every point.
     */
    private static boolean namedOnly(AnalyzedText answer, Span span) {
        Around around = Around.of(answer, span);
        String before = around.before().toLowerCase(Locale.ROOT).replace('\u2019', '\'');
        String after = around.after().toLowerCase(Locale.ROOT).replace('\u2019', '\'');
        return NAMED_BEFORE.matcher(before).find() || NAMED_AFTER.matcher(after).find();
    }

    /** Talk about a topic anywhere in a sentence, for {@link #onlyNamesATopic}. */
    private static final Pattern TALK_OF_A_TOPIC = Pattern.compile("\\b(talk(ed|s|ing)? about|discuss(ed|es|ing)?"
            + "|br(ing|ings|ought) up|mention(ed|s|ing)?|heard (of|about)|opinions? (about|on)|post about"
            + "|(meeting|discussion|conversation|debate) (about|where)|is a (hot |big |popular |common )?topic"
            + "|never gets old|worth mentioning|came up|comes up)\\b");
    /** The most words a sentence that only names a topic has: a longer one says something about it too. */
    private static final int NAMING_WORDS = 14;

    /**
     * A short sentence that only says a topic was talked about ("People often bring up jitter in design reviews"): it
     * names the point's words without saying anything of them, so the answer is read without it.
     */
    public static boolean onlyNamesATopic(String sentence) {
        if (TextAnalyzer.wordCount(sentence) > NAMING_WORDS) {
            return false;
        }
        String lower = sentence.toLowerCase(Locale.ROOT).replace('\u2019', '\'');
        // "as I mentioned, the GIL..." points back to what the answer said; it is not talk of a topic
        return TALK_OF_A_TOPIC.matcher(POINTING_BACK.matcher(lower).replaceAll(" ")).find();
    }

    private static final Pattern POINTING_BACK = Pattern.compile("\\b(as|like) (i|we|you)('ve)? (mentioned|discussed"
            + "|said|brought up)|(mentioned|discussed) (earlier|before|above)");

    /** Whether a piece of an answer (a sentence or part of one) reports or rejects what it says instead of asserting it. */
    public static boolean distanced(String piece) {
        return distanced(piece, "") || DISTANCED_WITHIN.matcher(piece.toLowerCase(Locale.ROOT).replace('\u2019', '\'')).find();
    }

    private static boolean distanced(String before, String after) {
        return DISTANCED_BEFORE.matcher(before.toLowerCase(Locale.ROOT).replace('\u2019', '\'')).find()
                || PREVENTED_BEFORE.matcher(before.toLowerCase(Locale.ROOT)).find()
                || DISTANCED_AFTER.matcher(after.toLowerCase(Locale.ROOT).replace('\u2019', '\'')).find();
    }

    private Phrase phrase(String text) {
        List<TextAnalyzer.Token> tokens = analyzer.tokens(text);
        List<String> stems = tokens.stream().filter(t -> !t.negator()).map(TextAnalyzer.Token::stem).toList();
        return stems.isEmpty() ? null : new Phrase(text, stems, tokens.stream().anyMatch(TextAnalyzer.Token::negator));
    }

    private PointPlan pointPlan(Question question) {
        Vocabulary words = new Vocabulary();
        List<PointWords> points = new ArrayList<>();
        for (TalkingPoint point : question.talkingPoints()) {
            Prepared p = prepared.computeIfAbsent(point, this::prepare);
            List<Wanted> phrases = new ArrayList<>();
            for (Phrase phrase : p.phrases()) {
                phrases.add(new Wanted(phrase, words.ids(phrase.stems())));
                Matcher codeName = CAMEL_CASE.matcher(phrase.text());
                while (codeName.find()) {
                    words.exact.addAll(analyzer.stems(codeName.group()));
                }
            }
            points.add(new PointWords(point, p, List.copyOf(phrases), words.ids(p.keyStems())));
        }
        return new PointPlan(words.done(), List.copyOf(points));
    }

    private ClaimPlan claimPlan(List<Misconception> misconceptions) {
        Vocabulary words = new Vocabulary();
        List<List<ClaimPhrase>> all = new ArrayList<>();
        for (Misconception m : misconceptions) {
            List<ClaimPhrase> phrases = new ArrayList<>();
            Set<String> correction = new HashSet<>(analyzer.stems(m.correction()));
            for (String text : m.spottedBy()) {
                // Phrases are analysed once: a built-in question holds sixty or so.
                Phrase phrase = spottedPhrases.computeIfAbsent(text, t -> Optional.ofNullable(phrase(t))).orElse(null);
                // One word is too little to tell a wrong claim from a right one that uses it.
                if (phrase != null && phrase.stems().size() >= 2) {
                    // nor are the parts of one hyphenated word matched apart
                    boolean correctionsWords = correction.containsAll(phrase.stems());
                    boolean apart = !HYPHENATED.matcher(phrase.text()).find() && !(phrase.stems().size() == 2 && correctionsWords);
                    phrases.add(new ClaimPhrase(new Wanted(phrase, words.ids(phrase.stems())), apart, correctionsWords));
                }
            }
            all.add(List.copyOf(phrases));
        }
        return new ClaimPlan(words.done(), List.copyOf(all));
    }

    /** Other stems a sentence may have beside a point's phrase and still say nothing of it: "X matters a lot". */
    private static final int BARE_OTHER_STEMS = 2;
    /** Fewest such sentences, and their least share of the answer's sentences, that make an answer a list in disguise. */
    private static final int BARE_SENTENCES = 5;
    private static final double BARE_SHARE = 0.6;

    /**
     * Whether the answer is the rubric's phrases each set in a sentence of its own with a word or two around it
     * ("Caching matters a lot. TTL is key. Don't forget invalidation. Also jitter."): a keyword list in sentences'
     * clothing, which says nothing about any of them.
     */
    public boolean bareRubricPhrases(Question question, AnalyzedText answer) {
        if (answer.sentences().size() < BARE_SENTENCES) {
            return false;
        }
        List<List<String>> sentences = answer.stemsBySentence();
        // the question's phrases by their first stem, so each word of the answer is looked up once
        Map<String, List<List<String>>> byFirstStem = new HashMap<>();
        for (TalkingPoint point : question.talkingPoints()) {
            prepared.computeIfAbsent(point, this::prepare)
                    .phrases().forEach(ph -> byFirstStem.computeIfAbsent(ph.stems().getFirst(), k -> new ArrayList<>())
                            .add(ph.stems()));
        }
        int bare = 0;
        for (List<String> stems : sentences) {
            boolean[] inPhrase = new boolean[stems.size()];
            boolean any = false;
            for (int i = 0; i < stems.size(); i++) {
                for (List<String> ph : byFirstStem.getOrDefault(stems.get(i), List.of())) {
                    if (i + ph.size() <= stems.size() && stems.subList(i, i + ph.size()).equals(ph)) {
                        any = true;
                        Arrays.fill(inPhrase, i, i + ph.size(), true);
                    }
                }
            }
            int other = 0;
            for (boolean in : inPhrase) {
                other += in ? 0 : 1;
            }
            bare += any && other <= BARE_OTHER_STEMS ? 1 : 0;
        }
        return bare >= BARE_SENTENCES && bare >= BARE_SHARE * sentences.size();
    }

    private Prepared prepare(TalkingPoint point) {
        List<Phrase> phrases = new ArrayList<>();
        for (String text : point.shownBy()) {
            Phrase phrase = phrase(text);
            if (phrase != null) {
                phrases.add(phrase);
            }
        }
        Set<String> keys = new LinkedHashSet<>();
        List<TextAnalyzer.Token> pointTokens = analyzer.tokens(point.point());
        for (TextAnalyzer.Token t : pointTokens) {
            if (!t.negator() && !GENERIC.contains(t.stem()) && t.stem().length() > 2) {
                keys.add(t.stem());
            }
        }
        Set<String> hazards = new HashSet<>();
        Matcher avoid = AVOIDED.matcher(point.point());
        if (avoid.find()) {
            Set<String> avoided = new HashSet<>(analyzer.stems(avoid.group(2)));
            Set<String> before = new HashSet<>(analyzer.stems(point.point().substring(0, avoid.start())));
            for (Phrase phrase : phrases) {
                if (!phrase.denies() && avoided.containsAll(phrase.stems()) && !before.containsAll(phrase.stems())) {
                    hazards.add(phrase.text());
                }
            }
        }
        return new Prepared(phrases, List.copyOf(keys), pointTokens.stream().anyMatch(TextAnalyzer.Token::negator),
                Set.copyOf(hazards));
    }

    /** What a point says to avoid: the words after "instead of", "rather than", "avoid", "never", ", not"... */
    private static final Pattern AVOIDED = Pattern.compile("(\\binstead of|\\brather than|\\bavoid(?:ing)?|\\bshould not"
            + "|\\bshouldn't|\\bmust not|\\bmustn't|\\bnever|\\bdon't|\\bdo not|, not)\\b([^,;.]*?)(?=[,;.]|\\band\\b|\\bso\\b"
            + "|\\bbut\\b|$)", Pattern.CASE_INSENSITIVE);

    /** Words before a hazard, in its clause, that warn against it: "don't mutate shared state", "avoid row by row". */
    private static final Pattern WARNED_BEFORE = Pattern.compile("\\b(avoid|avoiding|don't|do not|never|no|not|without"
            + "|instead of|rather than|stop|stopped|careful with|beware( of)?|watch out for|danger|risk|problem with"
            + "|mistake|pitfall|trap)\\b[^,;:]*$");
    /** Words after a hazard that warn against it: "side effects in lambdas are a smell", "row by row is slow". */
    private static final Pattern WARNED_AFTER = Pattern.compile("^[^.!?]{0,40}?\\b((is|are|was|were|'s|'re|gets?)\\s+"
            + "(really |very |usually |often |always |a )?(a smell|smell|bad|dangerous|risky|a bug|buggy|a trap|a problem|wrong"
            + "|slow|unsafe|not safe|a mistake|an anti-pattern|a pitfall|a footgun|fragile|expensive|painful|terrible)"
            + "|causes?|caused|leads? to|breaks?|bites?|blocks?|starves?|hurts?|kills?|defeats?"
            + "|can (stall|block|break|starve|deadlock|hang|freeze|crash|leak|corrupt|lose))\\b");

    /** Whether the words before or after a span, in its sentence, warn against what it names. */
    private static boolean warned(AnalyzedText answer, Span span) {
        Around around = Around.of(answer, span);
        String before = around.before().toLowerCase(Locale.ROOT).replace('\u2019', '\'');
        String after = around.after().toLowerCase(Locale.ROOT).replace('\u2019', '\'');
        return WARNED_BEFORE.matcher(before).find() || WARNED_AFTER.matcher(after).find();
    }

    /**
     * Where each wanted word stands in the answer (exact, synonym or typo), worked out once per
     * distinct word and answer, so matching stays linear in the answer's length. Positions are kept
     * twice: all of them, and only those no negation governs. The answer's words are indexed once
     * (by stem, by synonym group, and long ones by first letter for typos), so finding a wanted
     * word looks at its own stem, its group and the few typed words a typo could turn into it.
     */
    private final class Positions {
        private final Vocabulary words;
        private final BitSet[] all;
        private final BitSet[] plainOnly;
        private final Map<String, BitSet> byStem = new HashMap<>();
        private final Map<Integer, BitSet> byGroup = new HashMap<>();
        /** Typed stems long enough for a typo, by their first letter. */
        private final Map<Character, List<Map.Entry<String, BitSet>>> longByInitial = new HashMap<>();
        private final BitSet negated = new BitSet();
        private final int size;
        private final AnalyzedText answer;
        /**
         * Whether words right after a span can deny it: for talking points. A misconception's phrase is
         * often followed by a negation that is part of the wrong claim ("MD5 truncated outputs don't collide").
         */
        private final boolean readsDismissals;

        Positions(AnalyzedText answer, Vocabulary words, boolean readsDismissals) {
            this.answer = answer;
            this.readsDismissals = readsDismissals;
            this.words = words;
            this.all = new BitSet[words.size()];
            this.plainOnly = new BitSet[words.size()];
            List<AnalyzedText.Stem> stems = answer.analysed();
            size = stems.size();
            for (int i = 0; i < stems.size(); i++) {
                byStem.computeIfAbsent(stems.get(i).stem(), k -> new BitSet(size)).set(i);
                if (I_CONTRACTED.contains(stems.get(i).stem())) {
                    // "right now i'm a shift lead" says "right now I": a phrase's I is the typed I'm or I've too
                    byStem.computeIfAbsent("i", k -> new BitSet(size)).set(i);
                }
                if (stems.get(i).negated()) {
                    negated.set(i);
                }
            }
            byStem.forEach((stem, where) -> {
                Integer group = synonymGroup.get(stem);
                if (group != null) {
                    byGroup.computeIfAbsent(group, g -> new BitSet(size)).or(where);
                }
                if (stem.length() >= TYPO_MIN_LENGTH) {
                    longByInitial.computeIfAbsent(stem.charAt(0), c -> new ArrayList<>()).add(Map.entry(stem, where));
                }
            });
        }

        /** Positions of a word: every one, or only those stated plainly ({@code plain}). Callers must not change them. */
        BitSet of(int wanted, boolean plain) {
            BitSet at = all[wanted];
            if (at == null) {
                at = find(wanted);
                all[wanted] = at;
            }
            if (!plain) {
                return at;
            }
            BitSet kept = plainOnly[wanted];
            if (kept == null) {
                kept = (BitSet) at.clone();
                kept.andNot(negated);
                plainOnly[wanted] = kept;
            }
            return kept;
        }

        /**
         * Every typed stem that is the same word as the wanted one: itself, a synonym, or one typo away. A typo is
         * read only for talking points: a misconception caps the score, and one letter often makes another word
         * ("unequal" is not "unique").
         */
        private BitSet find(int wanted) {
            String w = words.stems.get(wanted);
            BitSet at = new BitSet(size);
            BitSet same = byStem.get(w);
            if (same != null) {
                at.or(same);
            }
            int group = words.groups[wanted];
            if (group >= 0) {
                BitSet synonyms = byGroup.get(group);
                if (synonyms != null) {
                    at.or(synonyms);
                }
            }
            if (readsDismissals && w.length() >= TYPO_MIN_LENGTH && !words.exact.contains(w)) {
                for (Map.Entry<String, BitSet> typed : longByInitial.getOrDefault(w.charAt(0), List.of())) {
                    String t = typed.getKey();
                    // A typed stem found already (itself or a synonym) needs no edit distance.
                    if (Math.abs(t.length() - w.length()) <= 1 && !at.intersects(typed.getValue())
                            && EditDistance.withSwaps(t, w) <= 1) {
                        at.or(typed.getValue());
                    }
                }
            }
            return at;
        }

        String stem(int at) {
            return answer.analysed().get(at).stem();
        }

        /** Whether a pronoun (and at most a form of "be" or "do") stands right before the stem at {@code at}. */
        boolean pronounBefore(int at) {
            int start = answer.analysed().get(at).start();
            int from = at == 0 ? 0 : answer.analysed().get(at - 1).end();
            String gap = answer.text().substring(from, start).toLowerCase(Locale.ROOT);
            return gap.indexOf('.') < 0 && PRONOUN.matcher(gap).find();
        }

        boolean anyNegated(Span span) {
            int next = negated.nextSetBit(span.from());
            return next >= 0 && next <= span.to();
        }

        /** Whether a negation right after the span, in its clause, denies what it names (talking points only). */
        boolean dismissed(Span span) {
            if (!readsDismissals) {
                return false;
            }
            String text = answer.text();
            int end = answer.analysed().get(span.to()).end();
            String after = text.substring(end, Math.min(text.length(), end + DISMISSAL_READ))
                    .toLowerCase(Locale.ROOT).replace('\u2019', '\'');
            return DISMISSED.matcher(after).find();
        }
    }

    /**
     * Where the answer shows the point with the polarity the point has ({@code asStated}), or with
     * the opposite one: "never slows writes" against "an index slows writes".
     */
    private Optional<Span> evidence(PointWords p, Positions answer, boolean asStated) {
        for (Wanted phrase : p.phrases()) {
            if (p.prepared().hazards().contains(phrase.phrase().text())) {
                // named to warn against it, it makes the point; named plainly, it may recommend the hazard
                Optional<Span> hazard = asStated ? hazardSpan(phrase, answer) : Optional.empty();
                if (hazard.isPresent()) {
                    return hazard;
                }
                continue;
            }
            Optional<Span> span = phraseSpan(phrase, answer, asStated);
            if (span.isPresent()) {
                return span;
            }
        }
        return statementSpan(p, answer, asStated);
    }

    /** Most of the key words of the point's own statement, close together. */
    private Optional<Span> statementSpan(PointWords words, Positions answer, boolean asStated) {
        Prepared p = words.prepared();
        int needed = Math.max(2, (int) Math.ceil(p.keyStems().size() * 0.6));
        if (p.keyStems().size() >= 3) {
            return polarity(withinWindow(answer, words.keys(), needed, POINT_WINDOW, !p.pointDenies() && asStated),
                    answer, p.pointDenies(), asStated);
        }
        return Optional.empty();
    }

    private Optional<Span> phraseSpan(Wanted wanted, Positions answer, boolean asStated) {
        return phraseSpan(wanted, answer, asStated, true);
    }

    /** A hazard phrase where the answer negates it or warns against it. */
    private static Optional<Span> hazardSpan(Wanted wanted, Positions answer) {
        int size = wanted.phrase().stems().size();
        Optional<Span> run = containsRun(answer, wanted.ids(), false);
        if (run.isEmpty() && size >= 2 && size <= 3) {
            run = withinWindow(answer, wanted.ids(), size, size + PHRASE_SLACK, false);
        }
        return run.filter(span -> answer.anyNegated(span) || warned(answer.answer, span));
    }

    /** As above; {@code apart} lets a short phrase's words stand a few words apart, in any order. */
    private Optional<Span> phraseSpan(Wanted wanted, Positions answer, boolean asStated, boolean apart) {
        Phrase phrase = wanted.phrase();
        boolean plain = !phrase.denies() && asStated;
        Optional<Span> run = containsRun(answer, wanted.ids(), plain);
        if (run.isEmpty() && apart && phrase.stems().size() >= 2 && phrase.stems().size() <= 3) {
            run = withinWindow(answer, wanted.ids(), phrase.stems().size(), phrase.stems().size() + PHRASE_SLACK, plain);
        }
        if (run.isEmpty()) {
            run = saidOfAPronoun(answer, wanted.ids(), plain);
        }
        if (run.isEmpty() && apart && phrase.stems().size() >= 2 && phrase.stems().getFirst().equals("i")) {
            run = saidByTheSameI(answer, wanted.ids(), plain);
        }
        return polarity(run, answer, phrase.denies(), asStated);
    }

    /**
     * A story's "I listened" told as one of a chain of things the speaker did, the I said once at the start: "I asked
     * him for a coffee and just listened". The rest of the phrase must follow "and", "then", "but" or a comma, with at
     * most two words such as "just" or "then" between, and the last person named as a subject before it be I ("I
     * asked him if he was OK and listened" is not taken).
     */
    private static Optional<Span> saidByTheSameI(Positions answer, int[] wanted, boolean plain) {
        int[] rest = Arrays.copyOfRange(wanted, 1, wanted.length);
        BitSet starts = runStarts(answer, rest, plain);
        String text = answer.answer.text();
        for (int at = starts.nextSetBit(0); at >= 0; at = starts.nextSetBit(at + 1)) {
            int start = answer.answer.analysed().get(at).start();
            String before = text.substring(sentenceStart(text, start), start);
            Matcher chained = CHAINED_VERB.matcher(before);
            if (!chained.find()) {
                continue;
            }
            Matcher subject = SUBJECT.matcher(before.substring(0, chained.start()));
            String last = null;
            while (subject.find()) {
                last = subject.group(1);
            }
            if (last != null && last.equalsIgnoreCase("i")) {
                return Optional.of(new Span(at, at + rest.length - 1));
            }
        }
        return Optional.empty();
    }

    /** What may stand before the second verb of a chain: "and just", "then", ", then quickly". */
    private static final Pattern CHAINED_VERB = Pattern.compile("(?:,|\\band\\b|\\bthen\\b|\\bbut\\b)\\s*(?:(?:just|then|also"
            + "|simply|quickly|finally|immediately|actually|really|first|later|eventually|calmly|personally|basically"
            + "|even|mostly)\\s+){0,2}$", Pattern.CASE_INSENSITIVE);
    /** I'm and I've as the analyser stems them (not I'd or I'll: "I'd listen" is no "I listened"). */
    private static final Set<String> I_CONTRACTED = Set.of("i'm", "i\u2019m", "i'v", "i\u2019v");

    /** Who does something in a clause: the last one named before a chained verb is its subject. */
    private static final Pattern SUBJECT = Pattern.compile("\\b(i|he|she|they|we|you)\\b", Pattern.CASE_INSENSITIVE);

    /**
     * A phrase whose first word, its subject, was named a little earlier and then referred to by a pronoun: "Records
     * solve all of this because they're deeply immutable" says "records are deeply immutable". The rest of the phrase
     * must follow the pronoun word for word, and the subject stand within {@link #SUBJECT_REACH} words before it.
     */
    private static Optional<Span> saidOfAPronoun(Positions answer, int[] wanted, boolean plain) {
        if (wanted.length < 3) {
            return Optional.empty();
        }
        int[] rest = Arrays.copyOfRange(wanted, 1, wanted.length);
        BitSet subject = answer.of(wanted[0], plain);
        if (subject.isEmpty()) {
            return Optional.empty();
        }
        BitSet starts = runStarts(answer, rest, plain);
        for (int at = starts.nextSetBit(1); at >= 0; at = starts.nextSetBit(at + 1)) {
            // most pronouns are stop words, so they are read in the text just before the rest of the phrase
            int from = PRONOUN_STEMS.contains(answer.stem(at - 1)) ? at - 1 : at;
            if (from == at && !answer.pronounBefore(at)) {
                continue;
            }
            int named = subject.previousSetBit(from - 1);
            if (named >= 0 && from - named <= SUBJECT_REACH) {
                // read for negation from the pronoun on, quoted from the subject so the person sees what "they" was
                return Optional.of(new Span(from, at + rest.length - 1, named));
            }
        }
        return Optional.empty();
    }

    /** Keeps a span only when its negation agrees with what was asked for. */
    private static Optional<Span> polarity(Optional<Span> span, Positions answer, boolean denies, boolean asStated) {
        if (span.isEmpty()) {
            return span;
        }
        // A negation after the words denies a plain phrase; a phrase that itself denies ("nobody had") needs its own.
        boolean negated = answer.anyNegated(span.get()) || !denies && answer.dismissed(span.get());
        boolean wanted = asStated ? denies : !denies;
        return negated == wanted ? span : Optional.empty();
    }

    private static Optional<Span> containsRun(Positions answer, int[] wanted, boolean plain) {
        int first = runStarts(answer, wanted, plain).nextSetBit(0);
        return first < 0 ? Optional.empty() : Optional.of(new Span(first, first + wanted.length - 1));
    }

    /** Every position where the wanted stems start, one after the other. */
    private static BitSet runStarts(Positions answer, int[] wanted, boolean plain) {
        BitSet starts = (BitSet) answer.of(wanted[0], plain).clone();
        for (int k = 1; k < wanted.length && !starts.isEmpty(); k++) {
            BitSet next = answer.of(wanted[k], plain);
            BitSet shifted = new BitSet();
            for (int i = starts.nextSetBit(0); i >= 0; i = starts.nextSetBit(i + 1)) {
                if (next.get(i + k)) {
                    shifted.set(i);
                }
            }
            starts = shifted;
        }
        return starts;
    }

    /** The first span of at most {@code width} answer stems holding all the wanted stems in their order. */
    private static Optional<Span> inOrder(Positions answer, int[] wanted, int width, boolean plain) {
        BitSet first = answer.of(wanted[0], plain);
        for (int start = first.nextSetBit(0); start >= 0; start = first.nextSetBit(start + 1)) {
            int at = start;
            boolean all = true;
            for (int k = 1; k < wanted.length && all; k++) {
                int next = answer.of(wanted[k], plain).nextSetBit(at + 1);
                all = next >= 0 && next < start + width;
                at = next;
            }
            if (all) {
                return Optional.of(new Span(start, at));
            }
        }
        return Optional.empty();
    }

    /** The first window of {@code width} answer stems that holds at least {@code needed} of the wanted stems. */
    private static Optional<Span> withinWindow(Positions answer, int[] wanted, int needed, int width, boolean plain) {
        List<BitSet> sets = new ArrayList<>(wanted.length);
        BitSet anyStart = new BitSet();
        for (int w : wanted) {
            BitSet at = answer.of(w, plain);
            sets.add(at);
            anyStart.or(at);
        }
        BitSet used = new BitSet();
        for (int start = anyStart.nextSetBit(0); start >= 0; start = anyStart.nextSetBit(start + 1)) {
            int found = 0;
            int last = start;
            used.clear();
            for (BitSet at : sets) {
                // each wanted word needs a typed word of its own: "people" is a synonym of both "people" and
                // "person", but one "people" does not make the phrase "people person"
                int next = at.nextSetBit(start);
                while (next >= 0 && next < start + width && used.get(next)) {
                    next = at.nextSetBit(next + 1);
                }
                if (next >= 0 && next < start + width) {
                    found++;
                    used.set(next);
                    last = Math.max(last, next);
                }
            }
            if (found >= needed) {
                return Optional.of(new Span(start, last));
            }
        }
        return Optional.empty();
    }
}
