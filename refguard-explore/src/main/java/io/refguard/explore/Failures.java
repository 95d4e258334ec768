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
                if (e.failureMessage() == null) {
                    return new Failure(
                            FailureKind.LIVELOCK,
                            t,
                            "no progress: the run took more than "
                                    + options.maxSteps()
                                    + " steps (maxSteps, --max-steps). "
                                    + looping(e)
                                    + "A thread that loops until another one acts should block"
                                    + " instead of polling (a lock, a condition, a queue, a latch;"
                                    + " Coordinator.blockUntil in a scenario); one that loops for"
                                    + " good never ends (an interrupt swallowed, a flag nobody"
                                    + " sets). Raise the bound if the run is just long",
                            null,
                            List.of());
                }
                if (e.failureMessage() != null) {
                    return new Failure(
                            FailureKind.LIVELOCK,
                            t,
                            "no progress: " + e.failureMessage(),
                            null,
                            List.of());
                }
            case STUCK:
                {
                    List<String> lines = lines(e.failureMessage());
                    List<String> stack = strip(lines.subList(1, lines.size()));
                    String head = lines.get(0).replace(" Where it is now:", "");
                    String where = StuckThreads.stuckIn(stack);
                    return new Failure(
                            FailureKind.STUCK,
                            t,
                            head + where + StuckThreads.advice(stack),
                            null,
                            stack);
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
    /** Steps kept from the start and from the end of a run that made no progress. */
    private static final int FOLD_HEAD = 40;

    private static final int FOLD_TAIL = 80;

    /**
     * The events of a run that made no progress, with the middle left out: its start, and its end,
     * where the loop shows. Short runs are kept whole.
     */
    static List<TraceEvent> folded(List<TraceEvent> events) {
        if (events.size() <= FOLD_HEAD + FOLD_TAIL + 20) {
            return events;
        }
        int tailFrom = events.size() - FOLD_TAIL;
        int steps = 0;
        int first = -1;
        for (TraceEvent ev : events.subList(FOLD_HEAD, tailFrom)) {
            if (ev instanceof TraceEvent.Step s && !s.label().equals("start")) {
                steps++; // a thread's start has no row of its own
                first = first < 0 ? ev.thread() : first;
            }
        }
        List<TraceEvent> out = new ArrayList<>(events.subList(0, FOLD_HEAD));
        out.add(new TraceEvent.Omitted(Math.max(first, 0), steps, null));
        out.addAll(events.subList(tailFrom, events.size()));
        return out;
    }

    /** The fewest steps of a thread running alone that a report folds into one row. */
    private static final int FOLD_ALONE = 20;

    /** The last steps of a thread's stretch alone that a report still shows, for context. */
    private static final int ALONE_SHOWN = 3;

    /**
     * The events of a traced run with each long stretch of steps that a thread took while no other
     * thread existed yet folded into one row, but the stretch's last few steps: a program's setup
     * before it starts its threads can be thousands of steps, none of them interleaved with
     * anything. What the last thread does after the others ended is kept: that is where a run shows
     * what they left behind. A preempting step keeps its row, and so does a thread's last step
     * (where it may have failed).
     *
     * @param threads how many threads the run had: those no other thread spawned live from its
     *     start
     */
    static List<TraceEvent> foldAlone(List<TraceEvent> events, int threads) {
        java.util.Map<Integer, Integer> last = new java.util.HashMap<>();
        java.util.Set<Integer> spawned = new java.util.HashSet<>();
        java.util.Set<Integer> live = new java.util.HashSet<>();
        for (int i = 0; i < events.size(); i++) {
            TraceEvent e = events.get(i);
            if (e instanceof TraceEvent.Step s) {
                last.put(s.thread(), i);
            } else if (e instanceof TraceEvent.Spawned sp) {
                spawned.add(sp.child());
            }
        }
        for (int t = 0; t < threads; t++) {
            if (!spawned.contains(t)) {
                live.add(t); // an actor of the scenario, or the program's entry thread
            }
        }
        List<TraceEvent> out = new ArrayList<>(events.size());
        boolean ended = false;
        int i = 0;
        while (i < events.size()) {
            TraceEvent e = events.get(i);
            if (e instanceof TraceEvent.Spawned sp) {
                live.add(sp.child());
            } else if (e instanceof TraceEvent.Finished f) {
                live.remove(f.thread());
                ended = true; // what the last thread does after the others is the point of a run
            }
            if (!(e instanceof TraceEvent.Step first) || live.size() != 1 || ended) {
                out.add(events.get(i++));
                continue;
            }
            int end = i;
            while (end < events.size()
                    && events.get(end) instanceof TraceEvent.Step s
                    && s.thread() == first.thread()
                    && (end == i || !s.preemption())
                    && last.get(s.thread()) != end) {
                end++;
            }
            int from = first.preemption() ? i + 1 : i; // the preempting step keeps its star
            int to = end - ALONE_SHOWN;
            if (to - from >= FOLD_ALONE) {
                out.addAll(events.subList(i, from));
                out.add(
                        new TraceEvent.Omitted(
                                first.thread(), to - from, "with no other thread running"));
                out.addAll(events.subList(to, end));
                i = end;
            } else {
                out.add(events.get(i++));
            }
        }
        return out;
    }

    /** The fewest steps in static initializers that a report folds into one row. */
    private static final int FOLD_INITIALIZERS = 4;

    /**
     * The events of a traced run with each stretch of one thread's steps in static initializers
     * ({@code <clinit>}, as the stack shows it), with no other event in between, folded into one
     * row naming the classes: a library's classes initialize in every run, often in hundreds of
     * steps, before the program's own code shows. A stretch with a preemption inside, or that holds
     * a thread's last step (where it may have failed), is kept.
     */
    static List<TraceEvent> foldInitializers(List<TraceEvent> events) {
        java.util.Map<Integer, Integer> last = new java.util.HashMap<>();
        for (int i = 0; i < events.size(); i++) {
            if (events.get(i) instanceof TraceEvent.Step s) {
                last.put(s.thread(), i);
            }
        }
        List<TraceEvent> out = new ArrayList<>(events.size());
        int i = 0;
        while (i < events.size()) {
            int from = i;
            if (events.get(i) instanceof TraceEvent.Step first && first.preemption()) {
                from = i + 1; // the preempting step keeps its row and its star
            }
            int end = from;
            java.util.Set<String> classes = new java.util.LinkedHashSet<>();
            while (end < events.size()
                    && events.get(end) instanceof TraceEvent.Step s
                    && s.thread() == events.get(i).thread()
                    && (end == i || !s.preemption())
                    && last.get(s.thread()) != end
                    && initializing(s, classes)) {
                end++;
            }
            if (end - from >= FOLD_INITIALIZERS) {
                List<String> named = new ArrayList<>(classes);
                String what =
                        "in static initializers: "
                                + String.join(", ", named.subList(0, Math.min(3, named.size())))
                                + (named.size() > 3 ? " and " + (named.size() - 3) + " more" : "");
                out.addAll(events.subList(i, from));
                out.add(new TraceEvent.Omitted(events.get(i).thread(), end - from, what));
                i = end;
            } else {
                out.add(events.get(i++));
            }
        }
        return out;
    }

    /**
     * Whether step {@code s} happened in a static initializer; adds the outermost initializing
     * class on its stack to {@code classes}.
     */
    private static boolean initializing(TraceEvent.Step s, java.util.Set<String> classes) {
        String outermost = null;
        for (String frame : s.stack()) {
            int paren = frame.indexOf('(');
            String m = paren > 0 ? frame.substring(0, paren) : frame;
            if (m.endsWith(".<clinit>") || m.endsWith(".$rg$reinit") || m.endsWith(".$rg$clinit")) {
                String cls = m.substring(0, m.lastIndexOf('.'));
                outermost = cls.substring(cls.lastIndexOf('.') + 1);
            }
        }
        if (outermost != null) {
            classes.add(outermost);
        }
        return outermost != null;
    }

    /**
     * Who kept the run going at its end, for a run that made no progress: {@code "In its last 1,000
     * steps, poller took 998, repeating: read Poller.flag, sleep. "}, naming the threads that took
     * most of them and the operations of the busiest one; empty when the run has no steps.
     */
    static String looping(RunEngine e) {
        List<TraceEvent> events = untracedEvents(e);
        List<TraceEvent.Step> last = new ArrayList<>();
        for (int i = events.size() - 1; i >= 0 && last.size() < 1_000; i--) {
            if (events.get(i) instanceof TraceEvent.Step s) {
                last.add(s);
            }
        }
        if (last.isEmpty()) {
            return "";
        }
        java.util.Map<Integer, Integer> perThread = new java.util.TreeMap<>();
        for (TraceEvent.Step s : last) {
            perThread.merge(s.thread(), 1, Integer::sum);
        }
        int busiest =
                java.util.Collections.max(
                                perThread.entrySet(), java.util.Map.Entry.comparingByValue())
                        .getKey();
        java.util.Set<String> ops = new java.util.LinkedHashSet<>();
        for (int i = last.size() - 1; i >= 0 && ops.size() < 4; i--) {
            if (last.get(i).thread() == busiest) {
                ops.add(last.get(i).label());
            }
        }
        StringBuilder sb =
                new StringBuilder("In its last ")
                        .append(String.format("%,d", last.size()))
                        .append(" steps, ");
        perThread.entrySet().stream()
                .sorted(java.util.Map.Entry.comparingByValue(java.util.Comparator.reverseOrder()))
                .limit(3)
                .forEach(
                        en ->
                                sb.append(e.threadName(en.getKey()))
                                        .append(" took ")
                                        .append(String.format("%,d", en.getValue()))
                                        .append(", "));
        sb.setLength(sb.length() - 2);
        return sb.append("; ")
                .append(e.threadName(busiest))
                .append(" repeats ")
                .append(String.join(", ", ops))
                .append(". ")
                .toString();
    }

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
