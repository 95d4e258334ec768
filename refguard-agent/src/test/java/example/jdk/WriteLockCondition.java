package example.jdk;

import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * A memtable of capacity one, guarded by a read-write lock; writers wait on a condition of the
 * write lock until a flush empties it. A writer that checks the capacity with {@code if} instead of
 * {@code while} goes on after a wake-up that another writer already used, and overfills the table.
 * The fix waits in a loop.
 */
public final class WriteLockCondition {

    final ReentrantReadWriteLock rw = new ReentrantReadWriteLock();
    final Condition flushed = rw.writeLock().newCondition();
    final Condition nonEmpty = rw.writeLock().newCondition();
    final boolean loop;
    int size = 1; // starts full

    WriteLockCondition(boolean loop) {
        this.loop = loop;
    }

    void write() throws InterruptedException {
        rw.writeLock().lock();
        try {
            if (loop) {
                while (size >= 1) {
                    flushed.await();
                }
            } else if (size >= 1) {
                flushed.await();
            }
            size++;
            if (size > 1) {
                throw new AssertionError("memtable over capacity: " + size);
            }
            nonEmpty.signalAll();
        } finally {
            rw.writeLock().unlock();
        }
    }

    void flush() throws InterruptedException {
        rw.writeLock().lock();
        try {
            while (size == 0) {
                nonEmpty.await();
            }
            size = 0;
            flushed.signalAll();
        } finally {
            rw.writeLock().unlock();
        }
    }

    static void run(boolean loop) throws InterruptedException {
        WriteLockCondition m = new WriteLockCondition(loop);
        Runnable writer =
                () -> {
                    try {
                        m.write();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                };
        Thread w1 = new Thread(writer, "w1");
        Thread w2 = new Thread(writer, "w2");
        Thread flusher =
                new Thread(
                        () -> {
                            try {
                                m.flush();
                                m.flush();
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                        },
                        "flusher");
        w1.start();
        w2.start();
        flusher.start();
        w1.join();
        w2.join();
        flusher.join();
    }

    public static void main(String[] args) throws InterruptedException {
        run(false);
    }

    /**
     * A writer that holds two tables' write locks while it waits on one's condition: which lock the
     * condition belongs to is not known, so the wait cannot be explored, and the run says so.
     */
    public static final class TwoWriteLocksHeld {
        private TwoWriteLocksHeld() {}

        public static void main(String[] args) throws InterruptedException {
            ReentrantReadWriteLock a = new ReentrantReadWriteLock();
            ReentrantReadWriteLock b = new ReentrantReadWriteLock();
            Condition ready = a.writeLock().newCondition();
            a.writeLock().lock();
            b.writeLock().lock();
            try {
                ready.await();
            } finally {
                b.writeLock().unlock();
                a.writeLock().unlock();
            }
        }
    }

    /** The fix: wait in a loop. */
    public static final class Fixed {
        private Fixed() {}

        public static void main(String[] args) throws InterruptedException {
            run(true);
        }
    }
}
