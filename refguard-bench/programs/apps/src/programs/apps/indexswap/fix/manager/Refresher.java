package programs.apps.indexswap.fix.manager;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import programs.apps.indexswap.fix.index.IndexWriter;

/** Takes new documents from the ingest queue and publishes a fresh snapshot per batch. */
public final class Refresher implements Runnable {
    public static final String END = "<end>";
    private final BlockingQueue<String> ingest;
    private final SnapshotManager manager;
    private final IndexWriter writer = new IndexWriter();

    public Refresher(BlockingQueue<String> ingest, SnapshotManager manager) {
        this.ingest = ingest;
        this.manager = manager;
    }

    @Override
    public void run() {
        try {
            for (;;) {
                String doc = ingest.poll(10, TimeUnit.MILLISECONDS);
                if (doc == null) continue;
                if (doc.equals(END)) return;
                writer.add(doc);
                manager.swap(writer.commit());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
