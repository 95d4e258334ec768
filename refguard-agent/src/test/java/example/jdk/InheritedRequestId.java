package example.jdk;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A request id kept in a thread local tags the I/O of a prefetch thread and of a pool's worker,
 * both constructed by the request's thread. The buggy version keeps it in a plain {@code
 * ThreadLocal}, which a new thread does not see; the fix uses an {@code InheritableThreadLocal},
 * whose value the JVM copies into every thread constructed after it was set.
 */
public final class InheritedRequestId {

    static void run(ThreadLocal<String> requestId) throws Exception {
        requestId.set("q-42");
        String[] tags = new String[2];
        Thread prefetch = new Thread(() -> tags[0] = requestId.get(), "prefetch");
        prefetch.start();
        prefetch.join();
        ExecutorService pool = Executors.newSingleThreadExecutor(); // its worker: made on submit
        pool.submit(() -> tags[1] = requestId.get()).get();
        pool.shutdown();
        if (!"q-42".equals(tags[0]) || !"q-42".equals(tags[1])) {
            throw new AssertionError("I/O tagged " + tags[0] + " and " + tags[1]);
        }
    }

    private InheritedRequestId() {}

    public static void main(String[] args) throws Exception {
        run(new ThreadLocal<>());
    }

    /** The fix: an inheritable thread local. */
    public static final class Fixed {
        private Fixed() {}

        public static void main(String[] args) throws Exception {
            run(new InheritableThreadLocal<>());
        }
    }
}
