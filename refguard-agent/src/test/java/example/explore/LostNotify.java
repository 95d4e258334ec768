package example.explore;

/**
 * The waiter waits for a notification without checking whether it already happened: if the notifier
 * runs first, the notification is lost and the waiter waits forever. The fix waits for a condition
 * (a flag set under the monitor), in a loop.
 */
public final class LostNotify {

    static final Object signal = new Object();

    private LostNotify() {}

    public static void main(String[] args) throws InterruptedException {
        Thread waiter =
                new Thread(
                        () -> {
                            synchronized (signal) {
                                try {
                                    signal.wait(); // site: wait
                                } catch (InterruptedException e) {
                                    throw new IllegalStateException(e);
                                }
                            }
                        },
                        "waiter");
        Thread notifier =
                new Thread(
                        () -> {
                            synchronized (signal) {
                                signal.notify(); // site: notify
                            }
                        },
                        "notifier");
        waiter.start();
        notifier.start();
        waiter.join();
        notifier.join();
    }

    /** The fix: a flag, checked in a loop under the monitor. */
    public static final class Fixed {
        private static boolean done; // guarded by SIGNAL
        private static final Object SIGNAL = new Object();

        private Fixed() {}

        public static void main(String[] args) throws InterruptedException {
            Thread waiter =
                    new Thread(
                            () -> {
                                synchronized (SIGNAL) {
                                    while (!done) {
                                        try {
                                            SIGNAL.wait();
                                        } catch (InterruptedException e) {
                                            throw new IllegalStateException(e);
                                        }
                                    }
                                }
                            },
                            "waiter");
            Thread notifier =
                    new Thread(
                            () -> {
                                synchronized (SIGNAL) {
                                    done = true;
                                    SIGNAL.notify();
                                }
                            },
                            "notifier");
            waiter.start();
            notifier.start();
            waiter.join();
            notifier.join();
        }
    }
}
