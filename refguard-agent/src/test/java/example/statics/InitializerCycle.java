package example.statics;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Two classes whose static initializers use each other, first used by two threads at once: each
 * thread initializes one class and then waits for the other thread to finish initializing the
 * other, a deadlock the JVM has too (JVMS 5.5).
 */
public final class InitializerCycle {

    static final AtomicInteger STEPS = new AtomicInteger();

    /** A scheduling point (code an initializer calls has them): the other thread may go on. */
    static void step() {
        STEPS.incrementAndGet();
    }

    static final class Left {
        static final int VALUE;

        static {
            step();
            VALUE = Right.VALUE + 1;
        }
    }

    static final class Right {
        static final int VALUE;

        static {
            step();
            VALUE = Left.VALUE + 1;
        }
    }

    private InitializerCycle() {}

    public static void main(String[] args) throws InterruptedException {
        int[] seen = new int[2];
        Thread a = new Thread(() -> seen[0] = Left.VALUE, "left");
        Thread b = new Thread(() -> seen[1] = Right.VALUE, "right");
        a.start();
        b.start();
        a.join();
        b.join();
    }

    /**
     * The same cycle with initializers that have no scheduling point of their own: the thread that
     * initializes one class may be preempted just before it initializes the other, and the other
     * thread may start that one first. With {@code fixed}, both threads use {@code Low} first, so
     * one initializes both classes and the other waits.
     */
    public static final class Silent {
        static final class High {
            static final int VALUE = Low.VALUE + 1;
        }

        static final class Low {
            static final int VALUE = High.VALUE + 1;
        }

        public static void main(String[] args) throws InterruptedException {
            boolean fixed = args.length > 0;
            int[] seen = new int[2];
            Thread a = new Thread(() -> seen[0] = Low.VALUE, "low");
            Thread b =
                    new Thread(() -> seen[1] = fixed ? Low.VALUE + High.VALUE : High.VALUE, "high");
            a.start();
            b.start();
            a.join();
            b.join();
        }
    }
}
