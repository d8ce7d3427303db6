package dev.interviewcoach.question;

import java.util.List;
import java.util.stream.Collectors;

/** A bank that cannot be used, with every problem found in it. */
public final class BankLoadException extends RuntimeException {
    private final transient List<BankProblem> problems;

    public BankLoadException(List<BankProblem> problems) {
        super(problems.stream().map(BankProblem::toString).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<BankProblem> problems() {
        return problems;
    }
}
