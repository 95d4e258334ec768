package io.refguard;

import io.refguard.hook.Access;
import io.refguard.hook.Hooks;
import io.refguard.hook.PartOf;
import io.refguard.hook.SchedulingHook;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.lang.ref.WeakReference;

/**
 * The checker's state for one reference to a tracked object: where it was acquired, whether and
 * where it was released, and the leak scope it belongs to.
 *
 * <p>It doubles as the GC backstop's weak reference to its handle ({@link WatchTable}), so it must
 * never reference the handle strongly (that would keep the handle reachable and hide the leak). It
 * is watched from its creation until it is released; if its handle becomes unreachable first, the
 * next tracked acquire or scope close runs {@link #run()} ({@link WatchTable#reportCollected}),
 * which reports a leak if the reference is still open.
 */
final class RefState extends WeakReference<Object> implements Runnable, PartOf {

    private static final VarHandle RELEASED_AT;
    private static final VarHandle LEAK_REPORTED;

    static {
        try {
            RELEASED_AT =
                    MethodHandles.lookup().findVarHandle(RefState.class, "releasedAt", Site.class);
            LEAK_REPORTED =
                    MethodHandles.lookup()
                            .findVarHandle(RefState.class, "leakReported", boolean.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    final Tracker tracker;
    final Site acquiredAt;

    /** Whether this is the creator's reference, whose handle is the object itself. */
    final boolean creator;

    /** The scope of the acquiring thread, or null. */
    final LeakScope scope;

    /** Order of acquisition within {@link #scope}, for stable leak listings; 0 when not in it. */
    final long sequence;

    /**
     * Where {@link WatchTable} holds this state: written once by {@link WatchTable#watch}, before
     * the handle is published, so a thread that reaches this state through the handle sees them.
     */
    WatchTable.Chunk watchedIn;

    int watchedAt;

    /** Null while open; set once, by the close that wins the compare-and-set. */
    @SuppressWarnings("unused") // accessed through RELEASED_AT
    private volatile Site releasedAt;

    /** Set by whichever of the scope and the backstop reports this reference as leaked, once. */
    @SuppressWarnings("unused") // accessed through LEAK_REPORTED
    private volatile boolean leakReported;

    /**
     * The state of a new reference whose handle is {@code handle} (the object itself for the
     * creator's reference); not yet watched by the backstop.
     */
    RefState(Object handle, Tracker tracker, Site acquiredAt, boolean creator, LeakScope scope) {
        super(handle, WatchTable.QUEUE);
        this.tracker = tracker;
        this.acquiredAt = acquiredAt;
        this.creator = creator;
        this.scope = scope;
        this.sequence = scope == null ? 0 : scope.register(this);
    }

    Site releasedAt() {
        return (Site) RELEASED_AT.getVolatile(this);
    }

    /**
     * Marks this reference released at {@code site}. Exactly one caller wins when several race; the
     * winner deregisters the backstop and the scope entry.
     *
     * @return whether this call released it (false: it was already released)
     */
    boolean release(Site site) {
        return release(site, true);
    }

    /** {@link #release(Site)}, adding the access record of the release only if {@code record}. */
    boolean release(Site site, boolean record) {
        SchedulingHook h = Hooks.scheduling();
        if (h != null) {
            h.beforeAccess(this, Access.UPDATE, "close");
        }
        if (!RELEASED_AT.compareAndSet(this, (Site) null, site)) {
            return false;
        }
        WatchTable.unwatchReleased(this);
        if (scope != null) {
            scope.unregister(this);
        }
        if (record) {
            tracker.record("release", null, site);
        }
        return true;
    }

    /** The reference-counted object this reference is to, while it is reachable. */
    @Override
    public Object whole() {
        return tracker.self.get();
    }

    /** The label of the acquire site in reports. */
    String acquireLabel() {
        return creator ? "created at" : "acquired at";
    }

    /**
     * Claims the one report of this reference as leaked: true for the first caller only, so a leak
     * is reported by its scope or by the backstop, never both.
     */
    boolean claimLeakReport() {
        return LEAK_REPORTED.compareAndSet(this, false, true);
    }

    /**
     * The backstop's action once the handle became unreachable; see the class comment. Never
     * throws. A reference listed in a scope that has not closed yet is left to that scope, which
     * reports it with the test it belongs to.
     */
    @Override
    public void run() {
        if (releasedAt() != null || scope != null && sequence != 0 && !scope.swept()) {
            return;
        }
        if (claimLeakReport()) {
            LeakBackstop.report(
                    Reports.leak(
                            this,
                            "found by the GC backstop: the reference became"
                                    + " unreachable while open. Close or release it on every path (try-with-resources, or a finally block)."));
        }
    }
}
