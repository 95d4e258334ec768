package io.refguard.agent.explore;

import io.refguard.agent.bridge.Instructions;
import io.refguard.explore.Coordinator;
import io.refguard.hook.Access;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

/**
 * Program threads under exploration. {@code Thread.start} runs the thread's {@code run()} on a new
 * actor ({@link Coordinator#spawn}); the program keeps using its {@code Thread} object, which the
 * adapter maps to the actor for {@code join}, {@code interrupt}, {@code isAlive}, {@code
 * LockSupport.unpark} and {@code Thread.currentThread()}. The object itself is never started. An
 * exception escaping {@code run()} goes to the thread's own uncaught-exception handler when the
 * program set one; otherwise it fails the run, as an uncaught exception in a thread is almost
 * always a bug.
 */
final class ThreadOps {

    private ThreadOps() {}

    /** The model of a program thread (or of an actor's real thread), or null: not of this run. */
    static ThreadModel lookup(RunModel run, Thread t) {
        ThreadModel m = run.threads.get(t);
        return m != null ? m : run.byCarrier.get(t);
    }

    /**
     * Throws {@link InterruptedException}, clearing the status, when {@code me} is interrupted. The
     * throw is a step of its own, so a report shows where the thread saw its interrupt, also when
     * an operation threw at once, before it made any step.
     */
    static void throwIfInterrupted(ThreadModel me) throws InterruptedException {
        if (me.interrupted()) {
            Coordinator.point(me, Access.UPDATE, "interrupted");
            if (Coordinator.tracing()) {
                Coordinator.showOperation(me.name + " interrupted: throws InterruptedException");
            }
            me.interrupted(false);
            throw new InterruptedException();
        }
    }

    static void start(ExploringInterceptor x, Thread thread) {
        RunModel run = x.run();
        ThreadModel t = lookup(run, thread);
        if ((t != null && t.started) || thread.getState() != Thread.State.NEW) {
            throw new IllegalThreadStateException(thread.getName() + " was already started");
        }
        run.ops++;
        if (t == null) {
            t = run.newThread(thread);
        }
        t.started = true;
        run.started++;
        x.uncontrolled.started++;
        ThreadModel started = t;
        t.bind(Coordinator.spawn(t.name, () -> runBody(x, run, started)));
        // the JVM does not wait for a daemon: a virtual thread, one the program made so, or one
        // a daemon made (every thread inherits its maker's flag)
        ThreadModel maker = x.current();
        Boolean set = run.daemons.remove(thread);
        t.daemon = isVirtual(thread) || (set != null ? set : maker != null && maker.daemon);
        if (t.daemon) {
            Coordinator.daemon(t.handle);
        }
    }

    /**
     * The model of {@code thread} for a question about its identity (id, name): a thread of this
     * run, or a thread created in it and not started yet, which is registered now so that it gets
     * the run's name and id before its start as after; null for a thread of no run.
     */
    static ThreadModel identify(RunModel run, Thread thread) {
        ThreadModel t = lookup(run, thread);
        if (t == null && thread.getState() == Thread.State.NEW) {
            t = run.newThread(thread);
        }
        return t;
    }

    /** {@code thread.getId()} and {@code thread.threadId()}: the run's id for its threads. */
    @SuppressWarnings("deprecation") // getId() is the only form on JDK 17
    static long threadId(RunModel run, Thread thread) {
        ThreadModel t = identify(run, thread);
        return t == null ? thread.getId() : t.id;
    }

    /** {@code thread.getName()}: the run's name for a thread the JDK numbered from its counter. */
    static String threadName(RunModel run, Thread thread) {
        identify(run, thread);
        return thread.getName();
    }

    /** Whether {@code t} is a virtual thread (JDK 21+), without the JDK 21 API. */
    static boolean isVirtual(Thread t) {
        return t.getClass().getName().equals("java.lang.VirtualThread");
    }

    /** Starts {@code thread} on a new actor of the current run; for executors. */
    static ThreadModel startForPool(ExploringInterceptor x, Thread thread) {
        start(x, thread);
        return x.run().threads.get(thread);
    }

    private static void runBody(ExploringInterceptor x, RunModel run, ThreadModel t) {
        t.carrier = Thread.currentThread();
        run.byCarrier.put(t.carrier, t);
        Object own = InheritedLocals.enter(t.thread);
        UncontrolledThreads.mark(x);
        try {
            runTask(x, run, t);
        } finally {
            UncontrolledThreads.unmark();
            InheritedLocals.exit(own);
        }
    }

    /**
     * Runs the thread's task; an exception escaping it goes to the handler the program gave the
     * thread ({@link #handlerOf}), as in the JVM, whose code runs on the thread as explored code;
     * with no such handler the exception fails the run, unless it is an expired safety net ({@link
     * SafetyNets}). An exception the handler throws fails the run too (the JVM would ignore it, but
     * a handler that throws is a bug worth seeing).
     */
    private static void runTask(ExploringInterceptor x, RunModel run, ThreadModel t) {
        try {
            runOwnTask(run, t);
        } catch (Throwable e) {
            Thread.UncaughtExceptionHandler h = Coordinator.isAbort(e) ? null : handlerOf(t.thread);
            if (h == null) {
                x.threadEnds(t.name, e); // an exit(0) or an expired safety net: a pass
                throw e;
            }
            h.uncaughtException(t.thread, e);
        }
    }

    /**
     * The uncaught-exception handler the program set on {@code thread}, or its group when the group
     * is of a class of the program that overrides {@code uncaughtException}; null when neither: the
     * JVM's group would print the stack trace, which refguard reports as the run's failure. The
     * JVM-wide default handler ({@code Thread.setDefaultUncaughtExceptionHandler}) is not used: it
     * may belong to the test framework around the exploration, not to the program.
     */
    static Thread.UncaughtExceptionHandler handlerOf(Thread thread) {
        Thread.UncaughtExceptionHandler h = thread.getUncaughtExceptionHandler();
        ThreadGroup group = thread.getThreadGroup();
        if (h == null || h != group) {
            return h; // set on the thread (null: a thread that has ended, which never runs here)
        }
        try {
            Class<?> declaring =
                    group.getClass()
                            .getMethod("uncaughtException", Thread.class, Throwable.class)
                            .getDeclaringClass();
            return declaring == ThreadGroup.class ? null : group;
        } catch (NoSuchMethodException e) {
            return null;
        }
    }

    private static void runOwnTask(RunModel run, ThreadModel t) {
        Runnable task = run.tasks.get(t.thread); // a builder's thread: its run() may not run it
        if (task != null) {
            task.run();
        } else if (isVirtual(t.thread)) {
            throw new UnsupportedOperationException(
                    "virtual thread "
                            + t.name
                            + " was made"
                            + " outside the explored code (by a Thread.Builder's unstarted() called"
                            + " before the exploration, or in code not instrumented), so the explorer"
                            + " does not know its task and cannot run it. Make it inside the explored"
                            + " code, with a builder's start(), unstarted() or factory(),"
                            + " Thread.startVirtualThread or Executors.newVirtualThreadPerTaskExecutor.");
        } else {
            t.thread.run();
        }
    }

    /** {@code thread.join}; {@code nanos} is the timeout, 0 for none. */
    static void join(ExploringInterceptor x, ThreadModel me, Thread thread, long nanos)
            throws InterruptedException {
        boolean timed = nanos > 0;
        RunModel run = x.run();
        ThreadModel t = lookup(run, thread);
        if (t == null) {
            joinForeign(x, me, thread, timed);
            return;
        }
        throwIfInterrupted(me);
        if (!t.started) {
            return; // joining a thread never started returns at once
        }
        run.ops++;
        if (!timed && t.handle != null) {
            Coordinator.join(t.handle);
            return;
        }
        int before = SafetyNets.beforeWait();
        run.block(() -> t.finished() || me.interrupted(), timed, nanos, t, "join");
        if (!t.finished()) {
            throwIfInterrupted(me);
            SafetyNets.timedOutUnseen(run, me, "join", before);
        }
    }

    /**
     * A thread the explorer did not start: waited for in real time, for a bounded time, since the
     * explorer cannot schedule it.
     */
    private static void joinForeign(
            ExploringInterceptor x, ThreadModel me, Thread thread, boolean timed)
            throws InterruptedException {
        if (thread.getState() == Thread.State.NEW) {
            return; // never started, by the explorer or anyone else: the JDK returns at once
        }
        if (thread.isAlive()) {
            thread.join(TimeUnit.NANOSECONDS.toMillis(x.foreignWaitNanos) + 1);
        }
        if (x.uncontrolled.createdDuring(thread)) {
            String seen = x.uncontrolled.noticedInAnyRun();
            throw Coordinator.lostControl(
                    UncontrolledThreads.message(
                            seen != null
                                    ? seen
                                    : me.name
                                            + " joins thread '"
                                            + thread.getName()
                                            + "', which code refguard does not instrument started"
                                            + " during the run"));
        }
        if (thread.isAlive() && !timed) {
            throw Coordinator.lostControl(
                    me.name
                            + " joins thread '"
                            + thread.getName()
                            + "', which the explorer did not start and which is still running after "
                            + TimeUnit.NANOSECONDS.toMillis(x.foreignWaitNanos)
                            + " ms. Only threads"
                            + " started by the explored code are scheduled: start the thread inside the"
                            + " explored code, or do not wait for it there.");
        }
    }

    static void sleep(ExploringInterceptor x, ThreadModel me, long nanos)
            throws InterruptedException {
        throwIfInterrupted(me);
        if (nanos <= 0) {
            stepAside(x.run(), me, false);
            return;
        }
        RunModel run = x.run();
        run.ops++;
        int before = SafetyNets.beforeWait();
        run.block(() -> me.interrupted(), true, nanos, null, "sleep", RunModel.Timeout.ELAPSE);
        throwIfInterrupted(me);
        SafetyNets.timedOutUnseen(run, me, "sleep", before);
    }

    /**
     * {@code Thread.yield} and {@code Thread.onSpinWait}: the runtime's fair yield ({@link
     * Coordinator#spinWait}), which holds the thread back until another thread writes what it read,
     * or nothing else can run. A spin loop therefore waits for the thread it spins on, instead of
     * spinning until the step bound. While it is held back, another thread's timeout may fire (the
     * runtime's {@code Waits}): the write it waits for may come after that timeout.
     */
    static void stepAside(RunModel run, ThreadModel me, boolean spinWait) {
        if (run.libraryDepth > 0) {
            return; // inside a JDK call no other thread may run (see LibraryOps): a mere hint
        }
        run.ops++;
        Coordinator.spinWait(spinWait ? "onSpinWait" : "yield");
    }

    static void interrupt(RunModel run, Thread thread) {
        ThreadModel t = lookup(run, thread);
        if (t == null) {
            thread.interrupt(); // not a thread of this run
            return;
        }
        run.ops++;
        Coordinator.point(t, Access.UPDATE, "interrupt");
        t.interrupted(true);
    }

    /**
     * The factory given to a {@code ThreadPoolExecutor} or {@code ScheduledThreadPoolExecutor}
     * built directly under exploration. Its executor methods called from instrumented code run on a
     * modeled pool ({@link DirectPools}), so the real pool asks for a thread only when it is made
     * to start one itself ({@code prestartAllCoreThreads}, or a task handed to it by uninstrumented
     * code): its idle threads would block in the JDK's queue, where the explorer cannot schedule
     * them, so that fails with an explanation. (The pool's own start of the thread cannot be
     * intercepted: since JDK 21 the pool starts it through its thread container, not through {@code
     * Thread.start}.)
     */
    static ThreadFactory refusingFactory(int site) {
        String where = Instructions.get(site).location();
        return r -> {
            throw Coordinator.lostControl(
                    "the executor created at "
                            + where
                            + " is not modeled under exploration when it starts threads itself (its"
                            + " idle threads would block inside the JDK, where the explorer cannot"
                            + " schedule them): only its executor methods called from explored code run"
                            + " on the explorer's model. Do not prestart its threads or hand it to"
                            + " uninstrumented code, use Executors.newFixedThreadPool,"
                            + " newCachedThreadPool or newSingleThreadExecutor, or exclude the class"
                            + " from instrumentation.");
        };
    }
}
