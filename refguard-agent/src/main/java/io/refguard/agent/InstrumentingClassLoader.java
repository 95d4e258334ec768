package io.refguard.agent;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.security.CodeSource;
import java.security.ProtectionDomain;
import java.security.cert.Certificate;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A class loader that defines the classes of an explored program itself, instrumented exactly as
 * the agent would where its {@link AgentOptions#instruments options accept} them, and delegates
 * every other class to its parent: the programmatic alternative to {@code -javaagent}.
 *
 * <p>Which classes it defines:
 *
 * <ul>
 *   <li>Given a <em>program class path</em> ({@link #InstrumentingClassLoader(ClassLoader,
 *       AgentOptions, List)}): every class found there, instrumented or not, so classes a program
 *       loads together are defined together (no loader constraint between a library and the code
 *       that calls it, and package-private access across them works, for mocking libraries too).
 *       Only the JDK and refguard's own classes come from the parent, unless the options include
 *       them explicitly.
 *   <li>Without one: the classes the options accept, read from the parent's resources.
 * </ul>
 *
 * <p>Each instance defines its own copies, so each gets fresh static state. The bridge classes come
 * from the parent, so an interceptor installed by code of the parent's reaches the instrumented
 * code.
 *
 * <p>A class that cannot be instrumented is logged and defined unchanged, as with the agent; {@link
 * #transformer()} counts such failures.
 */
public class InstrumentingClassLoader extends ClassLoader implements Closeable {

    static {
        registerAsParallelCapable();
    }

    private final AgentOptions options;
    private final RefguardTransformer transformer;

    /**
     * Instrumented class files by class name, shared by the loaders of one {@link #freshCopy()}
     * family: a class is instrumented (and its sites registered) once, then only defined again. An
     * entry holding the original bytes marks a class that could not be instrumented.
     */
    private final ConcurrentHashMap<String, byte[]> instrumented;

    /** Whether classes get static re-initialization ({@link #startRun()}); see StaticReinit. */
    private final boolean resettableStatics;

    /** Per internal class name: whether its statics are re-initialized (see StaticReinit). */
    private final ConcurrentHashMap<String, Boolean> reinitializable = new ConcurrentHashMap<>();

    /** One protection domain per program class path entry. */
    private final ConcurrentHashMap<String, ProtectionDomain> domains = new ConcurrentHashMap<>();

    /** Finds the program's classes and resources, or null: the parent's resources instead. */
    private final URLClassLoader programClassPath;

    /**
     * A loader instrumenting the classes {@code options} accepts, reading them from {@code parent}.
     */
    public InstrumentingClassLoader(ClassLoader parent, AgentOptions options) {
        this(
                parent,
                options,
                new RefguardTransformer(Objects.requireNonNull(options, "options")),
                new ConcurrentHashMap<>(),
                null,
                false);
    }

    /**
     * A loader that defines every class found on {@code programClassPath} (directories and jars),
     * instrumenting those {@code options} accepts, and takes the JDK, refguard's own classes and
     * anything not on that path from {@code parent}.
     *
     * @throws IllegalArgumentException naming an entry that is not a usable path
     */
    public InstrumentingClassLoader(
            ClassLoader parent, AgentOptions options, List<Path> programClassPath) {
        this(
                parent,
                options,
                new RefguardTransformer(Objects.requireNonNull(options, "options")),
                new ConcurrentHashMap<>(),
                finder(programClassPath),
                false);
    }

    private InstrumentingClassLoader(
            ClassLoader parent,
            AgentOptions options,
            RefguardTransformer transformer,
            ConcurrentHashMap<String, byte[]> instrumented,
            URLClassLoader programClassPath,
            boolean resettableStatics) {
        super("refguard-instrumenting", Objects.requireNonNull(parent, "parent"));
        this.options = options;
        this.transformer = transformer;
        this.instrumented = instrumented;
        this.programClassPath = programClassPath;
        this.resettableStatics = resettableStatics;
    }

    /**
     * A loader for a program explored run after run: like the other constructors (with {@code
     * programClassPath} when it is not empty), and every instrumented class, except interfaces and
     * enums, can have its static state reset: after {@link #startRun()} each such class
     * re-initializes its statics (to their defaults, then its static initializer again) at its
     * first use, as the JVM initializes a class in a fresh loader. One definition of the classes
     * then serves every run, at full speed once the JIT has compiled them.
     *
     * @throws IllegalArgumentException naming a class path entry that is not a usable path
     */
    public static InstrumentingClassLoader forProgram(
            ClassLoader parent, AgentOptions options, List<Path> programClassPath) {
        return new InstrumentingClassLoader(
                parent,
                options,
                new RefguardTransformer(Objects.requireNonNull(options, "options")),
                new ConcurrentHashMap<>(),
                programClassPath.isEmpty() ? null : finder(programClassPath),
                true);
    }

    /**
     * Starts a new run of a program loaded by a {@link #forProgram} loader: from now on, each class
     * whose statics can be reset re-initializes them at its first use. Call it between runs, while
     * no thread runs the program's code.
     *
     * @throws IllegalStateException for a loader not made by {@link #forProgram}
     */
    public void startRun() {
        if (!resettableStatics) {
            throw new IllegalStateException("only a loader made by forProgram resets statics");
        }
        try {
            Class<?> epoch = loadClass(StaticReinit.EPOCH_CLASS_NAME);
            java.lang.reflect.Field value = epoch.getField(StaticReinit.EPOCH_FIELD);
            value.setInt(null, value.getInt(null) + 1);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot start a run: " + e, e);
        }
    }

    private static URLClassLoader finder(List<Path> entries) {
        URL[] urls = new URL[entries.size()];
        for (int i = 0; i < urls.length; i++) {
            try {
                urls[i] = entries.get(i).toUri().toURL();
            } catch (MalformedURLException | IllegalArgumentException e) {
                throw new IllegalArgumentException(
                        "class path entry "
                                + entries.get(i)
                                + " is not a usable path: "
                                + e.getMessage(),
                        e);
            }
        }
        // no parent: it finds only what the program's own class path holds
        return new URLClassLoader("refguard-program-class-path", urls, null);
    }

    /**
     * A new loader with the same parent and options, defining its own classes (so fresh static
     * state) from the class files this loader already instrumented: one exploration run per copy
     * costs a class definition, not a new instrumentation. Thread-safe.
     */
    public InstrumentingClassLoader freshCopy() {
        return new InstrumentingClassLoader(
                getParent(),
                options,
                transformer,
                instrumented,
                programClassPath,
                resettableStatics);
    }

    /**
     * Closes the jars of the program class path (shared by every {@link #freshCopy()}); classes
     * already defined stay usable, new ones can no longer be found there.
     */
    @Override
    public void close() {
        if (programClassPath != null) {
            try {
                programClassPath.close();
            } catch (IOException e) {
                // the jars were only read
            }
        }
    }

    /** The transformer this loader applies, with its counts of instrumented and failed classes. */
    public RefguardTransformer transformer() {
        return transformer;
    }

    /**
     * Defines accepted classes itself (child first), instrumented; delegates others to the parent.
     */
    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        synchronized (getClassLoadingLock(name)) {
            Class<?> c = findLoadedClass(name);
            if (c == null && resettableStatics && name.equals(StaticReinit.EPOCH_CLASS_NAME)) {
                byte[] epoch = StaticReinit.epochClass();
                c = defineClass(name, epoch, 0, epoch.length);
            }
            if (c == null && definesHere(name)) {
                c = defineInstrumented(name);
            }
            if (c == null) {
                return super.loadClass(name, resolve);
            }
            if (resolve) {
                resolveClass(c);
            }
            return c;
        }
    }

    /**
     * Whether this loader defines {@code name} rather than its parent: with a program class path,
     * every class there except the JDK's and refguard's own (unless included explicitly); without
     * one, the classes the options instrument.
     */
    private boolean definesHere(String name) {
        if (programClassPath == null) {
            return options.instruments(name);
        }
        if (AgentOptions.sharedWithTheExplorer(name) && !options.instruments(name)) {
            return false;
        }
        return programClassPath.findResource(classFile(name)) != null;
    }

    private Class<?> defineInstrumented(String name) throws ClassNotFoundException {
        byte[] cached = instrumented.get(name);
        if (cached != null) {
            return define(name, cached);
        }
        byte[] original;
        URL url =
                programClassPath != null
                        ? programClassPath.findResource(classFile(name))
                        : getParent().getResource(classFile(name));
        if (url == null) {
            return null;
        }
        try (InputStream in = url.openStream()) {
            original = in.readAllBytes();
        } catch (IOException e) {
            throw new ClassNotFoundException("cannot read the class file of " + name, e);
        }
        byte[] bytes =
                options.instruments(name)
                        ? transformer.transform(this, name.replace('.', '/'), null, null, original)
                        : null;
        byte[] defined = bytes != null ? bytes : original;
        if (!options.instruments(name)) {
            options.loadedUninstrumented(name);
        }
        if (resettableStatics && options.instruments(name)) {
            defined = withResettableStatics(name, defined);
        }
        instrumented.putIfAbsent(name, defined);
        return define(name, defined);
    }

    private byte[] withResettableStatics(String name, byte[] bytes) {
        try {
            byte[] reset = StaticReinit.apply(bytes, this::reinitializable);
            return reset != null ? reset : bytes;
        } catch (RuntimeException | LinkageError e) {
            AgentLog.warn(
                    "cannot make the static state of "
                            + name
                            + " resettable ("
                            + e
                            + "); it keeps its statics from run to run. Exclude it with exclude="
                            + name);
            return bytes;
        }
    }

    /**
     * The classes this loader defined that may carry state from one run to the next: enums (their
     * constants are kept), interfaces, and classes it did not instrument, when they have a static
     * field that is not a constant, or (enums) an instance field. Each as {@code "com.acme.Mode (an
     * enum)"}. For a {@link #forProgram} loader, whose other classes re-initialize their statics in
     * every run; a hint for a user whose runs differ, not a proof.
     */
    public List<String> classesNotReset() {
        List<String> found = new java.util.ArrayList<>();
        for (String name : new java.util.TreeSet<>(instrumented.keySet())) {
            Class<?> c = findLoadedClass(name);
            if (c == null || name.equals(StaticReinit.EPOCH_CLASS_NAME)) {
                continue;
            }
            String why =
                    c.isEnum()
                            ? "an enum"
                            : c.isInterface()
                                    ? "an interface"
                                    : !options.instruments(name) ? "not instrumented" : null;
            if (why != null && mayKeepState(c)) {
                found.add(name + " (" + why + ")");
            }
        }
        return found;
    }

    private static boolean mayKeepState(Class<?> c) {
        try {
            for (java.lang.reflect.Field f : c.getDeclaredFields()) {
                int m = f.getModifiers();
                if (f.isSynthetic() || f.isEnumConstant() || f.getName().startsWith("$")) {
                    continue;
                }
                boolean isStatic = java.lang.reflect.Modifier.isStatic(m);
                boolean isFinal = java.lang.reflect.Modifier.isFinal(m);
                if (!isStatic && c.isEnum() && !isFinal) {
                    return true;
                }
                if (isStatic
                        && (!isFinal
                                || !(f.getType().isPrimitive() || f.getType() == String.class))) {
                    return true;
                }
            }
        } catch (LinkageError e) {
            return false;
        }
        return false;
    }

    /** Whether the class (internal name) is one whose statics this loader resets. */
    private boolean reinitializable(String internalName) {
        return reinitializable.computeIfAbsent(
                internalName,
                n -> {
                    String name = n.replace('/', '.');
                    return options.instruments(name) && definesHere(name);
                });
    }

    private Class<?> define(String name, byte[] bytes) {
        return defineClass(name, bytes, 0, bytes.length, domain(name));
    }

    /**
     * A protection domain whose code source is the program class path entry of {@code name}, for
     * libraries that locate themselves through it; null without a program class path.
     */
    private ProtectionDomain domain(String name) {
        URL found =
                programClassPath == null ? null : programClassPath.findResource(classFile(name));
        if (found == null) {
            return null;
        }
        String at = found.toString();
        for (URL entry : programClassPath.getURLs()) {
            String e = entry.toString();
            if (at.startsWith(e) || at.startsWith("jar:" + e + "!/")) {
                return domains.computeIfAbsent(
                        e,
                        k ->
                                new ProtectionDomain(
                                        new CodeSource(entry, (Certificate[]) null),
                                        null,
                                        this,
                                        null));
            }
        }
        return null;
    }

    /** The program's resources first (for service files and the like), then the parent's. */
    @Override
    public URL getResource(String name) {
        URL own = programClassPath != null ? programClassPath.findResource(name) : null;
        return own != null ? own : super.getResource(name);
    }

    @Override
    public Enumeration<URL> getResources(String name) throws IOException {
        if (programClassPath == null) {
            return super.getResources(name);
        }
        List<URL> all = Collections.list(programClassPath.findResources(name));
        all.addAll(Collections.list(super.getResources(name)));
        return Collections.enumeration(all);
    }

    private static String classFile(String name) {
        return name.replace('.', '/') + ".class";
    }
}
