package io.refguard.cases;

import io.refguard.agent.bridge.AccessKind;
import io.refguard.agent.bridge.AcquireOp;
import io.refguard.agent.bridge.AwaitOp;
import io.refguard.agent.bridge.LockOp;
import io.refguard.agent.bridge.ParkOp;
import io.refguard.agent.bridge.PassThroughInterceptor;
import io.refguard.agent.bridge.Site;
import io.refguard.agent.bridge.Sites;
import io.refguard.explore.runtime.Coordinator;
import io.refguard.hook.Access;
import java.util.Arrays;
import java.util.Date;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.Lock;

/**
 * Routes the synchronization of instrumented scenario code to the explorer while a
 * {@link io.refguard.explore.Scenario} is explored: the scenario-level counterpart of the agent's
 * program explorer ({@code io.refguard.agent.explore.AgentExplorer}), which explores whole
 * programs but not a scenario's actors. Installed by {@link Exploration#run(io.refguard.explore.Scenario,
 * io.refguard.explore.ExploreOptions)} for the length of one exploration.
 *
 * <p>It maps the operations the models of a scenario use onto the explorer's facade,
 * {@link Coordinator}, whose runtime models reentrant locks, wait sets and threads itself, so no
 * state is kept here and nothing needs resetting between runs:
 *
 * <ul>
 *   <li>volatile and atomic accesses: a {@linkplain Coordinator#point scheduling point} on the
 *       touched object, labelled by the instruction ({@code volatile write ListHead.next},
 *       {@code reading.getAndSet()});
 *   <li>{@code synchronized}: the runtime's reentrant lock keyed by the monitor;
 *       {@code wait()}/{@code notify()}/{@code notifyAll()}: its wait set (no timeouts);
 *   <li>{@code Thread.start()}/{@code join()}/{@code currentThread()}: a new actor of the run,
 *       named after the thread.
 * </ul>
 *
 * <p>Any other operation ({@code java.util.concurrent} locks, conditions, semaphores, latches,
 * parking, sleeping, timed waits, executors) fails the schedule with a message saying so:
 * explore code that uses them as a program, through the agent's program explorer. Threads that
 * are not actors of a run are left alone: their operations are performed for real.
 */
final class ScenarioBridge extends PassThroughInterceptor {

    /** Report labels per site id, built once per site; indexes are the agent's site ids. */
    private String[] labels = new String[256];

    @Override
    public boolean managesCurrentThread() {
        return Coordinator.isManaged();
    }

    @Override
    public void beforeAccess(Object target, AccessKind kind, int site) {
        Coordinator.point(target, access(kind), label(site));
    }

    @Override
    public void monitorEnter(Object monitor, int site) {
        Coordinator.lock(monitor);
    }

    /**
     * Releases the runtime's lock. Must not throw while a run unwinds: the exception handler
     * javac generates for a {@code synchronized} block covers its own monitor exit and would run it
     * again; the runtime signals an abandoned run by throwing its abort signal from here, which is
     * dropped, since the thread is already unwinding.
     */
    @Override
    public void monitorExit(Object monitor, int site) {
        try {
            Coordinator.unlock(monitor);
        } catch (Error e) {
            if (!e.getClass().getName().equals("io.refguard.explore.runtime.AbortSignal")) {
                throw e;
            }
        }
    }

    @Override
    public boolean holdsMonitor(Object monitor, int site) {
        throw unsupported("Thread.holdsLock", site);
    }

    @Override
    public void monitorWait(Object monitor, long timeoutMillis, int site) throws InterruptedException {
        if (timeoutMillis != 0) {
            throw unsupported("a timed wait", site);
        }
        Coordinator.await(monitor);
    }

    @Override
    public void monitorNotify(Object monitor, boolean all, int site) {
        if (all) {
            Coordinator.signalAll(monitor);
        } else {
            Coordinator.signal(monitor);
        }
    }

    @Override
    public void threadStart(Thread thread, int site) {
        Coordinator.startThread(thread);
    }

    @Override
    public void threadJoin(Thread thread, long millis, int nanos, int site) throws InterruptedException {
        if (millis != 0 || nanos != 0) {
            throw unsupported("a timed join", site);
        }
        Coordinator.joinThread(thread);
    }

    @Override
    public Thread currentThread(int site) {
        return Coordinator.currentThread();
    }

    @Override
    public void park(Object blocker, ParkOp op, long time, int site) {
        throw unsupported("LockSupport.park", site);
    }

    @Override
    public void unpark(Thread thread, int site) {
        throw unsupported("LockSupport.unpark", site);
    }

    @Override
    public boolean lock(Lock lock, LockOp op, long time, TimeUnit unit, int site) {
        throw unsupported("a java.util.concurrent lock", site);
    }

    @Override
    public void unlock(Lock lock, int site) {
        throw unsupported("a java.util.concurrent lock", site);
    }

    @Override
    public Condition newCondition(Lock lock, int site) {
        throw unsupported("a java.util.concurrent condition", site);
    }

    @Override
    public long await(Condition condition, AwaitOp op, long time, TimeUnit unit, Date deadline, int site) {
        throw unsupported("a java.util.concurrent condition", site);
    }

    @Override
    public void signal(Condition condition, boolean all, int site) {
        throw unsupported("a java.util.concurrent condition", site);
    }

    @Override
    public boolean acquire(Semaphore semaphore, AcquireOp op, int permits, long time, TimeUnit unit, int site) {
        throw unsupported("a semaphore", site);
    }

    @Override
    public void release(Semaphore semaphore, int permits, int site) {
        throw unsupported("a semaphore", site);
    }

    @Override
    public boolean awaitLatch(CountDownLatch latch, long time, TimeUnit unit, int site) {
        throw unsupported("a latch", site);
    }

    @Override
    public void countDown(CountDownLatch latch, int site) {
        throw unsupported("a latch", site);
    }

    @Override
    public void threadSleep(long millis, int nanos, int site) {
        throw unsupported("Thread.sleep", site);
    }

    @Override
    public void threadYield(boolean spinWait, int site) {
        Coordinator.point(null, Access.UPDATE, label(site));
    }

    @Override
    public void threadInterrupt(Thread thread, int site) {
        throw unsupported("Thread.interrupt", site);
    }

    /** The label of a site: its operation, with the operand's source name for a method call. */
    private String label(int site) {
        if (site >= labels.length) {
            labels = Arrays.copyOf(labels, Math.max(site + 1, labels.length * 2));
        }
        String l = labels[site];
        if (l == null) {
            Site s = Sites.get(site);
            l = s.operation();
            int dot = l.indexOf('.');
            if (s.subject() != null && dot > 0 && l.endsWith("()") && l.indexOf(' ') < 0) {
                l = s.subject() + l.substring(dot); // AtomicBoolean.getAndSet() -> reading.getAndSet()
            }
            labels[site] = l;
        }
        return l;
    }

    private static Access access(AccessKind kind) {
        switch (kind) {
            case READ:
                return Access.READ;
            case WRITE:
                return Access.WRITE;
            default:
                return Access.UPDATE;
        }
    }

    private static Unmodeled unsupported(String what, int site) {
        return new Unmodeled("refguard: " + what + " at " + Sites.get(site).location()
                + " is not modeled in a scenario; scenarios may use synchronized, wait/notify, volatile"
                + " fields, atomics and Thread start/join. Explore code that needs more as a program"
                + " (a class with a main method: refguard explore --class).");
    }

    /**
     * Thrown into the scenario's code for an operation this bridge does not model. It fails the
     * schedule, and {@link Exploration} turns such a failure into a {@link ScenarioLoadException}:
     * the scenario cannot be explored as written, which is not a bug found in it.
     */
    static final class Unmodeled extends UnsupportedOperationException {
        private static final long serialVersionUID = 1L;

        Unmodeled(String message) {
            super(message);
        }
    }
}
