package io.refguard.docs;

import io.refguard.RefCounted;
import io.refguard.explore.Scenario;
import io.refguard.explore.sync.SharedInt;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The placeholders that documentation snippets use without defining them: the application around
 * the snippet ({@code server}, {@code executor}), and small stand-ins for the user's types ({@code
 * Index}, {@code TableReader}, {@code Counter}). Every snippet is compiled with {@code import
 * static io.refguard.docs.DocFixtures.*;}. Add one here only for what a reader would recognize as
 * "your code".
 */
public final class DocFixtures {

    private DocFixtures() {}

    /** The application's executor. */
    public static final ExecutorService executor =
            Executors.newCachedThreadPool(
                    r -> {
                        Thread t = new Thread(r, "doc-fixture");
                        t.setDaemon(true);
                        return t;
                    });

    /** An executor a test hands work to. */
    public static final ExecutorService pool = executor;

    /** A request server. */
    public static final Server server = new Server();

    /** Index files. */
    public static final List<String> files = List.of("a.idx");

    /** Newer index files. */
    public static final List<String> newFiles = List.of("b.idx");

    /** A scenario built elsewhere. */
    public static final Scenario<SharedInt> scenario =
            io.refguard.explore.Explorer.scenario("placeholder")
                    .setup(() -> new SharedInt("x", 0))
                    .actor("T1", x -> x.get());

    /** A replay token printed by a report. */
    public static final String token = "rg1-placeholder";

    /** Work handed to a thread. */
    public static final Runnable task = () -> {};

    /** A request. */
    public static Object request() {
        return new Object();
    }

    /** Uses a value. */
    public static void use(Object value) {}

    /** Searches an index. */
    public static void search(Object index) {}

    /** Native memory of {@code size} bytes. */
    public static long allocate(int size) {
        return size;
    }

    /** Reads native memory. */
    public static byte read(long address, int i) {
        return 0;
    }

    /** Frees native memory. */
    public static void free(long address) {}

    /** A buffer a test checks; counts its frees. */
    public static final class Buffer extends RefCounted<Buffer> {
        /** How often it was freed. */
        public final AtomicInteger frees = new AtomicInteger();

        @Override
        protected void deallocate() {
            frees.incrementAndGet();
        }
    }

    /** A buffer the application holds. */
    public static final Buffer buffer = new Buffer();

    /** A cache that checks for a key, loads it, then puts it: two threads may both load. */
    public static class Cache {
        private final java.util.Map<String, String> values = new java.util.HashMap<>();
        private int loads;

        /** The value of {@code key}, loaded on a miss. */
        public String get(String key) {
            String v;
            synchronized (this) {
                v = values.get(key);
            }
            if (v == null) {
                v = key.toUpperCase(java.util.Locale.ROOT);
                synchronized (this) {
                    loads++;
                    values.put(key, v);
                }
            }
            return v;
        }

        /** How many loads happened. */
        public synchronized int loads() {
            return loads;
        }
    }

    /** The racy cache of the plugin's sample project, as JUNIT.md names it. */
    public static final class RacyCache extends Cache {}

    /** A counter with a lost update. */
    public static final class Counter {
        /** The count. */
        public final SharedInt value = new SharedInt("value", 0);

        /** Reads, then writes: not atomic. */
        public void increment() {
            value.set(value.get() + 1);
        }
    }

    /** A pool of buffers. */
    public static final class Pool {
        /** Takes a buffer. */
        public Buffer take() {
            return new Buffer();
        }

        /** Returns a buffer. */
        public void release(Buffer b) {
            b.close();
        }

        /** Closes the pool. */
        public void close() {}

        /** Checks that nothing is left. */
        public void checkEmpty() {}
    }

    /** A request server. */
    public static final class Server {
        /** Handles a request. */
        public void handle(Object request) {}
    }

    /** A reference-counted search index over some files. */
    public static final class Index extends RefCounted<Index> {
        /** Opens the index. */
        public Index(List<String> files) {}

        @Override
        protected void deallocate() {}
    }

    /** A reference-counted table reader. */
    public static final class TableReader extends RefCounted<TableReader> {
        /** Opens a table. */
        public static TableReader open(String name) {
            return new TableReader();
        }

        @Override
        protected void deallocate() {}
    }
}
