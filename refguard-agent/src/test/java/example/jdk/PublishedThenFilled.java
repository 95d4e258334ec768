package example.jdk;

import java.util.ArrayList;
import java.util.List;

/**
 * A loader publishes its list of entries through a volatile field and only then adds the first
 * entry; a reader waits for the list and adds its own. The volatile write orders what came before
 * it, not the {@code add} after it, so the two {@code add}s race. The fix fills the list before it
 * publishes it.
 */
public final class PublishedThenFilled {

    static volatile List<String> entries;

    static void run(boolean fillFirst) throws InterruptedException {
        entries = null;
        Thread loader =
                new Thread(
                        () -> {
                            List<String> l = new ArrayList<>();
                            if (fillFirst) {
                                l.add("header");
                                entries = l;
                            } else {
                                entries = l;
                                l.add("header");
                            }
                        },
                        "loader");
        loader.start();
        List<String> l;
        while ((l = entries) == null) {
            Thread.onSpinWait();
        }
        l.add("reader");
        loader.join();
        if (entries.size() != 2) {
            throw new AssertionError("entries " + entries + ", expected 2");
        }
    }

    private PublishedThenFilled() {}

    public static void main(String[] args) throws InterruptedException {
        run(false);
    }

    /** The fix: filled before it is published. */
    public static final class Fixed {
        private Fixed() {}

        public static void main(String[] args) throws InterruptedException {
            run(true);
        }
    }
}
