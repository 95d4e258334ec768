package io.refguard.agent.bridge;

import java.lang.invoke.CallSite;
import java.lang.invoke.ConstantCallSite;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.Executor;

/**
 * The bootstrap of the {@code invokedynamic} that replaces a call on a JDK library object in
 * instrumented code (a {@code Map}, {@code BlockingQueue}, {@code Future}, {@code CyclicBarrier},
 * ...; the agent's {@code LibraryRules} says which).
 *
 * <p>The call site is bound once, to {@code guardWithTest(nobody manages this thread, original
 * method, modeled call)}. With no interceptor installed the guard is one volatile read and a null
 * check, and the original method runs with its own dispatch and no boxing; the JIT inlines all of
 * it. On a thread an installed {@link SyncInterceptor} manages, the arguments are boxed into a
 * {@link LibraryCall} and handed to {@link SyncInterceptor#libraryCall}, which decides, from the
 * receiver's run-time class, whether the call is a scheduling point, a modeled blocking operation,
 * or just the original call.
 *
 * <p>Public only so that injected code can link to it.
 */
public final class LibraryBridge {

    private static final MethodHandle UNMANAGED;
    private static final MethodHandle MODELED;
    private static final MethodHandle IS_NULL;
    private static final MethodHandle NULL_RECEIVER;

    static {
        try {
            MethodHandles.Lookup l = MethodHandles.lookup();
            UNMANAGED =
                    l.findStatic(
                            LibraryBridge.class, "unmanaged", MethodType.methodType(boolean.class));
            MODELED =
                    l.findStatic(
                            LibraryBridge.class,
                            "modeled",
                            MethodType.methodType(
                                    Object.class,
                                    int.class,
                                    String.class,
                                    boolean.class,
                                    boolean.class,
                                    MethodType.class,
                                    MethodHandle.class,
                                    MethodHandle.class,
                                    Object[].class));
            IS_NULL =
                    l.findStatic(
                            java.util.Objects.class,
                            "isNull",
                            MethodType.methodType(boolean.class, Object.class));
            NULL_RECEIVER =
                    l.findStatic(
                            LibraryBridge.class,
                            "nullReceiver",
                            MethodType.methodType(Object.class, String.class));
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** Actions of {@code CyclicBarrier}s built by instrumented code; see {@link #barrierAction}. */
    private static final Map<Object, Runnable> BARRIER_ACTIONS =
            Collections.synchronizedMap(new WeakHashMap<>());

    private LibraryBridge() {}

    /**
     * Links one call site.
     *
     * @param type the call's type: the receiver first, for an instance method
     * @param owner the class or interface the original instruction named
     * @param site the site id
     * @param kind 0 {@code invokevirtual}, 1 {@code invokestatic}, 2 {@code invokeinterface}, 3
     *     {@code invokespecial} of a superclass's method ({@link LibraryCall#isSuperCall()})
     */
    public static CallSite bootstrap(
            MethodHandles.Lookup caller,
            String name,
            MethodType type,
            Class<?> owner,
            int site,
            int kind)
            throws ReflectiveOperationException {
        boolean isStatic = kind == 1;
        boolean special = kind == 3;
        MethodHandle plain =
                isStatic
                        ? caller.findStatic(owner, name, type)
                        : special
                                ? caller.findSpecial(
                                                owner,
                                                name,
                                                type.dropParameterTypes(0, 1),
                                                caller.lookupClass())
                                        .asType(type)
                                : caller.findVirtual(owner, name, type.dropParameterTypes(0, 1))
                                        .asType(type);
        MethodHandle withExecutor = null;
        int n = type.parameterCount();
        if (name.endsWith("Async") && (n == 0 || type.parameterType(n - 1) != Executor.class)) {
            try {
                MethodType more = type.appendParameterTypes(Executor.class);
                withExecutor =
                        isStatic
                                ? caller.findStatic(owner, name, more)
                                : caller.findVirtual(owner, name, more.dropParameterTypes(0, 1))
                                        .asType(more);
                withExecutor = spread(withExecutor);
            } catch (NoSuchMethodException noOverload) {
                withExecutor = null;
            }
        }
        MethodHandle modeled =
                MethodHandles.insertArguments(
                        MODELED,
                        0,
                        site,
                        name,
                        isStatic,
                        special,
                        type,
                        spread(plain),
                        withExecutor);
        modeled = modeled.asCollector(Object[].class, n).asType(type);
        MethodHandle test = MethodHandles.dropArguments(UNMANAGED, 0, type.parameterList());
        MethodHandle target = MethodHandles.guardWithTest(test, plain, modeled);
        if (!isStatic) {
            target = withNullCheck(target, type, owner, name, site);
        }
        return new ConstantCallSite(target);
    }

    /**
     * {@code target}, except that a null receiver throws the {@code NullPointerException} the
     * original instruction would have thrown, with a message in the JVM's words (JEP 358) naming
     * the method and, when the site knows it, the variable: the method handle would otherwise say
     * only that its own internal receiver was null.
     */
    private static MethodHandle withNullCheck(
            MethodHandle target, MethodType type, Class<?> owner, String name, int site) {
        StringBuilder params = new StringBuilder();
        for (int i = 1; i < type.parameterCount(); i++) {
            params.append(i > 1 ? ", " : "").append(type.parameterType(i).getSimpleName());
        }
        String subject = Instructions.get(site).subject();
        String message =
                "Cannot invoke \""
                        + owner.getName()
                        + "."
                        + name
                        + "("
                        + params
                        + ")\" because "
                        + (subject != null
                                ? "\"" + subject + "\" is null"
                                : "its receiver is null");
        MethodHandle isNull =
                MethodHandles.dropArguments(
                        IS_NULL.asType(MethodType.methodType(boolean.class, type.parameterType(0))),
                        1,
                        type.parameterList().subList(1, type.parameterCount()));
        MethodHandle thrower =
                MethodHandles.dropArguments(
                                MethodHandles.insertArguments(NULL_RECEIVER, 0, message),
                                0,
                                type.parameterList())
                        .asType(type);
        return MethodHandles.guardWithTest(isNull, thrower, target);
    }

    private static Object nullReceiver(String message) {
        throw new NullPointerException(message);
    }

    /**
     * {@code h} as {@code (Object[])Object}. A variable-arity method ({@code allOf(cf...)}) is
     * taken at its fixed arity: its last argument is already the array the call site built.
     */
    private static MethodHandle spread(MethodHandle h) {
        h = h.asFixedArity();
        return h.asType(h.type().generic().changeReturnType(Object.class))
                .asSpreader(Object[].class, h.type().parameterCount());
    }

    /**
     * Whether the call is the original one: no exploration manages the calling thread, and the
     * thread is not inside a callback of a JDK call either ({@link
     * SyncInterceptor#forCallbackOfCurrentThread}).
     */
    private static boolean unmanaged() {
        return SyncBridge.managing() == null && SyncBridge.managingCallback() == null;
    }

    private static Object modeled(
            int site,
            String name,
            boolean isStatic,
            boolean special,
            MethodType type,
            MethodHandle spread,
            MethodHandle withExecutor,
            Object[] args)
            throws Throwable {
        SyncInterceptor i = SyncBridge.managing();
        if (i == null) {
            SyncInterceptor callback = SyncBridge.managingCallback();
            if (callback == null) {
                return spread.invokeExact(args);
            }
            return callback.libraryCallInCallback(
                    new LibraryCall(
                            site, name, isStatic, special, type, spread, withExecutor, args));
        }
        return i.libraryCall(
                new LibraryCall(site, name, isStatic, special, type, spread, withExecutor, args));
    }

    /** The JDK collections whose documentation requires external synchronization. */
    private static final Set<String> UNSYNCHRONIZED_COLLECTIONS =
            Set.of(
                    "java.util.HashMap",
                    "java.util.LinkedHashMap",
                    "java.util.TreeMap",
                    "java.util.IdentityHashMap",
                    "java.util.WeakHashMap",
                    "java.util.EnumMap",
                    "java.util.HashSet",
                    "java.util.LinkedHashSet",
                    "java.util.TreeSet",
                    "java.util.ArrayList",
                    "java.util.LinkedList",
                    "java.util.ArrayDeque",
                    "java.util.PriorityQueue");

    /**
     * Whether {@code className} (binary name) is a JDK collection that is not thread-safe, whose
     * sharing the explorer checks.
     */
    public static boolean isUnsynchronizedCollection(String className) {
        return UNSYNCHRONIZED_COLLECTIONS.contains(className);
    }

    /**
     * Called by instrumented code right after it built a JDK collection that is not thread-safe:
     * the thread that built it is its first user.
     */
    public static void collectionCreated(Object collection) {
        SyncInterceptor i = SyncBridge.managing();
        if (i != null) {
            i.collectionCreated(collection);
        }
    }

    /**
     * Called by instrumented code right after {@code new LinkedHashMap(capacity, loadFactor,
     * accessOrder)}, or its subclass's {@code super(...)} call: an access-ordered map changes on
     * {@code get}.
     */
    public static void linkedMapCreated(Object map, boolean accessOrder) {
        if (accessOrder) {
            SyncInterceptor i = SyncBridge.managing();
            if (i != null) {
                i.accessOrderedMapCreated(map);
            }
        }
    }

    /**
     * Called by instrumented code with the executor of {@code new ExecutorCompletionService(...)},
     * right before the constructor: returns the executor the service is built over.
     */
    public static java.util.concurrent.Executor completionExecutor(
            java.util.concurrent.Executor executor, int site) {
        SyncInterceptor i = SyncBridge.managing();
        return i == null ? executor : i.completionExecutor(executor, site);
    }

    /**
     * The executor for a {@code new SubmissionPublisher()} of instrumented code, which the agent
     * turns into {@code new SubmissionPublisher(executor, Flow.defaultBufferSize())}: the JDK's own
     * default when nothing intercepts (the common pool, or a thread per item on a machine where the
     * common pool has one thread), else the interceptor's stand-in for the common pool.
     */
    public static java.util.concurrent.Executor publisherExecutor(int site) {
        SyncInterceptor i = SyncBridge.managing();
        return i == null
                ? DefaultPublisherExecutor.EXECUTOR
                : i.completionExecutor(java.util.concurrent.ForkJoinPool.commonPool(), site);
    }

    /** The executor the JDK gives a {@code SubmissionPublisher} built without one. */
    private static final class DefaultPublisherExecutor {
        static final java.util.concurrent.Executor EXECUTOR;

        static {
            try (var p = new java.util.concurrent.SubmissionPublisher<Object>()) {
                EXECUTOR = p.getExecutor();
            }
        }
    }

    /**
     * Called by instrumented code right after {@code new ForkJoinPool(parallelism, ...)}, or a
     * subclass's {@code super(parallelism, ...)}: a pool whose parallelism the program chose, not
     * the machine.
     */
    public static void forkJoinPoolSized(Object pool) {
        SIZED_POOLS.put(pool, Boolean.TRUE);
    }

    /** Whether instrumented code built {@code pool} with a parallelism of its own choosing. */
    public static boolean sizedForkJoinPool(Object pool) {
        return SIZED_POOLS.containsKey(pool);
    }

    private static final Map<Object, Boolean> SIZED_POOLS =
            Collections.synchronizedMap(new WeakHashMap<>());

    /** Called by instrumented code right after {@code new CyclicBarrier(parties, action)}. */
    public static void barrierCreated(Object barrier, Runnable action) {
        if (action != null) {
            BARRIER_ACTIONS.put(barrier, action);
        }
    }

    /**
     * The action {@code barrier} was built with by instrumented code, or {@code null} when it has
     * none or was built elsewhere (the JDK keeps it private).
     */
    public static Runnable barrierAction(Object barrier) {
        return BARRIER_ACTIONS.get(barrier);
    }
}
