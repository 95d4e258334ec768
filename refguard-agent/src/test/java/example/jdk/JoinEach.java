package example.jdk;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Three workers count, and main joins each through a loop over an array of the threads: the loop
 * reads a new element each turn, so it is no spin, even when every worker has already ended and no
 * join waits.
 */
public final class JoinEach {

    private JoinEach() {}

    public static void main(String[] args) throws InterruptedException {
        AtomicInteger done = new AtomicInteger();
        Thread[] workers = new Thread[3];
        for (int i = 0; i < workers.length; i++) {
            workers[i] = new Thread(done::incrementAndGet);
            workers[i].start();
        }
        for (Thread t : workers) {
            t.join();
        }
        if (done.get() != 3) {
            throw new AssertionError("done " + done.get());
        }
    }
}
