package programs.jdk;

import java.util.concurrent.LinkedTransferQueue;

public class TransferDropFix {
    static long sink;
    static void prepareNext(int job) {   // build the next job's payload
        long h = job;
        for (int k = 0; k < 200_000; k++) h = h * 31 + k;
        sink = h;
    }

    public static void main(String[] args) throws Exception {
        LinkedTransferQueue<Integer> q = new LinkedTransferQueue<>();
        int[] sum = new int[1];
        Thread worker = new Thread(() -> {
            try {
                for (int i = 0; i < 3; i++) {
                    int job = q.take();
                    for (int k = 0; k < 1000; k++) sum[0] += (k == 0 ? job : 0);
                }
            } catch (InterruptedException e) { Thread.currentThread().interrupt(); }
        }, "worker");
        worker.start();
        while (!q.hasWaitingConsumer()) Thread.onSpinWait();   // wait until the worker is ready
        for (int job = 1; job <= 3; job++) {
            q.transfer(job);                              // FIX: wait until the worker took it
            prepareNext(job);
        }
        worker.join();
        if (sum[0] != 6) throw new AssertionError("processed sum " + sum[0]);
    }
}
