package example.jdk;

import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;

/**
 * Two workers publish a partial result and meet at a {@code CyclicBarrier} whose action adds the
 * parts. One worker publishes after {@code await}, so the action may add a part not yet written.
 * The fix publishes before awaiting.
 */
public final class BarrierTotal {

    static volatile int left;
    static volatile int right;
    static volatile int total;

    static void run(boolean publishFirst) throws Exception {
        left = 0;
        right = 0;
        total = 0;
        CyclicBarrier barrier = new CyclicBarrier(2, () -> total = left + right); // site: action
        Thread a =
                new Thread(
                        () -> {
                            left = 1;
                            await(barrier);
                        },
                        "a");
        Thread b =
                new Thread(
                        () -> {
                            if (publishFirst) {
                                right = 2;
                                await(barrier);
                            } else {
                                await(barrier); // site: await
                                right = 2; // site: late
                            }
                        },
                        "b");
        a.start();
        b.start();
        a.join();
        b.join();
        if (total != 3) {
            throw new AssertionError("total " + total + ", expected 3");
        }
    }

    static void await(CyclicBarrier barrier) {
        try {
            barrier.await();
        } catch (InterruptedException | BrokenBarrierException e) {
            throw new IllegalStateException(e);
        }
    }

    private BarrierTotal() {}

    public static void main(String[] args) throws Exception {
        run(false);
    }

    /** The fix: publish, then await. */
    public static final class Fixed {
        private Fixed() {}

        public static void main(String[] args) throws Exception {
            run(true);
        }
    }
}
