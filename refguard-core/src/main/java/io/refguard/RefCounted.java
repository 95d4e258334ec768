package io.refguard;

import io.refguard.hook.Access;
import io.refguard.hook.Hooks;
import io.refguard.hook.SchedulingHook;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.lang.ref.Reference;

/**
 * The base class for reference-counted resources.
 *
 * <p><b>Lifecycle.</b> A new object holds exactly one reference, owned by the code that constructed
 * it, and the object itself is that creator's handle: {@code close()} on the object releases the
 * creator's reference, so {@code try (Buffer b = new Buffer()) { ... }} is complete. Every further
 * reference comes from {@link #acquire()}, {@link #tryAcquire()} or {@link Ref#share()}, and each
 * must be closed exactly once. When the last reference is closed the count reaches zero, the object
 * is dead for good (no acquire can bring it back) and {@link #deallocate()} runs, once, on the
 * thread that closed that last reference.
 *
 * <p><b>Checking.</b> Whether an object is tracked is decided when it is constructed (see {@link
 * CheckMode}). A tracked object gives every acquire its own {@link Ref} handle, so leaks, double
 * releases and uses after release are reported, when they happen, with the code sites involved. An
 * untracked object returns itself from {@code acquire()}: no allocation, and only misuse of a dead
 * object is detected.
 *
 * <p><b>Ordering.</b> Each release is a volatile read-modify-write of the count, and the final
 * release reads the value written by every release before it (they form one release sequence on the
 * count). So everything any thread did under any reference before closing it happens-before {@code
 * deallocate()}. An acquire is a volatile read-modify-write too, so an acquirer sees everything
 * done before the object was published through a reference it acquired from.
 *
 * <p>Subclasses declare themselves as the type parameter ({@code class Buffer extends
 * RefCounted<Buffer>}) and call {@link #ensureAccessible()} at the start of methods that must not
 * run on a freed object.
 *
 * @param <T> the subclass itself
 */
public abstract class RefCounted<T extends RefCounted<T>> implements Ref<T> {

    /*
     * Implementation notes.
     *
     * Count encoding. The raw field holds 2 × count while the object is alive, and an odd value
     * once it is dead: the final release compare-and-sets 2 → 1. An acquire is then a single
     * getAndAdd(2) with no loop: adding 2 never changes parity, even on wrap-around, so an acquire
     * that races the final release and lands on a dead object sees an odd old value and fails,
     * and the object stays dead whatever the number of failed acquires. (This is the encoding
     * Netty adopted for its reference counts for the same reason.) A failed acquire need not be
     * undone.
     *
     * Overflow. The largest live count is 2^30 - 1 (raw Integer.MAX_VALUE - 1). An acquire whose
     * add yields a raw value <= 0 overflowed; it subtracts the 2 again and throws. While such an
     * add is in flight the raw value may be transiently negative and even; releases treat it with
     * the same modular arithmetic, so the count is exact once every overflowing acquire has undone
     * its add.
     *
     * Release is a compare-and-set loop so that it can refuse, without writing, to decrement a
     * dead object; that also keeps a double release on an untracked object from corrupting a
     * dead count.
     *
     * Scheduling points: the installed SchedulingHook is called immediately before every read and
     * update of the count, with constant labels, so the interleaving explorer can run refguard's
     * own races.
     */

    private static final VarHandle RAW;

    /** The largest count an object can hold. */
    static final int MAX_COUNT = Integer.MAX_VALUE >>> 1;

    static {
        try {
            RAW = MethodHandles.lookup().findVarHandle(RefCounted.class, "raw", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** 2 × count while alive; odd once dead. See the implementation notes. */
    @SuppressWarnings("unused") // accessed through RAW
    private volatile int raw = 2;

    /** The checker's state, or null for an untracked object. */
    private final Tracker tracker;

    /**
     * The PRESENCE scope that counts this object as live, or null. A field of its own rather than a
     * kind of tracker, so that acquire and release test only {@link #tracker}, as with OFF. With
     * compressed references it takes the 4 bytes of padding that the header, the count and the
     * tracker left in a 24-byte object; a subclass whose own fields filled that padding grows by 8.
     */
    private final LeakScope presence;

    /**
     * Creates the object with a count of one: the creator's reference, whose handle is the object.
     */
    @SuppressWarnings("this-escape") // the tracker keeps only the object's description and identity
    protected RefCounted() {
        LeakScope scope = LeakScope.boundScope();
        if (scope != null && scope.mode() == CheckMode.PRESENCE) {
            scope.presenceCreated();
            this.presence = scope;
            this.tracker = null;
        } else {
            this.presence = null;
            Settings s = Tracker.ifTracked(scope);
            // the stack is recorded here, not in a helper: one frame fewer to record
            this.tracker = s == null ? null : Tracker.forNewObject(this, s, scope, new Throwable());
        }
    }

    /**
     * Releases the last reference's resources. Runs exactly once, on the thread that closed the
     * last reference, after everything done under any reference (see the class comment). An
     * exception thrown here propagates to that {@code close()}; the object stays dead.
     */
    protected abstract void deallocate();

    /**
     * A new reference to this object. Use it where the code reaches the object through something
     * that guarantees it is alive (a structure holding a reference); otherwise use {@link
     * #tryAcquire()}.
     *
     * @return for an untracked object the object itself, for a tracked one a new handle
     * @throws DeadObjectException when the count had already reached zero
     * @throws RefCountOverflowException when the count is at its maximum; the count is unchanged
     */
    public final Ref<T> acquire() {
        if (!increment("acquire")) {
            throw LeakScope.noted(
                    new DeadObjectException(
                            Reports.deadObject(
                                    Report.Kind.ACQUIRE_DEAD, this, tracker, Sites.capture())),
                    LeakScope.of(tracker));
        }
        if (tracker == null) {
            return this;
        }
        Site site = Sites.supplied();
        return newHandle(site != null ? site : Sites.walked(new Throwable()), "acquire");
    }

    /**
     * A new reference unless the object is dead (get-unless-zero). Safe to call on an object that
     * another thread may be freeing: a dead object stays dead and its count is not corrupted.
     *
     * @return a new reference, or {@code null} when the count had already reached zero
     * @throws RefCountOverflowException when the count is at its maximum; the count is unchanged
     */
    public final Ref<T> tryAcquire() {
        if (!increment("tryAcquire")) {
            return null;
        }
        if (tracker == null) {
            return this;
        }
        Site site = Sites.supplied();
        return newHandle(site != null ? site : Sites.walked(new Throwable()), "acquire");
    }

    /** The current count: 0 once dead. A snapshot that other threads may change at once. */
    public final int refCount() {
        beforeCountRead("refCount");
        int r = raw;
        return (r & 1) != 0 ? 0 : r >>> 1;
    }

    /** Whether the count has not reached zero yet. Once false, false forever. */
    public final boolean isAlive() {
        beforeCountRead("isAlive");
        return (raw & 1) == 0;
    }

    /**
     * A scheduling point before a plain read of the count, so that an explorer sees the read as a
     * step of its own on this object: code that decides on the count (free only at one, use only
     * while alive) races with the updates of other threads, and without a point the read would
     * belong to the previous step, whose point names another object.
     */
    private void beforeCountRead(String label) {
        SchedulingHook h = Hooks.scheduling();
        if (h != null) {
            h.beforeAccess(this, Access.READ, label);
        }
    }

    /** Whether the checker tracks this object (decided at construction, see {@link CheckMode}). */
    public final boolean isTracked() {
        return tracker != null;
    }

    /**
     * Throws unless the object is alive. Call it first in methods that must not run on a freed
     * object.
     *
     * @throws UseAfterReleaseException when the count has reached zero. The report's use site is
     *     the caller of the subclass method that called this; for a tracked object the report also
     *     names where the object was freed
     */
    protected final void ensureAccessible() {
        // a use that a release by another thread races with; an explorer folds a loop of them
        // into one step (SchedulingHook.beforeUse)
        SchedulingHook h = Hooks.scheduling();
        if (h != null) {
            h.beforeUse(this, "ensureAccessible");
        }
        if ((raw & 1) != 0) {
            throw LeakScope.noted(
                    new UseAfterReleaseException(
                            Reports.deadObject(
                                    Report.Kind.USE_AFTER_RELEASE,
                                    this,
                                    tracker,
                                    Sites.captureOutside(getClass()))),
                    LeakScope.of(tracker));
        }
    }

    /**
     * This object, through the creator's reference.
     *
     * @throws UseAfterReleaseException when the creator's reference was closed (tracked) or the
     *     object is dead (untracked)
     */
    @Override
    @SuppressWarnings("unchecked") // T is the subclass itself, by the class contract
    public final T get() {
        checkCreatorOpen();
        Reference.reachabilityFence(this);
        return (T) this;
    }

    /**
     * Releases the creator's reference. For a tracked object a second {@code close()} is a double
     * release, reported with both sites, and the count is left alone.
     *
     * @throws DoubleReleaseException when the creator's reference was already closed (tracked)
     * @throws DeadObjectException when the object is already dead (untracked)
     */
    @Override
    public final void close() {
        Tracker t = tracker;
        if (t == null) {
            releaseCount(null);
            return;
        }
        Site site = Sites.supplied(); // else the stack, recorded in this frame (see Sites)
        if (site == null) {
            site = t.walksCloses ? Sites.walked(new Throwable()) : Site.unrecorded();
        }
        if (!t.creator.release(site)) {
            Reference.reachabilityFence(this);
            throw LeakScope.noted(
                    new DoubleReleaseException(Reports.doubleRelease(t.creator, site)),
                    t.creator.scope);
        }
        Reference.reachabilityFence(this);
        releaseCount(site);
    }

    /**
     * A new reference acquired through the creator's reference.
     *
     * @throws UseAfterReleaseException when the creator's reference was closed or the object is
     *     dead
     */
    @Override
    public final Ref<T> share() {
        checkCreatorOpen();
        Ref<T> r = tracker == null ? acquire() : acquireTracked("share");
        Reference.reachabilityFence(this);
        return r;
    }

    /**
     * Records an access through the creator's reference (when access records are on).
     *
     * @throws UseAfterReleaseException when the creator's reference was closed or the object is
     *     dead
     */
    @Override
    public final Ref<T> touch(Object hint) {
        checkCreatorOpen();
        Tracker t = tracker;
        if (t != null && t.records != null) {
            Site site = Sites.supplied();
            t.record("touch", hint, site != null ? site : Sites.walked(new Throwable()));
        }
        Reference.reachabilityFence(this);
        return this;
    }

    /** Whether the creator's reference is open (untracked: whether the object is alive). */
    @Override
    public final boolean isOpen() {
        Tracker t = tracker;
        boolean open;
        if (t == null) {
            open = isAlive();
        } else {
            SchedulingHook h = Hooks.scheduling();
            if (h != null) {
                h.beforeAccess(t.creator, Access.READ, "isOpen");
            }
            open = t.creator.releasedAt() == null;
        }
        Reference.reachabilityFence(this);
        return open;
    }

    /** Acquires a count and wraps it in a new handle; for tracked objects only. */
    final Ref<T> acquireTracked(String event) {
        if (!increment("acquire")) {
            throw LeakScope.noted(
                    new DeadObjectException(
                            Reports.deadObject(
                                    Report.Kind.ACQUIRE_DEAD, this, tracker, Sites.capture())),
                    LeakScope.of(tracker));
        }
        return newHandle(Sites.capture(), event);
    }

    /**
     * Drops one count; the final drop frees the object.
     *
     * @param site where the releasing reference was closed, or null (untracked)
     */
    final void releaseCount(Site site) {
        SchedulingHook h = Hooks.scheduling();
        // with internal points the read and the compare-and-set are two steps, so that refguard's
        // own tests explore the window between them; without, one step that the point before the
        // read announces as the whole update
        boolean split = h != null && h.internalPoints();
        for (; ; ) {
            if (split) {
                h.beforeInternalAccess(this, Access.READ, "release-read");
            } else if (h != null) {
                h.beforeAccess(this, Access.UPDATE, "release");
            }
            int r = raw;
            if ((r & 1) != 0) {
                throw LeakScope.noted(
                        new DeadObjectException(
                                Reports.deadObject(
                                        Report.Kind.RELEASE_DEAD,
                                        this,
                                        tracker,
                                        site != null && site.recorded() ? site : Sites.capture())),
                        LeakScope.of(tracker));
            }
            int next = r == 2 ? 1 : r - 2;
            if (split) {
                h.beforeAccess(this, Access.UPDATE, "release");
            }
            if (RAW.compareAndSet(this, r, next)) {
                if (next == 1) {
                    if (tracker != null) {
                        tracker.freedAt = site;
                    } else if (presence != null) {
                        presence.presenceFreed();
                    }
                    deallocate();
                }
                return;
            }
            // another thread changed the count between the read and the compare-and-set: let it
            // get on before retrying, which under contention beats retrying at once by far
            Thread.yield();
        }
    }

    /**
     * Adds one count unless the object is dead.
     *
     * @return false when the object was dead (nothing to undo: parity keeps it dead)
     * @throws RefCountOverflowException after undoing an add that overflowed
     */
    private boolean increment(String label) {
        SchedulingHook h = Hooks.scheduling();
        if (h != null) {
            h.beforeAccess(this, Access.UPDATE, label);
        }
        int old = (int) RAW.getAndAdd(this, 2);
        if ((old & 1) != 0) {
            return false;
        }
        if (old + 2 <= 0) {
            if (h != null) {
                h.beforeAccess(this, Access.UPDATE, "acquire-undo");
            }
            RAW.getAndAdd(this, -2);
            throw new RefCountOverflowException(
                    Reports.overflow(this, tracker, Sites.capture(), MAX_COUNT));
        }
        return true;
    }

    private Ref<T> newHandle(Site site, String event) {
        @SuppressWarnings("unchecked") // T is the subclass itself, by the class contract
        T self = (T) this;
        return new TrackedRef<>(self, tracker, site, event);
    }

    private void checkCreatorOpen() {
        Tracker t = tracker;
        SchedulingHook h = Hooks.scheduling();
        if (h != null) {
            h.beforeUse(t == null ? this : t.creator, "get");
        }
        if (t == null) {
            if ((raw & 1) != 0) {
                throw new UseAfterReleaseException(
                        Reports.deadObject(
                                Report.Kind.USE_AFTER_RELEASE, this, null, Sites.capture()));
            }
        } else if (t.creator.releasedAt() != null) {
            throw LeakScope.noted(
                    new UseAfterReleaseException(
                            Reports.useAfterRelease(t.creator, Sites.capture())),
                    t.creator.scope);
        }
    }
}
