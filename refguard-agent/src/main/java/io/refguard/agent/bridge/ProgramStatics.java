package io.refguard.agent.bridge;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;

/**
 * Called by classes of a program that an {@code InstrumentingClassLoader} re-initializes run after
 * run: before reading or writing a static field of another such class, and from a class's
 * re-initializer for its superclass, {@link #ensure(Class)} re-initializes that class if it has not
 * been in the current run, as the JVM would initialize it on first use. A class without the
 * generated {@code $rg$ensure} method (the JDK's, a library's left uninstrumented) is left alone.
 */
public final class ProgramStatics {

    /** The name of the method the agent adds to each re-initializable class. */
    public static final String ENSURE = "$rg$ensure";

    private static final MethodHandle NOTHING;

    static {
        try {
            NOTHING =
                    MethodHandles.lookup()
                            .findStatic(
                                    ProgramStatics.class,
                                    "nothing",
                                    MethodType.methodType(void.class));
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private static final ClassValue<MethodHandle> ENSURERS =
            new ClassValue<>() {
                @Override
                protected MethodHandle computeValue(Class<?> type) {
                    try {
                        Method m = type.getDeclaredMethod(ENSURE);
                        m.setAccessible(true);
                        return MethodHandles.lookup().unreflect(m);
                    } catch (NoSuchMethodException | IllegalAccessException | RuntimeException e) {
                        return NOTHING;
                    }
                }
            };

    /** Each class's {@code $rg$initializer} field, read: the thread initializing it, or null. */
    private static final ClassValue<MethodHandle> INITIALIZERS =
            new ClassValue<>() {
                @Override
                protected MethodHandle computeValue(Class<?> type) {
                    try {
                        java.lang.reflect.Field f = type.getDeclaredField(INITIALIZER);
                        f.setAccessible(true);
                        return MethodHandles.lookup().unreflectGetter(f);
                    } catch (NoSuchFieldException | IllegalAccessException | RuntimeException e) {
                        return null;
                    }
                }
            };

    /** The field in which a re-initializable class holds the thread initializing it. */
    static final String INITIALIZER = "$rg$initializer";

    private ProgramStatics() {}

    /** The thread a class's re-initializer records as initializing it: the calling one. */
    public static Thread initializingThread() {
        return Thread.currentThread();
    }

    /**
     * The calling thread uses {@code type} while a thread may be initializing it in this run:
     * unless that is the calling thread, it waits until the initialization is done, as the JVM
     * makes it wait (JVMS 5.5), and under exploration the wait is one the explorer schedules.
     */
    public static void awaitInitialized(Class<?> type) {
        MethodHandle initializer = INITIALIZERS.get(type);
        if (initializer == null) {
            return;
        }
        Thread owner = initializer(initializer);
        if (owner == null || owner == Thread.currentThread()) {
            return;
        }
        java.util.function.BooleanSupplier done = () -> initializer(initializer) == null;
        SyncInterceptor i = SyncBridge.managing();
        if (i != null) {
            i.awaitClassInit(type, done);
        } else {
            while (!done.getAsBoolean()) {
                Thread.yield();
            }
        }
    }

    private static Thread initializer(MethodHandle getter) {
        try {
            return (Thread) getter.invoke();
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    /**
     * Called by a class's JVM initializer ({@code <clinit>}) before and after it runs the class's
     * initializer: while the JVM initializes a class, it holds a lock of that class that any other
     * thread using the class waits for inside the JVM, so under exploration the initializing thread
     * is pinned ({@link SyncInterceptor#jvmClassInit}) and no other thread runs until it is done or
     * blocks. The runs after re-initialize the class with no JVM lock, and their waits are the
     * explorer's ({@link #awaitInitialized}).
     */
    public static void jvmInit(boolean on) {
        SyncInterceptor i = SyncBridge.managing();
        if (i != null) {
            i.jvmClassInit(on);
        }
    }

    /**
     * How many classes of the program the calling thread is initializing, one inside another: a
     * counter per thread, touched only when a class is initialized in a run.
     */
    private static final ThreadLocal<int[]> DEPTH = ThreadLocal.withInitial(() -> new int[1]);

    /**
     * Per class of the program: the run (the loader's epoch) in which its initialization last
     * started, or null for a class with nothing to initialize (no static initializer, no static
     * field to reset, no superclass of the program).
     */
    private static final ClassValue<int[]> STARTED_IN =
            new ClassValue<>() {
                @Override
                protected int[] computeValue(Class<?> type) {
                    return hasInitialization(type) ? new int[] {Integer.MIN_VALUE} : null;
                }
            };

    /** Read without initializing {@code type}: what {@code StaticReinit} would re-initialize. */
    private static boolean hasInitialization(Class<?> type) {
        try {
            Class<?> s = type.getSuperclass();
            if (s != null && !s.getName().startsWith("java.")) {
                return true;
            }
            for (Method m : type.getDeclaredMethods()) {
                if (m.getName().equals("$rg$clinit")) {
                    return true;
                }
            }
            for (java.lang.reflect.Field f : type.getDeclaredFields()) {
                int mod = f.getModifiers();
                if (java.lang.reflect.Modifier.isStatic(mod)
                        && !java.lang.reflect.Modifier.isFinal(mod)
                        && !f.getName().startsWith("$rg$")) {
                    return true;
                }
            }
            return false;
        } catch (RuntimeException | LinkageError e) {
            return true;
        }
    }

    /** Called by a class's re-initializer as it starts, in run {@code run}. */
    public static void initializedIn(Class<?> type, int run) {
        int[] started = STARTED_IN.get(type);
        if (started != null) {
            started[0] = run;
        }
    }

    /**
     * Before a use of {@code type} that makes the JVM initialize it: when the calling thread is
     * inside another class's initializer and {@code type}'s initialization has not started in run
     * {@code run}, a scheduling point ({@link SyncInterceptor#nestedClassInit}), at which another
     * thread may start it first, as the JVM allows. Whether the JVM or a re-initializer then
     * initializes the class, the point is the same.
     */
    private static void beforeInit(Class<?> type, int run) {
        int[] started = STARTED_IN.get(type);
        if (started != null && started[0] != run && DEPTH.get()[0] > 0) {
            SyncInterceptor i = SyncBridge.managing();
            if (i != null) {
                i.nestedClassInit(type);
            }
        }
    }

    /** Before a static call to a method of {@code type}, whose code initializes the class. */
    public static void beforeStaticCall(Class<?> type, int run) {
        beforeInit(type, run);
    }

    /**
     * Before {@code new type}: initializes it here, where the JVM does, before the constructor's
     * arguments are evaluated, unless its initialization started in this run.
     */
    public static void ensureForNew(Class<?> type, int run) {
        int[] started = STARTED_IN.get(type);
        if (started != null && started[0] != run) {
            beforeInit(type, run);
            ensure(type);
        }
    }

    /** Before a static field access to {@code type}: {@link #ensure(Class)}, after the point. */
    public static void ensure(Class<?> type, int run) {
        beforeInit(type, run);
        ensure(type);
    }

    /**
     * Called by a class's re-initializer when it starts ({@code +1}) and when it ends, normally or
     * not ({@code -1}).
     */
    public static void initializing(int change) {
        DEPTH.get()[0] += change;
    }

    /** Re-initializes {@code type}'s statics unless they are from the current run already. */
    public static void ensure(Class<?> type) {
        try {
            ENSURERS.get(type).invokeExact();
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t); // $rg$ensure declares no checked exception
        }
    }

    /**
     * Throws what a class's static initializer threw in this run, as the JVM reports it: an error
     * as it is, anything else in an {@code ExceptionInInitializerError}.
     */
    public static void initializerFailed(Throwable failure) {
        if (failure instanceof Error e) {
            throw e;
        }
        throw new ExceptionInInitializerError(failure);
    }

    private static void nothing() {}
}
