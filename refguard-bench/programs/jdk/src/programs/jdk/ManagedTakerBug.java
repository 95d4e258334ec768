package programs.jdk;

import java.util.List;
import java.util.concurrent.*;

/** ForkJoin tasks take input from a queue through ForkJoinPool.managedBlock (the JDK's QueueTaker idiom). */
public class ManagedTakerBug {
    static class QueueTaker implements ForkJoinPool.ManagedBlocker {
        final BlockingQueue<String> queue;
        volatile String item;
        QueueTaker(BlockingQueue<String> q) { queue = q; }
        public boolean block() throws InterruptedException { if (item == null) item = queue.take(); return true; }
        public boolean isReleasable() { return item != null || (item = queue.poll()) != null; }
        String take() throws InterruptedException {
            ForkJoinPool.managedBlock(this);
            String e = item;
            item = null;
            return e;
        }
    }

    public static void main(String[] args) throws Exception {
        BlockingQueue<String> input = new LinkedBlockingQueue<>();
        QueueTaker taker = new QueueTaker(input);               // BUG: one taker shared by both tasks
        List<String> handled = new CopyOnWriteArrayList<>();
        ForkJoinPool pool = new ForkJoinPool(2);
        Callable<Void> consumer = () -> { handled.add(taker.take()); return null; };
        Future<Void> a = pool.submit(consumer), b = pool.submit(consumer);
        input.put("order-1");
        input.put("order-2");
        a.get();
        b.get();
        pool.shutdown();
        if (!handled.contains("order-1") || !handled.contains("order-2")) throw new AssertionError("handled " + handled);
    }
}
