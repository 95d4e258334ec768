package io.refguard.cli;

import io.refguard.agent.explore.TimeoutMode;
import io.refguard.explore.ExploreOptions;
import io.refguard.explore.ExploreSetting;
import io.refguard.run.Target;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** What to explore: a class, where to find it, and which classes to instrument. */
final class TargetOptions {

    @Option(
            names = {"--class", "-c"},
            required = true,
            paramLabel = "CLASS",
            description =
                    "The scenario class (with a public static Scenario<?> scenario() method) or"
                            + " the program (with a main method), by binary name: com.acme.Main, com.acme.Outer$Inner.")
    String className;

    @Option(
            names = {"--classpath", "--cp"},
            paramLabel = "PATH",
            description =
                    "Directories and jars holding the class and what it uses, separated by '"
                            + "${sys:path.separator}'. refguard's own classes are always available.")
    String classPath;

    @Option(
            names = "--include",
            split = ",",
            paramLabel = "PATTERN",
            description =
                    "Classes to instrument, so their synchronization becomes scheduling points"
                            + " (default: every class on the class path but test frameworks, build tools and mocking"
                            + " libraries, and always the class's own package). com.acme.* covers a package and"
                            + " its subpackages, com.acme.Pool a class and its nested classes.")
    List<String> include;

    @Option(
            names = "--plain-fields",
            negatable = true,
            description =
                    "Make accesses to plain (non-volatile, non-final) fields of instrumented"
                            + " classes, and reads and writes of array elements, scheduling"
                            + " points: on by default for a program, off for a scenario class.")
    Boolean plainFields;

    @Option(
            names = "--timeouts",
            paramLabel = "MODE",
            description =
                    "When a program's waits for another thread (poll, tryAcquire, await, get, ..."
                            + " with a timeout of at most 1 s) may time out: safety-nets (the"
                            + " default: also at once, as if the other threads were slow, but a"
                            + " thread's own failed assertion right after such a timeout is a"
                            + " safety net, not a bug), ordered (only when no other thread can go"
                            + " on) or early (at once, reporting every failure). Short sleeps"
                            + " and scheduled delays may end at once in every mode; longer"
                            + " timeouts, and waiting for a pool to terminate, expire only when"
                            + " no other thread can go on.")
    String timeouts;

    @Option(
            names = "--early-timeouts",
            paramLabel = "N",
            converter = BudgetOptions.EarlyTimeoutsText.class,
            description =
                    "How many of a thread's timed waits per run may time out at once (default 1,"
                            + " at most 16): a bug that needs one thread's waits to expire early"
                            + " twice needs 2. Each more multiplies the schedules of polling"
                            + " loops.")
    String earlyTimeouts;

    /** {@code options} with {@code --early-timeouts} applied, when it was given. */
    ExploreOptions applyTo(ExploreOptions options) {
        return earlyTimeouts == null
                ? options
                : ExploreSetting.EARLY_TIMEOUTS.apply(options, earlyTimeouts);
    }

    /**
     * The timeout mode given with {@code --timeouts}, or null for the default.
     *
     * @throws RefguardCommand.UserError naming the accepted values
     */
    TimeoutMode timeoutMode() {
        if (timeouts == null) {
            return null;
        }
        try {
            return TimeoutMode.parse(timeouts);
        } catch (IllegalArgumentException e) {
            throw new RefguardCommand.UserError("--timeouts " + e.getMessage(), e);
        }
    }

    /**
     * The class path entries, each checked to exist.
     *
     * @throws RefguardCommand.UserError naming an entry that does not exist
     */
    List<Path> classPathEntries() {
        List<Path> out = new ArrayList<>();
        if (classPath == null || classPath.isBlank()) {
            return out;
        }
        for (String e : classPath.split(File.pathSeparator)) {
            if (e.isBlank()) {
                continue;
            }
            Path p;
            try {
                p = Path.of(e);
            } catch (InvalidPathException ex) {
                throw new RefguardCommand.UserError(
                        "class path entry '"
                                + e
                                + "' is not a valid path ("
                                + ex.getReason()
                                + "); check --classpath",
                        ex);
            }
            if (!Files.exists(p)) {
                throw new RefguardCommand.UserError(
                        "class path entry "
                                + p
                                + " does not exist; check --classpath"
                                + " (entries are separated by '"
                                + File.pathSeparator
                                + "')",
                        null);
            }
            if (!Files.isDirectory(p) && !Files.isRegularFile(p)) {
                // a pipe or a device would block the class loader, or feed it garbage
                throw new RefguardCommand.UserError(
                        "class path entry "
                                + p
                                + " is neither a directory nor a"
                                + " jar file; check --classpath",
                        null);
            }
            if (Files.isRegularFile(p)) {
                checkJar(p);
            }
            out.add(p);
        }
        return out;
    }

    /**
     * Refuses a file entry that is not a jar: a class file (the class path names the directory at
     * its package root, not the class), or anything that does not open as a zip archive, which the
     * class loader would skip without a word.
     */
    private static void checkJar(Path p) {
        String name = p.getFileName().toString();
        if (name.endsWith(".class")) {
            throw new RefguardCommand.UserError(
                    "class path entry "
                            + p
                            + " is a class file; give the directory its package starts in"
                            + " (for classes/demo/Main.class, --classpath classes) and the class"
                            + " with --class",
                    null);
        }
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(p.toFile())) {
            // opens: a jar
        } catch (java.io.IOException e) {
            throw new RefguardCommand.UserError(
                    "class path entry "
                            + p
                            + " is not a jar file ("
                            + e.getMessage()
                            + "); give directories of classes and jar files in --classpath",
                    e);
        }
    }

    /**
     * The class resolved for exploration by the runner, with {@code args} for a program's {@code
     * main}.
     *
     * @throws RefguardCommand.UserError when a class path entry does not exist
     * @throws io.refguard.run.ScenarioLoadException when the class cannot be found, loaded or used
     */
    Target resolve(List<String> args) {
        return Target.resolve(
                className,
                classPathEntries(),
                includePatterns(),
                plainFields,
                args,
                timeoutMode(),
                TargetOptions.class.getClassLoader());
    }

    /**
     * The command line that replays {@code token} on this target with {@code args}: the class, the
     * class path, the include and the modes as given.
     */
    String replayCommand(String token, List<String> args) {
        StringBuilder b = new StringBuilder("refguard replay ").append(token);
        b.append(" --class ").append(shellWord(className));
        if (classPath != null && !classPath.isBlank()) {
            b.append(" --classpath ").append(shellWord(classPath));
        }
        if (include != null && !include.isEmpty()) {
            b.append(" --include ").append(shellWord(String.join(",", include)));
        }
        if (plainFields != null) {
            b.append(plainFields ? " --plain-fields" : " --no-plain-fields");
        }
        if (timeouts != null) {
            b.append(" --timeouts ").append(shellWord(timeouts.strip()));
        }
        if (earlyTimeouts != null) {
            b.append(" --early-timeouts ").append(shellWord(earlyTimeouts.strip()));
        }
        if (!args.isEmpty()) {
            b.append(" --");
            args.forEach(a -> b.append(' ').append(shellWord(a)));
        }
        return b.toString();
    }

    /** {@code s} as one word of a POSIX shell: as it is when plain, else single-quoted. */
    static String shellWord(String s) {
        if (!s.isEmpty() && s.matches("[A-Za-z0-9._/:,=@%+-]+")) {
            return s;
        }
        return "'" + s.replace("'", "'\\''") + "'";
    }

    /** These options with plain fields and timeouts set as given (for another replay). */
    TargetOptions withModes(boolean plainFields, String timeouts) {
        TargetOptions o = new TargetOptions();
        o.className = className;
        o.classPath = classPath;
        o.include = include;
        o.plainFields = plainFields;
        o.timeouts = timeouts;
        o.earlyTimeouts = earlyTimeouts;
        return o;
    }

    /** The include patterns as given; empty for the default. */
    List<String> includePatterns() {
        return include == null ? List.of() : include;
    }
}
