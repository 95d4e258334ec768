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
}
