package programs.libs;

import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/** Reference counts of shared blobs kept in an H2 MVStore map. Fixed: each update is a
 *  replace(key, old, new) retried until it wins, so no update is lost. */
public class MvStoreRefCountFix {
    static MVMap<String, Integer> refs;
    static volatile boolean deleted;

    static int add(String blob, int delta) {           // FIX: compare-and-replace loop
        while (true) {
            Integer old = refs.get(blob);
            if (refs.replace(blob, old, old + delta)) return old + delta;
        }
    }

    static void acquire(String blob) {
        add(blob, 1);
    }

    static void release(String blob) {
        if (add(blob, -1) == 0) deleted = true;
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
