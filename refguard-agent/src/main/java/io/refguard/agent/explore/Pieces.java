package io.refguard.agent.explore;

import io.refguard.explore.Coordinator;
import java.util.ArrayList;
import java.util.List;
import java.util.Spliterator;

/**
 * A parallel operation of the JDK, run as the JDK runs it but on modeled workers: its work split
 * into pieces, every piece but the first queued on the modeled pool of the caller (the common
 * pool's model, or the modeled {@code ForkJoinPool} whose worker calls), the first run by the
 * caller, which then waits in the model for the others. Parallel streams ({@link ParallelStreams})
 * and the bulk operations of {@code ConcurrentHashMap} ({@link ConcurrentMapBulk}) run this way.
 *
 * <p>The number of pieces is fixed ({@link #DEPTH}), not the machine's parallelism, so that
 * schedules and replay tokens do not depend on the machine.
 */
final class Pieces {

    /** How often a spliterator is halved: at most {@code 2^DEPTH} pieces, on any machine. */
    static final int DEPTH = 2;

    private Pieces() {}

    /** What one piece computes. */
    @FunctionalInterface
    interface Work {
        Object run() throws Throwable;
    }

    /** Halves {@code s} with {@code trySplit} {@link #DEPTH} times at most, prefixes first. */
    static <T extends Spliterator<?>> List<T> split(T s) {
        return split(s, DEPTH);
    }

    /** Halves {@code s} with {@code trySplit} {@code depth} times at most, prefixes first. */
    static <T extends Spliterator<?>> List<T> split(T s, int depth) {
        List<T> out = new ArrayList<>();
        split(s, depth, out);
        return out;
    }

    @SuppressWarnings("unchecked")
    private static <T extends Spliterator<?>> void split(T s, int depth, List<T> out) {
        T prefix = depth > 0 ? (T) s.trySplit() : null;
        if (prefix == null) {
            out.add(s);
            return;
        }
        split(prefix, depth - 1, out);
        split(s, depth - 1, out);
    }

    /**
     * Runs {@code works} as pieces and returns their results in order. When the caller's own
     * (first) piece throws, the others are cancelled before they start, as the JDK cancels its
     * tasks, and the exception is rethrown; otherwise the first exception in order is.
     */
    static List<Object> run(ExploringInterceptor x, String label, List<Work> works)
            throws Throwable {
        RunModel r = x.run();
        List<Piece> pieces = new ArrayList<>();
        for (Work w : works) {
            pieces.add(new Piece(w));
        }
        List<Piece> others = pieces.subList(1, pieces.size());
        ModeledExecutor pool = ForkJoinModels.currentPool(x);
        r.parallelPieces++; // every call on a collection that is not thread-safe is checked
        try {
            for (Piece p : others) {
                pool.enqueue(p, true);
            }
            Piece first = pieces.get(0);
            first.run();
            if (first.thrown != null) {
                for (Piece p : others) {
                    p.cancelled = true; // not started yet: skipped
                }
                throw first.thrown;
            }
            if (!others.isEmpty()) {
                r.ops++;
                r.block(() -> allDone(others), false, pool.key, label);
            }
        } finally {
            r.parallelPieces--;
        }
        List<Object> results = new ArrayList<>();
        for (Piece p : pieces) {
            if (p.thrown != null) {
                throw p.thrown; // the first in encounter order, as the piece threw it
            }
            results.add(p.result);
        }
        return results;
    }

    /** One piece, run on the caller or queued on a modeled worker. */
    private static final class Piece implements Runnable {
        private final Work work;
        Object result;
        Throwable thrown;
        boolean done;
        boolean cancelled;

        Piece(Work work) {
            this.work = work;
        }

        @Override
        public void run() {
            try {
                if (!cancelled) {
                    result = work.run();
                }
            } catch (Throwable t) {
                if (Coordinator.isAbort(t)) {
                    throw (Error) t; // the run ended
                }
                thrown = t;
            } finally {
                done = true;
            }
        }
    }

    private static boolean allDone(List<Piece> pieces) {
        for (Piece p : pieces) {
            if (!p.done) {
                return false;
            }
        }
        return true;
    }
}
