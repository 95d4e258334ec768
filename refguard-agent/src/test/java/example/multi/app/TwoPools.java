package example.multi.app;

import example.multi.lib.SlotPool;

/**
 * Two workers each hold a slot of one pool while taking a slot of the other, in opposite orders: a
 * deadlock that happens inside the library's {@code SlotPool.take}.
 */
public class TwoPools {
    public static void main(String[] args) throws InterruptedException {
        SlotPool left = new SlotPool("left", 1);
        SlotPool right = new SlotPool("right", 1);
        Thread a = new Thread(() -> both(left, right), "A");
        Thread b = new Thread(() -> both(right, left), "B");
        a.start();
        b.start();
        a.join();
        b.join();
    }

    static void both(SlotPool first, SlotPool second) {
        try {
            int x = first.take();
            int y = second.take();
            second.give(y);
            first.give(x);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The fix: both workers take in the same order. */
    public static class Fixed {
        public static void main(String[] args) throws InterruptedException {
            SlotPool left = new SlotPool("left", 1);
            SlotPool right = new SlotPool("right", 1);
            Thread a = new Thread(() -> both(left, right), "A");
            Thread b = new Thread(() -> both(left, right), "B");
            a.start();
            b.start();
            a.join();
            b.join();
        }
    }
}
