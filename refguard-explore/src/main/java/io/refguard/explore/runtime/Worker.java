package io.refguard.explore.runtime;

import java.util.concurrent.locks.LockSupport;

/**
 * A pooled daemon thread that serves one actor slot for the length of an exploration and then
 * returns to {@link WorkerPool}. Being a distinct {@code Thread} subclass lets {@link
 * io.refguard.explore.Coordinator} recognise a managed thread with one type check and one field
 * read, with no {@code ThreadLocal} lookup on the hot path.
 */
final class Worker extends Thread {

    /** The slot to serve next; written by the pool's client, cleared by this thread. */
    volatile Actor assigned;

    /** The slot being served; written and read only by this thread. */
    Actor actor;

    /** The name while idle in the pool; while serving a slot the thread bears the actor's name. */
    private final String poolName;

    Worker(int number) {
        super("refguard-explore-" + number);
        poolName = getName();
        setDaemon(true);
    }

    @Override
    public void run() {
        while (true) {
            Actor a = awaitAssignment();
            if (a == null) {
                return;
            }
            actor = a;
            boolean detached = a.exec.serve(a);
            actor = null;
            assigned = null;
            setName(poolName);
            if (!detached) {
                return; // abandoned while stuck: the engine has moved on without this thread
            }
            // back in the pool before the engine's close() returns, so that the next exploration
            // reuses this thread instead of starting another
            WorkerPool.release(this);
            a.exec.handToDriver();
        }
    }

    /** Hands {@code slot} to this idle worker. */
    void assign(Actor slot) {
        assigned = slot;
        LockSupport.unpark(this);
    }

    private Actor awaitAssignment() {
        long deadline = System.nanoTime() + WorkerPool.KEEP_ALIVE_NANOS;
        while (true) {
            Actor a = assigned;
            if (a != null) {
                return a;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                if (WorkerPool.retire(this)) {
                    return null;
                }
                deadline = System.nanoTime() + WorkerPool.KEEP_ALIVE_NANOS;
                continue;
            }
            LockSupport.parkNanos(this, left);
        }
    }
}
