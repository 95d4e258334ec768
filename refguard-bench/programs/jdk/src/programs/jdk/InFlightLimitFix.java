package programs.jdk;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.AbstractQueuedSynchronizer;

/** At most two uploads in flight, limited by a permit gate the program builds on AQS. */
public class InFlightLimitFix {
    static final class Gate extends AbstractQueuedSynchronizer {
        Gate(int permits) { setState(permits); }
        @Override protected int tryAcquireShared(int n) {
            while (true) {                           // FIX: take the permit with a compare-and-set
                int now = getState(), left = now - n;
                if (left < 0 || compareAndSetState(now, left)) return left;
            }
        }
        @Override protected boolean tryReleaseShared(int n) {
            while (true) { int now = getState(); if (compareAndSetState(now, now + n)) return true; }
        }
    }

    public static void main(String[] args) throws Exception {
        Gate gate = new Gate(2);
        AtomicInteger inFlight = new AtomicInteger();
        Runnable upload = () -> {
            gate.acquireShared(1);
            try {
                if (inFlight.incrementAndGet() > 2) throw new AssertionError("more than two uploads in flight");
                inFlight.decrementAndGet();
            } finally { gate.releaseShared(1); }
        };
        Thread[] ts = { new Thread(upload), new Thread(upload), new Thread(upload) };
        for (Thread t : ts) t.start();
        for (Thread t : ts) t.join();
    }
}
