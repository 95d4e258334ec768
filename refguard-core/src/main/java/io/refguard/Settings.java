package io.refguard;

import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * An immutable snapshot of the checker's JVM-wide settings. {@link RefGuard} publishes a new
 * snapshot on every change through one volatile field, so a reader sees a consistent set with a
 * single volatile load.
 */
final class Settings {

    static final String MODE_PROPERTY = "refguard.mode";
    static final String INTERVAL_PROPERTY = "refguard.sampleInterval";
    static final String RECORDS_PROPERTY = "refguard.records";
    static final String LAST_PROPERTY = "refguard.records.last";

    static final CheckMode DEFAULT_MODE = CheckMode.SAMPLED;
    static final int DEFAULT_INTERVAL = 128;
    static final boolean DEFAULT_RECORDS = false;
    static final int DEFAULT_LAST = 4;

    /** Upper bound on retained access records per object, to keep a tracked object small. */
    static final int MAX_LAST = 1024;

    final CheckMode mode;
    final int sampleInterval;
    final boolean records;
    final int recordsLast;

    Settings(CheckMode mode, int sampleInterval, boolean records, int recordsLast) {
        this.mode = mode;
        this.sampleInterval = sampleInterval;
        this.records = records;
        this.recordsLast = recordsLast;
    }

    static final Settings DEFAULTS =
            new Settings(DEFAULT_MODE, DEFAULT_INTERVAL, DEFAULT_RECORDS, DEFAULT_LAST);

    /**
     * Reads the settings from system properties and, for those not set, environment variables.
     *
     * @throws IllegalArgumentException naming the property or variable, the bad value and the
     *     accepted values
     */
    static Settings load(UnaryOperator<String> properties, UnaryOperator<String> environment) {
        Source s = new Source(properties, environment);
        CheckMode mode =
                s.parse(
                        MODE_PROPERTY,
                        DEFAULT_MODE,
                        Settings::parseMode,
                        "OFF, SAMPLED, PRESENCE or TRACKED (any case)");
        int interval =
                s.parse(
                        INTERVAL_PROPERTY,
                        DEFAULT_INTERVAL,
                        v -> parseInt(v, 1, Integer.MAX_VALUE),
                        "an integer from 1 (track every object) to " + Integer.MAX_VALUE);
        boolean records =
                s.parse(RECORDS_PROPERTY, DEFAULT_RECORDS, Settings::parseBoolean, "true or false");
        int last =
                s.parse(
                        LAST_PROPERTY,
                        DEFAULT_LAST,
                        v -> parseInt(v, 0, MAX_LAST),
                        "an integer from 0 to " + MAX_LAST);
        return new Settings(mode, interval, records, last);
    }

    /**
     * The environment variable that stands for {@code property}: {@code refguard.records.last} →
     * {@code REFGUARD_RECORDS_LAST}.
     */
    static String variableFor(String property) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < property.length(); i++) {
            char c = property.charAt(i);
            if (c == '.') {
                sb.append('_');
            } else if (Character.isUpperCase(c)) {
                sb.append('_').append(c);
            } else {
                sb.append(Character.toUpperCase(c));
            }
        }
        return sb.toString();
    }

    private static CheckMode parseMode(String v) {
        return CheckMode.valueOf(v.trim().toUpperCase(Locale.ROOT));
    }

    private static boolean parseBoolean(String v) {
        String t = v.trim().toLowerCase(Locale.ROOT);
        if (t.equals("true")) {
            return true;
        }
        if (t.equals("false")) {
            return false;
        }
        throw new IllegalArgumentException(v);
    }

    private static int parseInt(String v, int min, int max) {
        int n = Integer.parseInt(v.trim());
        if (n < min || n > max) {
            throw new IllegalArgumentException(v);
        }
        return n;
    }

    /** Looks a setting up by property, then by variable, and explains a bad value. */
    private static final class Source {
        private final UnaryOperator<String> properties;
        private final UnaryOperator<String> environment;

        Source(UnaryOperator<String> properties, UnaryOperator<String> environment) {
            this.properties = properties;
            this.environment = environment;
        }

        <V> V parse(
                String property,
                V fallback,
                java.util.function.Function<String, V> parser,
                String accepted) {
            String where = "system property " + property;
            String raw = properties.apply(property);
            if (raw == null) {
                String variable = variableFor(property);
                raw = environment.apply(variable);
                where = "environment variable " + variable;
            }
            if (raw == null) {
                return fallback;
            }
            try {
                return parser.apply(raw);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(
                        "refguard: bad value '"
                                + raw
                                + "' for "
                                + where
                                + "; accepted: "
                                + accepted
                                + ". Fix or unset it.",
                        e);
            }
        }
    }
}
