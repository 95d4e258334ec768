package io.refguard.agent;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * What the agent instruments and how, read from the {@code -javaagent} argument string and from
 * system properties (the argument string wins for a key given in both).
 *
 * <p>Argument syntax: {@code key=value} pairs separated by {@code ;}, list values separated by
 * {@code ,}, for example {@code include=com.acme.*,org.shop.Cart;exclude=com.acme.gen.*}.
 *
 * <table>
 *   <caption>Options</caption>
 *   <tr><th>key</th><th>system property</th><th>default</th><th>meaning</th></tr>
 *   <tr><td>{@code include}</td><td>{@code refguard.agent.include}</td><td>(all)</td>
 *       <td>class name patterns to instrument; empty means every class not excluded</td></tr>
 *   <tr><td>{@code exclude}</td><td>{@code refguard.agent.exclude}</td><td>(none)</td>
 *       <td>patterns never to instrument, on top of the built-in exclusions</td></tr>
 *   <tr><td>{@code plainFields}</td><td>{@code refguard.agent.plainFields}</td>
 *       <td>{@code false}</td><td>also intercept non-volatile, non-final field accesses and
 *       array element reads and writes</td></tr>
 *   <tr><td>{@code verbose}</td><td>{@code refguard.agent.verbose}</td><td>{@code false}</td>
 *       <td>log one line per instrumented class to standard error</td></tr>
 *   <tr><td>{@code dump}</td><td>{@code refguard.agent.dump}</td><td>(off)</td>
 *       <td>directory to write every instrumented class file to, for inspection</td></tr>
 *   <tr><td>{@code sites}</td><td>{@code refguard.agent.sites}</td><td>{@code true}</td>
 *       <td>hand refguard's checker the code site of every call into its reference API, so
 *       that it need not walk the stack (see {@link #sites()})</td></tr>
 * </table>
 *
 * <p>Patterns: {@code com.acme.*} matches every class in {@code com.acme} and its subpackages;
 * {@code com.acme.Pool} matches that class and its nested classes; {@code *} inside a pattern
 * matches any characters.
 *
 * <p>Never instrumented, whatever the options say: classes of the JDK ({@code java.}, {@code jdk.},
 * {@code sun.}, {@code com.sun.}, and anything defined by the boot or platform loader) and the
 * agent itself. Excluded by default, unless a class matches an explicit include pattern other than
 * {@code *}: the rest of refguard ({@code io.refguard.}), ASM, test frameworks, build tools,
 * mocking and the Kotlin, Scala and Groovy runtimes.
 */
public final class AgentOptions {

    static final String PROPERTY_PREFIX = "refguard.agent.";

    private static final List<String> KEYS =
            List.of("include", "exclude", "plainFields", "verbose", "dump", "sites");

    private static final List<String> NEVER =
            List.of("java.", "jdk.", "sun.", "com.sun.", "io.refguard.agent.");

    private static final List<String> DEFAULT_EXCLUDES =
            List.of(
                    "javax.",
                    "io.refguard.",
                    "org.objectweb.asm.",
                    "org.junit.",
                    "junit.",
                    "org.opentest4j.",
                    "org.apiguardian.",
                    "org.testng.",
                    "org.apache.maven.",
                    "org.codehaus.plexus.",
                    "org.gradle.",
                    "worker.org.gradle.",
                    "org.jetbrains.",
                    "com.intellij.",
                    "org.eclipse.jdt.",
                    "kotlin.",
                    "kotlinx.",
                    "scala.",
                    "groovy.",
                    "org.codehaus.groovy.",
                    "org.apache.groovy.",
                    "net.bytebuddy.",
                    "org.mockito.",
                    "org.assertj.",
                    "org.hamcrest.",
                    "org.openjdk.jmh.");

    private final List<String> include;
    private final List<String> exclude;
    private final List<Pattern> includePatterns;
    private final List<Pattern> excludePatterns;
    private final boolean plainFields;
    private final boolean verbose;
    private final Path dump;
    private final boolean sites;

    /**
     * The plain fields whose accesses instrumentation under these options (and their copies) left
     * alone, as {@code Owner.field}: what the explorer did not interleave when {@link #plainFields}
     * is off.
     */
    private final Set<String> plainFieldsLeft;

    /** See {@link #librariesLeftOut()}; shared by copies, as {@link #plainFieldsLeft} is. */
    private final Set<String> librariesLeftOut;

    private AgentOptions(
            List<String> include,
            List<String> exclude,
            boolean plainFields,
            boolean verbose,
            Path dump,
            boolean sites,
            Set<String> plainFieldsLeft,
            Set<String> librariesLeftOut) {
        this.plainFieldsLeft = plainFieldsLeft;
        this.librariesLeftOut = librariesLeftOut;
        this.include = List.copyOf(include);
        this.exclude = List.copyOf(exclude);
        this.includePatterns = include.stream().map(AgentOptions::compile).toList();
        this.excludePatterns = exclude.stream().map(AgentOptions::compile).toList();
        this.plainFields = plainFields;
        this.verbose = verbose;
        this.dump = dump;
        this.sites = sites;
    }

    /**
     * The defaults: every class not excluded, volatile fields only, quiet, no dump, code sites
     * supplied to the checker.
     */
    public static AgentOptions defaults() {
        return new AgentOptions(
                List.of(),
                List.of(),
                false,
                false,
                null,
                true,
                ConcurrentHashMap.newKeySet(),
                ConcurrentHashMap.newKeySet());
    }

    /**
     * The defaults for a program whose entry point is {@code mainClass}: every class not excluded,
     * and the main class's package with its subpackages even where a default exclusion covers it (a
     * sample under {@code io.refguard}, say).
     */
    public static AgentOptions forProgram(String mainClass) {
        AgentOptions all = defaults();
        if (all.instruments(mainClass)) {
            return all;
        }
        int dot = mainClass.lastIndexOf('.');
        return all.withInclude("*", dot < 0 ? mainClass : mainClass.substring(0, dot) + ".*");
    }

    /**
     * Reads the options from {@code properties} (normally {@link System#getProperties()}) and then
     * from {@code agentArgs}, which may be {@code null} or empty.
     *
     * @throws IllegalArgumentException naming the offending key or value and the accepted ones,
     *     when the arguments or properties are malformed (a user error: fix the command line)
     */
    public static AgentOptions parse(String agentArgs, Properties properties) {
        String[] values = new String[KEYS.size()];
        for (int k = 0; k < KEYS.size(); k++) {
            values[k] = properties.getProperty(PROPERTY_PREFIX + KEYS.get(k));
        }
        if (agentArgs != null && !agentArgs.isBlank()) {
            for (String pair : agentArgs.split(";")) {
                if (pair.isBlank()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String key = (eq < 0 ? pair : pair.substring(0, eq)).trim();
                int k = KEYS.indexOf(key);
                if (k < 0 || eq < 0) {
                    throw new IllegalArgumentException(
                            "refguard-agent: cannot read option '"
                                    + pair.trim()
                                    + "'; expected"
                                    + " key=value pairs separated by ';' with keys "
                                    + KEYS);
                }
                values[k] = pair.substring(eq + 1).trim();
            }
        }
        return new AgentOptions(
                list(values[0]),
                list(values[1]),
                bool("plainFields", values[2]),
                bool("verbose", values[3]),
                values[4] == null || values[4].isBlank() ? null : Path.of(values[4]),
                values[5] == null || values[5].isBlank() || bool("sites", values[5]),
                ConcurrentHashMap.newKeySet(),
                ConcurrentHashMap.newKeySet());
    }

    /** A copy of these options with {@code patterns} as the include list. */
    public AgentOptions withInclude(String... patterns) {
        return new AgentOptions(
                List.of(patterns),
                exclude,
                plainFields,
                verbose,
                dump,
                sites,
                plainFieldsLeft,
                librariesLeftOut);
    }

    /** A copy of these options with {@code patterns} added to the exclude list. */
    public AgentOptions withExclude(String... patterns) {
        List<String> all = new ArrayList<>(exclude);
        all.addAll(List.of(patterns));
        return new AgentOptions(
                include, all, plainFields, verbose, dump, sites, plainFieldsLeft, librariesLeftOut);
    }

    /** A copy of these options with plain field interception switched on or off. */
    public AgentOptions withPlainFields(boolean on) {
        return new AgentOptions(
                include, exclude, on, verbose, dump, sites, plainFieldsLeft, librariesLeftOut);
    }

    /** A copy of these options with code sites for the checker switched on or off. */
    public AgentOptions withSites(boolean on) {
        return new AgentOptions(
                include,
                exclude,
                plainFields,
                verbose,
                dump,
                on,
                plainFieldsLeft,
                librariesLeftOut);
    }

    /**
     * Whether the class with binary name {@code className} ({@code com.acme.Pool$Entry}) is to be
     * instrumented, by name alone (the transformer also skips boot and platform classes).
     */
    public boolean instruments(String className) {
        if (startsWithAny(className, NEVER)) {
            return false;
        }
        for (Pattern p : excludePatterns) {
            if (p.matcher(className).matches()) {
                return false;
            }
        }
        if (includePatterns.isEmpty()) {
            return !startsWithAny(className, DEFAULT_EXCLUDES);
        }
        boolean matchedSpecific = false;
        boolean matched = false;
        for (int k = 0; k < includePatterns.size(); k++) {
            if (includePatterns.get(k).matcher(className).matches()) {
                matched = true;
                matchedSpecific |= !include.get(k).equals("*");
            }
        }
        return matched && (matchedSpecific || !startsWithAny(className, DEFAULT_EXCLUDES));
    }

    /**
     * Whether {@code className} belongs to the JDK or to refguard itself: classes a program
     * explored through an {@link InstrumentingClassLoader} shares with the explorer instead of
     * defining its own copy (unless its options include them explicitly).
     */
    static boolean sharedWithTheExplorer(String className) {
        return startsWithAny(className, NEVER) || className.startsWith("io.refguard.");
    }

    /** The include patterns as given; empty means everything not excluded. */
    public List<String> include() {
        return include;
    }

    /** The exclude patterns as given, without the built-in ones. */
    public List<String> exclude() {
        return exclude;
    }

    /**
     * Whether non-volatile, non-final field accesses are intercepted too, and reads and writes of
     * array elements.
     */
    public boolean plainFields() {
        return plainFields;
    }

    /**
     * The plain (non-volatile, non-final) fields, as {@code Owner.field}, whose accesses classes
     * instrumented so far under these options or their copies read or wrote without a scheduling
     * point, and the fields holding arrays whose elements they read or wrote so, as {@code
     * Owner.field[]}, sorted; empty when {@link #plainFields()} is on.
     */
    public List<String> plainFieldsLeft() {
        return new TreeSet<>(plainFieldsLeft).stream().toList();
    }

    /**
     * Notes that an access to plain field {@code field} ({@code Owner.field}), or to an element of
     * the array in it ({@code Owner.field[]}), was left alone.
     */
    void leftPlainField(String field) {
        plainFieldsLeft.add(field);
    }

    /**
     * Libraries that the default exclusions leave uninstrumented although they keep state that
     * threads share: a mocking library's stubs, a language runtime's concurrency. Their names as a
     * hint shows them, by package prefix.
     */
    private static final Map<String, String> SHARED_STATE_LIBRARIES =
            Map.of(
                    "org.mockito.",
                    "org.mockito (a mocking library: its stubs and recorded calls; the default"
                            + " --include leaves it out)",
                    "kotlinx.",
                    "kotlinx (Kotlin's libraries: coroutines; the default --include leaves it out)",
                    "scala.",
                    "scala (Scala's library: its futures and collections; the default --include"
                            + " leaves it out)",
                    "groovy.",
                    "groovy (Groovy's runtime; the default --include leaves it out)");

    /**
     * The libraries of {@link #SHARED_STATE_LIBRARIES} whose classes a loader under these options
     * (or their copies) defined without instrumenting them, as the hint names them; sorted.
     */
    public List<String> librariesLeftOut() {
        return new TreeSet<>(librariesLeftOut).stream().toList();
    }

    /**
     * Notes that class {@code name} was defined for a program without instrumentation: a library of
     * {@link #SHARED_STATE_LIBRARIES}, or any class that an include the user narrowed left out (not
     * one the default exclusions or an exclude name), by its package's first two names ({@code
     * org.ehcache}).
     */
    void loadedUninstrumented(String name) {
        for (Map.Entry<String, String> e : SHARED_STATE_LIBRARIES.entrySet()) {
            if (name.startsWith(e.getKey())) {
                librariesLeftOut.add(e.getValue());
                return;
            }
        }
        if (include.isEmpty()
                || startsWithAny(name, NEVER)
                || startsWithAny(name, DEFAULT_EXCLUDES)
                || excludePatterns.stream().anyMatch(p -> p.matcher(name).matches())) {
            return;
        }
        int first = name.indexOf('.');
        int second = first < 0 ? -1 : name.indexOf('.', first + 1);
        if (second > 0) {
            librariesLeftOut.add(name.substring(0, second) + " (not matched by --include)");
        }
    }

    /** Whether each instrumented class is logged. */
    public boolean verbose() {
        return verbose;
    }

    /** The directory instrumented class files are written to, or {@code null}. */
    public Path dump() {
        return dump;
    }

    /**
     * Whether calls into refguard's reference API ({@code Ref}, {@code RefCounted} and their
     * subtypes, {@code HotSwap.acquire}, {@code HotSwapSet.acquire}) are bracketed with {@code
     * io.refguard.hook.CallSites.enter(id)} and {@code exit(slot)}, so that the checker takes their
     * code site from the agent's table instead of walking the stack. Takes effect only in a JVM
     * whose system property {@code refguard.callSites} is {@code true} when refguard-core
     * initializes (the agent sets it in {@code premain} unless it is set already) and only for
     * classes whose loader sees the same refguard-core as the agent.
     */
    public boolean sites() {
        return sites;
    }

    /** The options in argument syntax. */
    @Override
    public String toString() {
        return "include="
                + String.join(",", include)
                + ";exclude="
                + String.join(",", exclude)
                + ";plainFields="
                + plainFields
                + ";verbose="
                + verbose
                + (dump == null ? "" : ";dump=" + dump)
                + ";sites="
                + sites;
    }

    private static boolean startsWithAny(String name, List<String> prefixes) {
        for (String prefix : prefixes) {
            if (name.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    private static List<String> list(String value) {
        List<String> out = new ArrayList<>();
        if (value != null) {
            for (String part : value.split(",")) {
                if (!part.isBlank()) {
                    out.add(part.trim());
                }
            }
        }
        return out;
    }

    private static boolean bool(String key, String value) {
        if (value == null || value.isBlank()) {
            return false;
        }
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on" -> true;
            case "false", "no", "off" -> false;
            default ->
                    throw new IllegalArgumentException(
                            "refguard-agent: option "
                                    + key
                                    + "="
                                    + value
                                    + " is not a boolean; use"
                                    + " true or false");
        };
    }

    /** {@code *} matches any characters; a pattern without one also matches nested classes. */
    private static Pattern compile(String glob) {
        if (!glob.contains("*")) {
            return Pattern.compile(Pattern.quote(glob) + "(\\$.*)?");
        }
        StringBuilder regex = new StringBuilder();
        String[] parts = glob.split("\\*", -1);
        for (int k = 0; k < parts.length; k++) {
            if (k > 0) {
                regex.append(".*");
            }
            if (!parts[k].isEmpty()) {
                regex.append(Pattern.quote(parts[k]));
            }
        }
        return Pattern.compile(regex.toString());
    }
}
