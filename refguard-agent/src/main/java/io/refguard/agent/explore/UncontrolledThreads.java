package io.refguard.agent.explore;

import io.refguard.explore.Coordinator;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Threads of an explored program that the explorer neither started nor sees: threads created and
 * started by code the agent did not instrument (a library outside the include, a JDK thread factory
 * refguard does not model). They run in real time beside the explored threads, with no scheduling
 * point, so whatever an exploration concludes about the program would not hold for them; the
 * exploration is inconclusive instead, naming the thread and where it was created.
 *
 * <p>How they are found. Every thread inherits the values of {@link InheritableThreadLocal}s from
 * the thread that constructs it, through {@link InheritableThreadLocal#childValue}, which the JDK
 * calls on the constructing thread whoever constructs it, instrumented or not. The explored threads
 * carry a mark ({@link #mark}); a thread constructed on one of them is counted and carries a {@link
 * Spawn} of its own, with the stack where it was constructed, which its own descendants inherit.
 * Such a thread is out of control when
 *
 * <ul>
 *   <li>it runs instrumented code: the bridge asks the router about a thread of no exploration,
 *       which finds the spawn and records it ({@link #noticed});
 *   <li>the explored code joins it (it is not one of the run's threads, yet it was created during
 *       the exploration);
 *   <li>or it is still alive when the entry thread ends, while the run constructed more threads
 *       than the explorer started: the live threads created since the exploration began that are
 *       none of refguard's are then listed ({@link #liveForeign}). The count keeps the listing off
 *       the common path; the listing cannot tell threads of a program explored at the same time in
 *       the same JVM apart, which only matters when both start threads of their own.
 * </ul>
 *
 * <p>A thread created by uninstrumented code that ends before the entry thread without touching
 * instrumented code is not seen. The JVM's and the JDK's own service threads, which a run may cause
 * to start (the {@code Attach Listener} when a library attaches an agent, the {@code process
 * reaper} when it starts a process), are not the program's threads and are not listed while they
 * run only the JDK's code ({@link #jdkService}).
 */
final class UncontrolledThreads {

    /**
     * What a thread inherits: on an explored thread, the mark of its exploration; on a thread
     * constructed from one, where that happened.
     */
    static class Origin {
        final ExploringInterceptor x;

        Origin(ExploringInterceptor x) {
            this.x = x;
        }
    }

    /** A thread constructed on an explored thread, and where. */
    static final class Spawn extends Origin {
        /** The creator's report name. */
        final String creator;

        /** The construction's stack, from the caller of the {@code Thread} constructor. */
        final List<StackTraceElement> where;

        Spawn(ExploringInterceptor x, String creator, List<StackTraceElement> where) {
            super(x);
            this.creator = creator;
            this.where = where;
        }
    }

    private static final InheritableThreadLocal<Origin> ORIGIN =
            new InheritableThreadLocal<>() {
                @Override
                protected Origin childValue(Origin parent) {
                    if (parent == null || parent instanceof Spawn) {
                        return parent; // a descendant of a foreign thread: the same origin
                    }
                    ExploringInterceptor x = parent.x;
                    if (x == null) {
                        return null; // SEEN: a thread of no exploration
                    }
                    if (!x.active || Coordinator.context() != x) {
                        return null; // a mark left on a pooled worker, or refguard's own code
                    }
                    RunModel run = x.run();
                    run.constructed++;
                    x.uncontrolled.constructed++;
                    ThreadModel me = run.byCarrier.get(Thread.currentThread());
                    return new Spawn(
                            x, me == null ? Thread.currentThread().getName() : me.name, caller());
                }
            };

    /**
     * The origin of a thread of no exploration, inherited from none, once it ran instrumented code:
     * that is then known, and {@link #runsInstrumentedCode} need not look again.
     */
    private static final Origin SEEN = new Origin(null);

    /**
     * As {@link #SEEN}, for a thread that may be one of the JDK's service threads ({@link
     * #serviceCandidate}): only these are asked, at each instrumented operation, whether they run
     * the program's code for an exploration ({@link #jdkThreadRuns}); other threads of no
     * exploration pay nothing more.
     */
    private static final Origin SEEN_SERVICE = new Origin(null);

    /**
     * The threads that might be the JDK's service threads ({@link #serviceCandidate}) and that ran
     * instrumented code while an exploration ran: they run the program's code, so they are not.
     */
    private static final Map<Thread, Boolean> RAN_PROGRAM_CODE =
            Collections.synchronizedMap(new WeakHashMap<>());

    /** The first uncontrolled thread seen running instrumented code, with its spawn. */
    private final AtomicReference<String> noticed = new AtomicReference<>();

    /**
     * Threads constructed on the exploration's threads, and threads the explorer started for it, in
     * all runs; as {@link RunModel#constructed}.
     */
    int constructed;

    int started;

    /** The id of a thread constructed before the exploration's first run, or -1 before it. */
    private long floor = -1;

    /** Marks the calling explored thread: threads constructed on it are counted. */
    static void mark(ExploringInterceptor x) {
        ORIGIN.set(new Origin(x));
    }

    /** Removes the mark of the calling thread (a pooled worker about to serve others). */
    static void unmark() {
        ORIGIN.remove();
    }

    /**
     * Called for a thread of no exploration that runs instrumented code while some exploration
     * runs: records it against its exploration when it was constructed from one.
     */
    static void runsInstrumentedCode() {
        Origin o = ORIGIN.get();
        if (o == null) {
            // inherited from no explored thread: the JVM's, the JDK's, or constructed without
            // inheriting; remembered once, in case it looks like the JDK's own
            Thread t = Thread.currentThread();
            boolean service = serviceCandidate(t);
            if (service) {
                RAN_PROGRAM_CODE.put(t, Boolean.TRUE);
            }
            o = service ? SEEN_SERVICE : SEEN;
            ORIGIN.set(o);
        }
        if (o == SEEN_SERVICE) {
            jdkThreadRuns(Thread.currentThread());
            return;
        }
        if (o instanceof Spawn && o.x.active) {
            Spawn s = (Spawn) o;
            Thread t = Thread.currentThread();
            if (s.x.uncontrolled.noticed.get() == null && !refguards(t.getClass())) {
                s.x.uncontrolled.noticed.compareAndSet(
                        null,
                        "thread '"
                                + t.getName()
                                + "' runs the program's code"
                                + createdBy(s)
                                + ", outside refguard's control");
            }
        }
    }

    /** What a report says of a JDK thread that ran the program's code ({@link #jdkThreadRuns}). */
    private static final String JDK_THREAD = "a thread of the JDK's own";

    /**
     * A thread of no exploration, created without inheriting from one, runs instrumented code: when
     * it is one of the JDK's service threads (a {@code Cleaner}'s, the finalizer's) and exactly one
     * exploration runs, that thread runs the program's cleaning action or finalizer, at a moment
     * the garbage collector chose, beside the explored threads: the exploration is told. Other
     * threads (a test framework's, beside explorations in parallel) are not the program's, nor is a
     * thread created before this exploration began (an earlier exploration's cleaner, in a test
     * suite).
     */
    @SuppressWarnings("deprecation") // getId() is the only form on JDK 17
    private static void jdkThreadRuns(Thread t) {
        ExploringInterceptor x = ExplorationRouter.sole();
        if (x == null
                || x.uncontrolled.noticed.get() != null
                || x.uncontrolled.floor < 0
                || t.getId() <= x.uncontrolled.floor
                || !serviceCandidate(t)) { // a thread that ended has no group any more
            return;
        }
        StackTraceElement program = null;
        for (StackTraceElement e : t.getStackTrace()) {
            // the program's own code, not the methods the agent adds to its classes ($rg$ensure)
            if (!jdk(e)
                    && !e.getClassName().startsWith("io.refguard.")
                    && !e.getMethodName().startsWith("$")) {
                program = e;
                break;
            }
        }
        x.uncontrolled.noticed.compareAndSet(
                null,
                "thread '"
                        + t.getName()
                        + "', "
                        + JDK_THREAD
                        + ", runs the program's code"
                        + (program == null ? "" : " (" + frame(program) + ")"));
    }

    /** Called at the start of every run, on its first explored thread. */
    @SuppressWarnings("deprecation") // getId() is the only form on JDK 17
    void runStarts() {
        if (floor < 0) {
            // not inheriting: this thread object must not count as one the program constructed
            floor = new Thread(null, null, "refguard-floor", 0, false).getId();
        }
    }

    /**
     * Whether {@code t}, a thread the explorer did not start, was created during this exploration
     * (so by the explored code, through code refguard does not instrument).
     */
    @SuppressWarnings("deprecation") // getId() is the only form on JDK 17
    boolean createdDuring(Thread t) {
        return floor >= 0 && t.getId() > floor;
    }

    /**
     * What refguard could not control in this run, or null: an uncontrolled thread that ran
     * instrumented code, or, when the run constructed threads the explorer did not start, such a
     * thread that is still alive.
     */
    String check(RunModel run) {
        Thread t = run.constructed > run.started ? liveForeign() : null;
        if (t == null) {
            // asked after the listing: a thread that ended meanwhile has run what it ran
            return noticed.get();
        }
        return stillRunning(t, "the run");
    }

    /**
     * After the exploration ended with a failure: a thread that uninstrumented code started during
     * one of its runs and that is still alive, or null. The failure may come from it.
     */
    String leftAlive() {
        Thread t = constructed > started ? liveForeign() : null;
        return t == null ? null : stillRunning(t, "the exploration");
    }

    private static String stillRunning(Thread t, String when) {
        StackTraceElement[] now = t.getStackTrace();
        return "thread '"
                + t.getName()
                + "' was started during "
                + when
                + " by code refguard does not instrument and is still running"
                + (now.length == 0 ? "" : " (now in " + frame(now[0]) + ")")
                + "; refguard cannot stop it, so it is left running";
    }

    /** The message of the exploration's verdict for {@code what}. */
    static String message(String what) {
        if (what.contains(JDK_THREAD)) {
            return "A thread ran outside refguard's control: "
                    + what
                    + ". The JDK runs a Cleaner's cleaning actions (and finalizers) on its own"
                    + " threads, when the garbage collector finds their objects unreachable, at"
                    + " moments refguard does not choose, so it neither ordered nor saw what the"
                    + " action did, and the runs prove nothing about it. What to do: close the"
                    + " resource in the explored code (try-with-resources, or an explicit"
                    + " Cleanable.clean()), so that its action runs on a program thread, and leave"
                    + " the objects the exploration checks reachable until the end of main.";
        }
        return "A thread ran outside refguard's control: "
                + what
                + ". refguard schedules only the threads that instrumented code starts, so it"
                + " neither ordered nor saw what this thread did, and the runs prove nothing about"
                + " it. What to do: instrument the code that starts the thread (widen the agent's"
                + " include: refguard explore --include, AgentOptions.withInclude, or the Maven"
                + " plugin's <includes>), start the thread in the explored code itself, or use an"
                + " executor refguard models (Executors.newFixedThreadPool, newCachedThreadPool,"
                + " newSingleThreadExecutor).";
    }

    /** The first uncontrolled thread seen in any run of the exploration, or null. */
    String noticedInAnyRun() {
        return noticed.get();
    }

    /** The oldest live thread created since the exploration began that is none of refguard's. */
    @SuppressWarnings("deprecation") // getId() is the only form on JDK 17
    private Thread liveForeign() {
        ThreadGroup g = Thread.currentThread().getThreadGroup();
        while (g.getParent() != null) {
            g = g.getParent();
        }
        Thread[] all = new Thread[g.activeCount() + 16];
        int n = g.enumerate(all, true);
        Thread found = null;
        for (int i = 0; i < n; i++) {
            Thread t = all[i];
            if (t.isAlive() && createdDuring(t) && !refguards(t)) {
                if (found == null || t.getId() < found.getId()) {
                    found = t;
                }
            }
        }
        return found;
    }

    /**
     * Whether {@code t} is one of refguard's own threads (an explorer's worker or driver), or the
     * idle thread of a {@code java.util.Timer}, whose tasks run on a model ({@link Timers}); a task
     * that uninstrumented code gives it is still seen when it runs the program's code.
     */
    private static boolean refguards(Thread t) {
        if (refguards(t.getClass()) || t.getClass().getName().equals("java.util.TimerThread")) {
            return true;
        }
        StackTraceElement[] stack = t.getStackTrace();
        if (jdkService(t, stack)) {
            return true;
        }
        for (StackTraceElement e : stack) {
            if (e.getClassName().startsWith("io.refguard.explore.BoundedDriver")) {
                return true; // the driver of an exploration
            }
        }
        return false;
    }

    /**
     * Whether {@code t} is a service thread that the JVM or the JDK starts for itself and that runs
     * none of the program's code, so not a thread of the program: a thread the program cannot
     * instrument, start elsewhere or replace, which refguard neither schedules nor waits for. All
     * of these hold:
     *
     * <ul>
     *   <li>it is one of the JDK's innocuous threads ({@code jdk.internal.misc.InnocuousThread}:
     *       the {@code Common-Cleaner}, JDK 25's {@code VirtualThread-unblocker}, started the first
     *       time a program uses a virtual thread, and its {@code process reaper}); or it is a
     *       daemon thread of the JDK's own class ({@code java.lang.Thread} or a JDK subclass) in
     *       the system thread group, the root group, where the JVM and the JDK put their threads:
     *       the {@code Attach Listener} the JVM starts when an agent attaches (Mockito attaches its
     *       own the first time it mocks), JDK 17's {@code process reaper}, which waits for a child
     *       process. The program's threads are in the {@code main} group or below it, unless code
     *       names the root group on purpose;
     *   <li>its stack ({@code stack}) holds only the JDK's code: none at all for a thread the JVM
     *       runs in native code, the JDK's waiting for work for an idle one. One that runs the
     *       program's code now (a cleaning action) is not;
     *   <li>and it never ran instrumented code while an exploration ran (a program's action on
     *       {@code ProcessHandle.onExit()} runs on the process reaper, for one).
     * </ul>
     */
    static boolean jdkService(Thread t, StackTraceElement[] stack) {
        if (!serviceCandidate(t) || RAN_PROGRAM_CODE.containsKey(t)) {
            return false;
        }
        for (StackTraceElement e : stack) {
            if (!jdk(e)) {
                return false;
            }
        }
        return true;
    }

    /** The first condition of {@link #jdkService}: what the thread is, whatever it runs. */
    private static boolean serviceCandidate(Thread t) {
        String c = t.getClass().getName();
        if (c.equals("jdk.internal.misc.InnocuousThread")) {
            return true;
        }
        if (!t.isDaemon() || !(c.startsWith("java.") || c.startsWith("jdk."))) {
            return false;
        }
        ThreadGroup g = t.getThreadGroup(); // null once it ended (JDK 17)
        return g != null && g.getParent() == null;
    }

    /**
     * Whether threads of class {@code c} are the explorer's own (its pooled workers, which a run
     * may construct on an explored thread when it needs more).
     */
    private static boolean refguards(Class<?> c) {
        return c.getName().startsWith("io.refguard.explore.runtime.");
    }

    private static String createdBy(Spawn s) {
        return s.where.isEmpty()
                ? ""
                : " and was created by " + s.creator + " at " + where(s.where);
    }

    /** "m(F.java:3)", with ", called from n(G.java:9)" when m is the JDK's. */
    static String where(List<StackTraceElement> stack) {
        StackTraceElement top = stack.get(0);
        String s = frame(top);
        if (jdk(top)) {
            for (StackTraceElement e : stack) {
                if (!jdk(e)) {
                    return s + ", called from " + frame(e);
                }
            }
        }
        return s;
    }

    private static String frame(StackTraceElement e) {
        return e.getClassName()
                + "."
                + e.getMethodName()
                + (e.getFileName() == null || e.getLineNumber() < 0
                        ? ""
                        : "(" + e.getFileName() + ":" + e.getLineNumber() + ")");
    }

    private static boolean jdk(StackTraceElement e) {
        String c = e.getClassName();
        return c.startsWith("java.") || c.startsWith("jdk.") || c.startsWith("sun.");
    }

    /** The constructing stack without the constructor's own frames and refguard's. */
    private static List<StackTraceElement> caller() {
        StackTraceElement[] st = new Throwable().getStackTrace();
        List<StackTraceElement> out = new ArrayList<>();
        boolean inThread = false;
        for (StackTraceElement e : st) {
            String c = e.getClassName();
            if (c.startsWith("java.lang.Thread")
                    || c.startsWith("java.lang.InheritableThreadLocal")) {
                inThread = true;
                continue;
            }
            if (!inThread) {
                continue; // this class's frames
            }
            out.add(e);
            if (out.size() == 12) {
                break;
            }
        }
        return out;
    }
}
