package io.refguard.explore.runtime;

/**
 * The interrupt status and the park permit of managed threads, as {@code Thread.interrupt} and
 * {@code LockSupport.park/unpark} keep them for real threads. An interrupt ends an interruptible
 * wait ({@link MonitorWaits#await}, {@link #park}); a wait that only reads the status does so in
 * its wake-up condition. Every method runs on the baton holder; the status lives on the {@link
 * Actor} and starts clear in every run.
 */
final class ThreadStatus {

    private ThreadStatus() {}

    static final String PARK = "park";

    /**
     * Blocks {@code me} until its permit is available or it is interrupted, or the timeout expires
     * (a negative one: none), then consumes the permit; a scheduling point even when the permit is
     * there.
     */
    static void park(Actor me, long timeoutNanos, boolean early, Object target) {
        Waits.block(me, () -> me.permit || me.interrupted, timeoutNanos, early, target, PARK);
        me.permit = false;
    }

    /**
     * Consumes the permit, or sees the interrupt, without blocking: whether {@code park} would
     * return at once.
     */
    static boolean tryPark(Actor me) {
        if (me.permit || me.interrupted) {
            me.permit = false;
            Primitives.woke(me);
            return true;
        }
        return false;
    }
}
