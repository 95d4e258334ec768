package example.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Waits up to 500 ms for a connector and fails its own assertion when the wait expires: a safety
 * net, not a bug. Under {@code --timeouts safety-nets} the runs in which the wait expired early are
 * counted, not reported; under {@code --timeouts early} they are failures.
 */
public final class ConnectTimeout {

    private ConnectTimeout() {}

    public static void main(String[] args) throws InterruptedException {
        CountDownLatch connected = new CountDownLatch(1);
        Thread connector = new Thread(connected::countDown, "connector");
        connector.start();
        if (!connected.await(500, TimeUnit.MILLISECONDS)) {
            throw new AssertionError("connect timed out");
        }
        connector.join();
    }
}
