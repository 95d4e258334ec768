package io.refguard.hook;

import io.refguard.CheckMode;
import io.refguard.LeakScope;
import java.util.Objects;

/**
 * The installation point for a {@link SchedulingHook} and the source of per-run leak scopes.
 *
 * <p>Core code reads {@link #scheduling()} on its hot paths: one volatile load and a null check
 * when no explorer is installed. The explorer installs its hook once, before it starts any actor
 * thread (the volatile write happens-before the actors' reads), and uninstalls it when done.
 */
public final class Hooks {

    private static volatile SchedulingHook scheduling;

    private Hooks() {}

    /** The installed scheduling hook, or {@code null} when no explorer is running. */
    public static SchedulingHook scheduling() {
        return scheduling;
    }

    /**
     * Installs {@code hook}.
     *
     * @throws IllegalStateException when another hook is installed: two different explorers cannot
     *     run in one JVM at the same time (one explorer installs one hook, shared by all its
     *     explorations, which routes each operation to the calling thread's exploration)
     */
    public static synchronized void installScheduling(SchedulingHook hook) {
        Objects.requireNonNull(hook, "hook");
        if (scheduling != null && scheduling != hook) {
            throw new IllegalStateException(
                    "another interleaving explorer is already running in this JVM; run explorations"
                            + " of different explorers one after the other (explorations of one"
                            + " explorer share its hook and may run side by side)");
        }
        scheduling = hook;
    }

    /** Removes {@code hook} if it is the installed one. */
    public static synchronized void uninstallScheduling(SchedulingHook hook) {
        if (scheduling == hook) {
            scheduling = null;
        }
    }

    /**
     * Opens a leak scope for one exploration run: a detached {@link LeakScope} in {@link
     * CheckMode#TRACKED} mode, so every object the run constructs on a bound actor thread is
     * tracked and every reference an actor acquires is checked when the run ends. Never null.
     */
    public static RunScope openRunScope() {
        return new LeakRunScope(LeakScope.openDetached(CheckMode.TRACKED, "the explored run"));
    }
}
