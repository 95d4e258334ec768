package io.refguard.agent.explore;

import io.refguard.agent.bridge.LibraryCall;
import io.refguard.hook.Access;
import java.util.Set;
import java.util.concurrent.SubmissionPublisher;
import java.util.concurrent.TimeUnit;

/**
 * {@code SubmissionPublisher} under exploration. Its items reach subscribers through its executor,
 * which the agent replaces by a model at construction (the common pool's by default; see {@code
 * MethodRewriter.publisherConstruction}), so delivery runs on explored threads, with the program's
 * {@code onNext} as explored code. Every call is one scheduling point on the publisher, then the
 * JDK's code without a point inside. The one wait, a {@code submit} (or a timed {@code offer})
 * while a subscriber's buffer is full, would park inside the JDK: the model waits first until every
 * subscriber lags less than the buffer's capacity, or the publisher is closed (a timed offer for
 * its timeout, on the virtual clock, then offers without waiting, dropping as the JDK does).
 */
final class Publishers {

    private Publishers() {}

    /** The methods that only read the publisher. */
    private static final Set<String> READS =
            Set.of(
                    "isClosed",
                    "getClosedException",
                    "hasSubscribers",
                    "getNumberOfSubscribers",
                    "getExecutor",
                    "getMaxBufferCapacity",
                    "getSubscribers",
                    "isSubscribed",
                    "estimateMinimumDemand",
                    "estimateMaximumLag");

    static Object call(ExploringInterceptor x, LibraryCall call, SubmissionPublisher<?> p)
            throws Throwable {
        String name = call.name();
        int args = call.argumentCount();
        if (name.equals("submit") && args == 1) {
            waitForRoom(x, call, p, false, 0L);
            return LibraryOps.modeled(x, call, Access.UPDATE, call::proceed);
        }
        if (name.equals("offer") && args == 4) { // item, timeout, unit, onDrop
            long nanos = ((TimeUnit) call.argument(2)).toNanos((Long) call.argument(1));
            waitForRoom(x, call, p, true, nanos);
            return LibraryOps.modeled(x, call, Access.UPDATE, () -> call.proceedReplacing(1, 0L));
        }
        Access access = READS.contains(name) ? Access.READ : Access.UPDATE;
        return LibraryOps.modeled(x, call, access, call::proceed);
    }

    /**
     * Waits in the model until {@link #room} holds, for at most {@code nanos} when {@code timed}.
     */
    private static void waitForRoom(
            ExploringInterceptor x,
            LibraryCall call,
            SubmissionPublisher<?> p,
            boolean timed,
            long nanos) {
        if (room(p)) {
            return;
        }
        RunModel run = x.run();
        run.ops++;
        run.block(
                () -> room(p),
                timed,
                Math.max(0L, nanos),
                run.key(p, call.site()),
                "wait for room in a subscriber's buffer");
    }

    /** Whether an item fits every subscriber's buffer, or the publisher is closed. */
    private static boolean room(SubmissionPublisher<?> p) {
        return p.isClosed() || p.estimateMaximumLag() < p.getMaxBufferCapacity();
    }
}
