package example.corpus;

import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Shapes the splitter and the helpers must get right: wide arguments and results, a static
 * synchronized method with a loop at its start, interface default and static methods with monitors
 * and atomics, and wait/notify misuse that must fail exactly as before.
 */
public class Shapes implements Callable<Object> {

    interface Counter {
        AtomicInteger COUNT = new AtomicInteger();

        default int bump(Object lock) {
            synchronized (lock) {
                return COUNT.incrementAndGet();
            }
        }

        static int twice(Object lock) {
            synchronized (lock) {
                return 2 * COUNT.get();
            }
        }
    }

    static final class Impl implements Counter {}

    private final Object lock = new Object();
    private double weight = 1.5;

    synchronized double mix(long a, double b, int c, Object d, long e) {
        weight += b;
        return a + weight + c + (d == null ? 0 : 1) + e;
    }

    static synchronized long sumTo(int n) {
        long s = 0;
        for (int k = 0; k < n; k++) {
            s += k;
        }
        return s;
    }

    synchronized long throwsChecked(boolean fail) throws Exception {
        if (fail) {
            throw new Exception("checked, from a synchronized method");
        }
        return 1L;
    }

    String misuse() {
        StringBuilder out = new StringBuilder();
        try {
            lock.wait(1);
        } catch (IllegalMonitorStateException | InterruptedException e) {
            out.append(e.getClass().getSimpleName());
        }
        try {
            lock.notifyAll();
        } catch (IllegalMonitorStateException e) {
            out.append("+notifyAll");
        }
        try {
            synchronized (lock) {
                lock.wait(-1);
            }
        } catch (IllegalArgumentException | InterruptedException e) {
            out.append("+negative");
        }
        return out.toString();
    }

    @Override
    public Object call() throws Exception {
        Counter.COUNT.set(0);
        Impl impl = new Impl();
        int bumps = impl.bump(lock) + impl.bump(lock);
        String failed;
        try {
            throwsChecked(true);
            failed = "no";
        } catch (Exception e) {
            failed = e.getMessage() + ":" + Thread.holdsLock(this);
        }
        return mix(1L, 2.5, 3, null, 4L)
                + ":"
                + sumTo(100)
                + ":"
                + bumps
                + ":"
                + Counter.twice(lock)
                + ":"
                + failed
                + ":"
                + throwsChecked(false)
                + ":"
                + misuse();
    }
}
