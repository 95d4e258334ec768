package io.refguard;

import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * The checker's JVM-wide configuration: the one entry point for every setting.
 *
 * <table>
 *   <caption>Settings</caption>
 *   <tr><th>Setting</th><th>System property</th><th>Environment variable</th><th>Default</th></tr>
 *   <tr><td>{@link #mode()}</td><td>{@code refguard.mode}</td><td>{@code REFGUARD_MODE}</td>
 *       <td>{@code SAMPLED}</td></tr>
 *   <tr><td>{@link #sampleInterval()}</td><td>{@code refguard.sampleInterval}</td>
 *       <td>{@code REFGUARD_SAMPLE_INTERVAL}</td><td>128</td></tr>
 *   <tr><td>{@link #records()}</td><td>{@code refguard.records}</td><td>{@code REFGUARD_RECORDS}</td>
 *       <td>{@code false}</td></tr>
 *   <tr><td>{@link #recordsLast()}</td><td>{@code refguard.records.last}</td>
 *       <td>{@code REFGUARD_RECORDS_LAST}</td><td>4</td></tr>
 * </table>
 *
 * <p>A system property wins over its environment variable. Both are read once, when this class
 * initializes (at the first {@link RefCounted} construction at the latest). A bad value does not
 * stop the program: refguard logs one warning on {@link System.Logger} naming the property or
 * variable, the bad value and the accepted values, and runs with the defaults. The setters below
 * change a setting for objects constructed afterwards; objects keep the mode and records they were
 * constructed with.
 *
 * <p>A {@link LeakScope} overrides the mode for the threads bound to it.
 */
public final class RefGuard {

    /** Every change replaces the snapshot; readers load it once (one volatile read). */
    private static volatile Settings settings =
            initial(
                    System::getProperty,
                    System::getenv,
                    message ->
                            System.getLogger(RefGuard.class.getName())
                                    .log(System.Logger.Level.WARNING, message));

    private RefGuard() {}

    /**
     * The settings from properties and environment, or the defaults with a warning when a value is
     * bad: a checker misconfiguration must never take the program down with it.
     */
    static Settings initial(
            UnaryOperator<String> properties,
            UnaryOperator<String> environment,
            Consumer<String> warn) {
        try {
            return Settings.load(properties, environment);
        } catch (IllegalArgumentException e) {
            warn.accept(e.getMessage() + " refguard runs with its default settings until then.");
            return Settings.DEFAULTS;
        }
    }

    static Settings settings() {
        return settings;
    }

    /** The JVM-wide mode for objects constructed outside any {@link LeakScope}. */
    public static CheckMode mode() {
        return settings.mode;
    }

    /** Sets the JVM-wide mode for objects constructed from now on outside any {@link LeakScope}. */
    public static synchronized void setMode(CheckMode mode) {
        Objects.requireNonNull(mode, "mode");
        Settings s = settings;
        settings = new Settings(mode, s.sampleInterval, s.records, s.recordsLast);
    }

    /** In {@link CheckMode#SAMPLED} mode, one object in this many is tracked. */
    public static int sampleInterval() {
        return settings.sampleInterval;
    }

    /**
     * Sets the sampling interval.
     *
     * @throws IllegalArgumentException when {@code interval < 1}
     */
    public static synchronized void setSampleInterval(int interval) {
        if (interval < 1) {
            throw new IllegalArgumentException(
                    "refguard: sample interval must be at least 1 (1 tracks every"
                            + " object), got "
                            + interval);
        }
        Settings s = settings;
        settings = new Settings(s.mode, interval, s.records, s.recordsLast);
    }

    /**
     * Whether tracked objects keep access records: every create, acquire, share, touch and release
     * is recorded with its site, and reports show the first record and the last {@link
     * #recordsLast()}. Costs one more stack walk and allocation per recorded operation.
     */
    public static boolean records() {
        return settings.records;
    }

    /** Switches access records on or off for tracked objects constructed from now on. */
    public static synchronized void setRecords(boolean on) {
        Settings s = settings;
        settings = new Settings(s.mode, s.sampleInterval, on, s.recordsLast);
    }

    /** How many of the most recent access records a tracked object keeps besides the first. */
    public static int recordsLast() {
        return settings.recordsLast;
    }

    /**
     * Sets how many recent access records a tracked object keeps besides the first.
     *
     * @throws IllegalArgumentException when {@code last} is outside 0..1024
     */
    public static synchronized void setRecordsLast(int last) {
        if (last < 0 || last > Settings.MAX_LAST) {
            throw new IllegalArgumentException(
                    "refguard: records.last must be from 0 to "
                            + Settings.MAX_LAST
                            + ", got "
                            + last);
        }
        Settings s = settings;
        settings = new Settings(s.mode, s.sampleInterval, s.records, last);
    }

    /** Restores every setting to its default (ignoring properties and variables). */
    public static synchronized void resetToDefaults() {
        settings = Settings.DEFAULTS;
    }

    /**
     * Registers a listener for leaks found by the GC backstop (tracked references that became
     * unreachable while open). Every such leak is also logged as a warning to the {@link
     * System.Logger} named {@code io.refguard}.
     */
    public static void addLeakListener(LeakListener listener) {
        LeakBackstop.addListener(Objects.requireNonNull(listener, "listener"));
    }

    /** Removes a listener added with {@link #addLeakListener(LeakListener)}; no-op if absent. */
    public static void removeLeakListener(LeakListener listener) {
        LeakBackstop.removeListener(listener);
    }
}
