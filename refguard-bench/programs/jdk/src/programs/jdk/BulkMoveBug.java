package programs.jdk;

import java.util.concurrent.ConcurrentHashMap;

/** Balances in a ConcurrentHashMap; an auditor sums them with a bulk reduce while a transfer runs. */
public class BulkMoveBug {
    public static void main(String[] args) throws Exception {
        ConcurrentHashMap<String, Long> balances = new ConcurrentHashMap<>();
        for (String a : new String[] {"ann", "bob", "cid", "dee"}) balances.put(a, 100L);
        Thread transfer = new Thread(() -> {
            balances.merge("ann", -30L, Long::sum);
            balances.merge("dee", 30L, Long::sum);
        });
        transfer.start();
        // BUG: a bulk reduce is no snapshot; between the two merges the total is 370
        long total = balances.reduceValuesToLong(1, Long::longValue, 0L, Long::sum);
        transfer.join();
        if (total != 400) throw new AssertionError("audited " + total + ", expected 400");
    }
}
