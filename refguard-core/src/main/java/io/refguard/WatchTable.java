package io.refguard;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.lang.ref.Reference;
import java.lang.ref.ReferenceQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The GC backstop's watch list: it holds every open tracked reference's {@link RefState} (a weak
 * reference to the reference's handle) strongly, so that the JVM enqueues the state on {@link
 * #QUEUE} once the handle becomes unreachable; the next tracked reference to be watched, or the
 * next leak scope to close, reports it as a leak if it is still open ({@link #reportCollected}).
 *
 * <p>Why no thread of its own: a thread that waits on the queue for good is a thread no scheduler
 * can end, so a controlled scheduler that runs a program using tracked references (Fray, for one)
 * counts it as deadlocked once the program's own threads finish. Polling costs the watching thread
 * two volatile reads while nothing is queued; Netty's leak detector polls its queue on each new
 * tracked buffer the same way. The price is that a leak is reported at the next tracked acquire or
 * scope close after the collection that found it, not at once.
 *
 * <p>Why not {@link java.lang.ref.Cleaner}: a cleaner allocates a cleanable per handle and takes
 * one global lock to register it and again to clean it; measured on the build machine (JDK 17),
 * register plus clean cost about 95 ns over the handle's own allocation, most of the checker's cost
 * per handle besides capturing its site. Here the state itself is the weak reference, and the table
 * is lock-free: it is split into stripes chosen by the calling thread, each a chain of fixed-size
 * chunks; a state claims an empty slot with one compare-and-set and gives it back with another.
 * Closing does not {@link java.lang.ref.Reference#clear() clear} the weak reference (a native call
 * of about 30 ns there): a state taken out of the table is unreachable together with its handle,
 * and so never enqueued; if a report still holds it when the handle dies, it is enqueued and
 * ignored, because it is closed.
 *
 * <p>Slots are reused as soon as they are given back; a stripe grows by a chunk only when every
 * slot of every chunk it has holds an open reference, so its size follows the peak number of open
 * references of the threads that share it.
 */
final class WatchTable {

    /** Where the JVM enqueues the state of a handle that became unreachable. */
    static final ReferenceQueue<Object> QUEUE = new ReferenceQueue<>();

    private static final int CHUNK = 128; // a power of two
    private static final Stripe[] STRIPES = new Stripe[stripes()];

    private static final VarHandle STRIPE_SLOT =
            MethodHandles.arrayElementVarHandle(Stripe[].class);

    /** Set while a thread reports collected states; others, and a listener's own acquires, skip. */
    private static final AtomicBoolean REPORTING = new AtomicBoolean();

    private WatchTable() {}

    /**
     * Watches {@code state} until {@link #unwatch}: reported by the backstop if its handle dies.
     */
    static void watch(RefState state) {
        reportCollected();
        Stripe stripe = stripe();
        Chunk c = stripe.current;
        int from = stripe.hint;
        int seen = 0;
        for (; ; ) {
            int i = c.claim(from, state);
            if (i >= 0) {
                state.watchedIn = c;
                state.watchedAt = i;
                if (stripe.current != c) {
                    stripe.current = c; // rarely: a chunk filled up
                }
                stripe.hint = i + 1;
                return;
            }
            seen++;
            Chunk next = c.next;
            if (next == null) {
                // the last chunk is full: look through the chain once more from its first chunk,
                // and grow it only when every chunk was full
                next = seen < stripe.chunks ? stripe.first : stripe.append(c);
            }
            c = next;
            from = 0;
        }
    }

    /**
     * Stops watching {@code state}, released by the close that won it: a release store, no
     * compare-and-set. Its slot still holds it, since only this close and the backstop's report of
     * a dead handle take a state out, and a handle that is being closed is not dead.
     */
    static void unwatchReleased(RefState state) {
        Chunk c = state.watchedIn;
        if (c != null && c.slots.getPlain(state.watchedAt) == state) {
            c.slots.setRelease(state.watchedAt, null);
        }
    }

    /** Stops watching {@code state}; a no-op if it was not watched or no longer is. */
    static void unwatch(RefState state) {
        Chunk c = state.watchedIn;
        if (c != null) {
            c.slots.compareAndSet(state.watchedAt, state, null);
        }
    }

    /** How many states are watched now; for tests. */
    static int watched() {
        return count(true);
    }

    /** How many slots all stripes have, empty or not; for tests. */
    static int capacity() {
        return count(false);
    }

    private static int count(boolean occupiedOnly) {
        int n = 0;
        for (int s = 0; s < STRIPES.length; s++) {
            Stripe stripe = (Stripe) STRIPE_SLOT.getVolatile(STRIPES, s);
            for (Chunk c = stripe == null ? null : stripe.first; c != null; c = c.next) {
                for (int i = 0; i < CHUNK; i++) {
                    if (!occupiedOnly || c.slots.get(i) != null) {
                        n++;
                    }
                }
            }
        }
        return n;
    }

    private static Stripe stripe() {
        int h = Thread.currentThread().hashCode();
        int s = (h ^ (h >>> 16)) & (STRIPES.length - 1);
        Stripe stripe = (Stripe) STRIPE_SLOT.getAcquire(STRIPES, s);
        if (stripe == null) {
            Stripe fresh = new Stripe();
            Stripe won = (Stripe) STRIPE_SLOT.compareAndExchange(STRIPES, s, null, fresh);
            stripe = won == null ? fresh : won;
        }
        return stripe;
    }

    /** Twice the processors, rounded up to a power of two, at most 64. */
    private static int stripes() {
        int want = Math.min(64, 2 * Runtime.getRuntime().availableProcessors());
        return Integer.highestOneBit(Math.max(1, want - 1)) << 1;
    }

    /**
     * Reports every state the JVM has enqueued so far that is still open, on the calling thread.
     * Never blocks, never throws. One thread reports at a time; a leak listener that acquires a
     * tracked reference does not report again from inside the listener.
     */
    static void reportCollected() {
        if (REPORTING.get()) {
            return;
        }
        Reference<?> dead = QUEUE.poll();
        if (dead == null) {
            return;
        }
        if (!REPORTING.compareAndSet(false, true)) {
            report(dead); // another thread began meanwhile: report this one, it reports the rest
            return;
        }
        try {
            do {
                report(dead);
            } while ((dead = QUEUE.poll()) != null);
        } finally {
            REPORTING.set(false);
        }
    }

    private static void report(Reference<?> dead) {
        RefState state = (RefState) dead;
        unwatch(state);
        try {
            state.run();
        } catch (Throwable t) {
            // RefState.run never throws; this only keeps the caller's acquire or close intact
        }
    }

    /** The chunks of the threads whose hash selects this stripe. */
    private static final class Stripe {
        final Chunk first = new Chunk();

        /**
         * The chunk of the last claim, and the slot after it: where the next claim starts. Both are
         * hints, written and read racily (no fence on the acquire path): any chunk of the stripe
         * and any slot are valid starts, and a chunk's fields are final or volatile.
         */
        Chunk current = first;

        int hint; // racy: any value is a valid start

        volatile int chunks = 1;

        /** Appends a chunk after {@code last}, or returns the one another thread appended. */
        synchronized Chunk append(Chunk last) {
            if (last.next == null) {
                last.next = new Chunk();
                chunks++;
            }
            return last.next;
        }
    }

    static final class Chunk {
        final AtomicReferenceArray<RefState> slots = new AtomicReferenceArray<>(CHUNK);
        volatile Chunk next;

        /** Puts {@code state} into the first empty slot from {@code from} on: its index, or -1. */
        int claim(int from, RefState state) {
            for (int k = 0; k < CHUNK; k++) {
                int i = (from + k) & (CHUNK - 1);
                if (slots.getPlain(i) == null && slots.compareAndSet(i, null, state)) {
                    return i;
                }
            }
            return -1;
        }
    }
}
