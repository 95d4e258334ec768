package io.refguard.agent.explore;

import io.refguard.agent.AgentOptions;
import io.refguard.agent.InstrumentingClassLoader;
import io.refguard.agent.RefguardTransformer;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;

/**
 * The entry point of a program explored through one {@link InstrumentingClassLoader#forProgram}
 * loader: the program's classes are defined once, and each {@link #get()} starts a new run of that
 * loader (every class re-initializes its statics at its first use in the run, see {@code
 * StaticReinit}) and returns a {@code Runnable} that calls its {@code main(String[])}, or {@code
 * run()} on a new instance of a {@code Runnable} class. With classes reused, statics carry over
 * from run to run.
 */
final class ProgramEntry implements Supplier<Runnable> {

    private final String className;
    private final String[] args;
    private final ProgramLoaders.Key key;
    private final InstrumentingClassLoader first;
    private final boolean hasMain;

    /** The main class, defined once: every run uses it. */
    private final Class<?> shared;

    /** Whether static state carries over from run to run instead of being re-initialized. */
    private final boolean reuseClasses;

    /** Whether no run has started yet (the constructor started the first). */
    private boolean firstRun = true;

    ProgramEntry(
            String className,
            String[] args,
            ClassLoader parent,
            List<Path> classPath,
            AgentOptions options,
            boolean reuseClasses) {
        this.className = className;
        this.args = args;
        AgentOptions effective = options != null ? options : AgentOptions.forProgram(className);
        if (!effective.instruments(className)) {
            throw new IllegalArgumentException(
                    "the agent options "
                            + effective
                            + " do not"
                            + " instrument "
                            + className
                            + ": include its package in the options");
        }
        this.key = new ProgramLoaders.Key(parent, effective.toString(), classPath);
        this.first = ProgramLoaders.take(key, effective);
        this.reuseClasses = reuseClasses;
        first.startRun(); // statics fresh at the start, even in a loader an earlier exploration
        // used
        Class<?> probe;
        try {
            probe = load(first);
        } catch (RuntimeException e) {
            ProgramLoaders.give(key, first);
            throw e;
        }
        this.hasMain = mainMethod(probe) != null;
        if (!hasMain && !Runnable.class.isAssignableFrom(probe)) {
            ProgramLoaders.give(key, first);
            throw new IllegalArgumentException(
                    className
                            + " has no 'static void main(String[])'"
                            + " and is not a Runnable: give the class with the program's entry point");
        }
        this.shared = probe;
    }

    /** The loader family's transformer, which counts instrumented and failed classes. */
    RefguardTransformer transformer() {
        return first.transformer();
    }

    /**
     * The program's classes that may keep state from run to run (see {@link
     * InstrumentingClassLoader#classesNotReset()}).
     */
    java.util.List<String> classesNotReset() {
        return first.classesNotReset();
    }

    /** Hands the loader on to the next exploration of the same program (see ProgramLoaders). */
    void close() {
        ProgramLoaders.give(key, first);
    }

    private Class<?> load(InstrumentingClassLoader loader) {
        loader.setDefaultAssertionStatus(true);
        try {
            return Class.forName(className, false, loader);
        } catch (ClassNotFoundException e) {
            throw new IllegalArgumentException(
                    "no class "
                            + className
                            + " on the class path:"
                            + " check the class name (binary name, as com.acme.Main or com.acme.Outer$Inner)"
                            + " and the class path",
                    e);
        }
    }

    private static Method mainMethod(Class<?> c) {
        try {
            Method m = c.getDeclaredMethod("main", String[].class);
            return Modifier.isStatic(m.getModifiers()) ? m : null;
        } catch (NoSuchMethodException e) {
            return null;
        }
    }

    @Override
    public Runnable get() {
        if (!reuseClasses && !firstRun) {
            first.startRun(); // each class re-initializes its statics at its first use in the run
        }
        firstRun = false;
        Class<?> c = shared;
        Runnable body = hasMain ? callMain(c) : runInstance(c);
        // as in a plain run, the program's classes are the context class loader's (libraries
        // such as Mockito find their plugins through it); threads the program creates inherit it
        ClassLoader programLoader = c.getClassLoader();
        return () -> {
            Thread self = Thread.currentThread();
            ClassLoader before = self.getContextClassLoader();
            self.setContextClassLoader(programLoader);
            try {
                body.run();
            } finally {
                self.setContextClassLoader(before);
            }
        };
    }

    private Runnable callMain(Class<?> c) {
        Method main = mainMethod(c);
        main.setAccessible(true);
        return () -> invoke(main, null, (Object) args.clone());
    }

    private Runnable runInstance(Class<?> c) {
        return () -> {
            Object instance;
            try {
                var ctor = c.getDeclaredConstructor();
                ctor.setAccessible(true);
                instance = ctor.newInstance();
            } catch (InvocationTargetException e) {
                throw Sneaky.<RuntimeException>as(e.getCause());
            } catch (ReflectiveOperationException e) {
                throw new IllegalArgumentException(
                        className
                                + " is a Runnable without a usable"
                                + " no-argument constructor ("
                                + e
                                + "): add one, or give a main method",
                        e);
            }
            ((Runnable) instance).run();
        };
    }

    private static void invoke(Method m, Object target, Object... arguments) {
        try {
            m.invoke(target, arguments);
        } catch (InvocationTargetException e) {
            throw Sneaky.<RuntimeException>as(e.getCause()); // the program's own exception
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot call " + m + ": " + e.getMessage(), e);
        }
    }

    /** Rethrows a checked exception unchanged, so the report shows what the program threw. */
    static final class Sneaky {
        private Sneaky() {}

        @SuppressWarnings("unchecked")
        static <T extends Throwable> T as(Throwable t) throws T {
            throw (T) t;
        }
    }
}
