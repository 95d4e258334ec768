package programs.jdk;

import java.util.concurrent.ConcurrentHashMap;

/** The same audit, with the transfer and the sum under one lock. */
public class BulkMoveFix {
    public static void main(String[] args) throws Exception {
        ConcurrentHashMap<String, Long> balances = new ConcurrentHashMap<>();
        Object ledger = new Object();
        for (String a : new String[] {"ann", "bob", "cid", "dee"}) balances.put(a, 100L);
        Thread transfer = new Thread(() -> {
            synchronized (ledger) {
                balances.merge("ann", -30L, Long::sum);
                balances.merge("dee", 30L, Long::sum);
            }
        });
        transfer.start();
        long total;
        synchronized (ledger) { // FIX: no transfer is half done while the auditor sums
            total = balances.reduceValuesToLong(1, Long::longValue, 0L, Long::sum);
        }
        transfer.join();
        if (total != 400) throw new AssertionError("audited " + total + ", expected 400");
    }
}
