package programs.libs;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SerialMergeScheduler;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.AlreadyClosedException;
import org.apache.lucene.store.ByteBuffersDirectory;

/** A helper "borrows" a searcher from the SearcherManager but releases it before returning it.
 *  Harmless until a concurrent rebuild (deleteAll + add + maybeRefresh) drops the last
 *  reference of the old reader while a query still searches it. */
public class LuceneSearcherReleaseBug {
    static SearcherManager mgr;

    static IndexSearcher searcher() throws Exception {
        IndexSearcher s = mgr.acquire();
        try {
            return s;
        } finally {
            mgr.release(s);          // BUG: released before the caller searched
        }
    }

    static int query() throws Exception {
        return searcher().count(new TermQuery(new Term("id", "1")));
    }

    static Document doc(String id) {
        Document d = new Document();
        d.add(new StringField("id", id, Field.Store.NO));
        return d;
    }

    public static void main(String[] args) throws Exception {
        ByteBuffersDirectory dir = new ByteBuffersDirectory();
        IndexWriter w = new IndexWriter(dir, new IndexWriterConfig().setMergeScheduler(new SerialMergeScheduler()));
        w.addDocument(doc("1"));
        w.commit();
        mgr = new SearcherManager(w, null);
        if (query() != 1) throw new AssertionError("warm-up");
        int[] hits = new int[1];
        Throwable[] err = new Throwable[1];
        Thread q = new Thread(() -> {
            try { hits[0] = query(); } catch (Throwable t) { err[0] = t; }
        }, "query");
        Thread rebuild = new Thread(() -> {
            try {
                w.deleteAll();
                for (int i = 1; i <= 3; i++) w.addDocument(doc(Integer.toString(i)));
                mgr.maybeRefresh();
            } catch (Exception e) { throw new RuntimeException(e); }
        }, "rebuild");
        q.start();
        rebuild.start();
        q.join();
        rebuild.join();
        mgr.close();
        w.close();
        if (err[0] != null) throw new AssertionError("query failed: " + err[0], err[0]);
        if (hits[0] != 1) throw new AssertionError("hits " + hits[0]);
    }
}
