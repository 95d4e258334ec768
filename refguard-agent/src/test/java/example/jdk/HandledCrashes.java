package example.jdk;

import java.util.ArrayList;
import java.util.Collection;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Import workers whose bad input throws; each worker's uncaught-exception handler records the
 * crash, and main counts them. The exceptions are handled, as in the JVM, so they are not the
 * failure: the bug is that the handlers of two workers add to one {@code ArrayList}. The fix
 * collects into a {@code ConcurrentLinkedQueue}.
 */
public final class HandledCrashes {

    static void run(Collection<String> crashes) throws InterruptedException {
        Thread.UncaughtExceptionHandler record = (t, e) -> crashes.add(t.getName());
        Thread[] workers = new Thread[3];
        String[] inputs = {"12", "x", "y"};
        for (int i = 0; i < workers.length; i++) {
            String in = inputs[i];
            workers[i] = new Thread(() -> Integer.parseInt(in), "import-" + i);
            workers[i].setUncaughtExceptionHandler(record);
            workers[i].start();
        }
        for (Thread w : workers) {
            w.join();
        }
        if (crashes.size() != 2) {
            throw new AssertionError("recorded " + crashes);
        }
    }

    private HandledCrashes() {}

    public static void main(String[] args) throws InterruptedException {
        run(new ArrayList<>());
    }

    /** The fix: a collection that is thread-safe. */
    public static final class Fixed {
        private Fixed() {}

        public static void main(String[] args) throws InterruptedException {
            run(new ConcurrentLinkedQueue<>());
        }
    }
}
