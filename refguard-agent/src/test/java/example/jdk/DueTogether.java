package example.jdk;

import java.util.concurrent.DelayQueue;
import java.util.concurrent.Delayed;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Two timeouts due at the same moment: a worker takes a job from a {@code DelayQueue} when it is
 * due at 30 ms, while the main thread polls the queue's size every 10 ms and reads the worker's
 * count as soon as the queue is empty. At 30 ms the main thread's sleep ends too, so it may look
 * after the worker took the job but before it counted it. The fix joins the worker first.
 */
public final class DueTogether {

    static final class Job implements Delayed {
        final long dueNanos = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(30);

        @Override
        public long getDelay(TimeUnit unit) {
            return unit.convert(dueNanos - System.nanoTime(), TimeUnit.NANOSECONDS);
        }

        @Override
        public int compareTo(Delayed o) {
            return Long.compare(dueNanos, ((Job) o).dueNanos);
        }
    }

    static void run(boolean join) throws InterruptedException {
        DelayQueue<Job> jobs = new DelayQueue<>();
        AtomicInteger handled = new AtomicInteger();
        jobs.add(new Job());
        Thread worker =
                new Thread(
                        () -> {
                            try {
                                jobs.take();
                                handled.incrementAndGet();
                            } catch (InterruptedException e) {
                                throw new IllegalStateException(e);
                            }
                        },
                        "worker");
        worker.start();
        while (!jobs.isEmpty()) {
            Thread.sleep(10);
        }
        if (join) {
            worker.join();
        }
        if (handled.get() != 1) {
            throw new AssertionError("the queue is empty, but handled " + handled.get() + " jobs");
        }
        worker.join();
    }

    private DueTogether() {}

    public static void main(String[] args) throws InterruptedException {
        run(false);
    }

    /** The fix: join the worker before reading its count. */
    public static final class Fixed {
        private Fixed() {}

        public static void main(String[] args) throws InterruptedException {
            run(true);
        }
    }
}
