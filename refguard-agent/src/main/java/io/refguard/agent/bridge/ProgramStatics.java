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
