package io.refguard.agent;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which method call sites are replaced by a call to a bridge entry point, and by which.
 *
 * <p>A rule names an API type (the <em>family</em>), a method name and descriptor, and whether the
 * method is static. A call site matches when its name and descriptor are the rule's, it is an
 * {@code invokevirtual}/{@code invokeinterface} (instance rules) or {@code invokestatic} (static
 * rules), and its owner is the family or a subtype of it. {@code invokespecial} is never rewritten:
 * a {@code super.lock()} inside a lock's own implementation must stay a super call. The replacement
 * is {@code invokestatic bridge.name(Family receiver, args..., int site)}; since the bridge calls
 * the same method on the same receiver, virtual dispatch is unchanged.
 */
final class CallRules {

    static final String SYNC_BRIDGE = "io/refguard/agent/bridge/SyncBridge";
    static final String LOCK_BRIDGE = "io/refguard/agent/bridge/LockBridge";
    static final String THREAD_BRIDGE = "io/refguard/agent/bridge/ThreadBridge";
    static final String VIRTUAL_THREADS = "io/refguard/agent/bridge/VirtualThreads";
    static final String RANDOM_BRIDGE = "io/refguard/agent/bridge/RandomBridge";

    private static final String OBJECT = "java/lang/Object";
    private static final String THREAD = "java/lang/Thread";
    private static final String SYSTEM = "java/lang/System";
    private static final String BUILDER = "java/lang/Thread$Builder";
    private static final String LOCK = "java/util/concurrent/locks/Lock";
    private static final String CONDITION = "java/util/concurrent/locks/Condition";
    private static final String SEMAPHORE = "java/util/concurrent/Semaphore";
    private static final String LATCH = "java/util/concurrent/CountDownLatch";
    private static final String LOCK_SUPPORT = "java/util/concurrent/locks/LockSupport";
    private static final String TU = "Ljava/util/concurrent/TimeUnit;";
    private static final String RANDOM = "java/util/random/RandomGenerator";

    /** One replacement. {@code bridgeDesc} is derived from the family and the method's desc. */
    record Rule(
            String family,
            String name,
            String desc,
            boolean isStatic,
            String bridgeOwner,
            String bridgeName,
            String bridgeDesc,
            String label) {}

    private static final Map<String, List<Rule>> BY_NAME_AND_DESC = new HashMap<>();

    static {
        instance(OBJECT, "wait", "()V", SYNC_BRIDGE, "monitorWait");
        instance(OBJECT, "wait", "(J)V", SYNC_BRIDGE, "monitorWait");
        instance(OBJECT, "wait", "(JI)V", SYNC_BRIDGE, "monitorWait");
        instance(OBJECT, "notify", "()V", SYNC_BRIDGE, "monitorNotify");
        instance(OBJECT, "notifyAll", "()V", SYNC_BRIDGE, "monitorNotifyAll");

        statik("java/lang/System", "nanoTime", "()J", THREAD_BRIDGE, "nanoTime");
        statik("java/lang/System", "currentTimeMillis", "()J", THREAD_BRIDGE, "currentTimeMillis");
        statik("java/time/Instant", "now", "()Ljava/time/Instant;", THREAD_BRIDGE, "instantNow");
        instance("java/time/Clock", "instant", "()Ljava/time/Instant;", THREAD_BRIDGE, "instant");
        instance("java/time/Clock", "millis", "()J", THREAD_BRIDGE, "millis");
        statik(THREAD, "holdsLock", "(Ljava/lang/Object;)Z", SYNC_BRIDGE, "holdsLock");
        statik(THREAD, "sleep", "(J)V", THREAD_BRIDGE, "sleep");
        statik(THREAD, "sleep", "(JI)V", THREAD_BRIDGE, "sleep");
        statik(THREAD, "sleep", "(Ljava/time/Duration;)V", THREAD_BRIDGE, "sleep"); // JDK 19+
        // TimeUnit's conveniences sleep, join and wait through Thread and Object, whose calls in
        // the JDK are not rewritten: each is rewritten where the program calls it
        instance("java/util/concurrent/TimeUnit", "sleep", "(J)V", THREAD_BRIDGE, "unitSleep");
        instance(
                "java/util/concurrent/TimeUnit",
                "timedJoin",
                "(Ljava/lang/Thread;J)V",
                THREAD_BRIDGE,
                "unitJoin");
        instance(
                "java/util/concurrent/TimeUnit",
                "timedWait",
                "(Ljava/lang/Object;J)V",
                THREAD_BRIDGE,
                "unitWait");
        statik(THREAD, "yield", "()V", THREAD_BRIDGE, "yieldThread");
        statik(THREAD, "onSpinWait", "()V", THREAD_BRIDGE, "onSpinWait");
        instance(THREAD, "start", "()V", THREAD_BRIDGE, "start");
        instance(THREAD, "join", "()V", THREAD_BRIDGE, "join");
        instance(THREAD, "join", "(J)V", THREAD_BRIDGE, "join");
        instance(THREAD, "join", "(JI)V", THREAD_BRIDGE, "join");
        instance(THREAD, "join", "(Ljava/time/Duration;)Z", THREAD_BRIDGE, "join"); // JDK 19+
        instance(THREAD, "interrupt", "()V", THREAD_BRIDGE, "interrupt");
        instance(THREAD, "isInterrupted", "()Z", THREAD_BRIDGE, "isInterrupted");
        instance(THREAD, "isAlive", "()Z", THREAD_BRIDGE, "isAlive");
        instance(THREAD, "getState", "()Ljava/lang/Thread$State;", THREAD_BRIDGE, "getState");
        instance(THREAD, "setDaemon", "(Z)V", THREAD_BRIDGE, "setDaemon");
        // the threads of a run are never started for the JVM: their groups count them from the run
        statik(THREAD, "activeCount", "()I", THREAD_BRIDGE, "activeCount");
        statik(THREAD, "enumerate", "([Ljava/lang/Thread;)I", THREAD_BRIDGE, "enumerate");
        instance("java/lang/ThreadGroup", "activeCount", "()I", THREAD_BRIDGE, "activeCount");
        instance(
                "java/lang/ThreadGroup",
                "enumerate",
                "([Ljava/lang/Thread;)I",
                THREAD_BRIDGE,
                "enumerate");
        instance(
                "java/lang/ThreadGroup",
                "enumerate",
                "([Ljava/lang/Thread;Z)I",
                THREAD_BRIDGE,
                "enumerate");
        statik(THREAD, "interrupted", "()Z", THREAD_BRIDGE, "interrupted");
        statik(THREAD, "currentThread", "()Ljava/lang/Thread;", THREAD_BRIDGE, "currentThread");
        instance(THREAD, "getId", "()J", THREAD_BRIDGE, "threadId");
        instance(THREAD, "threadId", "()J", THREAD_BRIDGE, "threadId"); // JDK 19+
        instance(THREAD, "getName", "()Ljava/lang/String;", THREAD_BRIDGE, "getName");
        statik(
                SYSTEM,
                "identityHashCode",
                "(Ljava/lang/Object;)I",
                SYNC_BRIDGE,
                "identityHashCode");

        // draws of ThreadLocalRandom and SecureRandom (through any static type), Math.random(),
        // UUID.randomUUID() and entropy files: RandomBridge
        for (String d : new String[] {"()I", "(I)I", "(II)I"}) {
            instance(RANDOM, "nextInt", d, RANDOM_BRIDGE, "nextInt");
        }
        for (String d : new String[] {"()J", "(J)J", "(JJ)J"}) {
            instance(RANDOM, "nextLong", d, RANDOM_BRIDGE, "nextLong");
        }
        for (String d : new String[] {"()D", "(D)D", "(DD)D"}) {
            instance(RANDOM, "nextDouble", d, RANDOM_BRIDGE, "nextDouble");
        }
        instance(RANDOM, "nextFloat", "()F", RANDOM_BRIDGE, "nextFloat");
        instance(RANDOM, "nextBoolean", "()Z", RANDOM_BRIDGE, "nextBoolean");
        instance(RANDOM, "nextGaussian", "()D", RANDOM_BRIDGE, "nextGaussian");
        instance(RANDOM, "nextBytes", "([B)V", RANDOM_BRIDGE, "nextBytes");
        statik("java/lang/Math", "random", "()D", RANDOM_BRIDGE, "mathRandom");
        statik("java/lang/StrictMath", "random", "()D", RANDOM_BRIDGE, "mathRandom");
        statik("java/util/UUID", "randomUUID", "()Ljava/util/UUID;", RANDOM_BRIDGE, "randomUUID");
        statik(
                "java/nio/file/Files",
                "newInputStream",
                "(Ljava/nio/file/Path;[Ljava/nio/file/OpenOption;)Ljava/io/InputStream;",
                RANDOM_BRIDGE,
                "newInputStream");

        // JDK 21+, absent when the agent is built: matched by name, builders passed as Object
        byObject(BUILDER, "start", "(Ljava/lang/Runnable;)Ljava/lang/Thread;", "builderStart");
        byObject(
                BUILDER,
                "unstarted",
                "(Ljava/lang/Runnable;)Ljava/lang/Thread;",
                "builderUnstarted");
        byObject(BUILDER, "factory", "()Ljava/util/concurrent/ThreadFactory;", "builderFactory");
        statik(
                THREAD,
                "startVirtualThread",
                "(Ljava/lang/Runnable;)Ljava/lang/Thread;",
                VIRTUAL_THREADS,
                "startVirtualThread");

        instance(LOCK, "lock", "()V", LOCK_BRIDGE, "lock");
        instance(LOCK, "lockInterruptibly", "()V", LOCK_BRIDGE, "lockInterruptibly");
        instance(LOCK, "tryLock", "()Z", LOCK_BRIDGE, "tryLock");
        instance(LOCK, "tryLock", "(J" + TU + ")Z", LOCK_BRIDGE, "tryLock");
        instance(LOCK, "unlock", "()V", LOCK_BRIDGE, "unlock");
        instance(
                LOCK,
                "newCondition",
                "()Ljava/util/concurrent/locks/Condition;",
                LOCK_BRIDGE,
                "newCondition");

        instance(CONDITION, "await", "()V", LOCK_BRIDGE, "await");
        instance(CONDITION, "awaitUninterruptibly", "()V", LOCK_BRIDGE, "awaitUninterruptibly");
        instance(CONDITION, "awaitNanos", "(J)J", LOCK_BRIDGE, "awaitNanos");
        instance(CONDITION, "await", "(J" + TU + ")Z", LOCK_BRIDGE, "await");
        instance(CONDITION, "awaitUntil", "(Ljava/util/Date;)Z", LOCK_BRIDGE, "awaitUntil");
        instance(CONDITION, "signal", "()V", LOCK_BRIDGE, "signal");
        instance(CONDITION, "signalAll", "()V", LOCK_BRIDGE, "signalAll");

        instance(SEMAPHORE, "acquire", "()V", LOCK_BRIDGE, "acquire");
        instance(SEMAPHORE, "acquire", "(I)V", LOCK_BRIDGE, "acquire");
        instance(SEMAPHORE, "acquireUninterruptibly", "()V", LOCK_BRIDGE, "acquireUninterruptibly");
        instance(
                SEMAPHORE, "acquireUninterruptibly", "(I)V", LOCK_BRIDGE, "acquireUninterruptibly");
        instance(SEMAPHORE, "tryAcquire", "()Z", LOCK_BRIDGE, "tryAcquire");
        instance(SEMAPHORE, "tryAcquire", "(I)Z", LOCK_BRIDGE, "tryAcquire");
        instance(SEMAPHORE, "tryAcquire", "(J" + TU + ")Z", LOCK_BRIDGE, "tryAcquire");
        instance(SEMAPHORE, "tryAcquire", "(IJ" + TU + ")Z", LOCK_BRIDGE, "tryAcquire");
        instance(SEMAPHORE, "release", "()V", LOCK_BRIDGE, "release");
        instance(SEMAPHORE, "release", "(I)V", LOCK_BRIDGE, "release");

        instance(LATCH, "await", "()V", LOCK_BRIDGE, "await");
        instance(LATCH, "await", "(J" + TU + ")Z", LOCK_BRIDGE, "await");
        instance(LATCH, "countDown", "()V", LOCK_BRIDGE, "countDown");

        statik(LOCK_SUPPORT, "park", "()V", LOCK_BRIDGE, "park");
        statik(LOCK_SUPPORT, "park", "(Ljava/lang/Object;)V", LOCK_BRIDGE, "park");
        statik(LOCK_SUPPORT, "parkNanos", "(J)V", LOCK_BRIDGE, "parkNanos");
        statik(LOCK_SUPPORT, "parkNanos", "(Ljava/lang/Object;J)V", LOCK_BRIDGE, "parkNanos");
        statik(LOCK_SUPPORT, "parkUntil", "(J)V", LOCK_BRIDGE, "parkUntil");
        statik(LOCK_SUPPORT, "parkUntil", "(Ljava/lang/Object;J)V", LOCK_BRIDGE, "parkUntil");
        statik(LOCK_SUPPORT, "unpark", "(Ljava/lang/Thread;)V", LOCK_BRIDGE, "unpark");

        // under exploration these end the run, never the JVM
        statik("java/lang/System", "exit", "(I)V", THREAD_BRIDGE, "exit");
        instance("java/lang/Runtime", "exit", "(I)V", THREAD_BRIDGE, "exit");
        instance("java/lang/Runtime", "halt", "(I)V", THREAD_BRIDGE, "halt");
    }

    private CallRules() {}

    private static void instance(
            String family, String name, String desc, String bridge, String bridgeName) {
        String bridgeDesc =
                "(L"
                        + family
                        + ";"
                        + desc.substring(1, desc.indexOf(')'))
                        + "I"
                        + desc.substring(desc.indexOf(')'));
        add(
                new Rule(
                        family,
                        name,
                        desc,
                        false,
                        bridge,
                        bridgeName,
                        bridgeDesc,
                        simpleName(family) + "." + name + "()"));
    }

    /**
     * An instance rule whose bridge method takes the receiver as {@code Object}: for families that
     * do not exist in the JDK the agent is built against ({@code Thread.Builder}).
     */
    private static void byObject(String family, String name, String desc, String bridgeName) {
        String bridgeDesc =
                "(Ljava/lang/Object;"
                        + desc.substring(1, desc.indexOf(')'))
                        + "I"
                        + desc.substring(desc.indexOf(')'));
        add(
                new Rule(
                        family,
                        name,
                        desc,
                        false,
                        VIRTUAL_THREADS,
                        bridgeName,
                        bridgeDesc,
                        "Thread.Builder." + name + "()"));
    }

    private static void statik(
            String family, String name, String desc, String bridge, String bridgeName) {
        String bridgeDesc =
                desc.substring(0, desc.indexOf(')')) + "I" + desc.substring(desc.indexOf(')'));
        add(
                new Rule(
                        family,
                        name,
                        desc,
                        true,
                        bridge,
                        bridgeName,
                        bridgeDesc,
                        simpleName(family) + "." + name + "()"));
    }

    private static void add(Rule rule) {
        BY_NAME_AND_DESC
                .computeIfAbsent(rule.name() + rule.desc(), k -> new ArrayList<>())
                .add(rule);
    }

    private static final java.util.Set<String> CLOCK_BRIDGES =
            java.util.Set.of("nanoTime", "currentTimeMillis", "instantNow", "instant", "millis");

    /**
     * Whether {@code rule} only supplies a value that must repeat with the schedule (the clock,
     * randomness) and takes no step: the rules a static initializer's calls get (see {@code
     * MethodRewriter#rewriteValues}).
     */
    static boolean suppliesValue(Rule rule) {
        return rule.bridgeOwner().equals(RANDOM_BRIDGE)
                || rule.bridgeOwner().equals(THREAD_BRIDGE)
                        && CLOCK_BRIDGES.contains(rule.bridgeName());
    }

    /**
     * The JDK's timed waits that return whether they timed out, by name and descriptor: {@code
     * latch.await(100, MILLISECONDS)}, a {@code Semaphore}'s or a lock's timed {@code try*}, a
     * queue's timed {@code offer}, a pool's {@code awaitTermination}. A program that discards that
     * result cannot tell that the wait timed out ({@code SafetyNets}).
     */
    private static final java.util.Set<String> TIMED_RESULTS =
            java.util.Set.of(
                    "await(J" + TU + ")Z",
                    "awaitUntil(Ljava/util/Date;)Z",
                    "tryAcquire(J" + TU + ")Z",
                    "tryAcquire(IJ" + TU + ")Z",
                    "tryLock(J" + TU + ")Z",
                    "offer(Ljava/lang/Object;J" + TU + ")Z",
                    "offerFirst(Ljava/lang/Object;J" + TU + ")Z",
                    "offerLast(Ljava/lang/Object;J" + TU + ")Z",
                    "awaitTermination(J" + TU + ")Z",
                    "awaitQuiescence(J" + TU + ")Z");

    /** Whether {@code owner.name desc} is a JDK timed wait that returns whether it timed out. */
    static boolean isTimedResult(String owner, String name, String desc) {
        return owner.startsWith("java/") && TIMED_RESULTS.contains(name + desc);
    }

    static String simpleName(String internalName) {
        return internalName.substring(internalName.lastIndexOf('/') + 1);
    }

    /**
     * How reports name a member of class {@code owner}: its innermost named class and the member,
     * {@code Pool.free} for field {@code free} of {@code com/acme/Server$Pool}. An anonymous class
     * ({@code Stats$1}) goes by the class around it, and the field in which such a class keeps a
     * captured local ({@code val$hits}) by the local's name: {@code Stats.hits}.
     */
    static String memberName(String owner, String member) {
        String[] parts = simpleName(owner).split("\\$");
        String shown = parts[parts.length - 1];
        for (int i = parts.length - 1; i > 0 && (shown.isEmpty() || isDigits(shown)); i--) {
            shown = parts[i - 1];
        }
        String name = member.startsWith("val$") ? member.substring(4) : member;
        return shown + "." + name;
    }

    private static boolean isDigits(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (!Character.isDigit(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /**
     * The rule matching a call site, or {@code null}.
     *
     * @param isStatic whether the call is an {@code invokestatic}
     */
    static Rule match(
            String owner, String name, String desc, boolean isStatic, ClassHierarchy hierarchy) {
        List<Rule> candidates = BY_NAME_AND_DESC.get(name + desc);
        if (candidates == null) {
            return null;
        }
        for (Rule rule : candidates) {
            if (rule.isStatic() == isStatic
                    && (rule.family().equals(OBJECT)
                            || hierarchy.isSubtype(owner, rule.family()))) {
                return rule;
            }
        }
        return null;
    }
}
