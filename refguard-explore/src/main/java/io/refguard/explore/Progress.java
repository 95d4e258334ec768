package io.refguard.explore;

import java.util.function.Consumer;

/**
 * Progress lines of a long exploration ({@link ExploreOptions#progress}): one every {@link #EVERY}
 * seconds of wall time, while the search runs and while a failure's schedule is simplified, so a
 * long exploration says what it is doing. A quick one says nothing. Without a sink, nothing.
 */
final class Progress {

    /** Seconds between two lines. */
    static final long EVERY = 10;

    private static final long EVERY_NANOS = EVERY * 1_000_000_000L;

    private final Consumer<String> sink;
    private final long start;
    private long next;

    private final long every;

    Progress(Consumer<String> sink) {
        this(sink, EVERY_NANOS);
    }

    /** With a line every {@code everyNanos}: for tests. */
    Progress(Consumer<String> sink, long everyNanos) {
        this.sink = sink;
        this.every = everyNanos;
        this.start = System.nanoTime();
        this.next = start + every;
    }

    /** Whether a line is due. */
    boolean due() {
        return sink != null && System.nanoTime() - next >= 0;
    }

    /** Tells {@code what}, after the seconds since the exploration began. */
    void tell(String what) {
        long now = System.nanoTime();
        next = now + every;
        sink.accept((now - start) / 1_000_000_000L + " s: " + what);
    }
}
