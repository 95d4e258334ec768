package programs.jdk;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Stock per warehouse in a ConcurrentHashMap; a transfer adds to the destination before it takes
 * from the source, so the total never drops, and an audit sums it with a stream of values().
 */
public class StockAuditBug {
    static final ConcurrentHashMap<String, Integer> stock = new ConcurrentHashMap<>();

    static void transfer(String from, String to, int units) {
        stock.merge(to, units, Integer::sum);
        stock.merge(from, -units, Integer::sum);
    }

    static int audit() {
        return stock.values().stream().mapToInt(Integer::intValue).sum(); // BUG: no snapshot
    }

    public static void main(String[] args) throws Exception {
        stock.put("a", 5);
        stock.put("b", 5);
        stock.put("c", 5);
        int[] audited = new int[1];
        Thread mover = new Thread(() -> transfer("c", "a", 2), "mover");
        Thread auditor = new Thread(() -> audited[0] = audit(), "auditor");
        mover.start();
        auditor.start();
        mover.join();
        auditor.join();
        if (audited[0] < 15) {
            throw new AssertionError("audit found " + audited[0] + " units, fewer than were ever stocked");
        }
    }
}
