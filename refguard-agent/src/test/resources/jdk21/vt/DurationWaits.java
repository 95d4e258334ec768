package vt;

import java.time.Duration;

/**
 * The {@code Duration} forms of {@code Thread.sleep} and {@code join} (JDK 19+) on the virtual
 * clock: a flusher sleeps 100 ms and then writes; the caller joins it with a timeout and reads
 * what it wrote. Joined for 10 ms, the flusher is still asleep when the join gives up, and the
 * caller finds nothing written. With "fixed" it joins for 5 s.
 */
public final class DurationWaits {

    static volatile String written;

    public static void main(String[] args) throws InterruptedException {
        boolean fixed = args.length > 0;
        Thread flusher = Thread.ofVirtual().name("flusher").start(() -> {
            try {
                Thread.sleep(Duration.ofMillis(100));
            } catch (InterruptedException e) {
                return;
            }
            written = "page";
        });
        boolean ended = flusher.join(fixed ? Duration.ofSeconds(5) : Duration.ofMillis(10));
        if (!ended || written == null) {
            throw new IllegalStateException("the flusher had not written when the join ended");
        }
    }
}
