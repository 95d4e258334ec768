package io.refguard.explore;

import io.refguard.explore.report.Failure;
import io.refguard.explore.report.FailureKind;
import io.refguard.explore.report.TraceEvent;
import io.refguard.explore.runtime.RunEngine;
import io.refguard.explore.runtime.RunStatus;
import io.refguard.explore.runtime.SourceLocator;
import io.refguard.explore.runtime.ControlLost;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Turns the engine's account of a failed run into the report's {@link Failure}. */
final class Failures {

    private Failures() {}

    static Failure describe(RunEngine e, RunStatus status, ExploreOptions options) {
        int t = e.failureThread();
        String thread = t >= 0 ? e.threadName(t) : null;
        Throwable c = e.failureCause();
        switch (status) {
            case ACTOR_FAILED:
                if (c instanceof ControlLost) {
                    return new Failure(((ControlLost) c).threadLimit() ? FailureKind.THREAD_LIMIT
                            : FailureKind.OUT_OF_CONTROL, t, c.getMessage(), null, List.of());
                }
                return withLines(FailureKind.THREAD_THREW, t, thread + " threw ", c.toString(),
                        SourceLocator.locate(c));
            case INVARIANT_FAILED: {
                String when = e.failureStep() == 0 ? " before the first step"
                        : " after the last step shown";
                List<String> lines = lines(c.getMessage());
                String location = c.getCause() != null ? SourceLocator.locate(c.getCause()) : null;
                return new Failure(FailureKind.INVARIANT, t, lines.get(0) + when, location,
                        lines.subList(1, lines.size()));
            }
            case DEADLOCK: {
                List<String> lines = lines(e.failureMessage());
                return new Failure(FailureKind.DEADLOCK, -1, "deadlock: " + lines.get(0), null,
                        strip(lines.subList(1, lines.size())));
            }
            case LIVELOCK:
                return new Failure(FailureKind.LIVELOCK, t, "no progress: the run took more than "
                        + options.maxSteps() + " steps (refguard.explore.maxSteps). A thread may spin"
                        + " until another one acts: wait with Coordinator.blockUntil instead, or raise"
                        + " the bound if the run is just long", null, List.of());
            case STUCK: {
                List<String> lines = lines(e.failureMessage());
                List<String> stack = strip(lines.subList(1, lines.size()));
                String head = lines.get(0).replace(" Where it is now:", "");
                String where = stuckIn(stack);
                return new Failure(FailureKind.STUCK, t, head + where + STUCK_ADVICE, null, stack);
            }
            case CHECK_FAILED:
                return withLines(FailureKind.FINAL_CHECK, -1, "final check failed: ", c.toString(),
                        SourceLocator.locate(c));
            case LEAK:
                return withLines(FailureKind.LEAK, -1, "leak at the end of the run: ",
                        c.getMessage() == null ? c.toString() : c.getMessage(), null);
            default:
                throw new IllegalArgumentException("not a failure: " + status);
        }
    }

    /** What to do about a thread refguard could not schedule. */
    static final String STUCK_ADVICE = " refguard cannot order what it does not see: keep I/O and"
            + " threads refguard did not start out of the explored code (give the actor an in-memory"
            + " stand-in), instrument the library that blocks or spins (widen the agent's include), or"
            + " raise refguard.explore.runTimeout if it is only slow.";

    /** " It is stuck in m, called from the program's n." for the stack shown, or "". */
    static String stuckIn(List<String> stack) {
        if (stack.isEmpty() || !stack.get(0).startsWith("at ")) {
            return "";
        }
        String top = stack.get(0).substring(3);
        String own = null;
        for (String l : stack) {
            if (l.startsWith("at ") && !jdk(l.substring(3))) {
                own = l.substring(3);
                break;
            }
        }
        String s = " It is stuck in " + method(top);
        if (own != null && !own.equals(top)) {
            s += ", called from " + own.substring(own.lastIndexOf('/') + 1);
        }
        return s + ".";
    }

    private static boolean jdk(String frame) {
        String m = frame.substring(frame.indexOf('/') + 1);
        return frame.startsWith("java.") || frame.startsWith("jdk.") || m.startsWith("java.")
                || m.startsWith("jdk.") || m.startsWith("sun.");
    }

    /** The runtime's worker class: the only threads that bear an actor's name. */
    private static final String WORKER = "io.refguard.explore.runtime.Worker";

    /**
     * After a stuck thread was interrupted and given up: a note saying that it is still running and
     * where, when it has not ended within a short grace period, else null. Such a thread is blocked
     * where an interrupt does not reach (a socket read, an uninterruptible lock) or spins without a
     * scheduling point; refguard cannot stop it, so the report says so.
     */
    static String leftRunning(String actorName) {
        long end = System.nanoTime() + 200_000_000L;
        while (true) {
            Thread left = null;
            for (var e : Thread.getAllStackTraces().entrySet()) {
                Thread t = e.getKey();
                if (t.getName().equals(actorName) && t.isAlive() && t.getClass().getName().equals(WORKER)
                        && !waitsInRuntime(e.getValue())) {
                    left = t;
                }
            }
            if (left == null) {
                return null;
            }
            if (System.nanoTime() - end >= 0) {
                StackTraceElement[] st = left.getStackTrace();
                return actorName + " did not stop when interrupted and is left running"
                        + (st.length == 0 ? "" : " in " + method(st[0].toString()))
                        + ": refguard cannot stop a thread there; it ends when that call returns, or with the JVM";
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }
    }

    /** Whether a worker's stack is the runtime's own wait for the baton or for work. */
    private static boolean waitsInRuntime(StackTraceElement[] stack) {
        for (StackTraceElement f : stack) {
            String m = f.getMethodName();
            if (f.getClassName().startsWith("io.refguard.explore.runtime.")
                    && (m.equals("spinThenPark") || m.equals("awaitAssignment"))) {
                return true;
            }
            if (!f.getClassName().startsWith("java.") && !f.getClassName().startsWith("jdk.")) {
                return false; // the first frame outside the JDK decides
            }
        }
        return false;
    }

    /** {@code pkg.Class.method} of a stack frame's text such as {@code java.base/pkg.C.m(C.java:3)}. */
    static String method(String frame) {
        int paren = frame.indexOf('(');
        String m = paren < 0 ? frame : frame.substring(0, paren);
        int slash = m.lastIndexOf('/');
        return slash < 0 ? m : m.substring(slash + 1);
    }

    /** The steps the search recorded, without locations: for runs that cannot be re-run. */
    static List<TraceEvent> untracedEvents(RunEngine e) {
        int[] schedule = e.schedule();
        List<TraceEvent> events = new ArrayList<>(schedule.length);
        for (int i = 0; i < schedule.length; i++) {
            // without the enabled sets of the search there is no telling preemptions apart
            events.add(new TraceEvent.Step(i, schedule[i], e.labelAt(i), null, null, null, false));
        }
        return events;
    }

    private static Failure withLines(FailureKind kind, int thread, String prefix, String text,
            String location) {
        List<String> lines = lines(text);
        return new Failure(kind, thread, prefix + lines.get(0), location, lines.subList(1, lines.size()));
    }

    private static List<String> lines(String text) {
        if (text == null || text.isEmpty()) {
            return List.of("(no message)");
        }
        return Arrays.asList(text.split("\\R"));
    }

    private static List<String> strip(List<String> lines) {
        List<String> out = new ArrayList<>(lines.size());
        for (String l : lines) {
            out.add(l.strip());
        }
        return out;
    }
}
