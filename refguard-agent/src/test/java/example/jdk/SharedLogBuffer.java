package example.jdk;

import java.nio.ByteBuffer;

/**
 * Two appenders write length-prefixed records into one shared {@code ByteBuffer} without a lock. A
 * relative {@code putInt} reads the position and then writes it back, so on a real machine two
 * appends can land at the same position and one record is lost; the explorer reports the two
 * unordered calls. The fix appends under the buffer's monitor.
 */
public final class SharedLogBuffer {

    static void run(boolean locked) throws InterruptedException {
        ByteBuffer log = ByteBuffer.allocate(64);
        Runnable append =
                () -> {
                    if (locked) {
                        synchronized (log) {
                            log.putInt(4).putInt(42);
                        }
                    } else {
                        log.putInt(4).putInt(42);
                    }
                };
        Thread a = new Thread(append, "appender-a");
        Thread b = new Thread(append, "appender-b");
        a.start();
        b.start();
        a.join();
        b.join();
        if (log.position() != 16) {
            throw new AssertionError("lost a record: position " + log.position());
        }
    }

    private SharedLogBuffer() {}

    public static void main(String[] args) throws InterruptedException {
        run(false);
    }

    /** The fix: every append under one lock. */
    public static final class Fixed {
        private Fixed() {}

        public static void main(String[] args) throws InterruptedException {
            run(true);
        }
    }
}
