package io.refguard.hook;

/**
 * The callback through which refguard's own concurrent code reports its shared-memory operations to
 * an interleaving explorer.
 *
 * <p>refguard-core calls {@link #beforeAccess} immediately before every operation that another
 * thread can observe (a count update, a snapshot swap, a checker registry update). An explorer
 * implements this interface and may suspend the calling thread there and run another one, which is
 * how races inside refguard itself become explorable. The core never depends on any implementation:
 * it only calls the hook installed in {@link Hooks}.
 *
 * <p>Implementations must return at once, without blocking or allocating, when the calling thread
 * is not under exploration; core code calls the hook on every acquire and release while one is
 * installed.
 */
public interface SchedulingHook {

    /**
     * Called before an operation on shared state.
     *
     * @param target the object whose state the operation touches (the reference-counted object, the
     *     hot-swap manager, ...); used to tell dependent steps from independent ones
     * @param access how the operation touches {@code target}
     * @param label a constant, human-readable name for the operation, such as {@code "acquire"};
     *     shown in interleaving reports. Never built per call.
     */
    void beforeAccess(Object target, Access access, String label);

    /**
     * Called before a step that is internal to refguard: the checker's own bookkeeping (leak-scope
     * registries and access records) and intermediate steps of a count update (the read before a
     * release's compare-and-set). Races there are refguard's own, not the user's, so an explorer
     * makes these scheduling points only when it explores refguard itself; reports on user code
     * then show the user's steps and the count updates alone.
     *
     * <p>The default treats them like any other access.
     */
    default void beforeInternalAccess(Object target, Access access, String label) {
        beforeAccess(target, access, label);
    }

    /**
     * Whether {@link #beforeInternalAccess} calls are scheduling points for the calling thread now.
     * When they are not, code between two points runs as one step, so the point that starts it must
     * name everything the step touches: a count update that reads before its compare-and-set then
     * announces the whole update before the read, not only before the compare-and-set (else the
     * read would belong to the previous step, whose point names another object, and an explorer
     * would take two steps for independent that are not).
     *
     * <p>The default is true, as {@link #beforeInternalAccess} defaults to a point.
     */
    default boolean internalPoints() {
        return true;
    }

    /**
     * Called before a use of an object that must still be alive, or of a reference that must still
     * be open ({@code Ref.get()}, {@code ensureAccessible()}): a read that a use after release
     * races with. It runs on every access of an object (each element read of a buffer), so an
     * explorer should make it a point only when it is not the same use of the same object as the
     * calling thread's last point: a loop of reads with nothing else between is one step.
     *
     * <p>The default treats it as a read of {@code target}.
     *
     * @param target the object (for its count) or the reference's state (for a handle)
     * @param label a constant name for the use, such as {@code "get"}
     */
    default void beforeUse(Object target, String label) {
        beforeAccess(target, Access.READ, label);
    }
}
