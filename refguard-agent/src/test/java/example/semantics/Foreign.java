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
