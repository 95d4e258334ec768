package programs.jdk;

import java.util.concurrent.Flow;
import java.util.concurrent.SubmissionPublisher;
import java.util.concurrent.atomic.AtomicLong;

/** A price feed fanned out with SubmissionPublisher to an indexer that keeps a running volume. */
public class FeedFanOutBug {
    static final class Indexer implements Flow.Subscriber<Long> {
        final AtomicLong volume = new AtomicLong();
        final java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(1);
        Flow.Subscription s;
        public void onSubscribe(Flow.Subscription s) { this.s = s; s.request(1); }
        public void onNext(Long v) { volume.addAndGet(v); s.request(1); }
        public void onError(Throwable t) { done.countDown(); }
        public void onComplete() { done.countDown(); }
    }

    public static void main(String[] args) throws Exception {
        Indexer indexer = new Indexer();
        try (SubmissionPublisher<Long> feed = new SubmissionPublisher<>()) {
            feed.subscribe(indexer);
            feed.submit(100L);
            feed.submit(250L);
        }                                            // BUG: close() does not wait for delivery
        if (indexer.volume.get() != 350) throw new AssertionError("volume " + indexer.volume + " at close");
    }
}
