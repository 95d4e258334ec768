package io.refguard.agent.explore;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.Test;

/**
 * The JDK's own service threads are not the program's: a run during which the JDK starts one (JDK
 * 25 starts its virtual-thread unblocker the first time a program uses a virtual thread) is not
 * inconclusive for it, while a thread running the program's code is still reported.
 */
class JdkServiceThreadsTest {

    @Test
    void theJdksCleanerThreadIsTheJdks() {
        Thread cleaner =
                Thread.getAllStackTraces().keySet().stream()
                        .filter(t -> t.getName().equals("Common-Cleaner"))
                        .findFirst()
                        .orElse(null);
        assumeTrue(cleaner != null, "this JVM has no common cleaner thread");
        assertTrue(UncontrolledThreads.jdkService(cleaner, cleaner.getStackTrace()));
    }

    @Test
    void aThreadRunningTheProgramsCodeIsNot() {
        Thread me = Thread.currentThread();
        assertFalse(UncontrolledThreads.jdkService(me, me.getStackTrace()));
        StackTraceElement jdkOnly = new StackTraceElement("java.lang.Thread", "run", null, 1);
        assertFalse(
                UncontrolledThreads.jdkService(me, new StackTraceElement[] {jdkOnly}),
                "a plain Thread is never the JDK's service thread");
    }
}
