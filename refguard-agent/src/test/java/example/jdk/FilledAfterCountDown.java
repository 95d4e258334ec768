package example.jdk;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;

/**
 * A loader registers its segment list in a {@code ConcurrentHashMap}, counts down a latch to say it
 * is there, and only then adds its first entry; a reader waits on the latch and adds its own. The
 * latch orders what the loader did before the {@code countDown}, not the {@code add} after it, so
 * the two {@code add}s race. The fix fills the list before counting down.
 */
public final class FilledAfterCountDown {

    static void run(boolean fillFirst) throws InterruptedException {
        ConcurrentHashMap<String, List<String>> segments = new ConcurrentHashMap<>();
        CountDownLatch registered = new CountDownLatch(1);
        Thread loader =
                new Thread(
                        () -> {
                            List<String> l = new ArrayList<>();
                            segments.put("seg-1", l);
                            if (fillFirst) {
                                l.add("header");
                                registered.countDown();
                            } else {
                                registered.countDown();
                                l.add("header");
                            }
                        },
                        "loader");
        Thread reader =
                new Thread(
                        () -> {
                            try {
                                registered.await();
                            } catch (InterruptedException e) {
                                return;
                            }
                            segments.get("seg-1").add("reader");
                        },
                        "reader");
        loader.start();
        reader.start();
        loader.join();
        reader.join();
        if (segments.get("seg-1").size() != 2) {
            throw new AssertionError("segment " + segments.get("seg-1") + ", expected 2 entries");
        }
    }

    private FilledAfterCountDown() {}

    public static void main(String[] args) throws InterruptedException {
        run(false);
    }

    /** The fix: filled before the latch says it is there. */
    public static final class Fixed {
        private Fixed() {}

        public static void main(String[] args) throws InterruptedException {
            run(true);
        }
    }
}
