package io.refguard.agent;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import example.corpus.JdkLibrary;
import io.refguard.agent.bridge.Instruction;
import io.refguard.agent.bridge.Instructions;
import io.refguard.agent.bridge.LibraryBridge;
import io.refguard.agent.bridge.LibraryCall;
import io.refguard.agent.bridge.PassThroughInterceptor;
import io.refguard.agent.bridge.SyncBridge;
import java.lang.invoke.CallSite;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/**
 * The library bridge: which call sites the agent routes through it, and that a routed call does the
 * original operation when no exploration runs, and hands the call to an interceptor that manages
 * the thread.
 */
class LibraryBridgeTest {

    @Test
    void callsOnJdkLibraryObjectsAreRoutedAndStillDoTheOriginalOperation() throws Exception {
        Object expected = Corpus.call(new JdkLibrary());
        int before = Instructions.count();
        InstrumentingClassLoader loader = Corpus.loader(Corpus.OPTIONS);
        assertEquals(expected, Corpus.call(Corpus.instance(loader, JdkLibrary.class)));
        Set<String> operations = new HashSet<>();
        for (int id = before; id < Instructions.count(); id++) {
            Instruction s = Instructions.get(id);
            if (s.className().startsWith(JdkLibrary.class.getName())) { // and its task class
                operations.add(s.operation());
            }
        }
        for (String op :
                List.of(
                        "Map.merge()",
                        "Map.compute()",
                        "Map.putIfAbsent()",
                        "Vector.sort()",
                        "StringBuffer.append()",
                        "PrintStream.print()",
                        "BlockingQueue.put()",
                        "BlockingQueue.take()",
                        "BlockingQueue.poll()",
                        "LinkedBlockingDeque.takeLast()",
                        "SynchronousQueue.offer()",
                        "Exchanger.exchange()",
                        "CompletableFuture.supplyAsync()",
                        "CompletableFuture.thenApplyAsync()",
                        "CompletableFuture.join()",
                        "CyclicBarrier.await()",
                        "Phaser.arriveAndAwaitAdvance()",
                        "StampedLock.writeLock()",
                        "List.parallelStream()",
                        "Stream.mapToInt()",
                        "IntStream.sum()",
                        "ForkJoinTask.invoke()",
                        "ForkJoinTask.fork()",
                        "ForkJoinTask.join()",
                        "ForkJoinTask.invokeAll()")) {
            assertTrue(operations.contains(op), () -> op + " not routed; routed: " + operations);
        }
        // a task class's own get(int) is the program's method, not ForkJoinTask.get()
        assertFalse(operations.contains("ForkJoinTask.get()"), operations::toString);
    }

    private static MethodHandle link(Class<?> owner, String name, MethodType type, int kind)
            throws Exception {
        int site =
                Instructions.register(
                        "T", "m", "T.java", 1, owner.getSimpleName() + "." + name + "()", null);
        CallSite cs =
                LibraryBridge.bootstrap(MethodHandles.lookup(), name, type, owner, site, kind);
        return cs.dynamicInvoker();
    }

    @Test
    void aNullReceiverThrowsTheNullPointerExceptionOfTheOriginalCallNamingTheMethod() {
        MethodHandle get =
                assertDoesNotThrow(
                        () ->
                                link(
                                        Map.class,
                                        "get",
                                        MethodType.methodType(
                                                Object.class, Map.class, Object.class),
                                        2));
        NullPointerException e =
                assertThrows(
                        NullPointerException.class,
                        () -> {
                            Object unused = (Object) get.invokeExact((Map) null, (Object) "k");
                        });
        assertEquals(
                "Cannot invoke \"java.util.Map.get(Object)\" because its receiver is null",
                e.getMessage());
    }

    @Test
    void withoutAnInterceptorTheLinkedCallIsTheOriginal() throws Throwable {
        MethodHandle merge =
                link(
                        Map.class,
                        "merge",
                        MethodType.methodType(
                                Object.class,
                                Map.class,
                                Object.class,
                                Object.class,
                                java.util.function.BiFunction.class),
                        2);
        Map<String, Integer> m = new ConcurrentHashMap<>();
        java.util.function.BiFunction<Integer, Integer, Integer> sum = Integer::sum;
        assertEquals(
                1,
                (Object)
                        merge.invokeExact(
                                (Map) m,
                                (Object) "a",
                                (Object) 1,
                                (java.util.function.BiFunction) sum));
        assertEquals(
                3,
                (Object)
                        merge.invokeExact(
                                (Map) m,
                                (Object) "a",
                                (Object) 2,
                                (java.util.function.BiFunction) sum));
        assertEquals(Map.of("a", 3), m);
    }

    @Test
    void aManagingInterceptorGetsTheCallWithItsArgumentsAndCanProceed() throws Throwable {
        MethodHandle size = link(Map.class, "size", MethodType.methodType(int.class, Map.class), 2);
        MethodHandle put =
                link(
                        Map.class,
                        "put",
                        MethodType.methodType(Object.class, Map.class, Object.class, Object.class),
                        2);
        List<String> seen = new ArrayList<>();
        PassThroughInterceptor recording =
                new PassThroughInterceptor() {
                    @Override
                    public Object libraryCall(LibraryCall call) throws Throwable {
                        seen.add(
                                call.name()
                                        + call.argumentCount()
                                        + ":"
                                        + Instructions.get(call.site()).operation());
                        return call.proceed();
                    }
                };
        Map<String, String> m = new ConcurrentHashMap<>();
        SyncBridge.install(recording);
        try {
            assertEquals(null, (Object) put.invokeExact((Map) m, (Object) "k", (Object) "v"));
            assertEquals(1, (int) size.invokeExact((Map) m));
        } finally {
            SyncBridge.uninstall(recording);
        }
        assertEquals(List.of("put2:Map.put()", "size0:Map.size()"), seen);
        assertSame("v", m.get("k"));
    }
}
