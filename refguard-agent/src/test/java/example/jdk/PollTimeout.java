package example.jdk;

import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A client waits up to five seconds for a reply with a timed {@code poll} and uses the reply
 * without checking for {@code null}: the bug shows only on the path where the timeout expires
 * before the server replies. The fix handles the timeout, and checks on the explorer's virtual
 * clock that the whole timeout passed (no real time does).
 */
public final class PollTimeout {

    static void run(boolean handleTimeout) throws InterruptedException {
        LinkedBlockingQueue<String> replies = new LinkedBlockingQueue<>();
        Thread server = new Thread(() -> replies.add("pong"), "server");
        server.start();
        long start = System.nanoTime();
        String reply = replies.poll(5, TimeUnit.SECONDS); // site: poll
        long waited = System.nanoTime() - start;
        if (reply == null && handleTimeout) {
            if (waited < TimeUnit.SECONDS.toNanos(5)) {
                throw new AssertionError("timed out after " + waited + " ns");
            }
            reply = "retry";
        }
        if (reply.isEmpty()) {
            throw new AssertionError("empty reply");
        }
        server.join();
    }

    private PollTimeout() {}

    public static void main(String[] args) throws InterruptedException {
        run(false);
    }

    /** The fix: a timeout is an answer too. */
    public static final class Fixed {
        private Fixed() {}

        public static void main(String[] args) throws InterruptedException {
            run(true);
        }
    }
}
