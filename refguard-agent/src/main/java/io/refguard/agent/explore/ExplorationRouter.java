package io.refguard.agent.explore;

import io.refguard.agent.bridge.PassThroughInterceptor;
import io.refguard.agent.bridge.SyncBridge;
import io.refguard.agent.bridge.SyncInterceptor;
import io.refguard.explore.Coordinator;
import java.util.function.Supplier;

/**
 * The one interceptor installed in {@link SyncBridge} while any exploration through the agent runs.
 * Each exploration has its own {@link ExploringInterceptor} (its run model, its settings), attached
 * to the exploration with {@link Coordinator#withContext}; the router hands every intercepted
 * operation to the interceptor of the calling thread's exploration, found from the thread itself,
 * so explorations side by side in one JVM (JUnit parallel execution) never see one another's
 * threads, locks or runs. A thread of no exploration gets the original operation.
 *
 * <p>Installed by the first exploration to start and uninstalled by the last to end; the count is
 * taken under a lock once per exploration, never per operation.
 */
final class ExplorationRouter extends PassThroughInterceptor {

    private static final ExplorationRouter INSTANCE = new ExplorationRouter();
    private static int running;

    /** The exploration running, when exactly one runs in this JVM; else null. */
    private static volatile ExploringInterceptor sole;

    private static final java.util.Set<ExploringInterceptor> ACTIVE =
            java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());

    /** The exploration running when it is the only one in this JVM, else null. */
    static ExploringInterceptor sole() {
        return sole;
    }

    private ExplorationRouter() {}

    /** Runs {@code exploration} on the calling thread with {@code x} handling its operations. */
    static <R> R explore(ExploringInterceptor x, Supplier<R> exploration) {
        synchronized (ExplorationRouter.class) {
            if (running == 0) {
                SyncBridge.install(INSTANCE);
            }
            running++;
            ACTIVE.add(x);
            sole = ACTIVE.size() == 1 ? x : null;
        }
        x.active = true;
        try {
            return Coordinator.withContext(x, exploration);
        } finally {
            x.active = false;
            synchronized (ExplorationRouter.class) {
                ACTIVE.remove(x);
                sole = ACTIVE.size() == 1 ? ACTIVE.iterator().next() : null;
                if (--running == 0) {
                    SyncBridge.uninstall(INSTANCE);
                }
            }
        }
    }

    /** Never itself: it only routes. */
    @Override
    public boolean managesCurrentThread() {
        return false;
    }

    @Override
    public SyncInterceptor forCurrentThread() {
        Object c = Coordinator.context();
        if (c instanceof ExploringInterceptor) {
            ExploringInterceptor x = (ExploringInterceptor) c;
            // its own answer: not active, or inside an atomic library call, is "not managed"
            return x.managesCurrentThread() ? x : null;
        }
        UncontrolledThreads.runsInstrumentedCode();
        return null;
    }

    @Override
    public SyncInterceptor forCallbackOfCurrentThread() {
        Object c = Coordinator.context();
        return c instanceof ExploringInterceptor x && x.inCallback() ? x : null;
    }

    /**
     * The clock as the calling thread's exploration shows it. Asked on every thread, managed or not
     * (code called back from inside a JDK call reads the same virtual clock), so it goes to the
     * exploration whatever its state; the exploration answers with the real clock for a thread that
     * is none of its own.
     */
    @Override
    public long nanoTime(int site) {
        Object c = Coordinator.context();
        return c instanceof ExploringInterceptor
                ? ((ExploringInterceptor) c).nanoTime(site)
                : System.nanoTime();
    }

    /** The calling managed thread's own random numbers, as {@link #nanoTime}. */
    @Override
    public java.util.random.RandomGenerator threadRandom(int site) {
        Object c = Coordinator.context();
        return c instanceof ExploringInterceptor
                ? ((ExploringInterceptor) c).threadRandom(site)
                : null;
    }

    /** A dropped answer of a timed wait, on the calling managed thread's exploration. */
    @Override
    public void timeoutIgnored(int site) {
        if (Coordinator.context() instanceof ExploringInterceptor x) {
            x.timeoutIgnored(site);
        }
    }

    /** A read of a timed wait's stored answer, on the calling managed thread's exploration. */
    @Override
    public void timeoutResultRead() {
        if (Coordinator.context() instanceof ExploringInterceptor x) {
            x.timeoutResultRead();
        }
    }

    /** {@code System.currentTimeMillis()}, as {@link #nanoTime}. */
    @Override
    public long currentTimeMillis(int site) {
        Object c = Coordinator.context();
        return c instanceof ExploringInterceptor
                ? ((ExploringInterceptor) c).currentTimeMillis(site)
                : System.currentTimeMillis();
    }

    /**
     * The run's next identity hash on a thread of an exploration (an actor, or the thread driving
     * it), so objects get the same hashes in every run of the same schedule; else 0, the JVM's.
     */
    @Override
    public int identityHash(Object o) {
        return Coordinator.identityHash();
    }

    @Override
    public String toString() {
        return "refguard exploration router";
    }
}
