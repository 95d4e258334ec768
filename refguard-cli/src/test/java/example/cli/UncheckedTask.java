package example.cli;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Two workers bump a plain counter in submitted tasks; a third task checks the total and throws
 * when an update was lost. Nothing reads the checking task's future, so the JDK keeps its error
 * there and the program ends normally.
 */
public final class UncheckedTask {

    static int count;

    private UncheckedTask() {}

    public static void main(String[] args) throws InterruptedException {
        Thread a = new Thread(() -> count++);
        Thread b = new Thread(() -> count++);
        a.start();
        b.start();
        a.join();
        b.join();
        ExecutorService pool = Executors.newSingleThreadExecutor();
        int total = count;
        pool.submit(
                () -> {
                    if (total != 2) {
                        throw new AssertionError("lost update: " + total);
                    }
                });
        pool.shutdown();
    }
}
