package io.refguard.netty;

import io.netty.util.ResourceLeakDetector;
import io.netty.util.ResourceLeakTracker;
import io.refguard.RefTracker;

/**
 * A Netty {@link ResourceLeakDetector} that hands every resource to refguard's checker instead of
 * Netty's own sampling and GC-based reporting.
 *
 * <p>Netty asks its detector for a {@link ResourceLeakTracker} when it allocates a buffer (and for
 * each retained slice or duplicate), and wraps a tracked buffer in a leak-aware {@code ByteBuf}
 * that reports every retain, release, touch and access to that tracker. This detector decides with
 * refguard's mode (the thread's {@link io.refguard.LeakScope}, else {@code refguard.mode}), not
 * Netty's level, and answers "record" so that Netty always uses its recording wrapper: the tracker
 * then sees each of those calls. See {@link RefGuardNetty} for how to install it.
 *
 * @param <T> the type of the tracked resources
 */
public class RefGuardLeakDetector<T> extends ResourceLeakDetector<T> {

    /** The package prefix whose frames reports skip, so sites name the code that called Netty. */
    static final String NETTY = "io.netty.";

    /**
     * Whether a detector for Netty's ByteBufs was built: Netty does it once, on first use of a
     * buffer class.
     */
    private static volatile boolean forByteBuf;

    /**
     * The constructor Netty's default factory calls for a detector named by the system property
     * {@code io.netty.customResourceLeakDetector}.
     *
     * @param resourceType the type of the tracked resources
     * @param samplingInterval Netty's sampling interval; ignored, refguard's mode decides
     */
    public RefGuardLeakDetector(Class<?> resourceType, int samplingInterval) {
        super(resourceType, samplingInterval);
        if ("io.netty.buffer.ByteBuf".equals(resourceType.getName())) {
            forByteBuf = true;
        }
    }

    /**
     * The constructor of Netty's older factory method.
     *
     * @param resourceType the type of the tracked resources
     * @param samplingInterval ignored, refguard's mode decides
     * @param maxActive ignored
     */
    public RefGuardLeakDetector(Class<?> resourceType, int samplingInterval, long maxActive) {
        this(resourceType, samplingInterval);
    }

    /** Whether Netty built this kind of detector for its buffers in this JVM. */
    static boolean installedForByteBuf() {
        return forByteBuf;
    }

    /**
     * A tracker when refguard's mode checks {@code obj}, else {@code null} (Netty then leaves it
     * unwrapped).
     */
    @Override
    public ResourceLeakTracker<T> track(T obj) {
        RefTracker t = RefTracker.track(obj, NETTY, false);
        return t == null ? null : new RefGuardLeakTracker<>(t);
    }

    /**
     * Like {@link #track}, but tracked in SAMPLED mode too: Netty calls it for a derived buffer of
     * a tracked one.
     */
    @Override
    public ResourceLeakTracker<T> trackForcibly(T obj) {
        RefTracker t = RefTracker.track(obj, NETTY, true);
        return t == null ? null : new RefGuardLeakTracker<>(t);
    }

    /**
     * Always true, so that Netty wraps a tracked buffer in its recording wrapper and reports every
     * call.
     */
    @Override
    public boolean isRecordEnabled() {
        return true;
    }
}
