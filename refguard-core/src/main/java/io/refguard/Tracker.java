package io.refguard;

import java.lang.ref.WeakReference;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The checker's state for one tracked object: its description, the creator's reference, where it
 * was freed, and its access records. Untracked objects have none; the decision is made once, in
 * {@link #ifTracked} (or {@link #forResource} for an object whose count another library keeps).
 */
final class Tracker {

    /** The object's class and identity hash; the text is built only when a report needs it. */
    private final Class<?> type;

    private final int identity;

    /** The object, weakly: reports may name it, but the checker must never keep it alive. */
    final WeakReference<Object> self;

    /** Null when access records are off for this object. */
    final Records records;

    /**
     * Whether closes walk the stack for their sites when no agent supplies them: in TRACKED mode. A
     * SAMPLED object records where it was created and acquired, what a leak report names, and
     * leaves its closes unrecorded ({@link Site#unrecorded}): each walk costs as much as a request
     * of a typical pool workload, and a sampled object has two to four of them.
     */
    final boolean walksCloses;

    /** The creator's reference, whose handle is the object itself. */
    final RefState creator;

    /**
     * Where the last reference was released. Written before {@code deallocate()} by the thread that
     * won the final release; read only when reporting a later misuse.
     */
    volatile Site freedAt;

    private Tracker(
            Object obj, Records records, Site createdAt, LeakScope scope, boolean walksCloses) {
        this.walksCloses = walksCloses;
        this.type = obj.getClass();
        this.identity = System.identityHashCode(obj);
        this.self = new WeakReference<>(obj);
        this.records = records;
        this.creator = new RefState(obj, this, createdAt, true, scope);
        record("create", null, createdAt);
    }

    /**
     * The settings under which an object constructed now on a thread bound to {@code scope} (or
     * none) is tracked, or null when it is not: the one decision, with its draw in SAMPLED mode.
     */
    static Settings ifTracked(LeakScope scope) {
        Settings s = RefGuard.settings();
        CheckMode mode = scope == null ? s.mode : scope.mode();
        return sampled(mode, s) ? s : null;
    }

    /**
     * The tracker of {@code obj}, under construction on the current thread bound to {@code scope}
     * (or none), which {@link #ifTracked} decided to track under {@code s}; {@code here} recorded
     * the stack of its construction. Registers the creator's reference with the GC backstop.
     */
    static Tracker forNewObject(RefCounted<?> obj, Settings s, LeakScope scope, Throwable here) {
        CheckMode mode = scope == null ? s.mode : scope.mode();
        return build(
                obj, s, Sites.creation(here, obj.getClass()), scope, mode == CheckMode.TRACKED);
    }

    /**
     * The tracker of an object whose count another library keeps, created on a thread bound to
     * {@code scope} (or none), or null when the mode leaves it untracked ({@code always}: tracked
     * in SAMPLED mode too). Its creation site skips the frames of {@code library}.
     */
    static Tracker forResource(Object obj, boolean always, LeakScope scope, String library) {
        Settings s = RefGuard.settings();
        CheckMode mode = scope == null ? s.mode : scope.mode();
        if (always ? mode != CheckMode.SAMPLED && mode != CheckMode.TRACKED : !sampled(mode, s)) {
            return null;
        }
        return build(obj, s, Sites.captureOutside(library), scope, true);
    }

    /**
     * Whether an object constructed now in {@code mode} is tracked. SAMPLED draws from the thread's
     * {@link ThreadLocalRandom}, whose state lives in the {@link Thread} object itself: no
     * thread-local lookup, one multiply-and-mask for a power-of-two interval.
     */
    private static boolean sampled(CheckMode mode, Settings s) {
        if (mode == CheckMode.TRACKED) {
            return true;
        }
        return mode == CheckMode.SAMPLED
                && (s.sampleInterval == 1
                        || ThreadLocalRandom.current().nextInt(s.sampleInterval) == 0);
    }

    private static Tracker build(
            Object obj, Settings s, Site createdAt, LeakScope scope, boolean walksCloses) {
        Records records = s.records ? new Records(s.recordsLast) : null;
        Tracker t = new Tracker(obj, records, createdAt, scope, walksCloses);
        WatchTable.watch(t.creator);
        return t;
    }

    /**
     * The state of a new reference acquired on the current thread at {@code site}, whose handle is
     * {@code handle}, watched by the GC backstop.
     */
    RefState newReference(Object handle, Site site, String event) {
        record(event, null, site);
        RefState state = new RefState(handle, this, site, false, LeakScope.boundScope());
        WatchTable.watch(state);
        return state;
    }

    void record(String event, Object hint, Site site) {
        if (records != null) {
            records.add(event, hint, site);
        }
        JfrEvents.tracked(this, event, site);
    }

    /** {@code SimpleClassName@identityHashHex}: how reports name the object. */
    String object() {
        return describe(type, identity);
    }

    static String describe(Object obj) {
        return describe(obj.getClass(), System.identityHashCode(obj));
    }

    private static String describe(Class<?> c, int identity) {
        String name = c.getSimpleName().isEmpty() ? c.getName() : c.getSimpleName();
        return name + "@" + Integer.toHexString(identity);
    }
}
