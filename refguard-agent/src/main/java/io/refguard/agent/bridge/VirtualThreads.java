package io.refguard.agent.bridge;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadFactory;

/**
 * Entry points for the thread API of JDK 21 and later: {@code Thread.Builder} (virtual and platform
 * builders), {@code Thread.startVirtualThread} and the thread-per-task executors. The agent is
 * built for JDK 17, where these types do not exist, so call sites are matched by name and
 * descriptor, builders are passed as {@code Object}, and the real methods are called through method
 * handles looked up on first use (only code compiled for JDK 21 reaches here).
 *
 * <p>Under exploration a thread made by a builder is a program thread like any other: the builder
 * makes the real, unstarted {@code Thread} object (a virtual one stays virtual: {@code isVirtual()}
 * is true), the interceptor is told its task ({@code threadCreated}), since a virtual thread's
 * {@code run()} does not run it, and its start runs the task on an actor. Otherwise each entry
 * point does exactly what the replaced call did. Public only so injected code can call it.
 */
public final class VirtualThreads {

    private VirtualThreads() {}

    /** Replaces {@code builder.start(task)}. */
    public static Thread builderStart(Object builder, Runnable task, int site) {
        SyncInterceptor i = SyncBridge.managing();
        if (i == null) {
            return (Thread) call(Handles.START, builder, task);
        }
        Thread t = (Thread) call(Handles.UNSTARTED, builder, task);
        i.threadCreated(t, task, site);
        i.threadStart(t, site);
        return t;
    }

    /** Replaces {@code builder.unstarted(task)}. */
    public static Thread builderUnstarted(Object builder, Runnable task, int site) {
        Thread t = (Thread) call(Handles.UNSTARTED, builder, task);
        SyncInterceptor i = SyncBridge.managing();
        if (i != null) {
            i.threadCreated(t, task, site);
        }
        return t;
    }

    /**
     * Replaces {@code builder.factory()}: the builder's factory, which also tells the interceptor
     * of a managed thread that asks it for a thread that thread's task. Wrapped whether or not the
     * caller is managed, since a factory made before an exploration may be used in it.
     */
    public static ThreadFactory builderFactory(Object builder, int site) {
        return registering((ThreadFactory) call(Handles.FACTORY, builder), site);
    }

    /** Replaces {@code Thread.startVirtualThread(task)}. */
    public static Thread startVirtualThread(Runnable task, int site) {
        if (SyncBridge.managing() == null) {
            return (Thread) call(Handles.START_VIRTUAL, task);
        }
        return builderStart(call(Handles.OF_VIRTUAL), task, site);
    }

    /** Replaces {@code Executors.newVirtualThreadPerTaskExecutor()}. */
    public static ExecutorService newVirtualThreadPerTaskExecutor(int site) {
        SyncInterceptor i = SyncBridge.managing();
        if (i != null) {
            ThreadFactory virtual =
                    registering(
                            (ThreadFactory) call(Handles.FACTORY, call(Handles.OF_VIRTUAL)), site);
            ExecutorService e = i.newExecutor(ExecutorKind.PER_TASK, 0, virtual, site);
            if (e != null) {
                return e;
            }
        }
        return (ExecutorService) call(Handles.NEW_VIRTUAL_EXECUTOR);
    }

    /** Replaces {@code Executors.newThreadPerTaskExecutor(factory)}. */
    public static ExecutorService newThreadPerTaskExecutor(ThreadFactory factory, int site) {
        SyncInterceptor i = SyncBridge.managing();
        if (i != null) {
            if (factory == null) {
                throw new NullPointerException();
            }
            ExecutorService e = i.newExecutor(ExecutorKind.PER_TASK, 0, factory, site);
            if (e != null) {
                return e;
            }
        }
        return (ExecutorService) call(Handles.NEW_PER_TASK_EXECUTOR, factory);
    }

    /** {@code real}, telling the interceptor of the creating thread the task of each thread. */
    private static ThreadFactory registering(ThreadFactory real, int site) {
        return task -> {
            Thread t = real.newThread(task);
            SyncInterceptor i = SyncBridge.managing();
            if (i != null && t != null) {
                i.threadCreated(t, task, site);
            }
            return t;
        };
    }

    private static Object call(MethodHandle h, Object... args) {
        try {
            return h.invokeWithArguments(args);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    /** The JDK 21 methods, looked up when the first call site runs. */
    private static final class Handles {
        static final MethodHandle START;
        static final MethodHandle UNSTARTED;
        static final MethodHandle FACTORY;
        static final MethodHandle OF_VIRTUAL;
        static final MethodHandle START_VIRTUAL;
        static final MethodHandle NEW_VIRTUAL_EXECUTOR;
        static final MethodHandle NEW_PER_TASK_EXECUTOR;

        static {
            MethodHandles.Lookup l = MethodHandles.publicLookup();
            try {
                Class<?> builder = Class.forName("java.lang.Thread$Builder");
                Class<?> ofVirtual = Class.forName("java.lang.Thread$Builder$OfVirtual");
                START =
                        l.findVirtual(
                                builder,
                                "start",
                                MethodType.methodType(Thread.class, Runnable.class));
                UNSTARTED =
                        l.findVirtual(
                                builder,
                                "unstarted",
                                MethodType.methodType(Thread.class, Runnable.class));
                FACTORY =
                        l.findVirtual(
                                builder, "factory", MethodType.methodType(ThreadFactory.class));
                OF_VIRTUAL =
                        l.findStatic(Thread.class, "ofVirtual", MethodType.methodType(ofVirtual));
                START_VIRTUAL =
                        l.findStatic(
                                Thread.class,
                                "startVirtualThread",
                                MethodType.methodType(Thread.class, Runnable.class));
                NEW_VIRTUAL_EXECUTOR =
                        l.findStatic(
                                java.util.concurrent.Executors.class,
                                "newVirtualThreadPerTaskExecutor",
                                MethodType.methodType(ExecutorService.class));
                NEW_PER_TASK_EXECUTOR =
                        l.findStatic(
                                java.util.concurrent.Executors.class,
                                "newThreadPerTaskExecutor",
                                MethodType.methodType(ExecutorService.class, ThreadFactory.class));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(
                        "refguard-agent: the thread builder API of JDK 21"
                                + " was called on JDK "
                                + Runtime.version().feature()
                                + ", which lacks it",
                        e);
            }
        }
    }
}
