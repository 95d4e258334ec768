package io.refguard.hook;

/**
 * A leak check around one run of an exploration, provided by refguard-core through {@link
 * Hooks#openRunScope()}.
 *
 * <p>The explorer opens one scope per schedule, binds it to every actor thread for the time that
 * thread runs actor code, and closes it when the run ends. References acquired under the scope and
 * still open at {@link #close()} make {@code close()} throw the core's leak exception, which fails
 * that schedule.
 */
public interface RunScope extends AutoCloseable {

    /**
     * Makes this scope the current thread's leak scope until the returned binding is closed.
     * Bindings nest: closing one restores the scope that was current before.
     */
    Binding bindCurrentThread();

    /**
     * Ends the scope.
     *
     * @throws RuntimeException the core's leak exception when references acquired under this scope
     *     are still open; its message names each acquire site
     */
    @Override
    void close();

    /** Undoes one {@link #bindCurrentThread()}. */
    interface Binding extends AutoCloseable {
        @Override
        void close();
    }
}
