package io.refguard;

/**
 * Receives the leaks that the GC backstop finds: tracked references that became unreachable while
 * still open. Register with {@link RefGuard#addLeakListener(LeakListener)}.
 *
 * <p>Called on the program's own threads: the one whose next tracked acquire, or whose next {@link
 * LeakScope} close, comes after the collection that found the leak. Implementations must be
 * thread-safe and should return quickly; an exception thrown here is logged and otherwise ignored.
 */
@FunctionalInterface
public interface LeakListener {

    /** Called once for each leaked reference, after it was found unreachable. */
    void onLeak(Report report);
}
