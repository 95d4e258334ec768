package example.jdk;

import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A thread waits at a barrier of two; main resets it once the thread waits, as a coordinator that
 * gives up on a round does. The JDK breaks the waiting thread's generation: its {@code await}
 * throws {@code BrokenBarrierException}. The barrier is whole again after the reset: main and the
 * thread then meet at it.
 */
public final class BarrierReset {

    private BarrierReset() {}

    public static void main(String[] args) throws Exception {
        CyclicBarrier barrier = new CyclicBarrier(2);
        AtomicInteger broken = new AtomicInteger();
        Thread waiter =
                new Thread(
                        () -> {
                            try {
                                barrier.await();
                            } catch (BrokenBarrierException e) {
                                broken.incrementAndGet();
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                                return;
                            }
                            try {
                                barrier.await(); // the next round, after the reset
                            } catch (BrokenBarrierException | InterruptedException e) {
                                throw new IllegalStateException(e);
                            }
                        },
                        "waiter");
        waiter.start();
        while (barrier.getNumberWaiting() == 0) {
            Thread.yield();
        }
        barrier.reset();
        barrier.await();
        waiter.join();
        if (broken.get() != 1 || barrier.isBroken()) {
            throw new AssertionError(
                    "the waiter saw "
                            + broken
                            + " broken rounds; broken now "
                            + barrier.isBroken());
        }
    }
}
