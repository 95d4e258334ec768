package io.refguard.agent.bridge;

import java.util.IdentityHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Java monitors emulated with one {@link ReentrantLock} and one {@link Condition} per object, keyed
 * by identity: what {@link PassThroughInterceptor} uses because managed threads never take real
 * monitors in instrumented code.
 *
 * <p>Invariant: an entry exists while {@code users > 0}, where {@code users} counts the enters
 * without a matching exit (a thread waiting in {@link #await} still counts). Entries are created
 * and counted under {@code this}, so two threads entering the same object always get the same lock;
 * removing an entry at zero keeps the table from retaining dead objects.
 */
final class EmulatedMonitors {

    private static final class Monitor {
        final ReentrantLock lock = new ReentrantLock();
        final Condition waitSet = lock.newCondition();
        int users; // guarded by the EmulatedMonitors instance
    }

    private final Map<Object, Monitor> monitors = new IdentityHashMap<>();

    void enter(Object o) {
        Monitor m;
        synchronized (this) {
            m = monitors.computeIfAbsent(o, k -> new Monitor());
            m.users++;
        }
        m.lock.lock();
    }

    void exit(Object o) {
        Monitor m = owned(o);
        m.lock.unlock();
        synchronized (this) {
            if (--m.users == 0) {
                monitors.remove(o);
            }
        }
    }

    boolean holds(Object o) {
        Monitor m;
        synchronized (this) {
            m = monitors.get(o);
        }
        return m != null && m.lock.isHeldByCurrentThread();
    }

    void await(Object o, long timeoutMillis) throws InterruptedException {
        Monitor m = owned(o);
        if (timeoutMillis == 0L) {
            m.waitSet.await();
        } else {
            // A timed-out wait returns normally, as Object.wait does: the result is not needed.
            m.waitSet.await(timeoutMillis, TimeUnit.MILLISECONDS);
        }
    }

    void signal(Object o, boolean all) {
        Monitor m = owned(o);
        if (all) {
            m.waitSet.signalAll();
        } else {
            m.waitSet.signal();
        }
    }

    private Monitor owned(Object o) {
        Monitor m;
        synchronized (this) {
            m = monitors.get(o);
        }
        if (m == null || !m.lock.isHeldByCurrentThread()) {
            throw new IllegalMonitorStateException("current thread is not owner");
        }
        return m;
    }
}
