package io.refguard.agent;

import java.util.Set;

/**
 * Call sites on JDK library objects that are routed through {@code
 * io.refguard.agent.bridge.LibraryBridge} by an {@code invokedynamic}, so that under exploration
 * each call can be one scheduling point (or a modeled blocking operation) decided from the
 * receiver's run-time class.
 *
 * <p>A call site qualifies when it is an {@code invokevirtual}/{@code invokeinterface} whose owner
 * is a JDK type ({@code java/...}) that is, or extends, one of the {@linkplain #FAMILIES families};
 * call sites typed by the program's own classes are left alone (their methods are instrumented
 * code). A few static methods qualify too ({@link #isStaticTarget}). The rewrite needs class files
 * of version 51 (Java 7) or later, which may contain {@code invokedynamic}.
 */
final class LibraryRules {

    static final String BRIDGE = "io/refguard/agent/bridge/LibraryBridge";

    /**
     * The JDK types whose calls may reach a class that synchronizes internally or blocks: the
     * collections (for the concurrent ones and {@code Collections.synchronized*}, {@code Vector},
     * {@code Hashtable}), futures and stages, the synchronizers without a dedicated rule, {@code
     * StringBuffer}, {@code PrintStream}, executors (to refuse the unmodeled ones), {@code Timer}
     * and streams (a parallel stream's terminal operation runs on modeled workers); and the classes
     * that are not thread-safe whose use by two threads is checked (buffers, {@code StringBuilder},
     * {@code BitSet}, formats, matchers, charset coders, checksums, digests: {@code
     * UnsharedTypes}).
     */
    private static final String[] FAMILIES = {
        "java/util/Map",
        "java/util/Collection",
        "java/util/Dictionary",
        "java/util/concurrent/Future",
        "java/util/concurrent/CompletionStage",
        "java/util/concurrent/Exchanger",
        "java/util/concurrent/CyclicBarrier",
        "java/util/concurrent/Phaser",
        "java/util/concurrent/locks/StampedLock",
        "java/util/concurrent/Executor",
        "java/util/concurrent/CompletionService",
        "java/util/concurrent/SubmissionPublisher",
        "java/util/Timer",
        "java/lang/StringBuffer",
        "java/io/PrintStream",
        "java/util/stream/BaseStream",
        // not thread-safe, checked for unordered use by two threads (UnsharedTypes)
        "java/nio/Buffer",
        "java/lang/StringBuilder",
        "java/util/BitSet",
        "java/text/Format",
        "java/util/zip/Checksum",
        "java/util/regex/Matcher",
        "java/nio/charset/CharsetEncoder",
        "java/nio/charset/CharsetDecoder",
        "java/security/MessageDigest",
    };

    /** {@code Object}'s own methods: never a library operation worth a step. */
    private static final Set<String> OBJECT_METHODS =
            Set.of("hashCode", "equals", "toString", "getClass", "wait", "notify", "notifyAll");

    private static final String FORK_JOIN_TASK = "java/util/concurrent/ForkJoinTask";

    /**
     * The final methods of {@code ForkJoinTask} that fork, run or wait, by name and descriptor:
     * routed also when the call site is typed by the program's own task class ({@code left.fork()}
     * on a {@code RecursiveTask} subclass), which cannot override them; a method of the program's
     * own that shares a name ({@code get(int)}) has another descriptor.
     */
    private static final Set<String> FORK_JOIN_METHODS =
            Set.of(
                    "fork()Ljava/util/concurrent/ForkJoinTask;",
                    "join()Ljava/lang/Object;",
                    "quietlyJoin()V",
                    "invoke()Ljava/lang/Object;",
                    "quietlyInvoke()V",
                    "get()Ljava/lang/Object;",
                    "get(JLjava/util/concurrent/TimeUnit;)Ljava/lang/Object;");

    /**
     * The static methods of {@code ForkJoinTask} that depend on the calling worker's pool, by name
     * and descriptor.
     */
    private static final Set<String> FORK_JOIN_STATICS =
            Set.of(
                    "invokeAll(Ljava/util/concurrent/ForkJoinTask;Ljava/util/concurrent/ForkJoinTask;)V",
                    "invokeAll([Ljava/util/concurrent/ForkJoinTask;)V",
                    "invokeAll(Ljava/util/Collection;)Ljava/util/Collection;",
                    "helpQuiesce()V",
                    "getPool()Ljava/util/concurrent/ForkJoinPool;",
                    "inForkJoinPool()Z");

    /**
     * A {@code ReentrantLock}'s questions about the threads waiting for it or on its conditions,
     * which wait in the model, not in the JDK's queues: routed also when the call site names a
     * subclass of the program's (commons-pool2's {@code InterruptibleReentrantLock}).
     */
    private static final Set<String> WAIT_QUEUE_QUERIES =
            Set.of(
                    "hasWaiters(Ljava/util/concurrent/locks/Condition;)Z",
                    "getWaitQueueLength(Ljava/util/concurrent/locks/Condition;)I",
                    "hasQueuedThreads()Z",
                    "hasQueuedThread(Ljava/lang/Thread;)Z",
                    "getQueueLength()I");

    /**
     * A {@code ReentrantReadWriteLock}'s questions about the threads waiting for its read or write
     * lock, which wait in the model too.
     */
    private static final Set<String> READ_WRITE_QUEUE_QUERIES =
            Set.of(
                    "hasQueuedThreads()Z",
                    "hasQueuedThread(Ljava/lang/Thread;)Z",
                    "getQueueLength()I");

    /**
     * The final methods of {@code AbstractQueuedSynchronizer} that acquire, release, touch the
     * state or ask about the queue or a condition's waiters: routed when the call site names the
     * program's synchronizer class (it cannot override them), so that a thread that fails to
     * acquire blocks in the model, not in the JDK ({@code Synchronizers}). {@link
     * #LONG_SYNCHRONIZER_METHODS} are the same for {@code AbstractQueuedLongSynchronizer}, whose
     * state is a {@code long}.
     */
    private static final Set<String> SYNCHRONIZER_METHODS =
            synchronizerMethods("I", "AbstractQueuedSynchronizer");

    private static final Set<String> LONG_SYNCHRONIZER_METHODS =
            synchronizerMethods("J", "AbstractQueuedLongSynchronizer");

    /**
     * The methods of {@link #SYNCHRONIZER_METHODS} by name and descriptor, for a state of type
     * {@code state} ({@code I} or {@code J}) and the synchronizer class {@code owner}.
     */
    private static Set<String> synchronizerMethods(String state, String owner) {
        String condition = "Ljava/util/concurrent/locks/" + owner + "$ConditionObject;";
        return Set.of(
                "acquire(" + state + ")V",
                "acquireInterruptibly(" + state + ")V",
                "tryAcquireNanos(" + state + "J)Z",
                "release(" + state + ")Z",
                "acquireShared(" + state + ")V",
                "acquireSharedInterruptibly(" + state + ")V",
                "tryAcquireSharedNanos(" + state + "J)Z",
                "releaseShared(" + state + ")Z",
                "getState()" + state,
                "setState(" + state + ")V",
                "compareAndSetState(" + state + state + ")Z",
                "hasQueuedThreads()Z",
                "hasContended()Z",
                "getFirstQueuedThread()Ljava/lang/Thread;",
                "isQueued(Ljava/lang/Thread;)Z",
                "hasQueuedPredecessors()Z",
                "getQueueLength()I",
                "getQueuedThreads()Ljava/util/Collection;",
                "getExclusiveQueuedThreads()Ljava/util/Collection;",
                "getSharedQueuedThreads()Ljava/util/Collection;",
                "hasWaiters(" + condition + ")Z",
                "getWaitQueueLength(" + condition + ")I",
                "getWaitingThreads(" + condition + ")Ljava/util/Collection;");
    }

    /**
     * The public methods of {@code ThreadPoolExecutor} and {@code ScheduledThreadPoolExecutor}, by
     * name and descriptor: routed also when the call site names the program's subclass of one (a
     * pool with {@code afterExecute} hooks), which then runs on its model where it inherits the
     * method ({@code PoolSubclasses}).
     */
    private static final Set<String> POOL_METHODS = poolMethods();

    private static Set<String> poolMethods() {
        Set<String> out = new java.util.HashSet<>();
        for (java.lang.reflect.Method m :
                java.util.concurrent.ScheduledThreadPoolExecutor.class.getMethods()) {
            if (m.getDeclaringClass() != Object.class) {
                out.add(m.getName() + org.objectweb.asm.Type.getMethodDescriptor(m));
            }
        }
        return Set.copyOf(out);
    }

    /**
     * The settings of a {@code java.util.logging.Logger}, which lives in the JDK's registry across
     * runs: routed so that each run's changes are undone before the next run ({@code
     * LoggerSettings}).
     */
    private static final Set<String> LOGGER_SETTINGS =
            Set.of(
                    "addHandler(Ljava/util/logging/Handler;)V",
                    "removeHandler(Ljava/util/logging/Handler;)V",
                    "setLevel(Ljava/util/logging/Level;)V",
                    "setUseParentHandlers(Z)V",
                    "setFilter(Ljava/util/logging/Filter;)V",
                    "setParent(Ljava/util/logging/Logger;)V");

    private LibraryRules() {}

    /**
     * The class a routed call's label names: {@code ForkJoinTask} for the fork and join methods of
     * any task class ({@code ForkJoinTask.join()}), else the call's owner.
     */
    static String labelOwner(String owner, String name, String desc, ClassHierarchy hierarchy) {
        if ((FORK_JOIN_METHODS.contains(name + desc) || FORK_JOIN_STATICS.contains(name + desc))
                && hierarchy.isSubtype(owner, FORK_JOIN_TASK)) {
            return FORK_JOIN_TASK;
        }
        return owner;
    }

    /** Whether an instance call site is routed through the library bridge. */
    static boolean isInstanceTarget(
            String owner, String name, String desc, ClassHierarchy hierarchy) {
        if (name.equals("cancel") && hierarchy.isSubtype(owner, "java/util/TimerTask")) {
            return true; // also on the program's own task class: a Timer's model must know
        }
        if (FORK_JOIN_METHODS.contains(name + desc) && hierarchy.isSubtype(owner, FORK_JOIN_TASK)) {
            return true;
        }
        if (WAIT_QUEUE_QUERIES.contains(name + desc)
                && hierarchy.isSubtype(owner, "java/util/concurrent/locks/ReentrantLock")) {
            return true; // its conditions' waiters wait in the model (LockOps.waitQueue)
        }
        if (SYNCHRONIZER_METHODS.contains(name + desc)
                && hierarchy.isSubtype(
                        owner, "java/util/concurrent/locks/AbstractQueuedSynchronizer")) {
            return true; // its waiting threads block in the model (Synchronizers)
        }
        if (LONG_SYNCHRONIZER_METHODS.contains(name + desc)
                && hierarchy.isSubtype(
                        owner, "java/util/concurrent/locks/AbstractQueuedLongSynchronizer")) {
            return true;
        }
        if (!owner.startsWith("java/")
                && POOL_METHODS.contains(name + desc)
                && hierarchy.isSubtype(owner, "java/util/concurrent/ThreadPoolExecutor")) {
            return true; // the program's pool subclass: on the model (PoolSubclasses)
        }
        if (!owner.startsWith("java/") && isInheritedTarget(owner, name, desc, hierarchy)) {
            return true; // the program's subclass of a modeled JDK class (ProgramSubclasses)
        }
        if (LOGGER_SETTINGS.contains(name + desc)
                && hierarchy.isSubtype(owner, "java/util/logging/Logger")) {
            return true; // undone before the next run (LoggerSettings)
        }
        if ((name.equals("readLock") || name.equals("writeLock"))
                && desc.startsWith("()")
                && hierarchy.isSubtype(owner, "java/util/concurrent/locks/ReadWriteLock")) {
            return true; // its two locks share one queue, in the model (QueueOrder)
        }
        if (READ_WRITE_QUEUE_QUERIES.contains(name + desc)
                && hierarchy.isSubtype(
                        owner, "java/util/concurrent/locks/ReentrantReadWriteLock")) {
            return true; // its readers and writers wait in the model (LockOps.readWriteQueue)
        }
        if ((name + desc).equals("hasQueuedThreads()Z")
                || (name + desc).equals("getQueueLength()I")) {
            if (hierarchy.isSubtype(owner, "java/util/concurrent/Semaphore")) {
                return true; // its acquirers wait in the model too (LockOps.lockQueue)
            }
        }
        if (!owner.startsWith("java/")
                || OBJECT_METHODS.contains(name)
                        && !comparesCollections(owner, name, desc, hierarchy)) {
            return false;
        }
        if (owner.startsWith("java/util/stream/")) {
            // a parallel stream's terminal operation runs on modeled workers; the intermediate
            // operations pass on whether a stateful one (refused when parallel) came before
            return hierarchy.isSubtype(owner, "java/util/stream/BaseStream");
        }
        for (String family : FAMILIES) {
            if (hierarchy.isSubtype(owner, family)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the call is {@code equals} on a collection or map: a comparison with another object
     * that synchronizes may lock both ({@code NestedMonitors}).
     */
    private static boolean comparesCollections(
            String owner, String name, String desc, ClassHierarchy hierarchy) {
        return name.equals("equals")
                && desc.equals("(Ljava/lang/Object;)Z")
                && (hierarchy.isSubtype(owner, "java/util/Collection")
                        || hierarchy.isSubtype(owner, "java/util/Map"));
    }

    /**
     * Whether an {@code invokespecial} of a method of {@code owner} is routed through the library
     * bridge: a {@code super.m(...)} call of the program's subclass of a JDK pool to one of the
     * pool's public methods, which the pool's model must run ({@code PoolSubclasses}), or of a
     * subclass of another modeled JDK class ({@link #isModeledSuperclass}) to one of its public
     * methods ({@code super.offer(task)} in a queue's override of {@code offer}).
     */
    static boolean isSuperTarget(String owner, String name, String desc, ClassHierarchy hierarchy) {
        if (!owner.startsWith("java/")) {
            return false;
        }
        if (POOL_METHODS.contains(name + desc)
                && hierarchy.isSubtype(owner, "java/util/concurrent/ThreadPoolExecutor")) {
            return true;
        }
        return isModeledSuperclass(owner, hierarchy) && publicMethods(owner).contains(name + desc);
    }

    /**
     * Whether {@code name + desc}, called on {@code owner}, a class of the program, is a public
     * method of the first JDK class {@code owner} extends, when that class is modeled at its API
     * ({@link #isModeledSuperclass}): a {@code Phaser} with its own {@code onAdvance}, a {@code
     * FutureTask} with its own {@code done}, a queue that overrides {@code offer}. Routed, so that
     * a method the program inherits runs on the model and one it overrides runs as its own code.
     */
    private static boolean isInheritedTarget(
            String owner, String name, String desc, ClassHierarchy hierarchy) {
        String jdk = hierarchy.jdkSuperclass(owner);
        return jdk != null
                && isModeledSuperclass(jdk, hierarchy)
                && publicMethods(jdk).contains(name + desc);
    }

    /**
     * Whether the program's subclasses of JDK class {@code jdk} reach its model through {@link
     * #isInheritedTarget} and {@link #isSuperTarget}: a concrete class of {@code
     * java.util.concurrent} in one of the {@link #FAMILIES}, except the pools and fork/join tasks,
     * which have rules of their own. An abstract skeleton ({@code AbstractExecutorService}) is not:
     * its methods run the program's {@code execute}, the program's code, not a model. The run-time
     * side of this rule is {@code LibraryOps.KIND}'s {@code SUBCLASS}.
     */
    private static boolean isModeledSuperclass(String jdk, ClassHierarchy hierarchy) {
        if (!jdk.startsWith("java/util/concurrent/")
                || publicMethods(jdk).isEmpty()
                || hierarchy.isSubtype(jdk, "java/util/concurrent/ThreadPoolExecutor")
                || hierarchy.isSubtype(jdk, "java/util/concurrent/ForkJoinPool")
                || hierarchy.isSubtype(jdk, FORK_JOIN_TASK)) {
            return false;
        }
        for (String family : FAMILIES) {
            if (hierarchy.isSubtype(jdk, family)) {
                return true;
            }
        }
        return false;
    }

    private static final java.util.Map<String, Set<String>> PUBLIC_METHODS =
            new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * The public instance methods of JDK class {@code jdk} (internal name), {@code Object}'s
     * excepted, by name and descriptor; none when the class cannot be loaded or is abstract, which
     * {@link #isModeledSuperclass} excludes.
     */
    private static Set<String> publicMethods(String jdk) {
        return PUBLIC_METHODS.computeIfAbsent(
                jdk,
                k -> {
                    Set<String> out = new java.util.HashSet<>();
                    try {
                        Class<?> c = Class.forName(k.replace('/', '.'), false, null);
                        if (java.lang.reflect.Modifier.isAbstract(c.getModifiers())) {
                            return Set.of();
                        }
                        for (java.lang.reflect.Method m : c.getMethods()) {
                            if (m.getDeclaringClass() != Object.class
                                    && !java.lang.reflect.Modifier.isStatic(m.getModifiers())) {
                                out.add(
                                        m.getName()
                                                + org.objectweb.asm.Type.getMethodDescriptor(m));
                            }
                        }
                    } catch (ClassNotFoundException | LinkageError e) {
                        // not a class of java.base: nothing routed
                    }
                    return Set.copyOf(out);
                });
    }

    /**
     * Whether a static call site is routed through the library bridge: the {@code
     * CompletableFuture} factories that default to the common pool, and {@code
     * ForkJoinPool.commonPool()}, the streams' {@code concat} (which takes its streams'
     * spliterators at once), and the {@code ForkJoinTask} statics that depend on the caller's pool
     * ({@code invokeAll}, {@code helpQuiesce}, {@code getPool}, {@code inForkJoinPool}), also when
     * named through the program's own task class (an unqualified {@code invokeAll(left, right)} in
     * a {@code RecursiveTask} subclass), and {@code Arrays.parallelSort}, {@code parallelSetAll}
     * and {@code parallelPrefix}, and {@code Collections}' {@code unmodifiable*} and {@code
     * checked*} wrappers.
     */
    static boolean isStaticTarget(
            String owner, String name, String desc, ClassHierarchy hierarchy) {
        if (FORK_JOIN_STATICS.contains(name + desc) && hierarchy.isSubtype(owner, FORK_JOIN_TASK)) {
            return true;
        }
        return switch (owner) {
            case "java/util/concurrent/CompletableFuture" ->
                    name.equals("runAsync")
                            || name.equals("supplyAsync")
                            || name.equals("delayedExecutor")
                            || name.equals("allOf") // so that the stages passed are looked at
                            || name.equals("anyOf");
            case "java/util/concurrent/ForkJoinPool" -> name.equals("commonPool");
            // forked by the JDK onto the real common pool: run on modeled workers instead
            case "java/util/Arrays" ->
                    name.equals("parallelSort")
                            || name.equals("parallelSetAll")
                            || name.equals("parallelPrefix");
            // wrappers whose calls reach the collection inside the JDK: views of it
            case "java/util/Collections" ->
                    name.startsWith("unmodifiable") || name.startsWith("checked");
            case "java/util/stream/Stream",
                    "java/util/stream/IntStream",
                    "java/util/stream/LongStream",
                    "java/util/stream/DoubleStream" ->
                    name.equals("concat"); // evaluates a parallel stateful operation at once
            default -> false;
        };
    }
}
