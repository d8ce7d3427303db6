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
import dev.interviewcoach.text.TextAnalyzer;
import java.util.List;
import java.util.Optional;
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
        List<QuestionSearch.Hit> hits = search().search(topic, Optional.empty(), 1);
        if (hits.isEmpty()) {
            String shown = topic.length() > 60 ? topic.substring(0, 60) + "..." : topic;
            port.post(command.place(), Reply.text("I have no question about \"" + shown + "\". Try other words,"
                    + " ask anything for a question on any topic, or type tracks to see what there is.")
                    .onlyTo(command.user()));
            return;
        }
        var question = hits.getFirst().question();
        Bank bank = banks.current().track(question.track()).orElseThrow();
        interviews.start(command, bank, List.of(question), interviews.lastTime(command.user(), question).orElse(null),
                port);
    }

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
