package io.refguard;

import java.lang.ref.WeakReference;

import java.util.concurrent.ThreadLocalRandom;

/**
 * The checker's state for one tracked object: its description, the creator's reference, where it
 * was freed, and its access records. Untracked objects have none; the decision is made once, in
 * {@link #forNewObject}.
 */
final class Tracker {

    /** {@code SimpleClassName@identityHashHex}, computed once so reports never touch the object. */
    final String object;
    /** The object, weakly: reports may name it, but the checker must never keep it alive. */
    final WeakReference<RefCounted<?>> self;
    /** Null when access records are off for this object. */
    final Records records;
    /** The creator's reference, whose handle is the object itself. */
    final RefState creator;
    /**
     * Where the last reference was released. Written before {@code deallocate()} by the thread
     * that won the final release; read only when reporting a later misuse.
     */
    volatile Site freedAt;

    private Tracker(RefCounted<?> obj, Records records, Site createdAt, LeakScope scope) {
        this.object = describe(obj);
        this.self = new WeakReference<>(obj);
        this.records = records;
        this.creator = new RefState(this, createdAt, true, scope);
        record("create", null, createdAt);
    }

    /**
     * Decides whether {@code obj}, under construction on the current thread, is tracked, and if
     * so builds its tracker and registers the creator's reference with the GC backstop.
     *
     * @return the tracker, or null for an untracked object
     */
    static Tracker forNewObject(RefCounted<?> obj) {
        Settings s = RefGuard.settings();
        LeakScope scope = LeakScope.boundScope();
        CheckMode mode = scope == null ? s.mode : scope.mode();
        if (mode == CheckMode.OFF
                || mode == CheckMode.SAMPLED && s.sampleInterval > 1
                        && ThreadLocalRandom.current().nextInt(s.sampleInterval) != 0) {
            return null;
        }
        Site createdAt = Sites.captureCreation();
        Tracker t = new Tracker(obj, s.records ? new Records(s.recordsLast) : null, createdAt, scope);
        t.creator.cleanable = LeakBackstop.register(obj, t.creator);
        return t;
    }

    /** A new reference acquired on the current thread at {@code site}. */
    RefState newReference(Site site, String event) {
        record(event, null, site);
        return new RefState(this, site, false, LeakScope.boundScope());
    }

    void record(String event, Object hint, Site site) {
        if (records != null) {
            records.add(event, hint, site);
        }
        JfrEvents.tracked(this, event, site);
    }

    static String describe(Object obj) {
        Class<?> c = obj.getClass();
        String name = c.getSimpleName().isEmpty() ? c.getName() : c.getSimpleName();
        return name + "@" + Integer.toHexString(System.identityHashCode(obj));
    }
}
