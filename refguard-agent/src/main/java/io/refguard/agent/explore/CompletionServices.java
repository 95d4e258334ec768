package io.refguard.agent.explore;

import io.refguard.agent.bridge.LibraryCall;
import io.refguard.explore.Coordinator;
import io.refguard.hook.Access;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.Future;

/**
 * {@code ExecutorCompletionService} over a modeled pool, under exploration. The service hands each
 * task to its executor wrapped so that the task, when done, lands in the service's own queue; that
 * queue is private, and the JDK adds to it from inside the task's completion, where the explorer
 * sees nothing. So {@code take} and a timed {@code poll} try the real non-blocking {@code poll}
 * atomically and, while it finds nothing, wait in the model until some task of a modeled pool
 * finishes ({@link RunModel#tasksDone}), then try again: one scheduling point when a result is
 * there.
 *
 * <p>{@code submit} is one scheduling point; the executor's {@code execute} it calls is queued when
 * the call returns. A service that explored code builds over a {@code ForkJoinPool} (the common
 * pool too) or a {@code ThreadPoolExecutor} it built directly is built over their model instead
 * ({@link #executorFor}, called by the constructor's rewritten call site). A service over an
 * executor that is still not modeled would complete its tasks on threads the explorer does not
 * schedule: its first {@code submit} returns a future that is not the model's, and is refused.
 */
final class CompletionServices {

    private CompletionServices() {}

    /**
     * The executor a completion service the explored code builds over {@code executor} gets: the
     * model of a JDK {@code ForkJoinPool} (the common pool too) or of a {@code ThreadPoolExecutor}
     * built directly, so that its tasks run on explored threads; any other executor as it is.
     */
    static java.util.concurrent.Executor executorFor(
            ExploringInterceptor x, java.util.concurrent.Executor executor, int site) {
        return DirectPools.modelFor(x, executor, site);
    }

    static Object call(ExploringInterceptor x, LibraryCall call, ExecutorCompletionService<?> s)
            throws Throwable {
        String n = call.name();
        int args = call.argumentCount();
        if (n.equals("take") && args == 0) {
            return await(x, call, s, -1L);
        }
        if (n.equals("poll") && args == 2) {
            return await(x, call, s, BlockingModels.nanos(call, 0));
        }
        Object result = LibraryOps.modeled(x, call, Access.UPDATE, call::proceed);
        if (n.equals("submit") && !(result instanceof ModeledFuture<?>)) {
            throw LibraryOps.refuse(
                    call,
                    "the completion service's executor is not one the explorer models (a"
                            + " ForkJoinPool or an executor of your own), so its tasks would"
                            + " complete on threads the explorer does not schedule. Build it over"
                            + " an executor from Executors in explored code");
        }
        return result;
    }

    /** {@code take} ({@code nanos} negative) or {@code poll(timeout, unit)}. */
    private static Future<?> await(
            ExploringInterceptor x, LibraryCall call, ExecutorCompletionService<?> s, long nanos)
            throws Throwable {
        ThreadModel me = x.current();
        RunModel r = x.run();
        LockModel k = r.key(s, call.site());
        String label = x.label(call.site());
        ThreadOps.throwIfInterrupted(me);
        r.ops++;
        Coordinator.point(k, Access.UPDATE, label);
        boolean timed = nanos >= 0;
        while (true) {
            Future<?> f = (Future<?>) LibraryOps.atomically(x, s::poll);
            if (f != null) {
                LibraryOps.changed(r, k);
                return f;
            }
            if (timed && nanos == 0) {
                return null;
            }
            long seen = r.tasksDone;
            boolean woke =
                    r.block(() -> r.tasksDone != seen || me.interrupted(), timed, nanos, k, label);
            ThreadOps.throwIfInterrupted(me);
            if (!woke) {
                return null;
            }
        }
    }
}
