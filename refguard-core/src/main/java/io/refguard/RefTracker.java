package io.refguard;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * The checker's view of one object whose reference count another library keeps, such as a Netty
 * {@code ByteBuf}: for adapters that plug refguard into that library's own hooks (see the {@code
 * refguard-netty} module). The library keeps counting; the adapter tells the tracker when the
 * object is accessed and when its count reached zero, and asks it to report a retain, release or
 * use that came after that.
 *
 * <p>The object gets the mode of the thread's {@link LeakScope}, else the JVM-wide {@link
 * RefGuard#mode()}, exactly as a {@link RefCounted} constructed there would: tracked, it has a
 * creation site, access records when they are on, belongs to the scope (which reports it if it is
 * not freed when the scope closes) and to the GC backstop; in a {@link CheckMode#PRESENCE} scope it
 * is only counted. Sites skip the frames of refguard and of the library's package.
 *
 * <p>Thread-safe: the first {@link #free()} wins, and every method may race with it.
 */
public final class RefTracker {

    private static final VarHandle FREED;

    static {
        try {
            FREED = MethodHandles.lookup().findVarHandle(RefTracker.class, "freed", boolean.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final Tracker tracker; // null when only counted (PRESENCE)
    private final LeakScope presence; // the counting scope, or null
    private final Class<?> type;
    private final String library;

    @SuppressWarnings("unused") // accessed through FREED
    private volatile boolean freed;

    private RefTracker(Tracker tracker, LeakScope presence, Class<?> type, String library) {
        this.tracker = tracker;
        this.presence = presence;
        this.type = type;
        this.library = library;
    }

    /**
     * Starts tracking {@code resource}, just created with a count of one on the current thread.
     *
     * @param library the package prefix of the library that keeps the count, such as {@code
     *     "io.netty."}: sites name the first frame outside it
     * @param always whether to track it in SAMPLED mode without drawing (a derived object whose
     *     parent is tracked)
     * @return the tracker, or {@code null} when the mode leaves the object unchecked
     */
    public static RefTracker track(Object resource, String library, boolean always) {
        LeakScope scope = LeakScope.boundScope();
        if (scope != null && scope.mode() == CheckMode.PRESENCE) {
            scope.presenceCreated();
            return new RefTracker(null, scope, resource.getClass(), library);
        }
        Tracker t = Tracker.forResource(resource, always, scope, library);
        return t == null ? null : new RefTracker(t, null, resource.getClass(), library);
    }

    /** Whether {@link #free()} has run. */
    public boolean isFreed() {
        return freed;
    }

    /**
     * Whether this object keeps access records ({@link RefGuard#records()} when it was created).
     */
    public boolean keepsRecords() {
        return tracker != null && tracker.records != null;
    }

    /**
     * Adds an access record at the current site, named after the library method that the code there
     * called ({@code retain}, {@code release}, {@code touch}, ...), when records are kept.
     */
    public void record(Object hint) {
        if (keepsRecords()) {
            tracker.record(null, hint, Sites.captureOutside(library));
        }
    }

    /**
     * The object's count reached zero, released at the current site. Adds no access record: the
     * adapter records the release call itself, with {@link #record}.
     *
     * @return false when it had already been freed (the library's own count went wrong)
     */
    public boolean free() {
        if (!FREED.compareAndSet(this, false, true)) {
            return false;
        }
        if (tracker == null) {
            presence.presenceFreed();
            return true;
        }
        Site site = Sites.captureOutside(library);
        tracker.freedAt = site;
        tracker.creator.release(site, false); // the adapter recorded the release call itself
        return true;
    }

    /**
     * Reports a release of the object after it was freed.
     *
     * @throws DoubleReleaseException always: naming the release that freed it and this one
     */
    public void releasedAfterFree() {
        Site again = Sites.captureOutside(library);
        if (tracker == null) {
            throw new DoubleReleaseException(
                    Reports.deadObject(Report.Kind.DOUBLE_RELEASE, describe(), null, again));
        }
        throw LeakScope.noted(
                new DoubleReleaseException(Reports.releasedAfterFree(tracker, again)),
                LeakScope.of(tracker));
    }

    /**
     * Reports a retain of the object after it was freed.
     *
     * @throws DeadObjectException always: naming the retain and the release that freed it
     */
    public void retainedAfterFree() {
        throw LeakScope.noted(
                new DeadObjectException(
                        Reports.deadObject(
                                Report.Kind.ACQUIRE_DEAD,
                                describe(),
                                tracker,
                                Sites.captureOutside(library))),
                LeakScope.of(tracker));
    }

    /**
     * Reports a use of the object after it was freed.
     *
     * @throws UseAfterReleaseException always: naming the use and the release that freed it
     */
    public void usedAfterFree() {
        throw LeakScope.noted(
                new UseAfterReleaseException(
                        Reports.deadObject(
                                Report.Kind.USE_AFTER_RELEASE,
                                describe(),
                                tracker,
                                Sites.captureOutside(library))),
                LeakScope.of(tracker));
    }

    /** Where the object was freed, or {@code null} (not freed, or only counted). */
    public Site freedAt() {
        return tracker == null ? null : tracker.freedAt;
    }

    private String describe() {
        return tracker != null ? tracker.object() : type.getSimpleName();
    }

    @Override
    public String toString() {
        return "RefTracker(" + describe() + (isFreed() ? ", freed)" : ")");
    }
}
