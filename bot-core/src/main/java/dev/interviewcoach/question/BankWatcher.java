package dev.interviewcoach.question;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a catalog in step with a folder of custom banks while the bot runs. A file that becomes
 * invalid keeps its last good version in use, and the problems are logged; a deleted file's
 * bank goes away. Editors save in bursts, so changes are applied after a short quiet period.
 */
public final class BankWatcher implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(BankWatcher.class);
    private static final long QUIET_MILLIS = 300;

    private final Path dir;
    private final BankReader reader;
    private final BankCatalog catalog;
    private final List<Bank> builtIn;
    private final Map<Path, Bank> lastGood = new LinkedHashMap<>();
    private final WatchService watcher;
    private final Thread thread;

    /** Reads the folder now, publishes the result, and watches it for changes. */
    public BankWatcher(Path dir, BankReader reader, BankCatalog catalog) throws IOException {
        this.dir = dir.toAbsolutePath();
        this.reader = reader;
        this.catalog = catalog;
        this.builtIn = QuestionBanks.builtIn(reader);
        reload();
        this.watcher = FileSystems.getDefault().newWatchService();
        this.dir.register(watcher, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                StandardWatchEventKinds.ENTRY_DELETE);
        this.thread = Thread.ofPlatform().daemon().name("bank-watcher").start(this::watch);
    }

    /** Reads every file again; invalid ones keep their last good bank. Returns the problems found. */
    public synchronized List<BankProblem> reload() {
        List<BankProblem> problems = new ArrayList<>();
        Map<Path, Bank> next = new LinkedHashMap<>();
        for (Path file : Files.isDirectory(dir) ? QuestionBanks.yamlFiles(dir) : List.<Path>of()) {
            BankReader.Result result = QuestionBanks.readCustom(reader, file);
            if (result.ok()) {
                next.put(file, result.bank().orElseThrow());
            } else {
                problems.addAll(result.problems());
                Bank previous = lastGood.get(file);
                if (previous != null) {
                    next.put(file, previous);
                    log.warn("bank file {} is invalid; keeping its previous version. Problems:\n{}", file, lines(result));
                } else {
                    log.warn("bank file {} is invalid and left out. Problems:\n{}", file, lines(result));
                }
            }
        }
        lastGood.clear();
        lastGood.putAll(next);
        List<Bank> banks = new ArrayList<>(builtIn);
        banks.addAll(next.values());
        catalog.replace(QuestionBanks.of(banks, problems));
        log.info("custom banks loaded from {}: {} file(s), {} problem(s)", dir, next.size(), problems.size());
        return problems;
    }

    private static String lines(BankReader.Result result) {
        return String.join("\n", result.problems().stream().map(p -> "  " + p).toList());
    }

    private void watch() {
        try {
            while (true) {
                WatchKey key = watcher.take();
                // Let a burst of saves settle, then read once.
                WatchKey more;
                do {
                    key.pollEvents();
                    key.reset();
                    more = watcher.poll(QUIET_MILLIS, TimeUnit.MILLISECONDS);
                    if (more != null) {
                        key = more;
                    }
                } while (more != null);
                reload();
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.error("bank watcher stopped; restart the bot to pick up bank changes", e);
        }
    }

    @Override
    public void close() throws IOException {
        watcher.close();
        thread.interrupt();
    }
}
