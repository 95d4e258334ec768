package programs.apps.pagecache.fix.cache;

import java.util.concurrent.TimeUnit;

/** Background thread: wakes on memory pressure (or every few ms) and evicts. */
public final class Evictor implements Runnable {
    private final PageCache cache;
    private volatile boolean running = true;
    private int evicted;

    public Evictor(PageCache cache) { this.cache = cache; }

    @Override
    public void run() {
        try {
            while (running || !cache.pressure().isEmpty()) {
                Long hint = cache.pressure().poll(5, TimeUnit.MILLISECONDS);
                if (hint != null) {
                    evicted += cache.evictUnpinned();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public void stop() { running = false; }

    public int evicted() { return evicted; }
}
