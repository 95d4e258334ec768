package example.jdk;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * One thread adds to a {@code HashMap} while another removes from it through its key set, a view
 * backed by the map: the two calls are on different objects, and still race on one map.
 */
public final class ViewOfSharedMap {

    static void run(boolean locked) throws InterruptedException {
        Map<String, Integer> stock = new HashMap<>();
        stock.put("lamp", 1);
        Set<String> names = stock.keySet(); // the seller only ever touches the map through this
        Thread adder =
                new Thread(
                        () -> {
                            if (locked) {
                                synchronized (stock) {
                                    stock.put("desk", 1);
                                }
                            } else {
                                stock.put("desk", 1);
                            }
                        },
                        "adder");
        Thread seller =
                new Thread(
                        () -> {
                            if (locked) {
                                synchronized (stock) {
                                    names.remove("lamp");
                                }
                            } else {
                                names.remove("lamp");
                            }
                        },
                        "seller");
        adder.start();
        seller.start();
        adder.join();
        seller.join();
        if (stock.size() != 1) {
            throw new AssertionError("stock " + stock + ", expected the desk alone");
        }
    }

    private ViewOfSharedMap() {}

    public static void main(String[] args) throws InterruptedException {
        run(false);
    }

    /** The fix: every use of the map, its views included, under one lock. */
    public static final class Fixed {
        private Fixed() {}

        public static void main(String[] args) throws InterruptedException {
            run(true);
        }
    }
}
