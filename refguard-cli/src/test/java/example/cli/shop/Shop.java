package example.cli.shop;

import example.cli.shop.stock.Stock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * A shop run by 120 buyer threads, for the command's test of a plain program that uses the JDK's
 * concurrency: a {@code ConcurrentHashMap} stock in another package, a bounded queue of orders read
 * by a clerk who waits for orders 50 ms at a time (a timeout) until every buyer is done, a latch
 * awaited with a timeout, a semaphore at the counter, a thread pool and a future that totals the
 * orders, a scheduled closing bell, and a synchronized list. Two buyers want the last unit of the
 * same item; with {@code careless} stock (no argument, or {@code careless}) both may get it, and
 * {@code main} fails; with {@code careful} it passes.
 */
public final class Shop {

    static final int BUYERS = 120;

    private Shop() {}

    public static void main(String[] args) throws Exception {
        boolean careful = args.length > 0 && args[0].equals("careful");
        Stock stock = new Stock(careful);
        stock.add("lamp", 1);
        for (int i = 0; i < BUYERS - 2; i++) {
            stock.add("item" + i, 1);
        }
        BlockingQueue<String> orders = new ArrayBlockingQueue<>(8);
        List<String> served = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch done = new CountDownLatch(BUYERS);
        Semaphore counter = new Semaphore(3);
        ScheduledExecutorService bell = Executors.newSingleThreadScheduledExecutor();
        bell.schedule(() -> served.add("bell"), 10, TimeUnit.MILLISECONDS);

        Thread clerk =
                new Thread(
                        () -> {
                            try {
                                while (true) {
                                    String o = orders.poll(50, TimeUnit.MILLISECONDS);
                                    if (o != null) {
                                        served.add(o);
                                    } else if (done.getCount() == 0 && orders.isEmpty()) {
                                        return; // each buyer queues its order before counting down
                                    }
                                }
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                        },
                        "clerk");
        clerk.start();

        List<Thread> buyers = new ArrayList<>();
        for (int i = 0; i < BUYERS; i++) {
            String item = i < 2 ? "lamp" : "item" + (i - 2);
            Thread buyer =
                    new Thread(
                            () -> {
                                try {
                                    counter.acquire();
                                    try {
                                        if (stock.reserve(item)) {
                                            orders.put(item);
                                        }
                                    } finally {
                                        counter.release();
                                    }
                                } catch (InterruptedException e) {
                                    Thread.currentThread().interrupt();
                                } finally {
                                    done.countDown();
                                }
                            },
                            "buyer-" + i);
            buyers.add(buyer);
            buyer.start();
        }
        if (!done.await(5, TimeUnit.SECONDS)) {
            throw new AssertionError("the buyers did not finish");
        }
        clerk.join();
        bell.shutdown();
        bell.awaitTermination(1, TimeUnit.SECONDS);
        for (Thread b : buyers) {
            b.join();
        }

        ExecutorService office = Executors.newFixedThreadPool(2);
        long orderCount =
                CompletableFuture.supplyAsync(
                                () -> served.stream().filter(s -> !s.equals("bell")).count(),
                                office)
                        .get(1, TimeUnit.SECONDS);
        office.shutdown();

        if (stock.reserved() != BUYERS - 1 || orderCount != BUYERS - 1) {
            throw new AssertionError(
                    "one lamp, sold "
                            + (orderCount - (BUYERS - 2))
                            + " times: "
                            + stock.reserved()
                            + " units reserved, "
                            + orderCount
                            + " orders served");
        }
    }
}
