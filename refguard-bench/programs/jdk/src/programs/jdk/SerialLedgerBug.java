package programs.jdk;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;

/**
 * A ledger posts entries through a fork/join pool and keeps its balance in a plain field, counting
 * on the pool to post one entry at a time; but the pool has two workers, so two postings can read
 * the same balance and one is lost.
 */
public class SerialLedgerBug {
    static long balance;

    public static void main(String[] args) throws Exception {
        ForkJoinPool poster = new ForkJoinPool(2); // BUG: two postings at once
        poster.execute(() -> balance += 100);
        poster.execute(() -> balance -= 30);
        poster.shutdown();
        if (!poster.awaitTermination(1, TimeUnit.MINUTES)) throw new AssertionError("poster hung");
        if (balance != 70) throw new AssertionError("balance " + balance + ", expected 70");
    }
}
