package example.jdk;

import java.util.concurrent.DelayQueue;
import java.util.concurrent.Delayed;
import java.util.concurrent.TimeUnit;

/**
 * Jobs due after a delay, computed from {@code System.nanoTime}, in a {@code DelayQueue}: a
 * producer adds a job due in 100 ms and one due in 200 ms, and a consumer must take them in due
 * order, no earlier than due (on the virtual clock; nothing really waits). (Were the later job
 * added first, a producer slower than 200 ms would let it be taken first: short delays may expire
 * before other threads' work.) The buggy consumer takes with a timed {@code poll} of 50 ms and does
 * not expect it to come back empty.
 */
public final class DelayedJobs {

    static final class Job implements Delayed {
        final String name;
        final long dueNanos;

        Job(String name, long delayMillis) {
            this.name = name;
            this.dueNanos = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(delayMillis);
        }

        @Override
        public long getDelay(TimeUnit unit) {
            return unit.convert(dueNanos - System.nanoTime(), TimeUnit.NANOSECONDS);
        }

        @Override
        public int compareTo(Delayed o) {
            return Long.compare(dueNanos, ((Job) o).dueNanos);
        }
    }

    static void run(boolean untilDone) throws InterruptedException {
        DelayQueue<Job> jobs = new DelayQueue<>();
        Thread producer =
                new Thread(
                        () -> {
                            jobs.add(new Job("early", 100));
                            jobs.add(new Job("late", 200));
                        },
                        "producer");
        producer.start();
        StringBuilder order = new StringBuilder();
        for (int i = 0; i < 2; i++) {
            Job job = untilDone ? jobs.take() : jobs.poll(50, TimeUnit.MILLISECONDS); // site: take
            if (System.nanoTime() < job.dueNanos) {
                throw new AssertionError(job.name + " taken before it was due");
            }
            order.append(job.name).append(' ');
        }
        producer.join();
        if (!order.toString().equals("early late ")) {
            throw new AssertionError("took " + order);
        }
    }

    private DelayedJobs() {}

    public static void main(String[] args) throws InterruptedException {
        run(false);
    }

    /** The fix: wait until a job is due. */
    public static final class Fixed {
        private Fixed() {}

        public static void main(String[] args) throws InterruptedException {
            run(true);
        }
    }
}
