package example.explore;

import java.util.ArrayDeque;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A bounded buffer with two conditions, where {@code put} signals {@code notFull} instead of {@code
 * notEmpty}: a consumer already waiting for an item is never woken. The fix signals the condition
 * the consumers wait on.
 */
public final class ProducerConsumer {

    static final class Buffer {
        private final ReentrantLock lock = new ReentrantLock();
        private final Condition notEmpty = lock.newCondition();
        private final Condition notFull = lock.newCondition();
        private final ArrayDeque<Integer> items = new ArrayDeque<>();
        private final int capacity;
        private final boolean correct;

        Buffer(int capacity, boolean correct) {
            this.capacity = capacity;
            this.correct = correct;
        }

        void put(int item) throws InterruptedException {
            lock.lock();
            try {
                while (items.size() == capacity) {
                    notFull.await();
                }
                items.addLast(item);
                (correct ? notEmpty : notFull).signal(); // site: signal
            } finally {
                lock.unlock();
            }
        }

        int take() throws InterruptedException {
            lock.lock();
            try {
                while (items.isEmpty()) {
                    notEmpty.await(); // site: await
                }
                int item = items.removeFirst();
                notFull.signal();
                return item;
            } finally {
                lock.unlock();
            }
        }
    }

    static void run(boolean correct) throws InterruptedException {
        Buffer buffer = new Buffer(1, correct);
        Thread producer =
                new Thread(
                        () -> {
                            try {
                                buffer.put(1);
                                buffer.put(2);
                            } catch (InterruptedException e) {
                                throw new IllegalStateException(e);
                            }
                        },
                        "producer");
        Thread consumer =
                new Thread(
                        () -> {
                            try {
                                buffer.take();
                                buffer.take();
                            } catch (InterruptedException e) {
                                throw new IllegalStateException(e);
                            }
                        },
                        "consumer");
        producer.start();
        consumer.start();
        producer.join();
        consumer.join();
    }

    private ProducerConsumer() {}

    public static void main(String[] args) throws InterruptedException {
        run(false);
    }

    /** The fix: signal notEmpty after a put. */
    public static final class Fixed {
        private Fixed() {}

        public static void main(String[] args) throws InterruptedException {
            run(true);
        }
    }
}
