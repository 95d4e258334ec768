package io.refguard.swap;

import io.refguard.Ref;
import io.refguard.RefCounted;
import io.refguard.hook.Access;
import io.refguard.hook.Hooks;
import io.refguard.hook.SchedulingHook;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Objects;

/**
 * Holds the current snapshot of a reference-counted resource and replaces it while readers use it,
 * in the manner of Lucene's {@code ReferenceManager} and the reference-counted reader reload of
 * git's reftable stack.
 *
 * <pre>{@code
 * HotSwap<Index> index = new HotSwap<>(new Index(files));   // takes the creator's reference
 * try (Ref<Index> r = index.acquire()) { search(r.get()); }  // readers
 * index.swap(new Index(newFiles));                           // writer: old one lives on until
 *                                                            // its last reader closes
 * }</pre>
 *
 * <p>The manager owns one reference to the current snapshot. {@link #swap} publishes the next
 * snapshot and then closes the manager's reference to the previous one, which is freed when its
 * last reader closes. {@link #acquire()} never returns a dead snapshot: it takes a reference with
 * get-unless-zero ({@link RefCounted#tryAcquire()}) and, if the snapshot died under it (a swap
 * published a successor and the last reader closed), re-reads the current snapshot and retries. It
 * may return the snapshot a concurrent swap is replacing; that snapshot is alive and stays so until
 * the returned reference is closed.
 *
 * <p>Concurrency: {@code acquire} is lock-free; a retry happens only when a swap completed in
 * between, so it makes progress whenever swaps are finite. The publish is a compare-and-set of the
 * current slot (a volatile write), so a reader that sees the new snapshot sees everything its
 * writer did before {@code swap}. Reads and the exchange are scheduling points for the interleaving
 * explorer.
 *
 * @param <T> the snapshot type
 */
public final class HotSwap<T extends RefCounted<T>> implements AutoCloseable {

    private static final VarHandle CURRENT;

    static {
        try {
            CURRENT = MethodHandles.lookup().findVarHandle(HotSwap.class, "current", Slot.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** The current snapshot and the manager's reference to it; null once closed. */
    @SuppressWarnings("unused") // accessed through CURRENT
    private volatile Slot<T> current;

    /**
     * Creates a manager whose first snapshot is {@code initial}.
     *
     * @param initial a reference whose ownership passes to the manager: a new object (its creator's
     *     reference) or a reference acquired for the purpose
     */
    public HotSwap(Ref<T> initial) {
        CURRENT.setVolatile(this, new Slot<>(Objects.requireNonNull(initial, "initial")));
    }

    /**
     * A reference to the current snapshot; close it when done.
     *
     * @throws IllegalStateException when the manager is closed
     */
    public Ref<T> acquire() {
        SchedulingHook h = Hooks.scheduling();
        Slot<T> seen = null;
        for (; ; ) {
            if (h != null) {
                h.beforeAccess(this, Access.READ, "hotswap-read");
            }
            @SuppressWarnings("unchecked")
            Slot<T> slot = (Slot<T>) CURRENT.getVolatile(this);
            if (slot == null) {
                throw new IllegalStateException(
                        "refguard: acquire() on a closed HotSwap; acquire snapshots only"
                                + " while the manager is open");
            }
            Ref<T> r = slot.value.tryAcquire();
            if (r != null) {
                return r;
            }
            if (slot == seen) {
                // The manager's own reference keeps the current snapshot alive, so it cannot be
                // dead twice in a row unless someone closed a reference the manager owns.
                throw new IllegalStateException(
                        "refguard: the current snapshot "
                                + slot.value.getClass().getSimpleName()
                                + " of a HotSwap is dead while still published: a reference owned by the manager was"
                                + " closed elsewhere. Do not close the reference passed to the constructor or swap().");
            }
            seen = slot;
        }
    }

    /**
     * Publishes {@code next} as the current snapshot and closes the manager's reference to the
     * previous one.
     *
     * @param next a reference whose ownership passes to the manager
     * @throws IllegalStateException when the manager is closed; {@code next} is closed then
     */
    public void swap(Ref<T> next) {
        Objects.requireNonNull(next, "next");
        Slot<T> fresh = new Slot<>(next);
        SchedulingHook h = Hooks.scheduling();
        for (; ; ) {
            if (h != null) {
                h.beforeAccess(this, Access.READ, "hotswap-read");
            }
            @SuppressWarnings("unchecked")
            Slot<T> old = (Slot<T>) CURRENT.getVolatile(this);
            if (old == null) {
                next.close();
                throw new IllegalStateException(
                        "refguard: swap() on a closed HotSwap; the new snapshot was closed");
            }
            if (h != null) {
                h.beforeAccess(this, Access.UPDATE, "hotswap-swap");
            }
            if (CURRENT.compareAndSet(this, old, fresh)) {
                old.owner.close();
                return;
            }
        }
    }

    /** Whether {@link #close()} has run. */
    public boolean isClosed() {
        return CURRENT.getVolatile(this) == null;
    }

    /** Closes the manager's reference to the current snapshot. Idempotent. */
    @Override
    public void close() {
        SchedulingHook h = Hooks.scheduling();
        if (h != null) {
            h.beforeAccess(this, Access.UPDATE, "hotswap-close");
        }
        @SuppressWarnings("unchecked")
        Slot<T> old = (Slot<T>) CURRENT.getAndSet(this, (Slot<T>) null);
        if (old != null) {
            old.owner.close();
        }
    }

    /**
     * A published snapshot: the object, and the manager's reference to it. Readers use {@link
     * #value} directly (never {@code owner.get()}), because the owner reference may be closed by a
     * concurrent swap while they read.
     */
    private static final class Slot<T extends RefCounted<T>> {
        final T value;
        final Ref<T> owner;

        Slot(Ref<T> owner) {
            this.owner = owner;
            this.value = owner.get();
        }
    }
}
