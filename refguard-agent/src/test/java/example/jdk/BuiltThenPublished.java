package example.jdk;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A writer builds a text of its own from a shared setting it reads on every turn, then publishes
 * the text's length; the reader, already running, fails if it sees the publication. Found only when
 * the writer's loop runs to its end before the reader's next step: no write the explorer sees
 * happens in the loop (the builder is the writer's alone), so it looked like a spin on the setting,
 * and a spinner is held back until the other threads step.
 */
public final class BuiltThenPublished {
    private BuiltThenPublished() {}

    static final AtomicInteger published = new AtomicInteger();
    static final AtomicInteger width = new AtomicInteger(3);
    static final CountDownLatch started = new CountDownLatch(1);

    public static void main(String[] args) throws Exception {
        Thread writer =
                new Thread(
                        () -> {
                            StringBuilder text = new StringBuilder();
                            for (int i = 0; i < 8; i++) {
                                text.append(width.get());
                            }
                            published.set(text.length());
                        },
                        "writer");
        Thread reader =
                new Thread(
                        () -> {
                            started.countDown();
                            if (published.get() == 8) {
                                throw new AssertionError("saw the publication");
                            }
                        },
                        "reader");
        reader.start();
        started.await();
        writer.start();
        writer.join();
        reader.join();
    }
}
