package dev.interviewcoach.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import com.sun.management.OperatingSystemMXBean;
import java.util.Locale;

/**
 * What the machine and this process were doing at one moment: the load average, the process's CPU time and each
 * live thread's CPU time. Two of them give where the CPU went between them, by thread family (names with their
 * numbers taken out: {@code coach-lane-#}, {@code qtp#-#} for Jetty, {@code HttpClient-#-Worker-#}).
 */
record ResourceUse(long wallNanos, String loadAverage, long processCpuNanos, long machineBusyTicks,
                   Map<Long, ThreadCpu> threads) {

    record ThreadCpu(String family, long cpuNanos) {}

    /**
     * CPU used between two snapshots, in cores (1.0 = one core busy all the time). The load average counts this
     * process's runnable threads too; {@code otherCores} is what the rest of the machine used (other builds).
     */
    record Spent(String loadBefore, String loadAfter, double processCores, double otherCores,
                 List<Map.Entry<String, Double>> byFamily) {

        /** The busiest thread families, e.g. {@code coach-lane-# 0.62, qtp#-# 0.31}. */
        String top(int n) {
            StringBuilder out = new StringBuilder();
            for (Map.Entry<String, Double> family : byFamily.subList(0, Math.min(n, byFamily.size()))) {
                if (!out.isEmpty()) {
                    out.append(", ");
                }
                out.append(family.getKey()).append(' ').append(String.format(Locale.ROOT, "%.2f", family.getValue()));
            }
            return out.toString();
        }
    }

    static ResourceUse now() {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        Map<Long, ThreadCpu> threads = new HashMap<>();
        long[] ids = mx.getAllThreadIds();
        ThreadInfo[] infos = mx.getThreadInfo(ids);
        for (int i = 0; i < ids.length; i++) {
            long cpu = mx.isThreadCpuTimeSupported() ? mx.getThreadCpuTime(ids[i]) : -1;
            if (infos[i] != null && cpu >= 0) {
                threads.put(ids[i], new ThreadCpu(infos[i].getThreadName().replaceAll("\\d+", "#"), cpu));
            }
        }
        return new ResourceUse(System.nanoTime(), loadAverageNow(), processCpu(), machineBusyTicksNow(), threads);
    }

    /** The 1, 5 and 15 minute load averages, as uptime shows them. */
    static String loadAverageNow() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException | RuntimeException e) {
            return "n/a";
        }
    }

    /** Busy time of all CPUs since boot, in clock ticks (10 ms), from the first line of /proc/stat; -1 if unknown. */
    private static long machineBusyTicksNow() {
        try {
            String[] fields = Files.readAllLines(Path.of("/proc/stat")).getFirst().trim().split("\\s+");
            long busy = 0;
            // cpu user nice system idle iowait irq softirq steal ...: everything but idle (4) and iowait (5).
            for (int i = 1; i <= 8 && i < fields.length; i++) {
                if (i != 4 && i != 5) {
                    busy += Long.parseLong(fields[i]);
                }
            }
            return busy;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private static long processCpu() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return -1;
    }

    /** CPU spent from {@code this} to {@code later}; threads that ended in between are not counted. */
    Spent until(ResourceUse later) {
        double wall = later.wallNanos - wallNanos;
        Map<String, Double> byFamily = new HashMap<>();
        later.threads.forEach((id, after) -> {
            ThreadCpu before = threads.get(id);
            long spent = after.cpuNanos() - (before == null ? 0 : before.cpuNanos());
            byFamily.merge(after.family(), spent / wall, Double::sum);
        });
        List<Map.Entry<String, Double>> sorted = new ArrayList<>(byFamily.entrySet());
        sorted.sort(Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder()));
        double process = processCpuNanos < 0 ? Double.NaN : (later.processCpuNanos - processCpuNanos) / wall;
        double machine = machineBusyTicks < 0 ? Double.NaN : (later.machineBusyTicks - machineBusyTicks) * 10e6 / wall;
        return new Spent(loadAverage, later.loadAverage, process, Math.max(0, machine - process), sorted);
    }
}
