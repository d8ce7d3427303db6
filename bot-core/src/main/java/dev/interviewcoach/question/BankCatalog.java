package dev.interviewcoach.question;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The banks in use right now. Features read {@link #current()} on every event, so a reload
 * (a custom bank edited while the bot runs) takes effect at the next event, all at once.
 */
public final class BankCatalog {

    private final AtomicReference<QuestionBanks> current;
    private final List<Runnable> onReplace = new CopyOnWriteArrayList<>();

    private BankCatalog(QuestionBanks banks) {
        this.current = new AtomicReference<>(Objects.requireNonNull(banks));
    }

    public static BankCatalog of(QuestionBanks banks) {
        return new BankCatalog(banks);
    }

    public QuestionBanks current() {
        return current.get();
    }

    /** Runs {@code listener} after each reload is in use, on the thread that reloaded: it must return at once. */
    public void onReplace(Runnable listener) {
        onReplace.add(Objects.requireNonNull(listener));
    }

    void replace(QuestionBanks banks) {
        current.set(Objects.requireNonNull(banks));
        onReplace.forEach(Runnable::run);
    }
}
