package example.jdk;

import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A client waits up to one second for a reply with a timed {@code poll} and uses the reply without
 * checking for {@code null}; the server needs as long to answer (a {@code sleep}, or the
 * milliseconds given as the first argument). The bug shows only on the path where the timeout
 * expires first. The fix handles the timeout and checks, on the explorer's virtual clock, that the
 * whole second passed (no real time does).
 */
public final class PollTimeout {

    static void run(boolean handleTimeout, long serverMillis) throws InterruptedException {
        LinkedBlockingQueue<String> replies = new LinkedBlockingQueue<>();
        Thread server =
                new Thread(
                        () -> {
                            try {
                                Thread.sleep(serverMillis);
                            } catch (InterruptedException e) {
                                throw new IllegalStateException(e);
                            }
                            replies.add("pong");
                        },
                        "server");
        server.start();
        long start = System.nanoTime();
        String reply = replies.poll(1, TimeUnit.SECONDS); // site: poll
        long waited = System.nanoTime() - start;
        if (reply == null && handleTimeout) {
            if (waited < TimeUnit.SECONDS.toNanos(1)) {
                throw new AssertionError("timed out after " + waited + " ns");
            }
            reply = "retry";
        }
        if (reply.isEmpty()) {
            throw new AssertionError("empty reply");
        }
        server.join();
    }

    static long serverMillis(String[] args) {
        return args.length > 0 ? Long.parseLong(args[0]) : 1000;
    }

    private PollTimeout() {}

    public static void main(String[] args) throws InterruptedException {
        run(false, serverMillis(args));
    }

    /** The fix: a timeout is an answer too. */
    public static final class Fixed {
        private Fixed() {}

        public static void main(String[] args) throws InterruptedException {
            run(true, serverMillis(args));
        }
    }
}
