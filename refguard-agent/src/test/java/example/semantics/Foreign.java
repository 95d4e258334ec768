package example.semantics;

import io.refguard.agent.explore.ForeignThreads;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Plain programs that wait for what the explorer cannot schedule. {@code ForeignThreads} stands for
 * uninstrumented library code that starts its own threads.
 */
public final class Foreign {

    private Foreign() {}

    /** Joins a thread the explored code did not start. */
    public static final class Join {
        private Join() {}

        public static void main(String[] args) throws InterruptedException {
            Thread t = ForeignThreads.sleeper();
            t.join();
        }
    }

    /**
     * A check-then-act cache filled by the program's own code on two threads, one of which a
     * library starts: the explorer would see only one of them.
     */
    public static final class Racing {
        static volatile String cached;
        static volatile int fills;

        private Racing() {}

        public static void main(String[] args) throws InterruptedException {
            Thread t = ForeignThreads.start(Racing::fill);
            fill();
            t.join();
            if (fills != 1) {
                throw new AssertionError("filled " + fills + " times");
            }
        }

        static void fill() {
            if (cached == null) {
                cached = Thread.currentThread().getName();
                fills++;
            }
        }
    }

    /** The same cache, but the library's thread is never joined: it may outlive the program. */
    public static final class RacingUnjoined {
        private RacingUnjoined() {}

        public static void main(String[] args) {
            ForeignThreads.start(Racing::fill);
            Racing.fill();
        }
    }

    /** Starts, through a library, a thread that runs only the library's code and outlives main. */
    public static final class Background {
        private Background() {}

        public static void main(String[] args) {
            ForeignThreads.sleeper();
        }
    }

    /**
     * As {@link Background}, then fails: the failure may come from the thread refguard did not see.
     */
    public static final class BackgroundThenFails {
        private BackgroundThenFails() {}

        public static void main(String[] args) {
            ForeignThreads.sleeper();
            throw new IllegalStateException("the program's own check");
        }
    }

    /** Takes a lock that a thread outside the exploration holds. */
    public static final class Lock {
        private Lock() {}

        public static void main(String[] args) {
            ReentrantLock lock = ForeignThreads.heldLock();
            lock.lock();
            lock.unlock();
        }
    }

    /** Blocks reading a pipe nobody writes to. */
    public static final class Read {
        private Read() {}

        public static void main(String[] args) throws Exception {
            try (PipedOutputStream out = new PipedOutputStream();
                    PipedInputStream in = new PipedInputStream(out)) {
                in.read(); // site: read
            }
        }
    }
}
