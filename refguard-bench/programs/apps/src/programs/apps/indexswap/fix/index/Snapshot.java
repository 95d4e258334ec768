package programs.apps.indexswap.fix.index;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** An immutable point-in-time view of the index, reference counted; closed when the count hits 0. */
public final class Snapshot {
    private final long generation;
    private final Map<String, Integer> postings;
    private final AtomicInteger refs = new AtomicInteger(1);   // the manager's own reference
    private volatile boolean closed;

    public Snapshot(long generation, Map<String, Integer> postings) {
        this.generation = generation;
        this.postings = Map.copyOf(postings);
    }

    public long generation() { return generation; }

    public int docFreq(String term) {
        if (closed) {
            throw new IllegalStateException("snapshot gen " + generation + " is closed");
        }
        return postings.getOrDefault(term, 0);
    }

    public void incRef() {
        refs.incrementAndGet();
    }

    public boolean tryIncRef() {
        for (;;) {
            int c = refs.get();
            if (c <= 0) return false;
            if (refs.compareAndSet(c, c + 1)) return true;
        }
    }

    public void decRef() {
        int left = refs.decrementAndGet();
        if (left == 0) {
            closed = true;          // frees the segment files' memory maps
        } else if (left < 0) {
            throw new IllegalStateException("snapshot gen " + generation + " released too often");
        }
    }

    public int refCount() { return refs.get(); }

    public boolean isClosed() { return closed; }
}
