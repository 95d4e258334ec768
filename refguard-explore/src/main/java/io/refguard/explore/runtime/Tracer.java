package io.refguard.explore.runtime;

import io.refguard.hook.Access;

/**
 * Receives the events of a traced run, in execution order, on the thread that holds the baton. Only
 * the re-run of a failing schedule is traced: tracing walks the stack at every point.
 */
public interface Tracer {

    /**
     * Thread {@code thread} was chosen and performs the operation it announced.
     *
     * @param target the touched object's report name, or null
     * @param location {@code File.java:line} of the first frame outside the explorer and refguard,
     *     or null when none was found
     * @param preemption whether the previously running thread could have gone on instead
     */
    void step(
            int step,
            int thread,
            String label,
            Access access,
            String target,
            String location,
            boolean preemption);

    /**
     * Thread {@code thread} announced its next operation at a scheduling point; called on that
     * thread, before the decision, so a tracer may inspect the thread's own stack. Its step, when
     * the thread is chosen, is the next {@link #step} of that thread.
     */
    default void announced(int thread) {}

    /**
     * The operation of thread {@code thread}'s last step was a call that returned: its arguments
     * ({@code "k", Buf#1}, empty for none) and its result ({@code null} for a {@code void} call),
     * as text, for the report's row.
     */
    default void values(int thread, String arguments, String result) {}

    /**
     * Thread {@code thread}'s last step is shown as {@code call} instead of its label: a call on
     * one of refguard's own types ({@code Buf#1.acquire()}), or an operation its adapter names in
     * more detail than a constant label can ({@code array read int[]#1[1]}).
     */
    default void call(int thread, String call) {}

    /** Thread {@code thread} cannot go on; {@code waitsFor} says for what (lock, signal, ...). */
    void blocked(int thread, String waitsFor);

    /**
     * A decision about thread {@code thread} that its steps do not show (a timed wait that ended at
     * once), in words.
     */
    default void note(int thread, String text) {}

    /** Thread {@code parent} started thread {@code child} named {@code name}. */
    void spawned(int parent, int child, String name);

    /** Thread {@code thread} returned from its body. */
    void finished(int thread);
}
