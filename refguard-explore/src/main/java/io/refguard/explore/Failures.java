package io.refguard.explore;

import io.refguard.explore.report.Failure;
import io.refguard.explore.report.FailureKind;
import io.refguard.explore.report.TraceEvent;
import io.refguard.explore.runtime.ControlLost;
import io.refguard.explore.runtime.RunEngine;
import io.refguard.explore.runtime.RunStatus;
import io.refguard.explore.runtime.SourceLocator;
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
                    return new Failure(
                            ((ControlLost) c).threadLimit()
                                    ? FailureKind.THREAD_LIMIT
                                    : FailureKind.OUT_OF_CONTROL,
                            t,
                            c.getMessage(),
                            null,
                            List.of());
                }
                return withLines(
                        FailureKind.THREAD_THREW,
                        t,
                        thread + " threw ",
                        withCauses(c),
                        SourceLocator.locate(c));
            case INVARIANT_FAILED:
                {
                    String when =
                            e.failureStep() == 0
                                    ? " before the first step"
                                    : " after the last step shown";
                    List<String> lines = lines(c.getMessage());
                    String location =
                            c.getCause() != null ? SourceLocator.locate(c.getCause()) : null;
                    return new Failure(
                            FailureKind.INVARIANT,
                            t,
                            lines.get(0) + when,
                            location,
                            lines.subList(1, lines.size()));
                }
            case DEADLOCK:
                {
                    List<String> lines = lines(e.failureMessage());
                    return new Failure(
                            FailureKind.DEADLOCK,
                            -1,
                            "deadlock: " + lines.get(0),
                            null,
                            strip(lines.subList(1, lines.size())));
                }
            case LIVELOCK:
                if (e.failureMessage() != null) {
                    return new Failure(
                            FailureKind.LIVELOCK,
                            t,
                            "no progress: " + e.failureMessage(),
                            null,
                            List.of());
                }
                return new Failure(
                        FailureKind.LIVELOCK,
                        t,
                        "no progress: the run took more than "
                                + options.maxSteps()
                                + " steps (refguard.explore.maxSteps). A thread may spin"
                                + " until another one acts: wait with Coordinator.blockUntil instead, or raise"
                                + " the bound if the run is just long",
                        null,
                        List.of());
            case STUCK:
                {
                    List<String> lines = lines(e.failureMessage());
                    List<String> stack = strip(lines.subList(1, lines.size()));
                    String head = lines.get(0).replace(" Where it is now:", "");
                    String where = StuckThreads.stuckIn(stack);
                    return new Failure(
                            FailureKind.STUCK, t, head + where + StuckThreads.ADVICE, null, stack);
                }
            case CHECK_FAILED:
                return withLines(
                        FailureKind.FINAL_CHECK,
                        -1,
                        "final check failed: ",
                        withCauses(c),
                        SourceLocator.locate(c));
            case LEAK:
                return withLines(
                        FailureKind.LEAK,
                        -1,
                        "leak at the end of the run: ",
                        c.getMessage() == null ? c.toString() : c.getMessage(),
                        null);
            default:
                throw new IllegalArgumentException("not a failure: " + status);
        }
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

    private static Failure withLines(
            FailureKind kind, int thread, String prefix, String text, String location) {
        List<String> lines = lines(text);
        return new Failure(
                kind, thread, prefix + lines.get(0), location, lines.subList(1, lines.size()));
    }

    /** The most causes a report lists under an exception. */
    private static final int CAUSES = 5;

    /**
     * {@code t} as text, then a line for each of its causes with where it was thrown, as a stack
     * trace's "Caused by" would: the wrapping exception a program rethrows ({@code
     * ExecutionException}, an {@code AssertionError} with a cause) seldom says what went wrong.
     */
    static String withCauses(Throwable t) {
        StringBuilder sb = new StringBuilder();
        // a wrapper whose message is only its cause's text (new ExecutionException(cause), or the
        // copy ForkJoinTask.join rethrows) says nothing of its own: named once, then its cause
        for (int n = 0; wrapsOnly(t) && n < CAUSES; n++) {
            Throwable c = t.getCause();
            if (c.getClass() != t.getClass()) {
                sb.append(t.getClass().getName()).append(" wrapping ");
            }
            t = c;
        }
        sb.append(t);
        Throwable c = t.getCause();
        for (int n = 0; c != null && c != t && n < CAUSES; n++, t = c, c = c.getCause()) {
            sb.append(System.lineSeparator()).append("caused by ").append(firstLine(c));
            String at = SourceLocator.locate(c);
            if (at != null) {
                sb.append(" (at ").append(at).append(')');
            }
        }
        return sb.toString();
    }

    /** Whether {@code t}'s message is its cause's text and nothing more. */
    private static boolean wrapsOnly(Throwable t) {
        Throwable c = t.getCause();
        return c != null && c != t && java.util.Objects.equals(t.getMessage(), c.toString());
    }

    private static String firstLine(Throwable t) {
        String s = t.toString();
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl).stripTrailing();
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
