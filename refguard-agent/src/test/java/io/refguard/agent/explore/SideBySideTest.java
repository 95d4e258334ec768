package io.refguard.agent.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import example.explore.AtomicCheckThenAct;
import example.explore.MonitorDeadlock;
import example.explore.ProducerConsumer;
import example.explore.ReadWriteUpgrade;
import io.refguard.agent.AgentOptions;
import io.refguard.agent.InstrumentingClassLoader;
import io.refguard.agent.bridge.SyncBridge;
import io.refguard.explore.ExploreOptions;
import io.refguard.explore.ExploreResult;
import io.refguard.explore.InterleavingFailure;
import io.refguard.explore.report.FailureKind;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Explorations through the agent side by side: four plain programs explored at once on four plain
 * threads, held at their first run until all four have started, each get the verdict, table, token
 * and run count they get when explored alone. Each exploration has its own interceptor and run
 * model; the threads, monitors and locks of one never reach another.
 */
class SideBySideTest {

    private static final List<String> PROGRAMS =
            List.of(
                    MonitorDeadlock.class.getName(),
                    AtomicCheckThenAct.class.getName(),
                    ProducerConsumer.class.getName() + "$Fixed",
                    ReadWriteUpgrade.class.getName() + "$Fixed");

    private static final InstrumentingClassLoader LOADER =
            new InstrumentingClassLoader(
                    SideBySideTest.class.getClassLoader(),
                    AgentOptions.defaults().withInclude("example.explore.*"));

    /**
     * Explores {@code program}'s main, loaded afresh per run, calling {@code first} before the
     * first run.
     */
    private static Object explore(String program, Runnable first) {
        boolean[] started = {false};
        try {
            return AgentExplorer.entry(
                            program,
                            () -> {
                                if (!started[0]) {
                                    started[0] = true;
                                    first.run();
                                }
                                return main(program);
                            })
                    .explore(ExploreOptions.exhaustive().preemptionBound(2));
        } catch (RuntimeException | Error e) {
            return e;
        }
    }

    private static Runnable main(String program) {
        Method main;
        try {
            ClassLoader fresh = LOADER.freshCopy();
            fresh.setDefaultAssertionStatus(true);
            main = Class.forName(program, true, fresh).getMethod("main", String[].class);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
        return () -> {
            try {
                main.invoke(null, (Object) new String[0]);
            } catch (InvocationTargetException e) {
                throw ProgramEntry.Sneaky.<RuntimeException>as(e.getCause());
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        };
    }

    @Test
    void fourProgramsExploredAtOnceGetTheirOwnVerdicts() throws Exception {
        List<Object> alone = new ArrayList<>();
        for (String p : PROGRAMS) {
            alone.add(explore(p, () -> {}));
        }

        CyclicBarrier allStarted = new CyclicBarrier(PROGRAMS.size());
        Object[] together = new Object[PROGRAMS.size()];
        List<Thread> drivers = new ArrayList<>();
        for (int i = 0; i < PROGRAMS.size(); i++) {
            int k = i;
            Thread t =
                    new Thread(
                            () ->
                                    together[k] =
                                            explore(
                                                    PROGRAMS.get(k),
                                                    () -> {
                                                        try {
                                                            allStarted.await(30, TimeUnit.SECONDS);
                                                        } catch (Exception e) {
                                                            throw new IllegalStateException(
                                                                    "the explorations did not all start",
                                                                    e);
                                                        }
                                                    }),
                            "driver-" + k);
            drivers.add(t);
            t.start();
        }
        for (Thread t : drivers) {
            t.join(TimeUnit.SECONDS.toMillis(120));
            assertFalse(t.isAlive(), t.getName() + " did not finish");
        }

        for (int k = 0; k < 2; k++) {
            Object solo = alone.get(k);
            InterleavingFailure before =
                    assertInstanceOf(InterleavingFailure.class, solo, String.valueOf(solo));
            Object o = together[k];
            InterleavingFailure f =
                    assertInstanceOf(InterleavingFailure.class, o, String.valueOf(o));
            assertEquals(before.replayToken(), f.replayToken());
            assertEquals(
                    PlainProgramsTest.tableRows(before.table()),
                    PlainProgramsTest.tableRows(f.table()));
        }
        assertEquals(
                FailureKind.DEADLOCK,
                ((InterleavingFailure) together[0]).report().failure().kind());
        assertTrue(((InterleavingFailure) together[1]).table().contains("sold 2 tickets, limit 1"));
        for (int k = 2; k < 4; k++) {
            Object o = together[k];
            ExploreResult r = assertInstanceOf(ExploreResult.class, o, String.valueOf(o));
            assertTrue(r.exhausted(), r::toString);
            assertEquals(((ExploreResult) alone.get(k)).runs(), r.runs(), r::toString);
        }
        assertNull(SyncBridge.installed(), "uninstalled once the last exploration ended");
    }
}
