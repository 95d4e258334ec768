package io.refguard.agent;

import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A class loader that defines the classes {@link AgentOptions#instruments accepted} by its
 * options itself, instrumented exactly as the agent would, and delegates every other class to its
 * parent: the programmatic alternative to {@code -javaagent}.
 *
 * <p>Each instance defines its own copies of the instrumented classes, so each gets fresh static
 * state: one loader per exploration run makes runs independent. The bridge classes come from the
 * parent, so an interceptor installed by code of the parent's reaches the instrumented code.
 *
 * <p>Class bytes are read from the parent's resources. A class that cannot be instrumented is
 * logged and defined unchanged, as with the agent; {@link #transformer()} counts such failures.
 */
public class InstrumentingClassLoader extends ClassLoader {

    static {
        registerAsParallelCapable();
    }

    private final AgentOptions options;
    private final RefguardTransformer transformer;
    /**
     * Instrumented class files by class name, shared by the loaders of one {@link #freshCopy()}
     * family: a class is instrumented (and its sites registered) once, then only defined again.
     * An entry holding the original bytes marks a class that could not be instrumented.
     */
    private final ConcurrentHashMap<String, byte[]> instrumented;

    /**
     * A loader instrumenting the classes {@code options} accepts, reading them from
     * {@code parent}.
     */
    public InstrumentingClassLoader(ClassLoader parent, AgentOptions options) {
        this(parent, options, new RefguardTransformer(Objects.requireNonNull(options, "options")),
                new ConcurrentHashMap<>());
    }

    private InstrumentingClassLoader(ClassLoader parent, AgentOptions options,
            RefguardTransformer transformer, ConcurrentHashMap<String, byte[]> instrumented) {
        super("refguard-instrumenting", Objects.requireNonNull(parent, "parent"));
        this.options = options;
        this.transformer = transformer;
        this.instrumented = instrumented;
    }

    /**
     * A new loader with the same parent and options, defining its own classes (so fresh static
     * state) from the class files this loader already instrumented: one exploration run per
     * copy costs a class definition, not a new instrumentation. Thread-safe.
     */
    public InstrumentingClassLoader freshCopy() {
        return new InstrumentingClassLoader(getParent(), options, transformer, instrumented);
    }

    /** The transformer this loader applies, with its counts of instrumented and failed classes. */
    public RefguardTransformer transformer() {
        return transformer;
    }

    /**
     * Defines accepted classes itself (child first), instrumented; delegates others to the
     * parent.
     */
    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        synchronized (getClassLoadingLock(name)) {
            Class<?> c = findLoadedClass(name);
            if (c == null && options.instruments(name)) {
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

    private Class<?> defineInstrumented(String name) throws ClassNotFoundException {
        byte[] cached = instrumented.get(name);
        if (cached != null) {
            return defineClass(name, cached, 0, cached.length);
        }
        byte[] original;
        try (InputStream in = getParent().getResourceAsStream(name.replace('.', '/') + ".class")) {
            if (in == null) {
                return null;
            }
            original = in.readAllBytes();
        } catch (IOException e) {
            throw new ClassNotFoundException("cannot read the class file of " + name, e);
        }
        byte[] bytes = transformer.transform(this, name.replace('.', '/'), null, null, original);
        byte[] defined = bytes != null ? bytes : original;
        instrumented.putIfAbsent(name, defined);
        return defineClass(name, defined, 0, defined.length);
    }
}
