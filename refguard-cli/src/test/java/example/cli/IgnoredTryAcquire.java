package example.cli;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * A reader waits 5 ms for a permit the loader holds and ignores whether it got it: when the loader
 * is slow, the reader releases a permit it never took. Found only when the short timeout may expire
 * while the loader could still go on ({@code --timeouts early}).
 */
public final class IgnoredTryAcquire {

    private IgnoredTryAcquire() {}

    public static void main(String[] args) throws InterruptedException {
        Semaphore gate = new Semaphore(1);
        gate.acquire();
        Thread loader = new Thread(gate::release, "loader");
        loader.start();
        gate.tryAcquire(5, TimeUnit.MILLISECONDS); // BUG: the result is ignored
        gate.release();
        loader.join();
        if (gate.availablePermits() != 1) {
            throw new AssertionError("permits leaked: " + gate.availablePermits());
        }
    }
}
