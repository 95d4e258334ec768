package programs.libs;

import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/** Reference counts of shared blobs kept in an H2 MVStore map. Each map call is thread-safe,
 *  but acquire/release read the count and write it back in two calls: an update is lost,
 *  and the blob is deleted while a reader still holds it (or never deleted). */
public class MvStoreRefCountBug {
    static MVMap<String, Integer> refs;
    static volatile boolean deleted;

    static void acquire(String blob) {
        refs.put(blob, refs.get(blob) + 1);            // BUG: read-modify-write in two calls
    }

    static void release(String blob) {
        int n = refs.get(blob) - 1;                    // BUG: same
        refs.put(blob, n);
        if (n == 0) deleted = true;
    }

    public static void main(String[] args) throws Exception {
        MVStore store = MVStore.open(null);           // in memory
        refs = store.openMap("refs");
        refs.put("blob-1", 1);                         // the catalog's own reference
        Thread[] readers = new Thread[2];
        boolean[] sawDeleted = new boolean[2];
        for (int i = 0; i < readers.length; i++) {
            int k = i;
            readers[i] = new Thread(() -> {
                acquire("blob-1");
                sawDeleted[k] = deleted;               // reading the blob
                release("blob-1");
            }, "reader-" + i);
            readers[i].start();
        }
        for (Thread t : readers) t.join();
        int left = refs.get("blob-1");
        store.close();
        if (sawDeleted[0] || sawDeleted[1] || deleted) throw new AssertionError("blob deleted while referenced");
        if (left != 1) throw new AssertionError("reference count " + left + ", expected 1");
    }
}
