package programs.jdk;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Exchanger;

/** Double buffering with an Exchanger: the producer fills one list while the consumer drains the other. */
public class ExchangerBufferFix {
    static int compute(int round, int i) {
        int v = 0;
        for (int k = 0; k < 20_000; k++) v += (k ^ round) & 1;   // pretend to do work
        return round * 2 + i + 1 + (v - v);
    }

    public static void main(String[] args) throws Exception {
        Exchanger<List<Integer>> ex = new Exchanger<>();
        int[] consumed = new int[1];
        Thread producer = new Thread(() -> {
            List<Integer> buf = new ArrayList<>();
            try {
                for (int round = 0; round < 3; round++) {
                    for (int i = 0; i < 2; i++) buf.add(compute(round, i));
                    buf = ex.exchange(buf);              // FIX: continue with the list we got back
                }
            } catch (InterruptedException e) { Thread.currentThread().interrupt(); }
        }, "producer");
        Thread consumer = new Thread(() -> {
            List<Integer> mine = new ArrayList<>();
            try {
                for (int round = 0; round < 3; round++) {
                    mine = ex.exchange(mine);
                    for (int x : mine) consumed[0] += x;
                    mine.clear();
                }
            } catch (InterruptedException e) { Thread.currentThread().interrupt(); }
        }, "consumer");
        producer.start();
        consumer.start();
        producer.join();
        consumer.join();
        if (consumed[0] != 21) throw new AssertionError("consumed sum " + consumed[0] + ", expected 21");
    }
}
