package io.refguard.explore.sync;

import io.refguard.explore.Coordinator;
import io.refguard.explore.Named;
import io.refguard.hook.Access;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A shared reference whose every operation is a scheduling point: a field of a linked structure or
 * the head of a lock-free stack. {@code compareAndSet} compares by identity. Outside an exploration
 * it is a plain {@link AtomicReference}.
 *
 * @param <T> the referenced type
 */
public final class SharedRef<T> implements Named {

    private final String name;
    private final String getLabel;
    private final String setLabel;
    private final String casLabel;
    private final String swapLabel;
    private final AtomicReference<T> value;

    /** A shared reference named {@code name} in reports, starting at {@code initial}. */
    public SharedRef(String name, T initial) {
        this.name = name;
        this.getLabel = name + ".get";
        this.setLabel = name + ".set";
        this.casLabel = name + ".compareAndSet";
        this.swapLabel = name + ".getAndSet";
        this.value = new AtomicReference<>(initial);
    }

    /** Reads the reference. */
    public T get() {
        Coordinator.point(this, Access.READ, getLabel);
        return value.get();
    }

    /** Writes the reference. */
    public void set(T v) {
        Coordinator.point(this, Access.WRITE, setLabel);
        value.set(v);
    }

    /**
     * Sets the reference to {@code update} if it is (identically) {@code expect}; one atomic step.
     */
    public boolean compareAndSet(T expect, T update) {
        Coordinator.point(this, Access.UPDATE, casLabel);
        if (value.compareAndSet(expect, update)) {
            return true;
        }
        Coordinator.updateFailed(); // a failed compare-and-set only read: a retry loop spins
        return false;
    }

    /** Sets the reference and returns the previous one; one atomic step. */
    public T getAndSet(T v) {
        Coordinator.point(this, Access.UPDATE, swapLabel);
        return value.getAndSet(v);
    }

    /** The reference, read without a scheduling point: for invariants, checks and snapshots. */
    public T peek() {
        return value.get();
    }

    /** Writes without a scheduling point: for setup and snapshot copies only. */
    public void poke(T v) {
        value.set(v);
    }

    @Override
    public String reportName() {
        return name;
    }

    @Override
    public String toString() {
        return name;
    }
}
