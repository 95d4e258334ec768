package programs.libs;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;

/** A producer fills batches from a per-query child allocator and hands them to a consumer
 *  through a queue; the query closes its allocator once the producer is done and the queue is
 *  empty, but the consumer may still hold the last batch it polled: "Memory was leaked". */
public class ArrowChildCloseBug {
    static final ArrowBuf EOS = null;

    public static void main(String[] args) throws Exception {
        try (RootAllocator root = new RootAllocator(1 << 20)) {
            BufferAllocator query = root.newChildAllocator("query-1", 0, 1 << 16);
            BlockingQueue<ArrowBuf> q = new ArrayBlockingQueue<>(2);
            AtomicLong sum = new AtomicLong();
            Thread producer = new Thread(() -> {
                try {
                    for (int i = 1; i <= 2; i++) {
                        ArrowBuf b = query.buffer(32);
                        b.setLong(0, i);
                        q.put(b);            // ownership moves to the consumer
                    }
                } catch (InterruptedException e) { Thread.currentThread().interrupt(); }
            }, "producer");
            Thread consumer = new Thread(() -> {
                try {
                    int got = 0;
                    while (got < 2) {
                        ArrowBuf b = q.poll(100, TimeUnit.MILLISECONDS);
                        if (b == null) continue;
                        try { sum.addAndGet(b.getLong(0)); } finally { b.close(); }
                        got++;
                    }
                } catch (InterruptedException e) { Thread.currentThread().interrupt(); }
            }, "consumer");
            producer.start();
            consumer.start();
            producer.join();
            while (!q.isEmpty()) Thread.sleep(1);   // "drained"
            query.close();          // BUG: the consumer may have polled the last batch but not closed it yet
            consumer.join();
            if (sum.get() != 3) throw new AssertionError("sum " + sum.get());
        }
    }
}
