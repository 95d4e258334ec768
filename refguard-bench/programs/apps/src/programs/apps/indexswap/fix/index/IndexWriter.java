package programs.apps.indexswap.fix.index;

import java.util.HashMap;
import java.util.Map;

/** Accumulates documents; commit() produces the next snapshot. Used by the refresher thread only. */
public final class IndexWriter {
    private final Map<String, Integer> postings = new HashMap<>();
    private long generation;

    public void add(String doc) {
        for (String term : doc.split(" ")) {
            postings.merge(term, 1, Integer::sum);
        }
    }

    public Snapshot commit() {
        generation++;
        return new Snapshot(generation, postings);
    }
}
