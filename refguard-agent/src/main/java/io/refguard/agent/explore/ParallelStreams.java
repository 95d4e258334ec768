package io.refguard.agent.explore;

import io.refguard.agent.bridge.Instructions;
import io.refguard.agent.bridge.LibraryCall;
import io.refguard.explore.Coordinator;
import io.refguard.hook.Access;
import java.lang.reflect.Array;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.DoubleSummaryStatistics;
import java.util.IntSummaryStatistics;
import java.util.List;
import java.util.LongSummaryStatistics;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.Spliterator;
import java.util.function.BiConsumer;
import java.util.function.BinaryOperator;
import java.util.function.DoubleBinaryOperator;
import java.util.function.IntBinaryOperator;
import java.util.function.LongBinaryOperator;
import java.util.function.Supplier;
import java.util.stream.BaseStream;
import java.util.stream.Collector;
import java.util.stream.DoubleStream;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Parallel streams under exploration, modeled at their terminal operation.
 *
 * <p>The JDK evaluates a parallel stream as a tree of its own {@code CountedCompleter}s, forked
 * from inside the JDK onto the real common pool, where the explorer cannot schedule them. The
 * program's lambdas are where the stream's concurrency shows, so the model keeps the JDK's lazy
 * pipeline ({@code parallel()}, {@code map}, {@code filter}, ... pass through) and takes over at
 * the terminal operation of a stream whose {@code isParallel()} is true: it takes the pipeline's
 * {@code spliterator()} (for a pipeline without stateful operations the JDK wraps it lazily; a
 * piece's traversal applies the intermediate operations on the thread that traverses it), halves it
 * {@value Pieces#DEPTH} times at most with {@code trySplit}, as the JDK's tasks split (fixed, so
 * that schedules and replay tokens do not depend on the machine's processors), and runs each piece
 * as a task on the modeled pool of the caller (the common pool's model, or the modeled {@code
 * ForkJoinPool} whose worker calls it). The caller runs the first piece itself, as the JDK's caller
 * does, then waits in the model for the others.
 *
 * <p>Each piece evaluates the same terminal operation on a sequential stream over the piece, so the
 * JDK itself decides what a piece does (short-circuiting, a {@code count()} that need not traverse
 * a sized pipeline); the results are combined in encounter order on the caller: {@code reduce} with
 * its operator or combiner, {@code collect} with its combiner (a {@code Collector} with its
 * supplier, accumulator and combiner per piece and its finisher once, or, when it is {@code
 * CONCURRENT} and the stream or the collector unordered, one shared container, as the JDK does),
 * {@code count} and {@code sum} added, {@code min}/{@code max} as {@code BinaryOperator.minBy}, the
 * {@code *Match} results or-ed or and-ed, {@code findFirst}/{@code findAny} the first piece that
 * found one. {@code forEachOrdered}, {@code toArray} and {@code toList} evaluate the pieces
 * concurrently into buffers and then run the operation over the buffered elements in order on the
 * caller; {@code average}, {@code summaryStatistics} and a {@code DoubleStream}'s compensated
 * {@code sum} combine per-piece statistics.
 *
 * <p>Stateful intermediate operations ({@code sorted}, {@code distinct}, {@code limit}, {@code
 * skip}, {@code takeWhile}, {@code dropWhile}, and on JDK 24+ {@code gather}) make the JDK evaluate
 * a prefix of the pipeline on the real pool even through {@code spliterator()}: a stream that went
 * through one (remembered per run, and passed on by every intermediate operation called from
 * instrumented code) is refused at its terminal operation when it is parallel, naming the stateful
 * call. {@code iterator()} and {@code spliterator()} of a parallel stream are the JDK's own,
 * sequential on the caller.
 */
final class ParallelStreams {

    private static final Set<String> STATEFUL =
            Set.of("sorted", "distinct", "limit", "skip", "takeWhile", "dropWhile", "gather");

    private static final Set<String> TERMINAL =
            Set.of(
                    "forEach",
                    "forEachOrdered",
                    "toArray",
                    "toList",
                    "reduce",
                    "collect",
                    "count",
                    "min",
                    "max",
                    "sum",
                    "average",
                    "summaryStatistics",
                    "anyMatch",
                    "allMatch",
                    "noneMatch",
                    "findFirst",
                    "findAny");

    private ParallelStreams() {}

    /** A call from instrumented code on a JDK stream under exploration. */
    static Object call(ExploringInterceptor x, LibraryCall call, BaseStream<?, ?> stream)
            throws Throwable {
        String name = call.name();
        RunModel r = x.run();
        boolean traversal = name.equals("iterator") || name.equals("spliterator");
        if (TERMINAL.contains(name) || traversal) {
            if (!stream.isParallel()) {
                return call.proceed();
            }
            Integer stateful = r.statefulStreams.get(stream);
            if (stateful != null) {
                throw refuseStateful(call, stateful);
            }
            return traversal ? call.proceed() : terminal(x, call, stream);
        }
        Object result = call.proceed();
        if (result instanceof BaseStream<?, ?> next && next != stream) {
            Integer site = r.statefulStreams.get(stream);
            if (site == null && STATEFUL.contains(name)) {
                site = call.site();
            }
            if (site != null) {
                r.statefulStreams.put(next, site);
            }
        }
        return result;
    }

    /**
     * {@code Stream.concat(a, b)} (and the primitive forms) takes both streams' spliterators at
     * once: a parallel stream with a stateful operation is evaluated on the real pool right there.
     */
    static Object concat(ExploringInterceptor x, LibraryCall call) throws Throwable {
        RunModel r = x.run();
        for (int i = 0; i < call.argumentCount(); i++) {
            if (call.argument(i) instanceof BaseStream<?, ?> s && s.isParallel()) {
                Integer stateful = r.statefulStreams.get(s);
                if (stateful != null) {
                    throw refuseStateful(call, stateful);
                }
            }
        }
        return call.proceed();
    }

    private static RuntimeException refuseStateful(LibraryCall call, int stateful) {
        return LibraryOps.refuseAt(
                stateful,
                "it is part of a parallel stream, and the JDK evaluates a parallel stream's"
                        + " sorted(), distinct(), limit(), skip(), takeWhile(), dropWhile() and"
                        + " gather() on"
                        + " the common ForkJoinPool's own threads, forked from inside the JDK,"
                        + " which the explorer does not schedule (here evaluated by "
                        + Instructions.get(call.site()).operation()
                        + " at "
                        + Instructions.get(call.site()).location()
                        + "). Make the stream sequential before that operation, or apply it after"
                        + " the parallel part (collect, then sort the result), or split the work"
                        + " into RecursiveTask or RecursiveAction tasks, which the explorer models");
    }

    /** The terminal operation of a parallel stream, evaluated in pieces on modeled workers. */
    private static Object terminal(ExploringInterceptor x, LibraryCall call, BaseStream<?, ?> s)
            throws Throwable {
        RunModel r = x.run();
        String label = x.label(call.site());
        r.ops++;
        Coordinator.point(null, Access.UPDATE, label);
        Spliterator<?> whole = s.spliterator(); // consumes the stream, as the JDK's operation
        boolean ordered = whole.hasCharacteristics(Spliterator.ORDERED);
        Op op = op(call, s, ordered);
        List<Pieces.Work> works = new ArrayList<>();
        for (Spliterator<?> part : Pieces.split(whole)) {
            BaseStream<?, ?> seq = sequential(s, part);
            works.add(() -> op.piece(seq));
        }
        return op.combine(Pieces.run(x, label, works));
    }

    /** A sequential stream of {@code shape}'s kind over one piece. */
    private static BaseStream<?, ?> sequential(BaseStream<?, ?> shape, Spliterator<?> part) {
        if (shape instanceof IntStream) {
            return StreamSupport.intStream((Spliterator.OfInt) part, false);
        }
        if (shape instanceof LongStream) {
            return StreamSupport.longStream((Spliterator.OfLong) part, false);
        }
        if (shape instanceof DoubleStream) {
            return StreamSupport.doubleStream((Spliterator.OfDouble) part, false);
        }
        return StreamSupport.stream(part, false);
    }

    /** A sequential stream of {@code shape}'s kind over the elements of an array. */
    private static BaseStream<?, ?> sequentialOf(Object array) {
        if (array instanceof int[] a) {
            return Arrays.stream(a);
        }
        if (array instanceof long[] a) {
            return Arrays.stream(a);
        }
        if (array instanceof double[] a) {
            return Arrays.stream(a);
        }
        return Arrays.stream((Object[]) array);
    }

    private static Class<?> api(BaseStream<?, ?> s) {
        if (s instanceof IntStream) {
            return IntStream.class;
        }
        if (s instanceof LongStream) {
            return LongStream.class;
        }
        if (s instanceof DoubleStream) {
            return DoubleStream.class;
        }
        return Stream.class;
    }

    /** What each piece computes, and how the pieces' results make the operation's result. */
    private interface Op {
        Object piece(BaseStream<?, ?> part) throws Throwable;

        Object combine(List<Object> results) throws Throwable;
    }

    /** Calls {@code method} on {@code target} with {@code args}, rethrowing what it throws. */
    private static Object invoke(Method method, Object target, Object... args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private static Object invoke(BaseStream<?, ?> s, String name) throws Throwable {
        return invoke(api(s).getMethod(name), s);
    }

    private static Op op(LibraryCall call, BaseStream<?, ?> s, boolean ordered)
            throws ReflectiveOperationException {
        String name = call.name();
        Object[] args = new Object[call.argumentCount()];
        for (int i = 0; i < args.length; i++) {
            args[i] = call.argument(i);
        }
        Method same = api(s).getMethod(name, call.methodType().parameterArray());
        Op pieceBySame =
                new Op() {
                    @Override
                    public Object piece(BaseStream<?, ?> part) throws Throwable {
                        return invoke(same, part, args);
                    }

                    @Override
                    public Object combine(List<Object> results) {
                        return null;
                    }
                };
        return switch (name) {
            case "forEach" -> pieceBySame;
            case "forEachOrdered", "toArray", "toList" -> buffered(same, args);
            case "collect" ->
                    args.length == 1
                            ? collector((Collector<?, ?, ?>) args[0], ordered)
                            : folded(same, args, (a, b) -> combineInto(args[2], a, b));
            case "reduce" ->
                    switch (args.length) {
                        case 1 -> optionals(same, args, args[0]);
                        case 2 -> folded(same, args, (a, b) -> apply(args[1], a, b));
                        default -> folded(same, args, (a, b) -> apply(args[2], a, b));
                    };
            case "min", "max" -> optionals(same, args, extremum(s, name, args));
            case "count" -> folded(same, args, (a, b) -> (Long) a + (Long) b);
            case "sum" -> sum(s, same, args);
            case "average" -> statistics(s, true);
            case "summaryStatistics" -> statistics(s, false);
            case "anyMatch" -> folded(same, args, (a, b) -> (Boolean) a || (Boolean) b);
            case "allMatch", "noneMatch" ->
                    folded(same, args, (a, b) -> (Boolean) a && (Boolean) b);
            default -> firstFound(same, args); // findFirst, findAny
        };
    }

    /** Each piece computes the operation; the results are folded left to right. */
    private static Op folded(Method same, Object[] args, Fold fold) {
        return new Op() {
            @Override
            public Object piece(BaseStream<?, ?> part) throws Throwable {
                return invoke(same, part, args);
            }

            @Override
            public Object combine(List<Object> results) throws Throwable {
                Object acc = results.get(0);
                for (Object next : results.subList(1, results.size())) {
                    acc = fold.apply(acc, next);
                }
                return acc;
            }
        };
    }

    /** Two pieces' results combined into one. */
    @FunctionalInterface
    private interface Fold {
        Object apply(Object a, Object b) throws Throwable;
    }

    /**
     * Each piece's elements are buffered concurrently; the operation then runs over all of them in
     * encounter order, on the caller ({@code forEachOrdered}, {@code toArray}, {@code toList}).
     */
    private static Op buffered(Method same, Object[] args) {
        return new Op() {
            @Override
            public Object piece(BaseStream<?, ?> part) throws Throwable {
                return invoke(part, "toArray");
            }

            @Override
            public Object combine(List<Object> results) throws Throwable {
                int total = 0;
                for (Object a : results) {
                    total += Array.getLength(a);
                }
                Object all = Array.newInstance(results.get(0).getClass().getComponentType(), total);
                int at = 0;
                for (Object a : results) {
                    int n = Array.getLength(a);
                    System.arraycopy(a, 0, all, at, n);
                    at += n;
                }
                return invoke(same, sequentialOf(all), args);
            }
        };
    }

    /** The operations whose pieces find an optional value, folded with {@code operator}. */
    private static Op optionals(Method same, Object[] args, Object operator) {
        return new Op() {
            @Override
            public Object piece(BaseStream<?, ?> part) throws Throwable {
                return invoke(same, part, args);
            }

            @Override
            public Object combine(List<Object> results) {
                Object acc = null;
                boolean found = false;
                for (Object o : results) {
                    if (isPresent(o)) {
                        acc = found ? apply(operator, acc, valueOf(o)) : valueOf(o);
                        found = true;
                    }
                }
                return found ? optionalLike(results.get(0), acc) : results.get(0);
            }
        };
    }

    /** {@code findFirst}, {@code findAny}: the first piece, in encounter order, that found one. */
    private static Op firstFound(Method same, Object[] args) {
        return new Op() {
            @Override
            public Object piece(BaseStream<?, ?> part) throws Throwable {
                return invoke(same, part, args);
            }

            @Override
            public Object combine(List<Object> results) {
                for (Object o : results) {
                    if (isPresent(o)) {
                        return o;
                    }
                }
                return results.get(0);
            }
        };
    }

    /** The operator {@code min}/{@code max} reduce with, as the JDK defines them. */
    @SuppressWarnings("unchecked")
    private static Object extremum(BaseStream<?, ?> s, String name, Object[] args) {
        boolean min = name.equals("min");
        if (s instanceof IntStream) {
            return min ? (IntBinaryOperator) Math::min : (IntBinaryOperator) Math::max;
        }
        if (s instanceof LongStream) {
            return min ? (LongBinaryOperator) Math::min : (LongBinaryOperator) Math::max;
        }
        if (s instanceof DoubleStream) {
            return min ? (DoubleBinaryOperator) Math::min : (DoubleBinaryOperator) Math::max;
        }
        Comparator<Object> c = (Comparator<Object>) args[0];
        return min ? BinaryOperator.minBy(c) : BinaryOperator.maxBy(c);
    }

    /**
     * {@code sum}: added per piece; a {@code DoubleStream}'s through its statistics, which sum with
     * compensation as the JDK's {@code sum} does.
     */
    private static Op sum(BaseStream<?, ?> s, Method same, Object[] args) {
        if (s instanceof IntStream) {
            return folded(same, args, (a, b) -> (Integer) a + (Integer) b);
        }
        if (s instanceof LongStream) {
            return folded(same, args, (a, b) -> (Long) a + (Long) b);
        }
        Op stats = statistics(s, false);
        return new Op() {
            @Override
            public Object piece(BaseStream<?, ?> part) throws Throwable {
                return stats.piece(part);
            }

            @Override
            public Object combine(List<Object> results) throws Throwable {
                return ((DoubleSummaryStatistics) stats.combine(results)).getSum();
            }
        };
    }

    /** {@code summaryStatistics}, or {@code average} from them, combined per piece. */
    private static Op statistics(BaseStream<?, ?> s, boolean average) {
        return new Op() {
            @Override
            public Object piece(BaseStream<?, ?> part) throws Throwable {
                return invoke(part, "summaryStatistics");
            }

            @Override
            public Object combine(List<Object> results) {
                Object all = results.get(0);
                for (Object o : results.subList(1, results.size())) {
                    if (all instanceof IntSummaryStatistics a) {
                        a.combine((IntSummaryStatistics) o);
                    } else if (all instanceof LongSummaryStatistics a) {
                        a.combine((LongSummaryStatistics) o);
                    } else {
                        ((DoubleSummaryStatistics) all).combine((DoubleSummaryStatistics) o);
                    }
                }
                if (!average) {
                    return all;
                }
                if (all instanceof IntSummaryStatistics a) {
                    return a.getCount() == 0
                            ? OptionalDouble.empty()
                            : OptionalDouble.of(a.getAverage());
                }
                if (all instanceof LongSummaryStatistics a) {
                    return a.getCount() == 0
                            ? OptionalDouble.empty()
                            : OptionalDouble.of(a.getAverage());
                }
                DoubleSummaryStatistics a = (DoubleSummaryStatistics) all;
                return a.getCount() == 0
                        ? OptionalDouble.empty()
                        : OptionalDouble.of(a.getAverage());
            }
        };
    }

    /**
     * {@code collect(Collector)} as the JDK runs it in parallel: a container per piece from the
     * supplier, filled by the accumulator, combined in encounter order, the finisher once; a {@code
     * CONCURRENT} collector on an unordered stream (or an {@code UNORDERED} one) fills one shared
     * container from every piece.
     */
    @SuppressWarnings("unchecked")
    private static Op collector(Collector<?, ?, ?> c, boolean ordered) {
        Collector<Object, Object, Object> collector = (Collector<Object, Object, Object>) c;
        Set<Collector.Characteristics> traits = collector.characteristics();
        Supplier<Object> supplier = collector.supplier();
        BiConsumer<Object, Object> accumulator = collector.accumulator();
        BinaryOperator<Object> combiner = collector.combiner();
        boolean identity = traits.contains(Collector.Characteristics.IDENTITY_FINISH);
        boolean shared =
                traits.contains(Collector.Characteristics.CONCURRENT)
                        && (!ordered || traits.contains(Collector.Characteristics.UNORDERED));
        Object[] container = {shared ? supplier.get() : null};
        return new Op() {
            @Override
            public Object piece(BaseStream<?, ?> part) {
                Object mine = shared ? container[0] : supplier.get();
                ((Stream<Object>) part).forEach(t -> accumulator.accept(mine, t));
                return mine;
            }

            @Override
            public Object combine(List<Object> results) {
                Object all = results.get(0);
                if (!shared) {
                    for (Object o : results.subList(1, results.size())) {
                        all = combiner.apply(all, o);
                    }
                }
                return identity ? all : collector.finisher().apply(all);
            }
        };
    }

    /** A {@code collect} combiner ({@code BiConsumer}) folding {@code b} into {@code a}. */
    @SuppressWarnings("unchecked")
    private static Object combineInto(Object combiner, Object a, Object b) {
        ((BiConsumer<Object, Object>) combiner).accept(a, b);
        return a;
    }

    /** Applies a binary operator of any of the four stream kinds to boxed values. */
    @SuppressWarnings("unchecked")
    private static Object apply(Object operator, Object a, Object b) {
        if (operator instanceof IntBinaryOperator op) {
            return op.applyAsInt((Integer) a, (Integer) b);
        }
        if (operator instanceof LongBinaryOperator op) {
            return op.applyAsLong((Long) a, (Long) b);
        }
        if (operator instanceof DoubleBinaryOperator op) {
            return op.applyAsDouble((Double) a, (Double) b);
        }
        return ((java.util.function.BiFunction<Object, Object, Object>) operator).apply(a, b);
    }

    private static boolean isPresent(Object optional) {
        if (optional instanceof OptionalInt o) {
            return o.isPresent();
        }
        if (optional instanceof OptionalLong o) {
            return o.isPresent();
        }
        if (optional instanceof OptionalDouble o) {
            return o.isPresent();
        }
        return ((Optional<?>) optional).isPresent();
    }

    private static Object valueOf(Object optional) {
        if (optional instanceof OptionalInt o) {
            return o.getAsInt();
        }
        if (optional instanceof OptionalLong o) {
            return o.getAsLong();
        }
        if (optional instanceof OptionalDouble o) {
            return o.getAsDouble();
        }
        return ((Optional<?>) optional).get();
    }

    /** {@code value} in an optional of {@code like}'s kind. */
    private static Object optionalLike(Object like, Object value) {
        if (like instanceof OptionalInt) {
            return OptionalInt.of((Integer) value);
        }
        if (like instanceof OptionalLong) {
            return OptionalLong.of((Long) value);
        }
        if (like instanceof OptionalDouble) {
            return OptionalDouble.of((Double) value);
        }
        return Optional.of(value); // a null result is a NullPointerException, as the JDK's
    }
}
