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
import org.apache.lucene.store.ByteBuffersDirectory;

/** Fixed: the query holds its searcher from acquire to release around the search, so a
 *  concurrent rebuild (deleteAll + add + maybeRefresh) cannot close the reader under it. */
public class LuceneSearcherReleaseFix {
    static SearcherManager mgr;

    static int query() throws Exception {
        IndexSearcher s = mgr.acquire();
        try {
            return s.count(new TermQuery(new Term("id", "1")));
        } finally {
            mgr.release(s);          // FIX: released after the search
        }
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
