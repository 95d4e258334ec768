package io.refguard.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;

import example.corpus.ArrayElements;
import example.corpus.Atomics;
import example.corpus.Locks;
import example.corpus.MethodReferences;
import example.corpus.Monitors;
import example.corpus.Parking;
import example.corpus.Pools;
import example.corpus.Threads;
import example.corpus.VolatileFields;
import example.corpus.WaitNotify;
import io.refguard.agent.bridge.SyncBridge;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * With a recording interceptor installed, each corpus scenario reports the expected sequence of
 * interceptions: what happened, to which object (named by the corpus field holding it), and on
 * which source line (read from the {@code // site:} markers in the corpus source).
 */
class RecordingInterceptorTest {

    private RecordingInterceptor recorder;

    private Object run(Class<?> c, AgentOptions options, String method) throws Exception {
        InstrumentingClassLoader loader = Corpus.loader(options);
        Class<?> loaded = Class.forName(c.getName(), true, loader);
        recorder = new RecordingInterceptor();
        SyncBridge.install(recorder);
        Object instance = loaded.getDeclaredConstructor().newInstance();
        loaded.getMethod(method).invoke(instance);
        SyncBridge.uninstall(recorder);
        return instance;
    }

    @AfterEach
    void uninstall() {
        SyncBridge.uninstall(recorder);
    }

    /** "what target @line" for each recorded event that {@code keep} accepts. */
    private List<String> recorded(Object instance, Predicate<String> keep) throws Exception {
        List<String> out = new ArrayList<>();
        for (RecordingInterceptor.Event e : recorder.events()) {
            if (keep.test(e.what())) {
                out.add(e.what() + " " + describe(e.target(), instance) + " @" + e.site().line());
            }
        }
        return out;
    }

    private static String describe(Object target, Object instance) throws Exception {
        if (target == null) {
            return "-";
        }
        if (target == instance) {
            return "this";
        }
        if (target instanceof Class<?> c) {
            return "class " + c.getSimpleName();
        }
        for (Field f : instance.getClass().getDeclaredFields()) {
            if (!f.getType().isPrimitive()) {
                f.setAccessible(true);
                if (f.get(Modifier.isStatic(f.getModifiers()) ? null : instance) == target) {
                    return f.getName();
                }
            }
        }
        return target.getClass().getSimpleName();
    }

    private static List<String> expect(Class<?> c, String... events) {
        SourceMarkers markers = SourceMarkers.of(c);
        List<String> out = new ArrayList<>();
        for (String e : events) {
            int at = e.lastIndexOf('@');
            out.add(e.substring(0, at + 1) + markers.line(e.substring(at + 1)));
        }
        return out;
    }

    @Test
    void volatileFieldAccesses() throws Exception {
        Object v = run(VolatileFields.class, Corpus.OPTIONS, "call");
        assertEquals(
                expect(
                        VolatileFields.class,
                        "access WRITE this @write-count",
                        "access WRITE this @write-total",
                        "access READ this @read-count",
                        "access READ this @read-total",
                        "access WRITE class VolatileFields @write-label",
                        "access READ class VolatileFields @read-label"),
                recorded(v, e -> true));
    }

    @Test
    void plainFieldAccessesOnlyWhenAsked() throws Exception {
        Object v = run(VolatileFields.class, Corpus.OPTIONS.withPlainFields(true), "call");
        assertEquals(
                expect(
                        VolatileFields.class,
                        "access WRITE this @write-count",
                        "access WRITE this @write-total",
                        "access READ this @read-count",
                        "access READ this @read-total",
                        "access WRITE class VolatileFields @write-label",
                        "access WRITE this @write-plain",
                        "access READ class VolatileFields @read-label",
                        "access READ this @read-label"),
                recorded(v, e -> true));
    }

    @Test
    void arrayElementAccessesOnlyWithPlainFields() throws Exception {
        Object plain = run(ArrayElements.class, Corpus.OPTIONS, "call");
        assertEquals(List.of(), recorded(plain, e -> true));
        Object a = run(ArrayElements.class, Corpus.OPTIONS.withPlainFields(true), "call");
        List<String> events = recorded(a, e -> true);
        assertEquals(
                expect(
                        ArrayElements.class,
                        "access READ counts @counts-bump",
                        "access WRITE counts @counts-bump",
                        "access READ counts @counts-read",
                        "access READ PRIMES @counts-read",
                        "access READ this @totals-add",
                        "access READ totals @totals-add",
                        "access WRITE totals @totals-add",
                        "access WRITE slots @slots-write"),
                events.subList(0, 8));
    }

    @Test
    void atomicsUpdatersAndVarHandles() throws Exception {
        Object a = run(Atomics.class, Corpus.OPTIONS, "call");
        List<String> events = recorded(a, e -> true);
        assertEquals(
                expect(
                        Atomics.class,
                        "access UPDATE ai @ai-inc",
                        "access UPDATE ai @ai-cas",
                        "access READ ai @ai-get",
                        "access UPDATE al @al-add",
                        "access WRITE ab @ab-set",
                        "access UPDATE ar @ar-swap",
                        "access UPDATE arr @arr-add",
                        "access UPDATE adder @adder-add",
                        "access READ adder @adder-sum",
                        "access UPDATE this @updater-inc",
                        "access UPDATE this @vh-cas",
                        "access WRITE cells @cells-set",
                        "access READ this @vh-get",
                        "access UPDATE STATIC_FIELD @static-add"),
                events.subList(0, 14));
        // The return expression reads ab, arr and the static field through its handle.
        assertEquals(
                List.of("access READ ab", "access READ arr", "access READ STATIC_FIELD"),
                events.subList(14, events.size()).stream()
                        .map(s -> s.substring(0, s.indexOf(" @")))
                        .toList());
    }

    @Test
    void synchronizedMethodsAndBlocksAreModeled() throws Exception {
        Object m = run(Monitors.class, Corpus.OPTIONS, "single");
        List<String> events = recorded(m, e -> e.startsWith("monitorEnter"));
        assertEquals(
                expect(
                        Monitors.class,
                        "monitorEnter lock @ctor-block",
                        "monitorEnter this @sync-method",
                        "monitorEnter lock @block",
                        "monitorEnter lock @outer",
                        "monitorEnter lock @inner"),
                events);
        long exits = recorder.events().stream().filter(e -> e.what().equals("monitorExit")).count();
        assertEquals(events.size(), exits, "every modeled enter is matched by an exit");
        for (RecordingInterceptor.Event e : recorder.events()) {
            assertEquals(
                    -1,
                    e.site().methodName().indexOf('$'),
                    "sites name the source method, not its copy: " + e.site());
        }
    }

    @Test
    void exceptionLeavingABlockExitsTheModeledMonitor() throws Exception {
        Object m = run(Monitors.class, Corpus.OPTIONS, "throwingProbe");
        assertEquals(
                expect(
                        Monitors.class,
                        "monitorEnter lock @ctor-block",
                        "monitorEnter lock @throwing",
                        "holdsMonitor lock @holds"),
                recorded(m, e -> !e.equals("monitorExit")));
        assertEquals(1, m.getClass().getField("probe").getInt(m), "not held after the throw");
    }

    @Test
    void waitAndNotify() throws Exception {
        Object w = run(WaitNotify.class, Corpus.OPTIONS, "single");
        assertEquals(
                expect(WaitNotify.class, "notifyAll this @notify-all", "notify this @notify"),
                recorded(w, e -> e.startsWith("notify") || e.startsWith("wait")));
    }

    @Test
    void locksConditionsSemaphoresAndLatches() throws Exception {
        Object l = run(Locks.class, Corpus.OPTIONS, "single");
        assertEquals(
                expect(
                        Locks.class,
                        "newCondition lock @new-condition",
                        "lock LOCK lock @lock",
                        "signal ready @signal",
                        "unlock lock @unlock",
                        "lock TRY_LOCK lock @try-lock",
                        "unlock lock @unlock-2",
                        "lock LOCK ReadLock @read-lock",
                        "unlock ReadLock @read-unlock",
                        "acquire ACQUIRE 1 permits @acquire",
                        "acquire TRY_ACQUIRE_TIMED 1 permits @try-acquire",
                        "release 2 permits @release",
                        "countDown latch @count-down",
                        "awaitLatch latch @latch-await"),
                recorded(l, e -> true));
    }

    @Test
    void parkingAndUnparking() throws Exception {
        Object p = run(Parking.class, Corpus.OPTIONS, "call");
        assertEquals(
                expect(Parking.class, "park PARK_NANOS - @park-nanos", "unpark Thread @unpark"),
                recorded(p, e -> e.contains("park")));
    }

    @Test
    void threadOperations() throws Exception {
        Object t = run(Threads.class, Corpus.OPTIONS, "call");
        assertEquals(
                expect(
                        Threads.class,
                        "start Worker @start",
                        "join 0 Worker @join",
                        "sleep 1 - @sleep",
                        "yield - @yield",
                        "spinWait - @spin",
                        "start Thread @start-sleeper",
                        "interrupt Thread @interrupt",
                        "join 10000 Thread @join-sleeper"),
                recorded(t, e -> !e.startsWith("access")));
    }

    @Test
    void executorsComeFromTheBridge() throws Exception {
        Object p = run(Pools.class, Corpus.OPTIONS, "call");
        assertEquals(
                expect(
                        Pools.class,
                        "newExecutor FIXED 2 - @fixed",
                        "newExecutor CACHED 0 DefaultThreadFactory @cached",
                        "threadFactory default - @tpe",
                        "threadFactory default - @tpe-handler",
                        "newExecutor SINGLE_SCHEDULED 1 - @scheduled"),
                recorded(p, e -> e.startsWith("threadFactory") || e.startsWith("newExecutor")));
    }

    @Test
    void methodReferencesToOperationsAreRedirected() throws Exception {
        Object r = run(MethodReferences.class, Corpus.OPTIONS, "call");
        assertEquals(
                expect(
                        MethodReferences.class,
                        "start Thread @ref-start",
                        "start Thread @ref-start",
                        "countDown latch @ref-count-down",
                        "access READ counter @ref-get"),
                recorded(r, e -> !e.startsWith("join")));
    }
}
