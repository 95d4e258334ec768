package programs.jdk;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A hand-written mailbox with wait/notifyAll; two consumers, one producer. */
public class WaitIfBug {
    static class Mailbox {
        private final Deque<String> q = new ArrayDeque<>();
        synchronized void put(String s) { q.add(s); notifyAll(); }
        synchronized String take() throws InterruptedException {
            if (q.isEmpty()) wait();                 // BUG: 'if', not 'while': another consumer may have taken it
            return q.remove();
        }
    }

    public static void main(String[] args) throws Exception {
        Mailbox box = new Mailbox();
        List<String> got = new CopyOnWriteArrayList<>();
        Runnable consumer = () -> {
            try { got.add(box.take()); } catch (InterruptedException e) { Thread.currentThread().interrupt(); }
        };
        Thread c1 = new Thread(consumer, "consumer-1"), c2 = new Thread(consumer, "consumer-2");
        Thread producer = new Thread(() -> { box.put("a"); box.put("b"); }, "producer");
        c1.setUncaughtExceptionHandler((t, e) -> got.add("DIED " + e));
        c2.setUncaughtExceptionHandler((t, e) -> got.add("DIED " + e));
        c1.start(); c2.start(); producer.start();
        c1.join(); c2.join(); producer.join();
        if (got.size() != 2 || got.stream().anyMatch(s -> s.startsWith("DIED")))
            throw new AssertionError("consumers got " + got);
    }
}
