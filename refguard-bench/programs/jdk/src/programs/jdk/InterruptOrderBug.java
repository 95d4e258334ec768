package programs.jdk;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/** A worker loop stopped with a flag and an interrupt. */
public class InterruptOrderBug {
    static volatile boolean running = true;

    public static void main(String[] args) throws Exception {
        BlockingQueue<String> jobs = new LinkedBlockingQueue<>();
        int[] done = new int[1];
        Thread worker = new Thread(() -> {
            while (running) {
                try {
                    jobs.take();
                    done[0]++;
                } catch (InterruptedException e) {
                    // woken up to stop: the loop re-checks 'running'
                }
            }
        }, "worker");
        worker.start();
        jobs.put("job-1");
        jobs.put("job-2");
        worker.interrupt();          // BUG: interrupt before the flag: the worker may re-check, still see
        running = false;             // running == true, and block in take() for ever
        worker.join();
        if (done[0] > 2) throw new AssertionError("impossible");
    }
}
