package io.refguard.netty;

import io.netty.util.ResourceLeakTracker;
import io.refguard.RefTracker;
import java.lang.ref.Reference;

/**
 * Netty's view of one buffer tracked by refguard. Netty's recording wrapper calls {@link #record()}
 * before each retain, release and access and {@link #record(Object)} for a touch with a hint, and
 * {@link #close(Object)} once the count reaches zero.
 *
 * <p>While the buffer is alive a record costs one volatile read, plus an access record with its
 * site when records are on. Once it is freed, the record comes before Netty touches the buffer
 * (which a pool may already have handed to someone else), so the misuse is reported there: a
 * release is a double release naming the release that freed it, a retain an acquire of a dead
 * object, anything else a use after release.
 */
final class RefGuardLeakTracker<T> implements ResourceLeakTracker<T> {

    private final RefTracker tracker;

    RefGuardLeakTracker(RefTracker tracker) {
        this.tracker = tracker;
    }

    @Override
    public void record() {
        if (tracker.isFreed()) {
            afterFree();
        }
        tracker.record(null);
    }

    @Override
    public void record(Object hint) {
        if (tracker.isFreed()) {
            afterFree();
        }
        tracker.record(hint);
    }

    @Override
    public boolean close(T trackedObject) {
        boolean first = tracker.free();
        Reference.reachabilityFence(trackedObject);
        return first;
    }

    /**
     * Where the buffer was freed, for the count exception Netty throws when a call races the free.
     */
    @Override
    public Throwable getCloseStackTraceIfAny() {
        return tracker.isFreed() ? new FreedAt(tracker) : null;
    }

    /** Reports the Netty call under way on a freed buffer. Always throws. */
    private void afterFree() {
        String call = NettyCall.current();
        if (call.startsWith("release")) {
            tracker.releasedAfterFree();
        } else if (call.startsWith("retain") || call.startsWith("readRetained")) {
            tracker.retainedAfterFree();
        }
        tracker.usedAfterFree();
    }

    @Override
    public String toString() {
        return tracker.toString();
    }

    /** A stackless throwable that says where a buffer was freed. */
    static final class FreedAt extends Throwable {
        private static final long serialVersionUID = 1L;

        FreedAt(RefTracker tracker) {
            super(
                    "refguard: the buffer was freed at "
                            + (tracker.freedAt() != null
                                    ? tracker.freedAt()
                                    : "an unrecorded site (counted in PRESENCE mode; run TRACKED to see it)"),
                    null,
                    false,
                    false);
        }
    }
}
