package programs.apps.wal.bug.main;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import programs.apps.wal.bug.flush.Flusher;
import programs.apps.wal.bug.log.LogClosedException;
import programs.apps.wal.bug.log.WriteAheadLog;

/** 120 writers commit one record each; shutdown begins once half of them have been acknowledged. */
public final class Main {
    static final int WRITERS = 120;

    public static void main(String[] args) throws Exception {
        WriteAheadLog log = new WriteAheadLog();
        Flusher flusher = new Flusher(log);
        flusher.start();

        CountDownLatch halfAcked = new CountDownLatch(WRITERS / 2);
        AtomicInteger acked = new AtomicInteger();
        AtomicInteger rejected = new AtomicInteger();
        ConcurrentLinkedQueue<Throwable> errors = new ConcurrentLinkedQueue<>();
        List<Thread> writers = new ArrayList<>();
        for (int i = 0; i < WRITERS; i++) {
            final byte[] payload = ("txn-" + i).getBytes();
            Thread w = new Thread(() -> {
                try {
                    CompletableFuture<Long> f = log.append(payload);
                    long lsn = f.get(2, TimeUnit.SECONDS);
                    if (log.durableLsn() < lsn) {
                        throw new AssertionError("acknowledged before durable: " + lsn);
                    }
                    acked.incrementAndGet();
                    halfAcked.countDown();
                } catch (LogClosedException e) {
                    rejected.incrementAndGet();   // client sees a clean "shutting down" error
                } catch (TimeoutException e) {
                    errors.add(new AssertionError("commit accepted but never acknowledged", e));
                } catch (Throwable t) {
                    errors.add(t);
                }
            }, "writer-" + i);
            writers.add(w);
            w.start();
        }
        halfAcked.await();
        log.close();
        flusher.join();
        for (Thread w : writers) w.join();

        if (!errors.isEmpty()) {
            throw new AssertionError(errors.size() + " writers failed, first: " + errors.peek(), errors.peek());
        }
        if (acked.get() + rejected.get() != WRITERS) {
            throw new AssertionError("acked " + acked + " + rejected " + rejected + " != " + WRITERS);
        }
    }
}
