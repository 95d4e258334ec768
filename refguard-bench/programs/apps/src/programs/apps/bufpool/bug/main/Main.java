package programs.apps.bufpool.bug.main;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.TimeUnit;
import java.util.ArrayList;
import java.util.List;
import programs.apps.bufpool.bug.log.SegmentedLog;
import programs.apps.bufpool.bug.pool.DirectBufferPool;

public final class Main {
    public static void main(String[] args) throws Exception {
        DirectBufferPool pool = new DirectBufferPool(4, 64);
        SegmentedLog log = new SegmentedLog(pool);
        SynchronousQueue<String> rollRequests = new SynchronousQueue<>();

        Thread roller = new Thread(() -> {
            try {
                String req;
                while ((req = rollRequests.poll(50, TimeUnit.MILLISECONDS)) != null && !req.equals("stop")) {
                    log.roll();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "roller");
        roller.start();

        ExecutorService producers = Executors.newFixedThreadPool(2);
        List<Future<?>> done = new ArrayList<>();
        for (int p = 0; p < 2; p++) {
            final int id = p;
            done.add(producers.submit(() -> {
                for (int i = 0; i < 3; i++) {
                    log.append("producer-" + id + " record " + i);
                }
                return null;
            }));
        }
        rollRequests.offer("roll", 50, TimeUnit.MILLISECONDS);
        for (Future<?> f : done) f.get(5, TimeUnit.SECONDS);
        rollRequests.offer("stop", 50, TimeUnit.MILLISECONDS);
        producers.shutdown();
        producers.awaitTermination(5, TimeUnit.SECONDS);
        roller.join();

        if (log.totalRecords() != 6) {
            throw new AssertionError("records lost: " + log.totalRecords());
        }
        if (pool.available() != pool.capacity()) {
            throw new AssertionError("direct buffers leaked: " + (pool.capacity() - pool.available())
                    + " of " + pool.capacity() + " never returned");
        }
    }
}
