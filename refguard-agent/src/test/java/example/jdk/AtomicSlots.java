package example.jdk;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicIntegerArray;

/**
 * Threads on the slots of one {@code AtomicIntegerArray}, by the mode in the first argument:
 *
 * <ul>
 *   <li>{@code scan}: a reader sums six slots while a writer sets the last; the sum can miss it,
 *       when the whole scan runs before the write, and the program says so;
 *   <li>{@code handleScan}: the same on an {@code int[]} through a {@code VarHandle} of its
 *       elements;
 *   <li>{@code spin}: a waiter spins on one slot until a setter sets it: correct;
 *   <li>{@code stuck}: the same waiter, and a setter that sets another slot: a livelock;
 *   <li>{@code apart}: two counters add to a slot each, ten times: correct, and what each does is
 *       independent of the other.
 * </ul>
 */
public final class AtomicSlots {

    private static final VarHandle ELEMENT = MethodHandles.arrayElementVarHandle(int[].class);

    private AtomicSlots() {}

    public static void main(String[] args) throws InterruptedException {
        AtomicIntegerArray slots = new AtomicIntegerArray(6);
        CountDownLatch gate = new CountDownLatch(1);
        int[] sum = {-1};
        Runnable first;
        Runnable second;
        switch (args[0]) {
            case "scan" -> {
                first =
                        () -> {
                            int s = 0;
                            for (int i = 0; i < slots.length(); i++) {
                                s += slots.get(i);
                            }
                            sum[0] = s;
                        };
                second = () -> slots.set(5, 1);
            }
            case "handleScan" -> {
                int[] plain = new int[6];
                first =
                        () -> {
                            int s = 0;
                            for (int i = 0; i < plain.length; i++) {
                                s += (int) ELEMENT.getVolatile(plain, i);
                            }
                            sum[0] = s;
                        };
                second = () -> ELEMENT.setVolatile(plain, 5, 1);
            }
            case "spin", "stuck" -> {
                first =
                        () -> {
                            while (slots.get(2) == 0) {
                                // waits for the setter
                            }
                        };
                int target = args[0].equals("spin") ? 2 : 3;
                second = () -> slots.set(target, 1);
            }
            default -> {
                first = () -> add(slots, 0);
                second = () -> add(slots, args[0].equals("apart") ? 1 : 0);
            }
        }
        Thread a = new Thread(() -> after(gate, first));
        Thread b = new Thread(() -> after(gate, second));
        a.start();
        b.start();
        gate.countDown();
        a.join();
        b.join();
        if (args[0].endsWith("can") && sum[0] != 1) {
            throw new AssertionError("the sum missed the last slot: " + sum[0]);
        }
    }

    private static void add(AtomicIntegerArray slots, int slot) {
        for (int i = 0; i < 10; i++) {
            slots.incrementAndGet(slot);
        }
    }

    private static void after(CountDownLatch gate, Runnable r) {
        try {
            gate.await();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
        r.run();
    }
}
