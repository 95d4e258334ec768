package io.refguard.explore.runtime;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Which thread of an execution may spin while it waits for the baton; every other waiting thread
 * yields its core for a moment ({@link #yieldFor}), then parks. Handing the baton to a spinning
 * thread costs a volatile write and a cache miss (a fraction of a microsecond); waking a parked one
 * costs a futex wake-up and a trip through the OS scheduler (tens of microseconds on a virtual
 * machine). But a spinner occupies a core, and exactly one thread of the execution does useful work
 * at a time, so spinning pays only while a core is free for it: the JVM allows {@link #CAP}
 * spinners, one fewer than the processors, over all explorations (none on one core), and each
 * execution one.
 *
 * <p>The slot goes to the waiting thread most likely to receive the baton next, by {@link
 * Actor#rank}: a thread of the live run ({@link #IN_RUN}, it will be scheduled again) over the
 * driver ({@link #DRIVER}, it waits for the end of the run) over a thread that finished its part of
 * the run ({@link #IDLE}, it waits for a later run). A higher rank takes the slot from a lower one,
 * which notices at its next spin and parks. Spinning is bounded by {@link #SPIN_NANOS} and uses
 * {@link Thread#onSpinWait}; a spinner that gets neither the baton nor displaced in that time
 * parks, so no thread spins once a run or an exploration is over.
 *
 * <p>A free core is an assumption the machine may not grant: when other processes keep the cores
 * busy, the OS deschedules a spinner, and a descheduled spinner that is handed the baton waits for
 * the others' time slices (milliseconds), where a parked thread that is woken is run soon. A
 * spinner that sees the clock jump ({@link #DESCHEDULED_NANOS}) was descheduled; then nobody spins
 * for a while ({@link #BACKOFF_MIN}, doubling while it keeps happening), and every waiting thread
 * yields, then parks.
 */
final class SpinSlot {

    /** Rank of a thread of the live run that waits to be scheduled again (or to start). */
    static final int IN_RUN = 3;

    /** Rank of the driver, waiting for the end of the run. */
    static final int DRIVER = 2;

    /** Rank of a thread that finished its part of the run and waits for a later run. */
    static final int IDLE = 1;

    /** Threads spinning for a baton in this JVM at most: one fewer than the processors. */
    static final int CAP = Math.max(0, Runtime.getRuntime().availableProcessors() - 1);

    /**
     * How long a thread spins for the baton before it parks. Longer than a futex wake-up on a
     * virtual machine, short enough that a spinner whose baton is far away costs little.
     */
    static final long SPIN_NANOS = 50_000;

    /**
     * How long a thread that may not spin yields before it parks ({@link #yieldFor}): about one
     * park and unpark on a virtual machine.
     */
    static final long YIELD_NANOS = 20_000;

    /**
     * A gap this long between two looks at the clock of a spinning thread means the OS took its
     * core away: more threads want the cores than there are, and a spinner only delays the thread
     * that holds the baton (a descheduled spinner that is handed the baton runs again only after
     * the others' time slices, milliseconds on a loaded machine).
     */
    static final long DESCHEDULED_NANOS = 20_000;

    /**
     * How long nobody spins after a spinner was descheduled; doubled, up to {@link #BACKOFF_MAX},
     * when it happens again soon after spinning resumed (the machine stays loaded).
     */
    static final long BACKOFF_MIN = 100_000_000;

    static final long BACKOFF_MAX = 1_600_000_000;

    private static final AtomicInteger SPINNING = new AtomicInteger();

    /** Before this time ({@link System#nanoTime}) no thread claims a slot: the cores are busy. */
    private static volatile long busyUntil = System.nanoTime();

    /** The last pause of spinning, {@link #BACKOFF_MIN} to {@link #BACKOFF_MAX}. */
    private static volatile long backoff = BACKOFF_MIN;

    private static final VarHandle HOLDER;

    static {
        try {
            HOLDER = MethodHandles.lookup().findVarHandle(SpinSlot.class, "holder", Actor.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** The thread (an actor, or the execution's driver token) spinning now, or null. */
    @SuppressWarnings("unused") // accessed through HOLDER
    private volatile Actor holder;

    /**
     * Spins until {@code me} holds the baton of {@code x}, if {@code me} may spin now; returns
     * whether it holds the baton. False: park (or spin again after a wake-up).
     */
    boolean spin(Execution x, Actor me) {
        long start = System.nanoTime();
        if (start - busyUntil < 0 || !claim(me)) {
            return x.running == me;
        }
        try {
            long last = start;
            for (int i = 1; x.running != me; i++) {
                if (HOLDER.getVolatile(this) != me || me.abandoned) {
                    return false; // a thread more likely to be next took the slot
                }
                Thread.onSpinWait();
                if ((i & 15) == 0) {
                    long now = System.nanoTime();
                    if (now - last > DESCHEDULED_NANOS) {
                        backOff(now);
                        return x.running == me;
                    }
                    if (now - start > SPIN_NANOS) {
                        return x.running == me;
                    }
                    last = now;
                }
            }
            return true;
        } finally {
            release(me);
        }
    }

    /**
     * Yields the processor while another thread holds the baton of {@code x}, for at most {@link
     * #YIELD_NANOS}; returns whether {@code me} holds the baton (false: park). For a thread that
     * may not spin (the slot is taken, or spinning is off because spinners were descheduled): a
     * thread that yields gives its core away at once, so it delays nobody, yet it sees a hand-off
     * within a time slice of the OS instead of a wake-up through the scheduler. Measured on the
     * 2-core build machine ({@code ThroughputMain}, four alternating rounds): 16,500 runs/s
     * without, 23,000 with 10 or 20 µs of yielding, 18,000 with 50 µs.
     */
    static boolean yieldFor(Execution x, Actor me) {
        long end = System.nanoTime() + YIELD_NANOS;
        while (x.running != me && !me.abandoned) {
            if (System.nanoTime() - end > 0) {
                return false;
            }
            Thread.yield();
        }
        return x.running == me;
    }

    /**
     * A spinner was descheduled at {@code now}: nobody spins for a while (shared, racy: a hint).
     */
    private static void backOff(long now) {
        long b = backoff;
        b = now - busyUntil < b ? Math.min(b * 2, BACKOFF_MAX) : BACKOFF_MIN;
        backoff = b;
        busyUntil = now + b;
    }

    /** Whether threads may spin now: no spinner was descheduled lately. */
    static boolean spinningAllowed() {
        return System.nanoTime() - busyUntil >= 0;
    }

    private boolean claim(Actor me) {
        Actor cur = (Actor) HOLDER.getVolatile(this);
        if (cur == null) {
            if (!reserve()) {
                return false;
            }
            if (HOLDER.compareAndSet(this, null, me)) {
                return true;
            }
            SPINNING.decrementAndGet();
            return false;
        }
        // taking the slot over keeps the JVM-wide reservation of its holder
        return cur.rank < me.rank && HOLDER.compareAndSet(this, cur, me);
    }

    private void release(Actor me) {
        if (HOLDER.compareAndSet(this, me, null)) {
            SPINNING.decrementAndGet();
        }
    }

    private static boolean reserve() {
        while (true) {
            int n = SPINNING.get();
            if (n >= CAP) {
                return false;
            }
            if (SPINNING.compareAndSet(n, n + 1)) {
                return true;
            }
        }
    }

    /** Threads spinning for a baton in this JVM now; for tests that no thread is left spinning. */
    static int spinning() {
        return SPINNING.get();
    }
}
