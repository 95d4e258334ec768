package io.refguard;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The GC backstop: reports tracked references that became unreachable while still open.
 *
 * <p>Every tracked handle (and every tracked object, for its creator's reference) is watched by
 * {@link WatchTable} through the reference's {@link RefState}, a weak reference to the handle. A
 * leak is reported on the thread of the next tracked acquire or scope close, inside the program's
 * own call, so reporting here must never throw: a failing logger or listener is contained.
 *
 * <p>Logging is one report per acquire site: the first leak of a reference acquired at a site is
 * logged in full, later ones from the same site are counted, and the counts of every site that
 * leaked more than once are printed to standard error when the JVM exits. Listeners hear of every
 * leak.
 */
final class LeakBackstop {

    private static final CopyOnWriteArrayList<LeakListener> LISTENERS =
            new CopyOnWriteArrayList<>();
    private static final System.Logger LOG = System.getLogger("io.refguard");

    /** Leaks found per acquire site ({@link #siteKey}), for one log line per site. */
    private static final Map<String, AtomicLong> PER_SITE = new ConcurrentHashMap<>();

    private static final AtomicBoolean SUMMARY_HOOK = new AtomicBoolean();

    private LeakBackstop() {}

    /** The acquire site a leak report is counted under: class, method, file and line. */
    static String siteKey(Report report) {
        Site s = report.site(Report.Role.ACQUIRED);
        return s == null ? "?" : s.className() + "." + s.methodName() + "(" + s.location() + ")";
    }

    /** How many leaks the backstop found per acquire site so far (sites as {@link #siteKey}). */
    static Map<String, Long> counts() {
        Map<String, Long> out = new java.util.TreeMap<>();
        PER_SITE.forEach((k, v) -> out.put(k, v.get()));
        return out;
    }

    /**
     * One line for every site that leaked more than once: how many leaks the backstop found there.
     */
    static List<String> summary() {
        List<String> lines = new ArrayList<>();
        counts().forEach(
                        (site, n) -> {
                            if (n > 1) {
                                lines.add(
                                        "refguard: the GC backstop found "
                                                + n
                                                + " leaked references acquired at "
                                                + site
                                                + " (the first was logged in full)");
                            }
                        });
        return lines;
    }

    /**
     * Prints {@link #summary()} to standard error. Runs as a shutdown hook, where the logging
     * system may already be shut down by its own hook, so it does not log.
     */
    static void printSummary() {
        for (String line : summary()) {
            System.err.println(line);
        }
    }

    static void addListener(LeakListener listener) {
        LISTENERS.add(listener);
    }

    static void removeListener(LeakListener listener) {
        LISTENERS.remove(listener);
    }

    /**
     * Logs {@code report} if it is the first from its acquire site, counts it otherwise, and hands
     * it to every listener. Never throws.
     */
    static void report(Report report) {
        try {
            long n =
                    PER_SITE.computeIfAbsent(siteKey(report), k -> new AtomicLong())
                            .incrementAndGet();
            if (n == 1) {
                LOG.log(
                        System.Logger.Level.WARNING,
                        report
                                + "\n  Further leaks of references acquired at this"
                                + " site are counted, not logged; their number is printed to standard error when the JVM exits.");
            } else if (n == 2 && SUMMARY_HOOK.compareAndSet(false, true)) {
                Runtime.getRuntime()
                        .addShutdownHook(
                                new Thread(LeakBackstop::printSummary, "refguard-leak-counts"));
            }
        } catch (Throwable ignored) {
            // a broken logging configuration must not break the program's acquire
        }
        for (LeakListener l : LISTENERS) {
            try {
                l.onLeak(report);
            } catch (Throwable t) {
                try {
                    LOG.log(
                            System.Logger.Level.ERROR,
                            "refguard: leak listener "
                                    + l
                                    + " threw; the leak report"
                                    + " was still logged. Fix the listener.",
                            t);
                } catch (Throwable ignored) {
                    // as above
                }
            }
        }
    }
}
