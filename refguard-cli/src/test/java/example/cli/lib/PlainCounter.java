package example.cli.lib;

import java.util.concurrent.atomic.AtomicInteger;

/** A counter in a package the command's tests leave out of --include: never instrumented. */
public final class PlainCounter {
    private final AtomicInteger value = new AtomicInteger();

    public void increment() {
        value.incrementAndGet();
    }

    public int get() {
        return value.get();
    }
}
