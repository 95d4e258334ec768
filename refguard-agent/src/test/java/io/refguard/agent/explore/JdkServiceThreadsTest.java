package io.refguard.agent.explore;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import example.semantics.JdkServices;
import io.refguard.explore.ExploreOptions;
import io.refguard.explore.ExploreResult;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/**
 * The JDK's and the JVM's own service threads are not the program's: a run during which the JDK
 * starts one (JDK 25 starts its virtual-thread unblocker the first time a program uses a virtual
 * thread, every JDK its process reaper the first time a process is started, the JVM its attach
 * listener when an agent attaches, as Mockito does) is not inconclusive for it, while a thread
 * running the program's code is still reported.
 */
class JdkServiceThreadsTest {

    private static final StackTraceElement JDK_ONLY =
            new StackTraceElement("java.lang.Thread", "run", null, 1);

    @Test
    void theJdksCleanerThreadIsTheJdks() {
        Thread cleaner = named("Common-Cleaner");
        assumeTrue(cleaner != null, "this JVM has no common cleaner thread");
        assertTrue(UncontrolledThreads.jdkService(cleaner, cleaner.getStackTrace()));
    }

    /**
     * The only test of this module that starts a process, so the JDK starts its reaper during the
     * exploration's first run (the reaper stays idle for a minute after its last child).
     */
    @Test
    void aProgramDuringWhoseRunTheJdkStartsItsProcessReaperIsExplored() {
        ExploreResult r =
                AgentExplorer.mainClass(JdkServices.ChildProcess.class.getName())
                        .explore(ExploreOptions.exhaustive().preemptionBound(2));
        assertTrue(r.exhausted(), r::toString);
        assertTrue(r.runs() > 1, r::toString);
        Thread reaper = named("process reaper");
        assertNotNull(reaper, "no process reaper after a child process ended");
        assertTrue(
                UncontrolledThreads.jdkService(reaper, reaper.getStackTrace()),
                () -> reaper + " " + reaper.getClass().getName());
    }

    @Test
    void aThreadRunningTheProgramsCodeIsNot() {
        Thread me = Thread.currentThread();
        assertFalse(UncontrolledThreads.jdkService(me, me.getStackTrace()));
        assertFalse(
                UncontrolledThreads.jdkService(me, new StackTraceElement[] {JDK_ONLY}),
                "a thread of the main group is never the JDK's service thread");
    }

    @Test
    void aDaemonOfTheSystemGroupIsTheJdksUntilItRunsInstrumentedCode() throws Exception {
        Thread idle = systemDaemon(false);
        Thread ran = systemDaemon(true);
        try {
            assertTrue(UncontrolledThreads.jdkService(idle, new StackTraceElement[] {JDK_ONLY}));
            assertFalse(
                    UncontrolledThreads.jdkService(idle, new Throwable().getStackTrace()),
                    "it runs the program's code now");
            assertFalse(
                    UncontrolledThreads.jdkService(ran, new StackTraceElement[] {JDK_ONLY}),
                    "it ran instrumented code");
        } finally {
            idle.interrupt();
            ran.interrupt();
        }
    }

    /**
     * A started daemon thread of the root thread group that waits until interrupted; first, when
     * {@code runsCode}, it reports running instrumented code as the bridge's router does.
     */
    private static Thread systemDaemon(boolean runsCode) throws InterruptedException {
        ThreadGroup root = Thread.currentThread().getThreadGroup();
        while (root.getParent() != null) {
            root = root.getParent();
        }
        CountDownLatch ready = new CountDownLatch(1);
        Thread t =
                new Thread(
                        root,
                        () -> {
                            if (runsCode) {
                                UncontrolledThreads.runsInstrumentedCode();
                            }
                            ready.countDown();
                            try {
                                Thread.sleep(60_000);
                            } catch (InterruptedException e) {
                                // done
                            }
                        },
                        "system-daemon");
        t.setDaemon(true);
        t.start();
        ready.await();
        return t;
    }

    private static Thread named(String prefix) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith(prefix))
                .findFirst()
                .orElse(null);
    }
}
