package programs.libs;

import java.util.concurrent.atomic.AtomicInteger;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.AlreadyClosedException;
import org.apache.lucene.store.ByteBuffersDirectory;

/** A query thread pins the shared reader with "if refCount > 0 then incRef" while the
 *  owner closes it: fixed with tryIncRef. */
public class LuceneIncRefFix {
    static DirectoryReader open() throws Exception {
        ByteBuffersDirectory dir = new ByteBuffersDirectory();
        try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig())) {
            Document d = new Document();
            d.add(new StringField("id", "1", Field.Store.NO));
            w.addDocument(d);
        }
        return DirectoryReader.open(dir);
    }

    static boolean pin(DirectoryReader r) {
        return r.tryIncRef();        // FIX: atomic check-and-increment
    }

    public static void main(String[] args) throws Exception {
        DirectoryReader reader = open();
        AtomicInteger hits = new AtomicInteger();
        Throwable[] err = new Throwable[1];
        Thread query = new Thread(() -> {
            try {
                if (pin(reader)) {
                    try {
                        hits.addAndGet(new IndexSearcher(reader).count(new TermQuery(new Term("id", "1"))));
                    } finally {
                        reader.decRef();
                    }
                }
            } catch (AlreadyClosedException | java.io.IOException e) {
                err[0] = e;
            }
        }, "query");
        query.start();
        reader.close();              // the owner drops its reference
        query.join();
        if (err[0] != null) throw new AssertionError("query failed: " + err[0]);
    }
}
