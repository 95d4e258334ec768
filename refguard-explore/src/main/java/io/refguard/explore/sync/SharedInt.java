package io.refguard.explore.sync;

import io.refguard.explore.Coordinator;
import io.refguard.explore.Named;
import io.refguard.hook.Access;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A shared {@code int} whose every operation is a scheduling point, for writing scenarios by hand
 * (like loom's mocked atomics). Each operation is atomic by itself; races come from combining them,
 * as in {@code set(get() + 1)}. Outside an exploration it is a plain {@link AtomicInteger}.
 */
public final class SharedInt implements Named {

    private final String name;
    private final String getLabel;
    private final String setLabel;
    private final String casLabel;
    private final String addLabel;
    private final AtomicInteger value;

    /** A shared int named {@code name} in reports, starting at {@code initial}. */
    public SharedInt(String name, int initial) {
        this.name = name;
        this.getLabel = name + ".get";
        this.setLabel = name + ".set";
        this.casLabel = name + ".compareAndSet";
        this.addLabel = name + ".getAndAdd";
        this.value = new AtomicInteger(initial);
    }

    /** Reads the value. */
    public int get() {
        Coordinator.point(this, Access.READ, getLabel);
        return value.get();
    }

    /** Writes the value. */
    public void set(int v) {
        Coordinator.point(this, Access.WRITE, setLabel);
        value.set(v);
    }

    /** Sets the value to {@code update} if it is {@code expect}; one atomic step. */
    public boolean compareAndSet(int expect, int update) {
        Coordinator.point(this, Access.UPDATE, casLabel);
        if (value.compareAndSet(expect, update)) {
            return true;
        }
        Coordinator.updateFailed(); // a failed compare-and-set only read: a retry loop spins
        return false;
    }

    /** Adds {@code delta} and returns the previous value; one atomic step. */
    public int getAndAdd(int delta) {
        Coordinator.point(this, Access.UPDATE, addLabel);
        return value.getAndAdd(delta);
    }

    /** Adds one and returns the new value; one atomic step. */
    public int incrementAndGet() {
        return getAndAdd(1) + 1;
    }

    /** The value, read without a scheduling point: for invariants and checks. */
    public int peek() {
        return value.get();
    }

    @Override
    public String reportName() {
        return name;
    }

    @Override
    public String toString() {
        return name + "=" + value.get();
    }
}
