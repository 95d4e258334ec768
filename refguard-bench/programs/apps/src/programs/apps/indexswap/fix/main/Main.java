package programs.apps.indexswap.fix.main;

import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import programs.apps.indexswap.fix.index.Snapshot;
import programs.apps.indexswap.fix.manager.Refresher;
import programs.apps.indexswap.fix.manager.SnapshotManager;

public final class Main {
    public static void main(String[] args) throws Exception {
        SnapshotManager manager = new SnapshotManager(new Snapshot(0, Map.of()));
        LinkedBlockingQueue<String> ingest = new LinkedBlockingQueue<>();
        Thread refresher = new Thread(new Refresher(ingest, manager), "refresher");
        refresher.start();

        ConcurrentLinkedQueue<Throwable> errors = new ConcurrentLinkedQueue<>();
        CountDownLatch searchersDone = new CountDownLatch(2);
        for (int s = 0; s < 2; s++) {
            new Thread(() -> {
                try {
                    long lastGen = -1;
                    for (int q = 0; q < 3; q++) {
                        Snapshot snap = manager.acquire();
                        try {
                            if (snap.generation() < lastGen) {
                                throw new AssertionError("went back in time: " + snap.generation());
                            }
                            lastGen = snap.generation();
                            snap.docFreq("refguard");
                        } finally {
                            manager.release(snap);
                        }
                    }
                } catch (Throwable t) {
                    errors.add(t);
                } finally {
                    searchersDone.countDown();
                }
            }, "searcher-" + s).start();
        }
        ingest.put("refguard explores");
        ingest.put("refguard swaps");
        searchersDone.await();
        ingest.put(Refresher.END);
        refresher.join();

        if (!errors.isEmpty()) {
            throw new AssertionError("a searcher failed: " + errors.peek(), errors.peek());
        }
        for (Snapshot s : manager.history()) {
            boolean live = s == manager.current();
            if (live != !s.isClosed() || s.refCount() != (live ? 1 : 0)) {
                throw new AssertionError("snapshot gen " + s.generation() + " refs=" + s.refCount()
                        + " closed=" + s.isClosed());
            }
        }
    }
}
