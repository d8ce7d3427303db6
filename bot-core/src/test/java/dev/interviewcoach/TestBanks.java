package dev.interviewcoach;

import dev.interviewcoach.question.Bank;
import dev.interviewcoach.question.BankCatalog;
import dev.interviewcoach.question.BankReader;
import dev.interviewcoach.question.QuestionBanks;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The small test bank, loaded through the real reader. */
public final class TestBanks {
    private TestBanks() {
    }

    public static Bank tiny() {
        try (InputStream in = TestBanks.class.getResourceAsStream("/banks/tiny.yaml")) {
            return new BankReader().read("tiny.yaml", new String(in.readAllBytes(), StandardCharsets.UTF_8)).orThrow();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static QuestionBanks tinyBanks() {
        return QuestionBanks.of(List.of(tiny()));
    }

    public static BankCatalog tinyCatalog() {
        return BankCatalog.of(tinyBanks());
    }
}
