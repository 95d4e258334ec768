package example.semantics;

import java.util.concurrent.atomic.AtomicInteger;

/** Entry points of other shapes than {@code main()} without arguments. */
public final class Entry {

    private Entry() {}

    /** Fails unless called with the arguments {@code a b}. */
    public static final class WithArgs {
        private WithArgs() {}

        public static void main(String[] args) {
            assert args.length == 2 && args[0].equals("a") && args[1].equals("b")
                    : "arguments " + String.join(",", args);
        }
    }

    /** A Runnable entry: two threads race on a check-then-act, so it fails in some schedule. */
    public static final class RunnableRace implements Runnable {
        private final AtomicInteger count = new AtomicInteger();

        @Override
        public void run() {
            Runnable once =
                    () -> {
                        if (count.get() == 0) {
                            count.incrementAndGet();
                        }
                    };
            Thread t = new Thread(once, "other");
            t.start();
            once.run();
            try {
                t.join();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            assert count.get() == 1 : "counted " + count.get();
        }
    }

    /** Neither a main method nor a Runnable. */
    public static final class NoEntry {
        private NoEntry() {}

        public static void start() {}
    }
}
