package example.jdk;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * A program that configures a {@code java.util.logging} logger in {@code main}, as small programs
 * do: it adds a handler that counts records, turns off the parent's handlers and sets a level, then
 * two threads log. The logger lives in the JDK's registry across runs, so each run's settings must
 * be gone before the next run starts, or the next run has two handlers.
 */
public final class LoggerHandlers {

    public static void main(String[] args) throws InterruptedException {
        Logger log = Logger.getLogger("refguard.example.LoggerHandlers");
        AtomicInteger published = new AtomicInteger();
        log.setUseParentHandlers(false);
        log.setLevel(Level.INFO);
        log.addHandler(
                new Handler() {
                    @Override
                    public void publish(LogRecord r) {
                        published.incrementAndGet();
                    }

                    @Override
                    public void flush() {}

                    @Override
                    public void close() {}
                });
        Thread t = new Thread(() -> log.info("from the worker"));
        t.start();
        log.info("from main");
        t.join();
        if (published.get() != 2 || log.getHandlers().length != 1) {
            throw new AssertionError(
                    published.get() + " published, " + log.getHandlers().length + " handlers");
        }
    }

    private LoggerHandlers() {}
}
