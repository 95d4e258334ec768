package example.jdk;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;

/**
 * Two threads count words in a {@code ConcurrentHashMap} with {@code get} then {@code put}: each
 * call is atomic, the pair is not, and an update is lost. The fix counts with {@code merge} and
 * {@code compute}, whose functions (and the key's {@code hashCode}, which reads a volatile field)
 * run inside the map's bin lock.
 */
public final class MapLostUpdate {

    /** A key whose hash is computed lazily, so the map calls back into explored code. */
    static final class Word {
        final String text;
        volatile int hash;

        Word(String text) {
            this.text = text;
        }

        @Override
        public int hashCode() {
            int h = hash;
            if (h == 0) {
                h = text.hashCode();
                hash = h;
            }
            return h;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Word w && w.text.equals(text);
        }
    }

    static void run(BiConsumer<ConcurrentHashMap<Word, Integer>, Word> count)
            throws InterruptedException {
        ConcurrentHashMap<Word, Integer> counts = new ConcurrentHashMap<>();
        Word word = new Word("refguard");
        Thread a = new Thread(() -> count.accept(counts, word), "a");
        Thread b = new Thread(() -> count.accept(counts, word), "b");
        a.start();
        b.start();
        a.join();
        b.join();
        int n = counts.get(word);
        if (n != 2) {
            throw new AssertionError("counted " + n + " words, expected 2");
        }
    }

    private MapLostUpdate() {}

    public static void main(String[] args) throws InterruptedException {
        run(
                (counts, w) -> {
                    Integer old = counts.get(w); // site: get
                    counts.put(w, old == null ? 1 : old + 1); // site: put
                });
    }

    /** The fix: one atomic call per update. */
    public static final class Fixed {
        private Fixed() {}

        public static void main(String[] args) throws InterruptedException {
            run(
                    (counts, w) -> {
                        counts.merge(w, 0, Integer::sum);
                        counts.compute(w, (k, v) -> v + k.hashCode() * 0 + 1);
                    });
        }
    }
}
