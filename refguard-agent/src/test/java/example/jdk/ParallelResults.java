package example.jdk;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import java.util.stream.Stream;

/**
 * Pure pipelines (no shared state in their lambdas) evaluated parallel and sequential: every
 * terminal operation must give the sequential result, whatever the schedule. A wrong split or a
 * combination out of encounter order throws.
 */
public final class ParallelResults {

    private ParallelResults() {}

    static final List<String> WORDS = List.of("ant", "bee", "cat", "dog", "eel");

    private static List<Object> results(boolean parallel) {
        List<Object> out = new ArrayList<>();
        Stream<String> words = WORDS.stream();
        out.add(par(words, parallel).map(String::length).reduce(0, Integer::sum));
        out.add(par(WORDS.stream(), parallel).reduce((a, b) -> a + "," + b));
        out.add(
                par(WORDS.stream(), parallel)
                        .reduce("", (s, w) -> s + w.charAt(0), String::concat));
        out.add(par(WORDS.stream(), parallel).collect(Collectors.toList()));
        out.add(par(WORDS.stream(), parallel).collect(Collectors.joining("+", "[", "]")));
        out.add(
                par(WORDS.stream(), parallel)
                        .collect(StringBuilder::new, StringBuilder::append, StringBuilder::append)
                        .toString());
        out.add(Arrays.asList(par(WORDS.stream(), parallel).toArray(String[]::new)));
        out.add(par(WORDS.stream(), parallel).map(w -> w + "!").toList());
        out.add(
                par(WORDS.stream(), parallel)
                        .collect(Collectors.toConcurrentMap(w -> w, String::length)));
        out.add(
                par(WORDS.stream(), parallel)
                        .collect(Collectors.groupingBy(String::length, Collectors.counting())));
        out.add(par(WORDS.stream(), parallel).filter(w -> w.contains("e")).findFirst());
        out.add(par(WORDS.stream(), parallel).filter(w -> w.contains("e")).count());
        out.add(par(WORDS.stream(), parallel).max(String::compareTo));
        out.add(par(WORDS.stream(), parallel).anyMatch(w -> w.startsWith("d")));
        out.add(par(WORDS.stream(), parallel).allMatch(w -> w.length() == 3));
        out.add(par(WORDS.stream(), parallel).noneMatch(String::isEmpty));
        StringBuilder ordered = new StringBuilder();
        par(WORDS.stream(), parallel).forEachOrdered(ordered::append);
        out.add(ordered.toString());
        IntStream ints = IntStream.range(0, 7);
        out.add((parallel ? ints.parallel() : ints).map(i -> i * i).sum());
        out.add(Arrays.toString(ints(parallel).filter(i -> i % 2 == 1).toArray()));
        out.add(ints(parallel).reduce(Integer::max));
        out.add(ints(parallel).min());
        out.add(ints(parallel).average());
        out.add(ints(parallel).summaryStatistics().toString());
        out.add(ints(parallel).boxed().collect(Collectors.toList()));
        LongStream longs = LongStream.rangeClosed(1, 5);
        out.add((parallel ? longs.parallel() : longs).reduce(1, (a, b) -> a * b));
        out.add(ints(parallel).asDoubleStream().sum());
        return out;
    }

    private static IntStream ints(boolean parallel) {
        IntStream s = IntStream.range(0, 7);
        return parallel ? s.parallel() : s;
    }

    private static <T> Stream<T> par(Stream<T> s, boolean parallel) {
        return parallel ? s.parallel() : s;
    }

    public static void main(String[] args) {
        List<Object> sequential = results(false);
        List<Object> parallel = results(true);
        for (int i = 0; i < sequential.size(); i++) {
            if (!Objects.equals(sequential.get(i), parallel.get(i))) {
                throw new AssertionError(
                        "pipeline "
                                + i
                                + ": parallel "
                                + parallel.get(i)
                                + ", sequential "
                                + sequential.get(i));
            }
        }
        System.out.println(sequential);
    }
}
