package programs.jdk;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;

/** SerialLedgerBug with a pool of parallelism 1: its one worker posts the entries in turn. */
public class SerialLedgerFix {
    static long balance;

    public static void main(String[] args) throws Exception {
        ForkJoinPool poster = new ForkJoinPool(1);
        poster.execute(() -> balance += 100);
        poster.execute(() -> balance -= 30);
        poster.shutdown();
        if (!poster.awaitTermination(1, TimeUnit.MINUTES)) throw new AssertionError("poster hung");
        if (balance != 70) throw new AssertionError("balance " + balance + ", expected 70");
    }
}
