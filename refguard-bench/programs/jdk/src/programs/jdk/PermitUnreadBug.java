package programs.jdk;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A sensor is read by one thread at a time, guarded by a one-permit semaphore. A poller waits up to
 * 5 ms for the permit and keeps the answer, but reads the sensor before it looks at that answer:
 * when calibration holds the permit longer, the poller reads during calibration.
 */
public class PermitUnreadBug {
    static final Semaphore sensor = new Semaphore(1);
    static final AtomicInteger readers = new AtomicInteger();

    static void read(String who) {
        if (readers.incrementAndGet() != 1) throw new AssertionError(who + " read during calibration");
        readers.decrementAndGet();
    }

    public static void main(String[] args) throws Exception {
        sensor.acquire();
        readers.incrementAndGet(); // calibrating
        Thread poller = new Thread(() -> {
            boolean permit = false;
            try {
                permit = sensor.tryAcquire(5, TimeUnit.MILLISECONDS);
                read("poller"); // BUG: reads whether or not it got the permit
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                if (permit) sensor.release();
            }
        }, "poller");
        poller.start();
        readers.decrementAndGet(); // calibrated
        sensor.release();
        poller.join();
    }
}
