package example.fields;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;

/**
 * Programs whose two threads touch fields of one object, to tell how the explorer's reductions see
 * fields: each pair of programs differs only in whether the threads share memory.
 */
public final class Fields {

    private Fields() {}

    /** Two volatile fields of one object. */
    static final class Pair {
        volatile int a;
        volatile int b;
    }

    /** Runs {@code other} on a second thread while {@code main} runs here, then joins it. */
    static void together(Runnable other, Runnable main) throws InterruptedException {
        Thread t = new Thread(other, "other");
        t.start();
        main.run();
        t.join();
    }

    /** One thread writes field a, the other field b, of the same object. */
    public static final class DifferentFields {
        public static void main(String[] args) throws InterruptedException {
            Pair p = new Pair();
            together(
                    () -> {
                        p.a = 1;
                        p.a = 2;
                    },
                    () -> {
                        p.b = 1;
                        p.b = 2;
                    });
        }
    }

    /** The same writes, on fields of two objects. */
    public static final class DifferentObjects {
        public static void main(String[] args) throws InterruptedException {
            Pair p = new Pair();
            Pair q = new Pair();
            together(
                    () -> {
                        p.a = 1;
                        p.a = 2;
                    },
                    () -> {
                        q.b = 1;
                        q.b = 2;
                    });
        }
    }

    /** Both threads write the same field. */
    public static final class SameField {
        public static void main(String[] args) throws InterruptedException {
            Pair p = new Pair();
            together(
                    () -> {
                        p.a = 1;
                        p.a = 2;
                    },
                    () -> {
                        p.a = 3;
                        p.a = 4;
                    });
        }
    }

    /** One thread locks the object's monitor, the other writes one of its fields. */
    public static final class MonitorAndField {
        public static void main(String[] args) throws InterruptedException {
            Pair p = new Pair();
            together(
                    () -> {
                        synchronized (p) {
                            p.hashCode();
                        }
                        synchronized (p) {
                            p.hashCode();
                        }
                    },
                    () -> {
                        p.b = 1;
                        p.b = 2;
                    });
        }
    }

    /** The same, with the monitor of another object. */
    public static final class MonitorOfAnother {
        public static void main(String[] args) throws InterruptedException {
            Pair p = new Pair();
            Pair q = new Pair();
            together(
                    () -> {
                        synchronized (q) {
                            q.hashCode();
                        }
                        synchronized (q) {
                            q.hashCode();
                        }
                    },
                    () -> {
                        p.b = 1;
                        p.b = 2;
                    });
        }
    }

    private static final AtomicIntegerFieldUpdater<Pair> A =
            AtomicIntegerFieldUpdater.newUpdater(Pair.class, "a");

    /**
     * A field updater increments field a while the main thread reads it: the updater names no
     * field, so its access must depend on every field of the object. Fails when the main thread
     * sees the increment, which only the order with the update first shows.
     */
    public static final class UpdaterAndField {
        public static void main(String[] args) throws InterruptedException {
            Pair p = new Pair();
            int[] seen = new int[1];
            Pair q = new Pair();
            together(
                    () -> {
                        q.a = 1; // independent steps first, so that only the field's own race
                        q.a = 2; // can bring the update before the read
                        A.incrementAndGet(p);
                    },
                    () -> {
                        q.b = 1;
                        seen[0] = p.a;
                    });
            if (seen[0] == 1) {
                throw new AssertionError("the main thread saw the other thread's increment");
            }
        }
    }

    private static final VarHandle B;

    static {
        try {
            B = MethodHandles.lookup().findVarHandle(Pair.class, "b", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** The same through a {@code VarHandle} on field b. */
    public static final class VarHandleAndField {
        public static void main(String[] args) throws InterruptedException {
            Pair p = new Pair();
            int[] seen = new int[1];
            Pair q = new Pair();
            together(
                    () -> {
                        q.a = 1;
                        q.a = 2;
                        B.getAndAdd(p, 1);
                    },
                    () -> {
                        q.b = 1;
                        seen[0] = p.b;
                    });
            if (seen[0] == 1) {
                throw new AssertionError("the main thread saw the other thread's add");
            }
        }
    }
}
