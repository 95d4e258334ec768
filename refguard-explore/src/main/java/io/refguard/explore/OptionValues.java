package io.refguard.explore;

import io.refguard.explore.ExploreOptions.Strategy;
import java.time.Duration;
import java.util.Locale;

/**
 * One parser per kind of setting value, the same for every source: system properties, the command
 * line and the JUnit annotation all read strategies, seeds, counts, bounds, durations and switches
 * through these. Each strips surrounding blanks and throws {@link BadOptionValue} for text it
 * cannot read.
 */
public final class OptionValues {

    private OptionValues() {}

    /** A strategy by its {@link Strategy#id()}, in any case; {@code _} stands for {@code -}. */
    public static Strategy strategy(String text) {
        String id = text.strip().toLowerCase(Locale.ROOT).replace('_', '-');
        for (Strategy s : Strategy.values()) {
            if (s.id().equals(id)) {
                return s;
            }
        }
        throw new BadOptionValue(text, "a strategy", "one of " + Strategy.ids());
    }

    /**
     * A seed: a number as {@link Long#decode} reads it ({@code 42}, {@code -7}, {@code 0x5EED}), or
     * {@code random} for a different one each time.
     */
    public static long seed(String text) {
        String s = text.strip();
        if (s.equalsIgnoreCase("random")) {
            return System.nanoTime() ^ Double.doubleToLongBits(Math.random());
        }
        try {
            return Long.decode(s);
        } catch (NumberFormatException e) {
            throw new BadOptionValue(text, "a seed", "a number such as 42 or 0x5EED, or random");
        }
    }

    /** A whole number from 1 to {@code max}, in decimal digits only. */
    public static long count(String text, long max) {
        return number(text, 1, max);
    }

    /** A whole number from {@code min} to {@code max}. */
    public static long number(String text, long min, long max) {
        try {
            long n = Long.parseLong(text.strip());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new BadOptionValue(
                text,
                min == 1 ? "a count" : "a number",
                "a whole number from " + min + " to " + max);
    }

    /** A preemption bound: a whole number from 0, or {@code none} ({@link Integer#MAX_VALUE}). */
    public static int bound(String text) {
        String s = text.strip();
        if (s.equalsIgnoreCase("none")) {
            return Integer.MAX_VALUE;
        }
        try {
            int n = Integer.parseInt(s);
            if (n >= 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new BadOptionValue(text, "a preemption bound", "a whole number from 0, or none");
    }

    /**
     * A positive duration of at most {@link ExploreOptions#MAX_DURATION}, written as {@link
     * ExploreOptions#parseDuration} reads it.
     */
    public static Duration duration(String text) {
        Duration d = ExploreOptions.parseDuration(text).orElse(null);
        if (!ExploreOptions.usableDuration(d)) {
            throw new BadOptionValue(
                    text,
                    d == null
                            ? "a duration"
                            : d.isNegative() || d.isZero()
                                    ? "a positive duration"
                                    : "a duration of at most 365 days",
                    "a positive duration of at most 365 days, such as 500ms, 30s, 2m or PT30S");
        }
        return d;
    }

    /** A file name, as the platform writes one. */
    public static java.nio.file.Path path(String text) {
        try {
            return java.nio.file.Path.of(text.strip());
        } catch (java.nio.file.InvalidPathException e) {
            throw new BadOptionValue(text, "a file name", "a path such as /tmp/refguard.flight");
        }
    }

    /** {@code true} or {@code false}, in any case. */
    public static boolean bool(String text) {
        String s = text.strip();
        if (s.equalsIgnoreCase("true")) {
            return true;
        }
        if (s.equalsIgnoreCase("false")) {
            return false;
        }
        throw new BadOptionValue(text, "a switch", "true or false");
    }

    /**
     * A shard {@code i/N}: N from 1 to {@link ExploreOptions#MAX_SHARDS}, i from 1 to N, in decimal
     * digits, such as {@code 2/4}.
     *
     * @return {@code {i, N}}
     */
    public static int[] shard(String text) {
        String s = text.strip();
        int slash = s.indexOf('/');
        if (slash > 0 && s.matches("[0-9]{1,9}/[0-9]{1,9}")) {
            int i = Integer.parseInt(s.substring(0, slash));
            int n = Integer.parseInt(s.substring(slash + 1));
            if (n >= 1 && n <= ExploreOptions.MAX_SHARDS && i >= 1 && i <= n) {
                return new int[] {i, n};
            }
        }
        throw new BadOptionValue(
                text,
                "a shard",
                "i/N with N from 1 to "
                        + ExploreOptions.MAX_SHARDS
                        + " and i from 1 to N (the first shard is 1), such as 2/4");
    }
}
