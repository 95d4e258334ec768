package example.jdk;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Flow;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.SubmissionPublisher;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Items published with {@code SubmissionPublisher}, whose JDK code delivers them on its executor
 * (the common pool when none is given) and parks a {@code submit} while a subscriber's buffer is
 * full.
 */
public final class PublishedItems {

    private PublishedItems() {}

    /** Sums what it receives, one item requested at a time, and counts down when complete. */
    static final class Summer implements Flow.Subscriber<Integer> {
        final AtomicInteger sum = new AtomicInteger();
        final CountDownLatch complete = new CountDownLatch(1);
        private Flow.Subscription subscription;

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            s.request(1);
        }

        @Override
        public void onNext(Integer item) {
            sum.addAndGet(item);
            subscription.request(1);
        }

        @Override
        public void onError(Throwable failure) {}

        @Override
        public void onComplete() {
            complete.countDown();
        }
    }

    /** Three items on the default executor, summed after the completion signal: correct. */
    public static final class AllDelivered {
        private AllDelivered() {}

        public static void main(String[] args) throws InterruptedException {
            Summer summer = new Summer();
            try (SubmissionPublisher<Integer> publisher = new SubmissionPublisher<>()) {
                publisher.subscribe(summer);
                for (int i = 1; i <= 3; i++) {
                    publisher.submit(i);
                }
            }
            summer.complete.await();
            if (summer.sum.get() != 6) {
                throw new AssertionError("sum " + summer.sum);
            }
        }
    }

    /**
     * Five items through a buffer of two on the common pool: the publisher waits for room, and the
     * subscriber still gets them all.
     */
    public static final class SmallBuffer {
        private SmallBuffer() {}

        public static void main(String[] args) throws InterruptedException {
            Summer summer = new Summer();
            SubmissionPublisher<Integer> publisher =
                    new SubmissionPublisher<>(ForkJoinPool.commonPool(), 2);
            publisher.subscribe(summer);
            for (int i = 1; i <= 5; i++) {
                publisher.submit(i);
            }
            publisher.close();
            summer.complete.await();
            if (summer.sum.get() != 15) {
                throw new AssertionError("sum " + summer.sum);
            }
        }
    }

    /** The sum read right after close, which does not wait for delivery: a bug. */
    public static final class ReadTooEarly {
        private ReadTooEarly() {}

        public static void main(String[] args) {
            Summer summer = new Summer();
            SubmissionPublisher<Integer> publisher = new SubmissionPublisher<>();
            publisher.subscribe(summer);
            publisher.submit(1);
            publisher.submit(2);
            publisher.close();
            if (summer.sum.get() != 3) {
                throw new AssertionError("sum " + summer.sum + " read before delivery");
            }
        }
    }
}
