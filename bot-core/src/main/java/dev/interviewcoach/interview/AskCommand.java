package dev.interviewcoach.interview;

import dev.interviewcoach.command.CommandInput;
import dev.interviewcoach.command.CommandSpec;
import dev.interviewcoach.command.OptionSpec;
import dev.interviewcoach.chat.ChatPort;
import dev.interviewcoach.chat.Inbound;
import dev.interviewcoach.chat.Reply;
import dev.interviewcoach.engine.CommandHandler;
import dev.interviewcoach.question.Bank;
import dev.interviewcoach.question.BankCatalog;
import dev.interviewcoach.question.Question;
import dev.interviewcoach.question.QuestionBanks;
import dev.interviewcoach.question.QuestionSearch;
import dev.interviewcoach.text.EditDistance;
import dev.interviewcoach.text.TextAnalyzer;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;

/**
 * {@code ask <topic>}: one question on what a person wants to practise ("ask caching", "ask a
 * question about deadlocks"), found by search and run as a one-question interview; "ask anything" picks one.
 */
public final class AskCommand implements CommandHandler {

    /** "ask anything", "ask a random question", "ask surprise me": any question will do. */
    private static final Pattern ANY = Pattern.compile("(?:a |an |any |some |me )?(?:random|any|anything|surprise me"
            + "|whatever)(?: (?:question|one|topic))?", Pattern.CASE_INSENSITIVE);

    private final BankCatalog banks;
    private final MockInterviewFeature interviews;
    private final TextAnalyzer analyzer;
    private final RandomGenerator random;
    private volatile QuestionSearch search;
    private volatile QuestionBanks searchFor;

    public AskCommand(BankCatalog banks, MockInterviewFeature interviews, TextAnalyzer analyzer, RandomGenerator random) {
        this.banks = banks;
        this.interviews = interviews;
        this.analyzer = analyzer;
        this.random = random;
    }

    @Override
    public List<CommandSpec> commands() {
        return List.of(CommandSpec.of("ask", "one question on a topic, e.g. ask caching (ask anything: any topic)",
                OptionSpec.text("topic", "e.g. caching, deadlocks, a conflict").mandatory()
                        .suggesting(OptionSpec.Suggest.TOPICS)));
    }

    @Override
    public void handle(Inbound.Command command, CommandInput input, ChatPort port) {
        String topic = input.value("topic").orElse("").strip();
        if (topic.isEmpty()) {
            port.post(command.place(), Reply.text("Ask about a topic, for example: ask caching, ask deadlocks,"
                    + " ask a time I disagreed with my manager.").onlyTo(command.user()));
            return;
        }
        if (ANY.matcher(topic).matches()) {
            List<Question> all = banks.current().tracks().stream().flatMap(b -> b.questions().stream()).toList();
            Question question = all.get(random.nextInt(all.size()));
            interviews.start(command, banks.current().track(question.track()).orElseThrow(), List.of(question), null, port);
            return;
        }
        // "ask composite-covering-index", as a scorecard offers it: that question, not the best match for its words
        Optional<Question> byId = banks.current().tracks().stream().flatMap(b -> b.questions().stream())
                .filter(q -> q.id().equalsIgnoreCase(topic)).findFirst();
        List<QuestionSearch.Hit> hits = byId.map(q -> List.of(new QuestionSearch.Hit(q, Double.MAX_VALUE)))
                .orElseGet(() -> search().search(topic, Optional.empty(), 1));
        if (hits.isEmpty()) {
            String shown = topic.length() > 60 ? topic.substring(0, 60) + "..." : topic;
            port.post(command.place(), Reply.text("I have no question about \"" + shown + "\"."
                    + corrected(topic).map(fixed -> " Did you mean: ask " + fixed + "?").orElse("")
                    + " Try other words, ask anything for a question on any topic, or type tracks to see what there is.")
                    .onlyTo(command.user()));
            return;
        }
        var question = hits.getFirst().question();
        Bank bank = banks.current().track(question.track()).orElseThrow();
        interviews.start(command, bank, List.of(question), interviews.lastTime(command.user(), question).orElse(null),
                port);
    }

    /**
     * The typed topic with its misspelt words put right ("cachng" as "caching"), by the nearest word of the banks'
     * topics, when that finds a question.
     */
    private Optional<String> corrected(String typed) {
        Set<String> vocabulary = new HashSet<>();
        banks.current().tracks().forEach(b -> b.questions().forEach(q -> q.topics().forEach(t -> {
            vocabulary.add(t.toLowerCase(Locale.ROOT));
            vocabulary.addAll(List.of(t.toLowerCase(Locale.ROOT).split("-")));
        })));
        String[] words = typed.toLowerCase(Locale.ROOT).strip().split("\\s+");
        boolean changed = false;
        for (int i = 0; i < words.length; i++) {
            String word = words[i];
            if (word.length() < MIN_CORRECTED || vocabulary.contains(word)) {
                continue;
            }
            int allowed = word.length() <= 5 ? 1 : 2;
            Optional<String> nearest = vocabulary.stream().filter(v -> v.length() >= MIN_CORRECTED)
                    .filter(v -> EditDistance.withSwaps(v, word) <= allowed)
                    .min(Comparator.comparingInt((String v) -> EditDistance.withSwaps(v, word)).thenComparing(v -> v));
            if (nearest.isPresent()) {
                words[i] = nearest.get();
                changed = true;
            }
        }
        String fixed = String.join(" ", words);
        return changed && !search().search(fixed, Optional.empty(), 1).isEmpty() ? Optional.of(fixed) : Optional.empty();
    }

    /** Shorter words are not put right: too many short topic words lie one letter from each other. */
    private static final int MIN_CORRECTED = 4;

    private QuestionSearch search() {
        QuestionBanks now = banks.current();
        if (now != searchFor) {
            synchronized (this) {
                if (now != searchFor) {
                    search = new QuestionSearch(now, analyzer);
                    searchFor = now;
                }
            }
        }
        return search;
    }
}
