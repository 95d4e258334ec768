package programs.jdk;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** PermitUnreadBug whose poller skips this round when it did not get the permit in time. */
public class PermitUnreadFix {
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
                if (permit) read("poller");
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
