package example.corpus;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongFieldUpdater;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

/** Atomic classes, a field updater and VarHandles on a field, a static field and an array. */
public class Atomics implements Callable<Object> {
    static final AtomicLongFieldUpdater<Atomics> UPDATER =
            AtomicLongFieldUpdater.newUpdater(Atomics.class, "updated");
    static final VarHandle FIELD;
    static final VarHandle STATIC_FIELD;
    static final VarHandle CELLS = MethodHandles.arrayElementVarHandle(int[].class);

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            FIELD = lookup.findVarHandle(Atomics.class, "viaHandle", int.class);
            STATIC_FIELD = lookup.findStaticVarHandle(Atomics.class, "shared", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    static long shared;
    final AtomicInteger ai = new AtomicInteger();
    final AtomicLong al = new AtomicLong();
    final AtomicBoolean ab = new AtomicBoolean();
    final AtomicReference<String> ar = new AtomicReference<>("a");
    final AtomicIntegerArray arr = new AtomicIntegerArray(4);
    final LongAdder adder = new LongAdder();
    final int[] cells = new int[4];
    volatile long updated;
    volatile int viaHandle;

    @Override
    public Object call() {
        shared = 0; // every call starts afresh, also when the class is reused
        ai.incrementAndGet(); // site: ai-inc
        boolean swapped = ai.compareAndSet(1, 5); // site: ai-cas
        int a = ai.get(); // site: ai-get
        long l = al.addAndGet(10); // site: al-add
        ab.set(true); // site: ab-set
        String old = ar.getAndSet("x"); // site: ar-swap
        int prev = arr.getAndAdd(2, 3); // site: arr-add
        adder.add(4); // site: adder-add
        long sum = adder.sum(); // site: adder-sum
        long u = UPDATER.incrementAndGet(this); // site: updater-inc
        boolean vh = FIELD.compareAndSet(this, 0, 9); // site: vh-cas
        CELLS.setVolatile(cells, 1, 6); // site: cells-set
        int v = (int) FIELD.getVolatile(this); // site: vh-get
        STATIC_FIELD.getAndAdd(3L); // site: static-add
        return swapped
                + ":"
                + a
                + ":"
                + l
                + ":"
                + ab.get()
                + ":"
                + old
                + ":"
                + prev
                + ":"
                + arr.get(2)
                + ":"
                + sum
                + ":"
                + u
                + ":"
                + vh
                + ":"
                + cells[1]
                + ":"
                + v
                + ":"
                + (long) STATIC_FIELD.getVolatile();
    }
}
