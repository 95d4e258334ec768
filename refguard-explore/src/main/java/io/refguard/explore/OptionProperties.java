package io.refguard.explore;

import io.refguard.explore.ExploreOptions.Strategy;
import java.time.Duration;
import java.util.Locale;

/** Parsing of the system properties, with messages that say how to fix a bad value. */
final class OptionProperties {

    private OptionProperties() {}

    static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }

    private static IllegalArgumentException bad(String key, String value, String want) {
        return new IllegalArgumentException(
                "system property " + key + "='" + value + "' is not valid: use " + want);
    }

    static Strategy strategy(String key, Strategy def) {
        String v = System.getProperty(key);
        if (v == null || v.isBlank()) {
            return def;
        }
        try {
            return Strategy.valueOf(v.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw bad(key, v, "one of " + Strategy.ids());
        }
    }

    static long seed(String key, long def) {
        String v = System.getProperty(key);
        if (v == null || v.isBlank()) {
            return def;
        }
        if (v.strip().equalsIgnoreCase("random")) {
            return System.nanoTime() ^ Double.doubleToLongBits(Math.random());
        }
        try {
            return Long.decode(v.strip());
        } catch (NumberFormatException e) {
            throw bad(key, v, "a number such as 42, or 'random'");
        }
    }

    static long positiveLong(String key, long def) {
        return positiveLong(key, def, Integer.MAX_VALUE * 1024L);
    }

    /** A whole number from 1 to {@code max}, or {@code def} when the property is unset. */
    static long positiveLong(String key, long def, long max) {
        String v = System.getProperty(key);
        if (v == null || v.isBlank()) {
            return def;
        }
        try {
            long n = Long.parseLong(v.strip().replace("_", ""));
            if (n >= 1 && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw bad(key, v, "a whole number from 1 to " + max);
    }

    static int bound(String key, int def) {
        String v = System.getProperty(key);
        if (v == null || v.isBlank()) {
            return def;
        }
        if (v.strip().equalsIgnoreCase("none")) {
            return Integer.MAX_VALUE;
        }
        try {
            int n = Integer.parseInt(v.strip());
            if (n >= 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw bad(key, v, "a whole number >= 0, or 'none'");
    }

    static boolean bool(String key, boolean def) {
        String v = System.getProperty(key);
        if (v == null || v.isBlank()) {
            return def;
        }
        if (v.strip().equalsIgnoreCase("true")) {
            return true;
        }
        if (v.strip().equalsIgnoreCase("false")) {
            return false;
        }
        throw bad(key, v, "true or false");
    }

    static Duration duration(String key, Duration def) {
        String v = System.getProperty(key);
        if (v == null || v.isBlank()) {
            return def;
        }
        Duration d = parseDuration(v.strip());
        if (!ExploreOptions.usableDuration(d)) {
            throw bad(
                    key,
                    v,
                    "a positive duration of at most 365 days, such as 500ms, 30s, 2m or PT30S");
        }
        return d;
    }

    static Duration parseDuration(String v) {
        return ExploreOptions.parseDuration(v).orElse(null);
    }
}
