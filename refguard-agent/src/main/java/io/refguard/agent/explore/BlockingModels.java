package io.refguard.agent.explore;

import io.refguard.agent.bridge.LibraryCall;
import io.refguard.explore.Coordinator;
import io.refguard.hook.Access;
import java.util.concurrent.BlockingDeque;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.DelayQueue;
import java.util.concurrent.Exchanger;
import java.util.concurrent.Future;
import java.util.concurrent.Phaser;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.TransferQueue;
import java.util.concurrent.locks.StampedLock;
import java.util.function.BooleanSupplier;

/**
 * The JDK operations that block, modeled so that a thread blocks only in the explorer's model (see
 * {@link LibraryOps}). Each is one scheduling point when it does not block.
 *
 * <ul>
 *   <li>Blocking queues and deques ({@code put}, {@code take}, timed {@code offer}/{@code poll} and
 *       their {@code First}/{@code Last} forms): the non-blocking {@code offer}/{@code poll} on the
 *       real queue, retried whenever the queue changed.
 *   <li>{@code SynchronousQueue} and {@code Exchanger}: a rendezvous ({@link Rendezvous}).
 *   <li>{@code TransferQueue.transfer}: enqueue, then wait until a consumer took the element.
 *   <li>{@code DelayQueue.take}: wait for the head's delay on the virtual clock.
 *   <li>{@code Future.get} (also timed) and {@code CompletableFuture.join}: block until {@code
 *       isDone()}, then the real call, which returns at once.
 *   <li>{@code CyclicBarrier}: its state kept by the adapter ({@link BarrierModel}).
 *   <li>{@code Phaser}: the real {@code arrive}, then block until the phase advances.
 *   <li>{@code StampedLock}: {@code tryWriteLock}/{@code tryReadLock} on the real lock, retried
 *       whenever the lock changed.
 * </ul>
 *
 * A timed form is a timed wait of the explorer ({@link RunModel#block}); an interruptible one
 * throws {@link InterruptedException} when the model's interrupt status is set.
 */
final class BlockingModels {

    /** Returned by {@link #call} for an operation not modeled here. */
    static final Object NOT_MODELED = new Object();

    /** Returned by an attempt that would block. */
    static final Object WOULD_BLOCK = new Object();

    /** Returned by {@link #retry} when the wait timed out. */
    static final Object TIMED_OUT = new Object();

    private BlockingModels() {}

    /**
     * The model of a blocking call, or {@link #NOT_MODELED}; in a traced run the call's row shows
     * its arguments and what it returned ({@code BlockingQueue.poll(50, MILLISECONDS) -> null}).
     */
    static Object call(ExploringInterceptor x, LibraryCall call) throws Throwable {
        Object res = model(x, call);
        if (res != NOT_MODELED && Coordinator.tracing()) {
            RunModel r = x.run();
            Coordinator.showValues(CallValues.arguments(r, call), CallValues.result(r, call, res));
        }
        return res;
    }

    private static Object model(ExploringInterceptor x, LibraryCall call) throws Throwable {
        Object r = call.receiver();
        String n = call.name();
        int args = call.argumentCount();
        if (r instanceof SynchronousQueue<?> q) {
            return Rendezvous.queue(x, call, q);
        }
        if (r instanceof TransferQueue<?> q) {
            Object res = transfer(x, call, q, n, args);
            if (res != NOT_MODELED) {
                return res;
            }
        }
        if (r instanceof DelayQueue<?> q && (n.equals("take") || n.equals("poll") && args == 2)) {
            return delayed(x, call, q, n.equals("take") ? -1 : nanos(call, 0));
        }
        if (r instanceof BlockingQueue<?> q) {
            return queue(x, call, q, n, args);
        }
        if (r instanceof Future<?> f) {
            return future(x, call, f, n, args);
        }
        if (r instanceof CyclicBarrier b) {
            return BarrierModel.call(x, call, b, n, args);
        }
        if (r instanceof Phaser p) {
            return phaser(x, call, p, n, args);
        }
        if (r instanceof StampedLock s) {
            return stamped(x, call, s, n, args);
        }
        if (r instanceof Exchanger<?>) {
            return Rendezvous.exchange(x, call);
        }
        return NOT_MODELED;
    }

    /**
     * A queue's blocking calls wake on a change of the queue and then order after every release so
     * far, not only after the {@code put} that freed them ({@code freedByRelease}): the element a
     * waiting {@code take} gets need not come from the first put after which the queue held one
     * (another consumer may take that one, a deque's {@code takeLast} or a priority queue takes a
     * later one), so keeping that put's release alone would miss the order of the element's own
     * put. The wider order can hide a fill-after-put race in schedules where the consumer waited;
     * schedules where it finds the element at once still show it.
     */
    @SuppressWarnings("unchecked")
    private static Object queue(
            ExploringInterceptor x, LibraryCall call, BlockingQueue<?> q0, String n, int args)
            throws Throwable {
        BlockingQueue<Object> q = (BlockingQueue<Object>) q0;
        BlockingDeque<Object> d = q instanceof BlockingDeque<?> ? (BlockingDeque<Object>) q : null;
        BooleanSupplier hasRoom = () -> q.remainingCapacity() > 0;
        BooleanSupplier hasItem = () -> !q.isEmpty();
        // blocked takers, and blocked putters, are served in the order they blocked
        Object takers = QueueOrder.takersLine(x.run(), q);
        Object putters = QueueOrder.puttersLine(x.run(), q);
        switch (n) {
            case "put", "putLast", "putFirst" -> {
                if (args != 1 || d == null && !n.equals("put")) {
                    return NOT_MODELED;
                }
                Object e = call.argument(0);
                boolean first = n.equals("putFirst");
                retry(
                        x,
                        call,
                        () -> (first ? d.offerFirst(e) : q.offer(e)) ? null : WOULD_BLOCK,
                        hasRoom,
                        true,
                        -1,
                        false,
                        putters);
                return null;
            }
            case "take", "takeFirst", "takeLast" -> {
                if (args != 0 || d == null && !n.equals("take")) {
                    return NOT_MODELED;
                }
                boolean last = n.equals("takeLast");
                return retry(
                        x,
                        call,
                        () -> orBlock(last ? d.pollLast() : q.poll()),
                        hasItem,
                        true,
                        -1,
                        false,
                        takers);
            }
            case "offer", "offerFirst", "offerLast" -> {
                if (args != 3 || d == null && !n.equals("offer")) {
                    return NOT_MODELED;
                }
                Object e = call.argument(0);
                boolean first = n.equals("offerFirst");
                Object res =
                        retry(
                                x,
                                call,
                                () ->
                                        (first ? d.offerFirst(e) : q.offer(e))
                                                ? Boolean.TRUE
                                                : WOULD_BLOCK,
                                hasRoom,
                                true,
                                nanos(call, 1),
                                false,
                                putters);
                return res == TIMED_OUT ? Boolean.FALSE : res;
            }
            case "poll", "pollFirst", "pollLast" -> {
                if (args != 2 || d == null && !n.equals("poll")) {
                    return NOT_MODELED;
                }
                boolean last = n.equals("pollLast");
                Object res =
                        retry(
                                x,
                                call,
                                () -> orBlock(last ? d.pollLast() : q.poll()),
                                hasItem,
                                true,
                                nanos(call, 0),
                                false,
                                takers);
                return res == TIMED_OUT ? null : res;
            }
            default -> {
                return NOT_MODELED;
            }
        }
    }

    /**
     * {@code DelayQueue.take} and timed {@code poll}: the head becomes available when its delay,
     * which the program computes from {@code System.nanoTime} and so from the virtual clock, has
     * passed. A thread waits for the earlier of the head's delay and its own timeout, as a timed
     * wait (which moves the clock), or for another thread's operation on the queue.
     */
    private static Object delayed(
            ExploringInterceptor x, LibraryCall call, DelayQueue<?> q, long timeout)
            throws Throwable {
        ThreadModel me = x.current();
        RunModel r = x.run();
        LockModel k = r.key(q, call.site());
        String label = x.label(call.site());
        ThreadOps.throwIfInterrupted(me);
        r.ops++;
        Coordinator.point(k, Access.UPDATE, label);
        long deadline = timeout < 0 ? Long.MAX_VALUE : Coordinator.clockNanos() + timeout;
        while (true) {
            Object head = LibraryOps.atomically(x, q::poll);
            if (head != null) {
                LibraryOps.changed(r, k);
                return head;
            }
            long remaining =
                    deadline == Long.MAX_VALUE
                            ? Long.MAX_VALUE
                            : deadline - Coordinator.clockNanos();
            if (remaining <= 0) {
                return null;
            }
            java.util.concurrent.Delayed first =
                    (java.util.concurrent.Delayed) LibraryOps.atomically(x, q::peek);
            long wait =
                    first == null
                            ? remaining
                            : Math.min(
                                    remaining, Math.max(0L, first.getDelay(TimeUnit.NANOSECONDS)));
            long seen = k.version;
            BooleanSupplier wake = () -> k.version != seen || me.interrupted();
            r.block(wake, wait != Long.MAX_VALUE, wait == Long.MAX_VALUE ? 0 : wait, k, label);
            ThreadOps.throwIfInterrupted(me);
        }
    }

    /**
     * {@code TransferQueue}'s hand-offs: {@code transfer} enqueues and waits until a consumer took
     * that element; {@code tryTransfer} succeeds only when a consumer is waiting, in the model, to
     * take.
     */
    @SuppressWarnings("unchecked")
    private static Object transfer(
            ExploringInterceptor x, LibraryCall call, TransferQueue<?> q0, String n, int args)
            throws Throwable {
        TransferQueue<Object> q = (TransferQueue<Object>) q0;
        RunModel r = x.run();
        LockModel k = r.key(q, call.site());
        switch (n) {
            case "hasWaitingConsumer" -> {
                return LibraryOps.modeled(x, call, Access.READ, () -> k.takers > 0);
            }
            case "getWaitingConsumerCount" -> {
                return LibraryOps.modeled(x, call, Access.READ, () -> k.takers);
            }
            case "tryTransfer" -> {
                if (args == 1) {
                    return LibraryOps.modeled(
                            x,
                            call,
                            Access.UPDATE,
                            () -> k.takers > 0 && q.offer(call.argument(0)));
                }
            }
            case "transfer" -> {}
            default -> {
                return NOT_MODELED;
            }
        }
        Object e = call.argument(0);
        long nanos = args == 3 ? nanos(call, 1) : -1;
        ThreadModel me = x.current();
        ThreadOps.throwIfInterrupted(me);
        LibraryOps.modeled(
                x,
                call,
                Access.UPDATE,
                () -> {
                    q.offer(e);
                    return CallValues.NOT_YET; // the call's result is the hand-over's
                });
        BooleanSupplier taken = () -> !containsItself(q, e);
        if (!taken.getAsBoolean() && nanos != 0) {
            r.block(
                    () -> taken.getAsBoolean() || me.interrupted(),
                    nanos > 0,
                    Math.max(0L, nanos),
                    k,
                    x.label(call.site()));
        }
        if (taken.getAsBoolean()) {
            return n.equals("transfer") ? null : Boolean.TRUE;
        }
        LibraryOps.atomically(x, () -> removeItself(q, e));
        LibraryOps.changed(r, k);
        ThreadOps.throwIfInterrupted(me);
        return Boolean.FALSE;
    }

    private static boolean containsItself(Iterable<?> q, Object e) {
        for (Object o : q) {
            if (o == e) {
                return true;
            }
        }
        return false;
    }

    private static Object removeItself(Iterable<?> q, Object e) {
        for (java.util.Iterator<?> it = q.iterator(); it.hasNext(); ) {
            if (it.next() == e) {
                it.remove();
                return Boolean.TRUE;
            }
        }
        return Boolean.FALSE;
    }

    private static Object future(
            ExploringInterceptor x, LibraryCall call, Future<?> f, String n, int args)
            throws Throwable {
        boolean join = n.equals("join") && args == 0 && f instanceof CompletableFuture<?>;
        if (!join && !(n.equals("get") && (args == 0 || args == 2))) {
            return NOT_MODELED;
        }
        long nanos = args == 2 ? nanos(call, 0) : -1;
        Object res =
                retry(
                        x,
                        call,
                        () -> f.isDone() ? call.proceed() : WOULD_BLOCK,
                        f::isDone,
                        !join,
                        nanos,
                        true);
        if (res == TIMED_OUT) {
            throw new TimeoutException();
        }
        if (!x.run().key(f, call.site()).completedByCall) {
            // the task that completed it wrote its result without a point on it
            Coordinator.acquireAll();
        } // else its complete call released right after: the wait or the point took that
        return res;
    }

    private static Object phaser(
            ExploringInterceptor x, LibraryCall call, Phaser p, String n, int args)
            throws Throwable {
        int phase;
        boolean interruptible = n.startsWith("awaitAdvanceInterruptibly");
        long nanos = -1;
        switch (n) {
            case "arriveAndAwaitAdvance" -> {
                if (args != 0) {
                    return NOT_MODELED;
                }
                phase = (Integer) LibraryOps.modeled(x, call, Access.UPDATE, p::arrive);
                if (phase < 0) {
                    return phase;
                }
            }
            case "awaitAdvance", "awaitAdvanceInterruptibly" -> {
                phase = (Integer) call.argument(0);
                if (args == 3) {
                    nanos = nanos(call, 1);
                }
            }
            default -> {
                return NOT_MODELED;
            }
        }
        int arrived = phase;
        BooleanSupplier advanced = () -> p.getPhase() != arrived;
        Object res =
                retry(
                        x,
                        call,
                        () -> advanced.getAsBoolean() ? p.getPhase() : WOULD_BLOCK,
                        advanced,
                        interruptible,
                        nanos);
        if (res == TIMED_OUT) {
            throw new TimeoutException();
        }
        return res;
    }

    private static Object stamped(
            ExploringInterceptor x, LibraryCall call, StampedLock s, String n, int args)
            throws Throwable {
        BooleanSupplier writable = () -> !s.isWriteLocked() && !s.isReadLocked();
        BooleanSupplier readable = () -> !s.isWriteLocked();
        switch (n) {
            case "writeLock", "writeLockInterruptibly" -> {
                return retry(
                        x,
                        call,
                        () -> stamp(s.tryWriteLock()),
                        writable,
                        n.endsWith("Interruptibly"),
                        -1);
            }
            case "readLock", "readLockInterruptibly" -> {
                return retry(
                        x,
                        call,
                        () -> stamp(s.tryReadLock()),
                        readable,
                        n.endsWith("Interruptibly"),
                        -1);
            }
            case "tryWriteLock", "tryReadLock" -> {
                if (args != 2) {
                    return NOT_MODELED;
                }
                boolean write = n.equals("tryWriteLock");
                Object res =
                        retry(
                                x,
                                call,
                                () -> stamp(write ? s.tryWriteLock() : s.tryReadLock()),
                                write ? writable : readable,
                                true,
                                nanos(call, 0));
                return res == TIMED_OUT ? 0L : res;
            }
            default -> {
                return NOT_MODELED;
            }
        }
    }

    private static Object stamp(long stamp) {
        return stamp == 0L ? WOULD_BLOCK : (Object) stamp;
    }

    private static Object orBlock(Object polled) {
        return polled == null ? WOULD_BLOCK : polled;
    }

    /** Argument {@code i} and {@code i + 1} as a time and unit, in nanoseconds (at least 0). */
    static long nanos(LibraryCall call, int i) {
        long t = ((Number) call.argument(i)).longValue();
        TimeUnit unit = (TimeUnit) call.argument(i + 1);
        return Math.max(0L, unit.toNanos(t));
    }

    /**
     * One scheduling point on the receiver; then, until {@code attempt} succeeds, tries it
     * atomically and blocks in the model until the receiver changes (another thread's operation on
     * it) or {@code ready} holds. Returns the attempt's result, or {@link #TIMED_OUT}.
     *
     * @param nanos the timeout, or -1 for none
     */
    static Object retry(
            ExploringInterceptor x,
            LibraryCall call,
            ExploringInterceptor.Body attempt,
            BooleanSupplier ready,
            boolean interruptible,
            long nanos)
            throws Throwable {
        return retry(x, call, attempt, ready, interruptible, nanos, false, null);
    }

    /**
     * As {@link #retry(ExploringInterceptor, LibraryCall, ExploringInterceptor.Body,
     * BooleanSupplier, boolean, long)}; with {@code freedByRelease} a wake orders after the
     * releases up to the first one after which it could go on ({@link
     * RunModel#blockFreedByRelease}) and the caller decides what more it acquires, else after every
     * release so far.
     */
    static Object retry(
            ExploringInterceptor x,
            LibraryCall call,
            ExploringInterceptor.Body attempt,
            BooleanSupplier ready,
            boolean interruptible,
            long nanos,
            boolean freedByRelease)
            throws Throwable {
        return retry(x, call, attempt, ready, interruptible, nanos, freedByRelease, null);
    }

    /**
     * As above, a thread that has to wait joining {@code line} ({@link QueueOrder}; null for none):
     * it tries again only while no thread that blocked before it still waits in the line.
     */
    private static Object retry(
            ExploringInterceptor x,
            LibraryCall call,
            ExploringInterceptor.Body attempt,
            BooleanSupplier ready,
            boolean interruptible,
            long nanos,
            boolean freedByRelease,
            Object line)
            throws Throwable {
        QueueOrder order = line == null ? null : QueueOrder.of(x.run());
        try {
            return retryInLine(
                    x, call, attempt, ready, interruptible, nanos, freedByRelease, line, order);
        } finally {
            if (order != null) {
                order.dequeue(line, x.current());
            }
        }
    }

    private static Object retryInLine(
            ExploringInterceptor x,
            LibraryCall call,
            ExploringInterceptor.Body attempt,
            BooleanSupplier ready,
            boolean interruptible,
            long nanos,
            boolean freedByRelease,
            Object line,
            QueueOrder order)
            throws Throwable {
        ThreadModel me = x.current();
        RunModel r = x.run();
        LockModel k = r.key(call.receiver(), call.site());
        String label = x.label(call.site());
        if (interruptible) {
            ThreadOps.throwIfInterrupted(me);
        }
        r.ops++;
        Coordinator.point(k, Access.UPDATE, label);
        boolean timed = nanos >= 0;
        boolean waiting = false;
        while (true) {
            Object result =
                    waiting && order.behind(line, me)
                            ? WOULD_BLOCK // a thread that blocked before it waits still
                            : LibraryOps.atomically(x, attempt);
            if (result != WOULD_BLOCK) {
                LibraryOps.changed(r, k);
                if (timed) {
                    Coordinator.waitedInTime(); // also when it did not have to wait
                }
                return result;
            }
            if (timed && nanos == 0) {
                return TIMED_OUT;
            }
            if (order != null && !waiting) {
                order.enqueue(line, me, false);
                waiting = true;
            }
            long seen = k.version;
            // freed by a release: only the real state, so that the wake keeps the release that
            // made it ready, not an earlier change of the object
            // in a line: its turn, and the real state ready for it
            BooleanSupplier wake =
                    order != null
                            ? () ->
                                    !order.behind(line, me) && ready.getAsBoolean()
                                            || interruptible && me.interrupted()
                            : freedByRelease
                                    ? () ->
                                            ready.getAsBoolean()
                                                    || interruptible && me.interrupted()
                                    : () ->
                                            k.version != seen
                                                    || ready.getAsBoolean()
                                                    || interruptible && me.interrupted();
            boolean taker =
                    call.receiver() instanceof TransferQueue<?>
                            && (call.name().startsWith("take") || call.name().startsWith("poll"));
            if (taker) {
                k.takers++;
            }
            try {
                if (freedByRelease) {
                    r.blockFreedByRelease(wake, timed, nanos, k, label, RunModel.Timeout.BOUND);
                } else {
                    r.block(wake, timed, nanos, k, label);
                }
            } finally {
                if (taker) {
                    k.takers--;
                }
            }
            if (interruptible) {
                ThreadOps.throwIfInterrupted(me);
            }
            if (timed && !wake.getAsBoolean()) {
                return TIMED_OUT;
            }
        }
    }
}
