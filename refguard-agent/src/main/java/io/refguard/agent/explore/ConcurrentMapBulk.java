package io.refguard.agent.explore;

import io.refguard.agent.bridge.LibraryCall;
import io.refguard.explore.Coordinator;
import io.refguard.hook.Access;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Spliterator;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.DoubleBinaryOperator;
import java.util.function.Function;
import java.util.function.IntBinaryOperator;
import java.util.function.LongBinaryOperator;
import java.util.function.ToDoubleBiFunction;
import java.util.function.ToDoubleFunction;
import java.util.function.ToIntBiFunction;
import java.util.function.ToIntFunction;
import java.util.function.ToLongBiFunction;
import java.util.function.ToLongFunction;

/**
 * The bulk operations of {@code ConcurrentHashMap} that take a {@code parallelismThreshold}: {@code
 * forEach*}, {@code search*} and {@code reduce*}, over key-value pairs, keys, values or entries.
 *
 * <p>The JDK runs such an operation as {@code CountedCompleter}s that it forks from inside its own
 * code onto the real common pool, whose threads the explorer does not schedule; and it reads the
 * table as it goes, so a writer can run between two elements. Under exploration the operation runs
 * with the same semantics on modeled workers ({@link Pieces}): the map's entry spliterator, which
 * reads the table as lazily as the JDK's tasks do, is split as the JDK splits work, and each piece
 * applies the program's functions to its elements, with a point on the map before each element, so
 * other threads' writes interleave with the traversal and the program's functions run as explored
 * code. The JDK's rule decides whether the operation runs in parallel at all ({@link #depth}): it
 * does not when the threshold is {@code Long.MAX_VALUE} or exceeds the number of mappings, or the
 * map holds at most one; then the caller traverses alone, still element by element.
 *
 * <p>As in the JDK, a {@code null} a transformer returns is skipped, a search stops every piece
 * once one found a result, a reduction of no elements is {@code null}, and the primitive reductions
 * start each piece from the basis and combine the pieces with the reducer. An entry given to the
 * program is immutable, as the JDK's table nodes are.
 */
final class ConcurrentMapBulk {

    private ConcurrentMapBulk() {}

    /** Whether {@code call} on a {@code ConcurrentHashMap} is a bulk operation. */
    static boolean applies(LibraryCall call) {
        String n = call.name();
        return (n.startsWith("forEach") || n.startsWith("search") || n.startsWith("reduce"))
                && call.argumentCount() >= 2
                && call.methodType().parameterType(0) == long.class;
    }

    /** Runs the bulk operation {@code call} on {@code map}, which {@link #applies}. */
    static Object call(ExploringInterceptor x, LibraryCall call, ConcurrentHashMap<?, ?> map)
            throws Throwable {
        RunModel r = x.run();
        String label = x.label(call.site());
        LockModel key = r.key(map, call.site());
        r.ops++;
        Coordinator.point(key, Access.READ, label);
        Op op = op(call);
        long threshold = (Long) call.argument(0);
        long n = map.mappingCount();
        Spliterator<Map.Entry<?, ?>> whole = entries(map);
        List<Spliterator<Map.Entry<?, ?>>> parts = Pieces.split(whole, depth(threshold, n));
        Found found = new Found();
        String each = label + ": next element";
        List<Pieces.Work> works = new ArrayList<>();
        for (Spliterator<Map.Entry<?, ?>> part : parts) {
            works.add(() -> traverse(x, key, each, part, op, found));
        }
        List<Object> results = Pieces.run(x, label, works);
        if (op.kind == Kind.SEARCH) {
            return found.result;
        }
        Object acc = null;
        for (Object result : results) {
            acc = acc == null ? result : result == null ? acc : op.combine(acc, result);
        }
        return acc;
    }

    /**
     * How often the work is halved: never when the JDK would not split it (a threshold of {@code
     * Long.MAX_VALUE} or above the number of mappings {@code n}, or at most one mapping), else once
     * per doubling of the batches the JDK would make ({@code n / threshold}), at most {@link
     * Pieces#DEPTH} times.
     */
    static int depth(long threshold, long n) {
        if (threshold == Long.MAX_VALUE || n <= 1 || n < threshold) {
            return 0;
        }
        long batches = threshold <= 0 ? n : n / threshold;
        return Math.max(1, Math.min(Pieces.DEPTH, 63 - Long.numberOfLeadingZeros(batches)));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Spliterator<Map.Entry<?, ?>> entries(ConcurrentHashMap<?, ?> map) {
        return (Spliterator) map.entrySet().spliterator();
    }

    /** One piece: its elements in order, each after a point on the map. */
    private static Object traverse(
            ExploringInterceptor x,
            LockModel key,
            String label,
            Spliterator<Map.Entry<?, ?>> part,
            Op op,
            Found found)
            throws Throwable {
        Object acc = op.basis;
        Map.Entry<?, ?>[] next = new Map.Entry<?, ?>[1];
        while (found.result == null) {
            RunModel r = x.run();
            if (r.libraryDepth == 0) {
                r.ops++;
                Coordinator.point(key, Access.READ, label);
            }
            if (!part.tryAdvance(e -> next[0] = e)) {
                break;
            }
            Map.Entry<?, ?> e = next[0];
            acc = op.element(acc, new AbstractMap.SimpleImmutableEntry<>(e.getKey(), e.getValue()));
            if (op.kind == Kind.SEARCH && acc != null) {
                found.claim(acc);
            }
        }
        return op.kind == Kind.SEARCH ? null : acc;
    }

    /** The result of a search, shared by its pieces. */
    private static final class Found {
        Object result;

        void claim(Object r) {
            if (result == null) {
                result = r;
            }
        }
    }

    private enum Kind {
        FOR_EACH,
        SEARCH,
        REDUCE,
        REDUCE_LONG,
        REDUCE_INT,
        REDUCE_DOUBLE
    }

    /** What a pair, key, value or entry is in the operation's functions. */
    private enum View {
        PAIR,
        KEY,
        VALUE,
        ENTRY;

        Object of(Map.Entry<?, ?> e) {
            return switch (this) {
                case KEY -> e.getKey();
                case VALUE -> e.getValue();
                default -> e;
            };
        }
    }

    private static Op op(LibraryCall call) {
        String name = call.name();
        View view =
                name.contains("Key")
                        ? View.KEY
                        : name.contains("Value")
                                ? View.VALUE
                                : name.contains("Entr") ? View.ENTRY : View.PAIR;
        Kind kind =
                name.startsWith("forEach")
                        ? Kind.FOR_EACH
                        : name.startsWith("search")
                                ? Kind.SEARCH
                                : name.endsWith("ToLong")
                                        ? Kind.REDUCE_LONG
                                        : name.endsWith("ToInt")
                                                ? Kind.REDUCE_INT
                                                : name.endsWith("ToDouble")
                                                        ? Kind.REDUCE_DOUBLE
                                                        : Kind.REDUCE;
        int args = call.argumentCount();
        Object[] a = new Object[args];
        for (int i = 0; i < args; i++) {
            a[i] = call.argument(i);
            if (i > 0) {
                java.util.Objects.requireNonNull(a[i]); // as the JDK checks before any work
            }
        }
        return switch (kind) {
            // forEach(t, action), forEach(t, transformer, action); search(t, function)
            case FOR_EACH, SEARCH -> new Op(kind, view, args == 3 ? a[1] : null, a[args - 1], null);
            // reduceX(t, reducer), reduce(t, transformer, reducer)
            case REDUCE -> new Op(kind, view, args == 3 ? a[1] : null, a[args - 1], null);
            // reduceXToY(t, transformer, basis, reducer)
            default -> new Op(kind, view, a[1], a[3], a[2]);
        };
    }

    /** One operation: its transformer (or none), its action, searcher or reducer, and basis. */
    private static final class Op {
        final Kind kind;
        final View view;
        final Object transformer;
        final Object fn;
        final Object basis;

        Op(Kind kind, View view, Object transformer, Object fn, Object basis) {
            this.kind = kind;
            this.view = view;
            this.transformer = transformer;
            this.fn = fn;
            this.basis = basis;
        }

        /** {@code acc} after the element {@code e}. */
        @SuppressWarnings({"unchecked", "rawtypes"})
        Object element(Object acc, Map.Entry<?, ?> e) {
            return switch (kind) {
                case FOR_EACH -> {
                    if (transformer == null) {
                        if (view == View.PAIR) {
                            ((BiConsumer) fn).accept(e.getKey(), e.getValue());
                        } else {
                            ((Consumer) fn).accept(view.of(e));
                        }
                    } else {
                        Object u = apply(transformer, e);
                        if (u != null) {
                            ((Consumer) fn).accept(u);
                        }
                    }
                    yield null;
                }
                case SEARCH -> apply(fn, e);
                case REDUCE -> {
                    Object u = transformer == null ? view.of(e) : apply(transformer, e);
                    yield u == null ? acc : acc == null ? u : combine(acc, u);
                }
                case REDUCE_LONG -> {
                    long v =
                            view == View.PAIR
                                    ? ((ToLongBiFunction) transformer)
                                            .applyAsLong(e.getKey(), e.getValue())
                                    : ((ToLongFunction) transformer).applyAsLong(view.of(e));
                    yield ((LongBinaryOperator) fn).applyAsLong((Long) acc, v);
                }
                case REDUCE_INT -> {
                    int v =
                            view == View.PAIR
                                    ? ((ToIntBiFunction) transformer)
                                            .applyAsInt(e.getKey(), e.getValue())
                                    : ((ToIntFunction) transformer).applyAsInt(view.of(e));
                    yield ((IntBinaryOperator) fn).applyAsInt((Integer) acc, v);
                }
                case REDUCE_DOUBLE -> {
                    double v =
                            view == View.PAIR
                                    ? ((ToDoubleBiFunction) transformer)
                                            .applyAsDouble(e.getKey(), e.getValue())
                                    : ((ToDoubleFunction) transformer).applyAsDouble(view.of(e));
                    yield ((DoubleBinaryOperator) fn).applyAsDouble((Double) acc, v);
                }
            };
        }

        /** Two pieces' (or a piece's and an element's) results reduced into one. */
        @SuppressWarnings({"unchecked", "rawtypes"})
        Object combine(Object a, Object b) {
            return switch (kind) {
                case REDUCE_LONG -> ((LongBinaryOperator) fn).applyAsLong((Long) a, (Long) b);
                case REDUCE_INT -> ((IntBinaryOperator) fn).applyAsInt((Integer) a, (Integer) b);
                case REDUCE_DOUBLE ->
                        ((DoubleBinaryOperator) fn).applyAsDouble((Double) a, (Double) b);
                default -> ((BiFunction) fn).apply(a, b);
            };
        }

        /** A function of one element: of its key and value for a pair, else of the element. */
        @SuppressWarnings({"unchecked", "rawtypes"})
        private Object apply(Object f, Map.Entry<?, ?> e) {
            return view == View.PAIR
                    ? ((BiFunction) f).apply(e.getKey(), e.getValue())
                    : ((Function) f).apply(view.of(e));
        }
    }
}
