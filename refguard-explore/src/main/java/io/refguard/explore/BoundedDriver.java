package io.refguard.explore;

import io.refguard.explore.report.FailureKind;
import io.refguard.explore.runtime.RunEngine;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Runs an exploration on a thread of its own (the runtime's driver) while the calling thread
 * watches it, so that user code the driver runs outside any actor (the setup, the final check,
 * invariants at the end of a run) is bounded by the run timeout like actors are: when such a phase
 * does not return in time, the caller gives up on the driver, interrupts it, and reports the
 * exploration as inconclusive, naming where it is stuck, instead of hanging forever.
 *
 * <p>The driver bears the caller's name, so checker reports about objects made by the setup name
 * the same thread as before.
 */
final class BoundedDriver {

    /** How often the caller looks at the driver. */
    private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

    private final String scenario;
    private final long timeoutNanos;

    /** What user code the driver runs now outside actors, such as "the setup"; null otherwise. */
    private volatile String phase;

    private volatile long phaseStart;

    BoundedDriver(String scenario, long timeoutNanos) {
        this.scenario = scenario;
        this.timeoutNanos = timeoutNanos;
    }

    /** Set when the caller gave up on the driver: the driver then unwinds at its next phase. */
    private volatile boolean abandoned;

    /**
     * Marks the start of a phase of user code on the driver; {@link #leave()} ends it.
     *
     * @throws IllegalStateException when the caller gave up on this exploration: the driver
     *     unwinds, closing the runtime, instead of going on unwatched
     */
    void enter(String what) {
        checkWatched();
        phaseStart = System.nanoTime();
        phase = what;
    }

    /** Throws when the caller gave up on this exploration (see {@link #enter}). */
    void checkWatched() {
        if (abandoned) {
            throw new IllegalStateException(
                    "the exploration of scenario \""
                            + scenario
                            + "\" was given up: it is inconclusive");
        }
    }

    void leave() {
        phase = null;
    }

    /**
     * Runs {@code exploration} on a new driver thread and returns what it returns, or throws what
     * it throws.
     *
     * @throws InterleavingInconclusive when a phase of user code on the driver outlives the timeout
     */
    <T> T call(Supplier<T> exploration) {
        RunEngine.refuseNested(); // the driver is a thread of its own: ask on the caller's
        Object[] outcome = new Object[1];
        Throwable[] thrown = new Throwable[1];
        Thread caller = Thread.currentThread();
        Thread driver =
                new Thread(
                        () -> {
                            try {
                                outcome[0] = exploration.get();
                            } catch (Throwable t) {
                                thrown[0] = t;
                            }
                        },
                        caller.getName());
        driver.setDaemon(true);
        driver.setContextClassLoader(caller.getContextClassLoader());
        driver.start();
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    driver.join(TimeUnit.NANOSECONDS.toMillis(POLL_NANOS));
                } catch (InterruptedException e) {
                    interrupted = true; // the exploration is bounded on its own; finish it
                }
                if (!driver.isAlive()) {
                    break;
                }
                String p = phase;
                if (p != null && System.nanoTime() - phaseStart > timeoutNanos && phase == p) {
                    throw abandon(driver, p);
                }
            }
        } finally {
            if (interrupted) {
                caller.interrupt();
            }
        }
        if (thrown[0] instanceof RuntimeException) {
            throw (RuntimeException) thrown[0];
        }
        if (thrown[0] instanceof Error) {
            throw (Error) thrown[0];
        }
        if (thrown[0] != null) {
            throw new IllegalStateException(thrown[0]); // a checked exception thrown sneakily
        }
        @SuppressWarnings("unchecked")
        T result = (T) outcome[0];
        return result;
    }

    private InterleavingInconclusive abandon(Thread driver, String what) {
        List<String> stack = new ArrayList<>();
        for (StackTraceElement e : driver.getStackTrace()) {
            stack.add("at " + e);
        }
        abandoned = true;
        driver.interrupt();
        try {
            driver.join(1000); // most drivers unwind and close the runtime within this
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        StringBuilder sb =
                new StringBuilder("Scenario \"")
                        .append(scenario)
                        .append("\" is inconclusive: ")
                        .append(what)
                        .append(" has not returned for ")
                        .append(timeoutNanos / 1_000_000)
                        .append(" ms.")
                        .append(StuckThreads.stuckIn(stack))
                        .append(
                                " It runs outside the explorer's threads, where refguard cannot schedule it;")
                        .append(
                                " keep it from blocking, or raise refguard.explore.runTimeout if it is only slow.");
        if (driver.isAlive()) {
            sb.append(" Its thread did not stop when interrupted and is left running.");
        }
        int shown = 0;
        for (String line : stack) {
            if (shown++ == 8) {
                sb.append("\n    ...");
                break;
            }
            sb.append("\n    ").append(line);
        }
        return new InterleavingInconclusive(FailureKind.STUCK, sb.toString(), null);
    }
}
