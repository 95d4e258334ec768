package io.refguard.explore.strategy;

import io.refguard.explore.runtime.ChoicePoint;

/**
 * Probabilistic Concurrency Testing: Burckhardt, Kothari, Musuvathi and Nagarakatte, "A randomized
 * scheduler with probabilistic guarantees of finding bugs", ASPLOS 2010.
 *
 * <p>Each run gives the {@code n} threads distinct random priorities, all at least {@code d} (the
 * bug depth), and picks {@code d - 1} change points {@code k_1 .. k_{d-1}} uniformly among the
 * steps {@code 1 .. k}, where {@code k} is the longest run seen so far. The highest-priority
 * enabled thread always runs; when a thread has executed step {@code k_i} its priority drops to
 * {@code i}, below every initial priority. A bug of depth {@code d} (one that needs {@code d}
 * ordering constraints between steps) is found by one run with probability at least {@code 1 / (n *
 * k^(d-1))}. Depth 1 has no change point: each run is one random priority order.
 *
 * <h2>Partial-order-aware variant</h2>
 *
 * With {@code racesOnly}, change points are drawn among the steps that can race only, in the spirit
 * of PCTCP ("Randomized testing of distributed systems with probabilistic guarantees", OOPSLA 2018)
 * and taPCT ("Trace aware random testing for distributed systems", OOPSLA 2019), which spend their
 * change points only on events whose order can matter. Here a decision counts when the running
 * thread may go on and its next step touches an object that steps of more than one thread have
 * touched in the runs so far (objects are known across runs by their names or classes, see {@link
 * ObjectKeys}); a thread's private work never counts. At the {@code i}-th counted decision the
 * running thread drops to priority {@code i} before that step. {@code k} becomes the number of
 * counted decisions, far smaller than the number of steps when threads do much private work, so the
 * bound {@code 1 / (n * k^(d-1))} is far better.
 */
final class PctStrategy extends RandomizedStrategy {

    private static final int INITIAL_K = 64;

    private final int depth;
    private final boolean racesOnly;
    private long[] priority = new long[64];
    private final int[] changeAt;
    private int known;
    private int k = INITIAL_K;

    /** The most steps (or racing decisions) any run had so far. */
    private int longest;

    /** Racing decisions in the current run (racesOnly). */
    private int races;

    private static final int NONE = -1;
    private static final int SHARED = -2;

    /** Per object key: the one thread that touched it, or NONE or SHARED (racesOnly). */
    private int[] owner = new int[0];

    private final ObjectKeys objectKeys = new ObjectKeys();

    PctStrategy(long seed, int depth, boolean racesOnly) {
        super(seed);
        if (depth < 1) {
            throw new IllegalArgumentException("PCT depth must be at least 1, was " + depth);
        }
        this.depth = depth;
        this.racesOnly = racesOnly;
        this.changeAt = new int[depth - 1];
    }

    @Override
    void startRun() {
        if (longest > 0) {
            k = longest;
        }
        known = 0;
        races = 0;
        for (int i = 0; i < changeAt.length; i++) {
            changeAt[i] = 1 + random.nextInt(k);
        }
    }

    @Override
    public int choose(ChoicePoint p) {
        int n = p.threadCount();
        if (n > priority.length) {
            priority = java.util.Arrays.copyOf(priority, Math.max(n, priority.length * 2));
        }
        while (known < n) {
            // threads met for the first time (the initial ones, then spawned ones) get a random
            // priority above every change-point priority
            priority[known++] = depth + (random.nextLong() >>> 8);
        }
        int me = p.current();
        if (racesOnly) {
            if (me >= 0
                    && p.currentEnabled()
                    && !p.pendingStart(me)
                    && shared(objectKeys.key(p, me))) {
                races++;
                if (races > longest) {
                    longest = races;
                }
                lowerAt(me, races);
            }
        } else {
            // step s has just been executed by the current thread: the s-th step, counting from 1
            int s = p.step();
            if (s > longest) {
                longest = s;
            }
            if (me >= 0) {
                lowerAt(me, s);
            }
        }
        int c = highest(p, priority);
        if (racesOnly && !p.pendingStart(c)) {
            touch(objectKeys.key(p, c), c);
        }
        return c;
    }

    /** Drops {@code thread} to priority i + 1 if {@code point} is change point i. */
    private void lowerAt(int thread, int point) {
        for (int i = 0; i < changeAt.length; i++) {
            if (changeAt[i] == point) {
                priority[thread] = i + 1;
            }
        }
    }

    /** Whether steps of more than one thread have touched object {@code key} so far. */
    private boolean shared(int key) {
        return key < owner.length && owner[key] == SHARED;
    }

    /** Notes that {@code thread} touches object {@code key}. */
    private void touch(int key, int thread) {
        if (key >= owner.length) {
            int old = owner.length;
            owner = java.util.Arrays.copyOf(owner, Math.max(key + 1, old * 2));
            java.util.Arrays.fill(owner, old, owner.length, NONE);
        }
        int o = owner[key];
        if (o == NONE) {
            owner[key] = thread;
        } else if (o != thread) {
            owner[key] = SHARED;
        }
    }

    @Override
    public String describe() {
        return (racesOnly ? "PCT over racing steps, depth " : "PCT depth ")
                + depth
                + ", seed "
                + seed;
    }
}
