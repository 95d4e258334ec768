package example.jdk;

import java.util.Collections;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Vector;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The program's code that a JDK call runs: a {@code forEach} action, a {@code removeIf} filter, a
 * {@code compute} function. Some calls run it holding a lock of the JDK's (a {@code Hashtable}'s
 * monitor, a {@code ConcurrentHashMap} bin, a {@code CopyOnWriteArrayList}'s lock), others hold
 * none. Either way another thread's code that does not need that lock runs meanwhile.
 *
 * <p>The races: one thread adds to a counter inside the callback by reading, then setting; another
 * thread adds to it once with {@code incrementAndGet}, between the two: a lost update, unless
 * {@code fixed} makes the callback add atomically. The deadlocks: the callback takes a monitor
 * while the JDK holds its lock, another thread takes them in the other order, unless {@code fixed}
 * makes it call the JDK outside its monitor.
 */
public final class LockedCallbacks {

    private LockedCallbacks() {}

    /** Adds one to {@code counter}: by reading, then setting, unless {@code fixed}. */
    static void add(AtomicInteger counter, boolean fixed) {
        InlineCallbacks.add(counter, fixed);
    }

    /** Runs {@code callback} on one thread and an atomic addition on another, then checks. */
    static void race(AtomicInteger counter, Runnable callback) throws InterruptedException {
        both(callback, counter::incrementAndGet);
        if (counter.get() != 2) {
            throw new AssertionError("2 additions counted as " + counter.get());
        }
    }

    static void both(Runnable first, Runnable second) throws InterruptedException {
        Thread a = new Thread(first);
        Thread b = new Thread(second);
        a.start();
        b.start();
        a.join();
        b.join();
    }

    /** {@code Hashtable.compute}, a {@code synchronized} method. */
    public static final class HashtableCompute {
        public static void main(String[] args) throws InterruptedException {
            AtomicInteger counter = new AtomicInteger();
            boolean fixed = args.length > 0;
            Hashtable<String, Integer> table = new Hashtable<>();
            race(
                    counter,
                    () ->
                            table.compute(
                                    "k",
                                    (k, v) -> {
                                        add(counter, fixed);
                                        return 1;
                                    }));
        }
    }

    /** {@code Vector.forEach}, a {@code synchronized} method. */
    public static final class VectorForEach {
        public static void main(String[] args) throws InterruptedException {
            AtomicInteger counter = new AtomicInteger();
            boolean fixed = args.length > 0;
            Vector<Integer> vector = new Vector<>(List.of(1));
            race(counter, () -> vector.forEach(e -> add(counter, fixed)));
        }
    }

    /** {@code merge} of a {@code Collections.synchronizedMap}, which holds the wrapper's mutex. */
    public static final class SynchronizedMapMerge {
        public static void main(String[] args) throws InterruptedException {
            AtomicInteger counter = new AtomicInteger();
            boolean fixed = args.length > 0;
            Map<String, Integer> map = Collections.synchronizedMap(new HashMap<>(Map.of("k", 1)));
            race(
                    counter,
                    () ->
                            map.merge(
                                    "k",
                                    1,
                                    (a, b) -> {
                                        add(counter, fixed);
                                        return a + b;
                                    }));
        }
    }

    /** {@code ConcurrentHashMap.computeIfAbsent}: the function runs holding the key's bin. */
    public static final class ConcurrentMapComputeIfAbsent {
        public static void main(String[] args) throws InterruptedException {
            AtomicInteger counter = new AtomicInteger();
            boolean fixed = args.length > 0;
            ConcurrentHashMap<String, Integer> map = new ConcurrentHashMap<>();
            race(
                    counter,
                    () ->
                            map.computeIfAbsent(
                                    "k",
                                    k -> {
                                        add(counter, fixed);
                                        return 1;
                                    }));
        }
    }

    /**
     * Two threads compute two keys of one {@code ConcurrentHashMap}, counting their loads: the JDK
     * holds one bin for each, so the two functions overlap.
     */
    public static final class ConcurrentMapTwoKeys {
        public static void main(String[] args) throws InterruptedException {
            AtomicInteger counter = new AtomicInteger();
            boolean fixed = args.length > 0;
            ConcurrentHashMap<String, Integer> map = new ConcurrentHashMap<>();
            both(
                    () -> map.computeIfAbsent("a", k -> load(counter, fixed)),
                    () -> map.computeIfAbsent("b", k -> load(counter, fixed)));
            if (counter.get() != 2) {
                throw new AssertionError("2 additions counted as " + counter.get());
            }
        }

        static Integer load(AtomicInteger counter, boolean fixed) {
            add(counter, fixed);
            return 1;
        }
    }

    /**
     * A correct program: a thread computes a key while another replaces its value conditionally and
     * a third removes the value the replacement writes. Each update of the key waits for the
     * computation, so what the function saw and what the replacement did agree with some order of
     * the three: the replacement of 1 cannot succeed when the function also saw 1.
     */
    public static final class ConcurrentMapConditionalUpdates {
        public static void main(String[] args) throws InterruptedException {
            ConcurrentHashMap<String, Integer> map = new ConcurrentHashMap<>(Map.of("k", 1));
            AtomicInteger seen = new AtomicInteger(-1);
            java.util.concurrent.atomic.AtomicBoolean replaced =
                    new java.util.concurrent.atomic.AtomicBoolean();
            Thread remover = new Thread(() -> map.values().removeIf(v -> v == 100));
            remover.start();
            both(
                    () ->
                            map.compute(
                                    "k",
                                    (k, v) -> {
                                        seen.set(v == null ? 0 : v);
                                        return v == null ? 10 : v + 10;
                                    }),
                    () -> replaced.set(map.replace("k", 1, 100)));
            remover.join();
            if (replaced.get() && seen.get() == 1) {
                throw new AssertionError("the function and the replacement both saw 1: " + map);
            }
        }
    }

    /** {@code CopyOnWriteArrayList.removeIf}: the filter runs holding the list's lock. */
    public static final class CopyOnWriteRemoveIf {
        public static void main(String[] args) throws InterruptedException {
            AtomicInteger counter = new AtomicInteger();
            boolean fixed = args.length > 0;
            CopyOnWriteArrayList<Integer> list = new CopyOnWriteArrayList<>(List.of(1));
            race(
                    counter,
                    () ->
                            list.removeIf(
                                    e -> {
                                        add(counter, fixed);
                                        return false;
                                    }));
        }
    }

    /** {@code CopyOnWriteArrayList.forEach}, over a snapshot, holding no lock. */
    public static final class CopyOnWriteForEach {
        public static void main(String[] args) throws InterruptedException {
            AtomicInteger counter = new AtomicInteger();
            boolean fixed = args.length > 0;
            CopyOnWriteArrayList<Integer> list = new CopyOnWriteArrayList<>(List.of(1));
            race(counter, () -> list.forEach(e -> add(counter, fixed)));
        }
    }

    /** {@code ConcurrentSkipListMap.compute}, which holds no lock. */
    public static final class SkipListCompute {
        public static void main(String[] args) throws InterruptedException {
            AtomicInteger counter = new AtomicInteger();
            boolean fixed = args.length > 0;
            ConcurrentSkipListMap<String, Integer> map = new ConcurrentSkipListMap<>();
            race(
                    counter,
                    () ->
                            map.compute(
                                    "k",
                                    (k, v) -> {
                                        add(counter, fixed);
                                        return 1;
                                    }));
        }
    }

    /** {@code LinkedBlockingQueue.forEach}, which runs the action with the queue's locks free. */
    public static final class BlockingQueueForEach {
        public static void main(String[] args) throws InterruptedException {
            AtomicInteger counter = new AtomicInteger();
            boolean fixed = args.length > 0;
            LinkedBlockingQueue<Integer> queue = new LinkedBlockingQueue<>(List.of(1));
            race(counter, () -> queue.forEach(e -> add(counter, fixed)));
        }
    }

    /**
     * A synchronized map's {@code computeIfAbsent} whose function takes a monitor, and a thread
     * that holds that monitor while it puts into the map: a lock-order deadlock.
     */
    public static final class SynchronizedMapDeadlock {
        public static void main(String[] args) throws InterruptedException {
            boolean fixed = args.length > 0;
            Map<String, Integer> map = Collections.synchronizedMap(new HashMap<>());
            Object registry = new Object();
            both(
                    () ->
                            map.computeIfAbsent(
                                    "a",
                                    k -> {
                                        synchronized (registry) {
                                            return 1;
                                        }
                                    }),
                    () -> {
                        if (fixed) {
                            synchronized (registry) {
                                registry.hashCode();
                            }
                            map.put("b", 2);
                        } else {
                            synchronized (registry) {
                                map.put("b", 2);
                            }
                        }
                    });
        }
    }

    /** The same with a {@code ConcurrentHashMap}, whose update of the key waits for its bin. */
    public static final class ConcurrentMapDeadlock {
        public static void main(String[] args) throws InterruptedException {
            boolean fixed = args.length > 0;
            ConcurrentHashMap<String, Integer> map = new ConcurrentHashMap<>(Map.of("a", 0));
            Object registry = new Object();
            both(
                    () ->
                            map.compute(
                                    "a",
                                    (k, v) -> {
                                        synchronized (registry) {
                                            return v + 1;
                                        }
                                    }),
                    () -> {
                        if (fixed) {
                            synchronized (registry) {
                                registry.hashCode();
                            }
                            map.put("a", 5);
                        } else {
                            synchronized (registry) {
                                map.put("a", 5);
                            }
                        }
                    });
        }
    }

    /**
     * A correct program: a synchronized list's {@code forEach} action and another thread's block
     * {@code synchronized} on the list never overlap, so reading, then setting, loses nothing.
     */
    public static final class SynchronizedListExclusive {
        public static void main(String[] args) throws InterruptedException {
            AtomicInteger counter = new AtomicInteger();
            List<Integer> list =
                    Collections.synchronizedList(new java.util.ArrayList<>(List.of(1)));
            both(
                    () -> list.forEach(e -> add(counter, false)),
                    () -> {
                        synchronized (list) {
                            add(counter, false);
                        }
                    });
            if (counter.get() != 2) {
                throw new AssertionError("2 additions counted as " + counter.get());
            }
        }
    }

    /**
     * A correct program: two threads compute the same key of a {@code ConcurrentHashMap}, whose bin
     * lock keeps their functions apart, while a third reads it.
     */
    public static final class ConcurrentMapExclusive {
        public static void main(String[] args) throws InterruptedException {
            AtomicInteger counter = new AtomicInteger();
            ConcurrentHashMap<String, Integer> map = new ConcurrentHashMap<>();
            Runnable compute =
                    () ->
                            map.compute(
                                    "k",
                                    (k, v) -> {
                                        add(counter, false);
                                        return v == null ? 1 : v + 1;
                                    });
            Thread reader = new Thread(() -> map.get("k"));
            reader.start();
            both(compute, compute);
            reader.join();
            if (counter.get() != 2 || map.get("k") != 2) {
                throw new AssertionError("2 additions counted as " + counter.get() + ", " + map);
            }
        }
    }

    /**
     * A correct program: a {@code Collections.synchronizedMap} around a {@code ConcurrentHashMap}
     * computes a key while another thread puts it into the map itself, not through the wrapper. The
     * wrapper's call also holds the key's bin, which the put waits for in the JDK.
     */
    public static final class WrappedConcurrentMap {
        public static void main(String[] args) throws InterruptedException {
            AtomicInteger counter = new AtomicInteger();
            ConcurrentHashMap<String, Integer> inside = new ConcurrentHashMap<>();
            Map<String, Integer> map = Collections.synchronizedMap(inside);
            both(
                    () ->
                            map.compute(
                                    "k",
                                    (k, v) -> {
                                        add(counter, false);
                                        return 1;
                                    }),
                    () -> inside.put("k", 2));
            if (counter.get() != 1 || inside.get("k") == null) {
                throw new AssertionError(counter + ", " + inside);
            }
        }
    }
}
