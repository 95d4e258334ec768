package io.refguard.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What a report says of a stuck thread from its stack: where it is stuck, called from the program's
 * frame, and, when it waits for the JVM's initialization of a class, what that wait is.
 */
class StuckThreadsTest {

    @Test
    void aThreadInASocketReadIsStuckThereCalledFromTheProgram() {
        String s =
                StuckThreads.stuckIn(
                        List.of(
                                "at java.base/sun.nio.ch.SocketDispatcher.read0(Native Method)",
                                "at java.base/java.net.Socket.read(Socket.java:1)",
                                "at app.Client.fetch(Client.java:12)"));
        assertEquals(
                " It is stuck in sun.nio.ch.SocketDispatcher.read0, called from"
                        + " app.Client.fetch(Client.java:12).",
                s);
    }

    @Test
    void aThreadWaitingForAClassInitializationIsToldWhy() {
        String s =
                StuckThreads.stuckIn(
                        List.of(
                                "at java.base/jdk.internal.misc.Unsafe.ensureClassInitialized0"
                                        + "(Native Method)",
                                "at java.base/jdk.internal.misc.Unsafe.ensureClassInitialized"
                                        + "(Unsafe.java:1160)",
                                "at app.Cache.get(Cache.java:40)"));
        assertTrue(s.contains("It waits for the JVM to finish initializing a class"), s);
        assertTrue(s.contains("Class.forName with initialize true"), s);
    }

    @Test
    void aThreadWaitingInsideAnUnmodeledJdkClassIsToldThatTheIncludeCannotHelp() {
        List<String> stack =
                List.of(
                        "at java.base@17.0.15/java.lang.Object.wait(Native Method)",
                        "at java.base@17.0.15/java.io.PipedInputStream.read(PipedInputStream.java:326)",
                        "at app.Reader.next(Reader.java:9)");
        String s = StuckThreads.advice(stack);
        assertTrue(s.contains("java.io.PipedInputStream.read is not modeled"), s);
        assertTrue(s.contains("does not reach the JDK's classes"), s);
    }

    @Test
    void aThreadWaitingInTheJdkMethodItsOverrideCallsThroughSuperIsToldToDelegate() {
        List<String> stack =
                List.of(
                        "at java.base@17.0.15/jdk.internal.misc.Unsafe.park(Native Method)",
                        "at java.base@17.0.15/java.util.concurrent.locks.ReentrantLock.lock"
                                + "(ReentrantLock.java:322)",
                        "at refguard-instrumenting//app.Store$CountingLock.lock(Store.java:4)");
        String s = StuckThreads.advice(stack);
        assertTrue(
                s.contains(
                        "app.Store$CountingLock.lock overrides"
                                + " java.util.concurrent.locks.ReentrantLock.lock and calls it"
                                + " through super"),
                s);
        assertTrue(s.contains("delegate to it"), s);
    }

    @Test
    void aThreadInIoOrInRefguardsOwnModelGetsTheGeneralAdvice() {
        assertEquals(
                StuckThreads.ADVICE,
                StuckThreads.advice(
                        List.of(
                                "at java.base/sun.nio.ch.SocketDispatcher.read0(Native Method)",
                                "at java.base/java.net.Socket.read(Socket.java:1)",
                                "at app.Client.fetch(Client.java:12)")));
        assertEquals(
                StuckThreads.ADVICE,
                StuckThreads.advice(
                        List.of(
                                "at java.base/jdk.internal.misc.Unsafe.park(Native Method)",
                                "at io.refguard.agent.explore.LockOps.takeReal(LockOps.java:1)",
                                "at app.Client.fetch(Client.java:12)")));
    }
}
