package example.corpus;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Vector;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Exchanger;
import java.util.concurrent.FutureTask;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.Phaser;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.StampedLock;

/**
 * Calls on JDK library objects that the agent routes through its library bridge: each must do
 * exactly the original operation, whatever the receiver's class, and blocking ones must block and
 * wake as in a plain run.
 */
public class JdkLibrary implements java.util.concurrent.Callable<Object> {

    @Override
    public Object call() throws Exception {
        List<Object> out = new ArrayList<>();
        Map<String, Integer> chm = new ConcurrentHashMap<>();
        chm.merge("a", 1, Integer::sum);
        chm.merge("a", 1, Integer::sum);
        chm.compute("b", (k, v) -> v == null ? 10 : v + 1);
        chm.computeIfAbsent("c", k -> k.length());
        out.add(new java.util.TreeMap<>(chm));
        Map<String, Integer> plain = new HashMap<>(); // the same call sites' type, another class
        plain.merge("a", 2, Integer::sum);
        out.add(plain);
        Map<String, String> sync = Collections.synchronizedMap(new HashMap<>());
        out.add(sync.putIfAbsent("k", "v") + "/" + sync.putIfAbsent("k", "w"));
        Vector<Integer> vector = new Vector<>(List.of(3, 1, 2));
        vector.sort(null);
        out.add(vector);
        StringBuffer sb = new StringBuffer().append("x").append(1).reverse();
        out.add(sb.toString());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream ps = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        ps.print("printed");
        out.add(bytes.toString(StandardCharsets.UTF_8));

        BlockingQueue<Integer> queue = new ArrayBlockingQueue<>(1);
        Thread producer =
                new Thread(
                        () -> {
                            try {
                                queue.put(1);
                                queue.put(2); // blocks until the consumer took 1
                            } catch (InterruptedException e) {
                                throw new IllegalStateException(e);
                            }
                        });
        producer.start();
        out.add(queue.take() + queue.take());
        producer.join();
        out.add(queue.poll(1, TimeUnit.MILLISECONDS)); // times out: null
        LinkedBlockingDeque<Integer> deque = new LinkedBlockingDeque<>();
        deque.putFirst(1);
        deque.putFirst(2);
        out.add(deque.takeLast());

        SynchronousQueue<String> hand = new SynchronousQueue<>();
        out.add(hand.offer("nobody waits"));
        Exchanger<String> exchanger = new Exchanger<>();
        FutureTask<String> other = new FutureTask<>(() -> exchanger.exchange("from task"));
        new Thread(other).start();
        out.add(exchanger.exchange("from caller") + "|" + other.get());

        CompletableFuture<Integer> cf =
                CompletableFuture.supplyAsync(() -> 20).thenApplyAsync(x -> x + 1);
        out.add(cf.join() + cf.get());

        int[] tripped = new int[1];
        CyclicBarrier barrier = new CyclicBarrier(1, () -> tripped[0]++);
        out.add(barrier.await() + ":" + tripped[0] + ":" + barrier.getNumberWaiting());
        Phaser phaser = new Phaser(1);
        out.add(phaser.arriveAndAwaitAdvance() + ":" + phaser.getPhase());
        StampedLock stamped = new StampedLock();
        long w = stamped.writeLock();
        out.add(stamped.isWriteLocked());
        stamped.unlockWrite(w);
        long r = stamped.readLock();
        out.add(stamped.isReadLocked());
        stamped.unlockRead(r);
        out.add(List.of(1, 2, 3).parallelStream().mapToInt(Integer::intValue).sum());
        out.add(new Halves(0, 4).invoke());
        return out.toString();
    }

    /** Sums {@code [from, to)} by halves: fork, join and invokeAll typed by the program's class. */
    static final class Halves extends java.util.concurrent.RecursiveTask<Integer> {
        private final int from;
        private final int to;

        Halves(int from, int to) {
            this.from = from;
            this.to = to;
        }

        /** The program's own {@code get}: no wait on the task, so not routed. */
        int get(int offset) {
            return from + offset;
        }

        @Override
        protected Integer compute() {
            if (to - from == 1) {
                return get(0);
            }
            int mid = (from + to) / 2;
            Halves left = new Halves(from, mid);
            Halves right = new Halves(mid, to);
            if (to - from > 2) {
                left.fork();
                return right.compute() + left.join();
            }
            invokeAll(left, right);
            return left.join() + right.join();
        }
    }
}
