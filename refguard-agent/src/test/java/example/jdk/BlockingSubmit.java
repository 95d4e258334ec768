package example.jdk;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A pool of one worker and a queue of one whose rejection handler puts the rejected task into the
 * pool's own queue, so that a submitter waits while the pool is saturated: four tasks, all run.
 * With the first argument {@code offer}, the handler offers instead and ignores the answer, so a
 * task rejected while the queue is full is lost.
 */
public final class BlockingSubmit {

    private BlockingSubmit() {}

    public static void main(String[] args) throws InterruptedException {
        boolean offer = args.length > 0 && args[0].equals("offer");
        AtomicInteger ran = new AtomicInteger();
        ThreadPoolExecutor pool =
                new ThreadPoolExecutor(
                        1,
                        1,
                        0,
                        TimeUnit.SECONDS,
                        new ArrayBlockingQueue<>(1),
                        (task, executor) -> {
                            if (offer) {
                                executor.getQueue().offer(task); // the answer is dropped
                                return;
                            }
                            try {
                                executor.getQueue().put(task);
                            } catch (InterruptedException e) {
                                throw new RejectedExecutionException(e);
                            }
                        });
        for (int i = 0; i < 4; i++) {
            pool.execute(ran::incrementAndGet);
        }
        pool.shutdown();
        if (!pool.awaitTermination(10, TimeUnit.SECONDS)) {
            throw new AssertionError("the pool did not finish");
        }
        if (ran.get() != 4) {
            throw new AssertionError("ran " + ran.get() + " of 4 tasks");
        }
    }
}
