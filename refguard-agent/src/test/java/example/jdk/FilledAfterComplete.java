package example.jdk;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * A loader completes a future with a segment list and only then adds its first entry; a reader gets
 * the list from the future and reads it. The future orders what the loader did before {@code
 * complete}, not the {@code add} after it, so the add races the read. The fix fills the list before
 * completing.
 */
public final class FilledAfterComplete {

    static void run(boolean fillFirst) throws Exception {
        CompletableFuture<List<String>> loaded = new CompletableFuture<>();
        Thread loader =
                new Thread(
                        () -> {
                            List<String> segments = new ArrayList<>();
                            if (fillFirst) {
                                segments.add("seg-1");
                                loaded.complete(segments);
                            } else {
                                loaded.complete(segments);
                                segments.add("seg-1");
                            }
                        },
                        "loader");
        int[] size = new int[1];
        Thread reader =
                new Thread(
                        () -> {
                            try {
                                size[0] = loaded.get().size();
                            } catch (Exception e) {
                                throw new IllegalStateException(e);
                            }
                        },
                        "reader");
        loader.start();
        reader.start();
        loader.join();
        reader.join();
        if (size[0] != 1) {
            throw new AssertionError("the reader saw " + size[0] + " segments, expected 1");
        }
    }

    private FilledAfterComplete() {}

    public static void main(String[] args) throws Exception {
        run(false);
    }

    /** The fix: filled before the future is completed. */
    public static final class Fixed {
        private Fixed() {}

        public static void main(String[] args) throws Exception {
            run(true);
        }
    }
}
