package example.jdk;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Work handed to the common ForkJoinPool, which runs on the explorer's model of the pool: a task
 * submitted to the pool and one forked from {@code main}, each waited for, so the program is
 * verified. {@link NoWait} hands the work to the pool and checks the count without waiting for it:
 * a real race, found.
 */
public final class CommonPoolTask {

    private CommonPoolTask() {}

    public static void main(String[] args) throws Exception {
        AtomicInteger done = new AtomicInteger();
        ForkJoinPool.commonPool().submit(done::incrementAndGet).get();
        ForkJoinTask<Integer> forked = ForkJoinTask.adapt(done::incrementAndGet).fork();
        int second = forked.join();
        if (done.get() != 2 || second != 2) {
            throw new AssertionError(done.get());
        }
    }

    /** Checks the count right after handing the work to the pool. */
    public static final class NoWait {
        private NoWait() {}

        public static void main(String[] args) {
            AtomicInteger done = new AtomicInteger();
            ForkJoinPool.commonPool().execute(done::incrementAndGet);
            if (done.get() != 1) {
                throw new AssertionError("the pool's task has not run yet: " + done.get());
            }
        }
    }
}
