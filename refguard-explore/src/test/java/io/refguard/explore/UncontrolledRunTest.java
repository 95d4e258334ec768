package io.refguard.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.refguard.explore.sync.SharedInt;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A scenario run once on plain threads, as a stress loop or another tool's scheduler runs it. */
class UncontrolledRunTest {

    @Test
    void everyActorRunsOnItsOwnNamedThreadThenTheCheck() throws Exception {
        ConcurrentHashMap<String, String> threadOf = new ConcurrentHashMap<>();
        AtomicInteger checks = new AtomicInteger();
        Explorer.scenario("plain")
                .setup(() -> new SharedInt("n", 0))
                .actor("A", n -> threadOf.put("A", Thread.currentThread().getName()))
                .actor("B", n -> n.incrementAndGet())
                .actor("C", n -> threadOf.put("C", Thread.currentThread().getName()))
                .check(
                        n -> {
                            assertEquals(1, n.peek());
                            checks.incrementAndGet();
                        })
                .runUncontrolled();
        assertEquals("A", threadOf.get("A"));
        assertEquals("C", threadOf.get("C"));
        assertEquals(1, checks.get());
    }

    @Test
    void aThrowingActorIsNamedWithItsCause() {
        IllegalStateException cause = new IllegalStateException("boom");
        AssertionError e =
                assertThrows(
                        AssertionError.class,
                        () ->
                                Explorer.scenario("throws")
                                        .setup(() -> new SharedInt("n", 0))
                                        .actor("ok", n -> n.set(1))
                                        .actor(
                                                "bad",
                                                n -> {
                                                    throw cause;
                                                })
                                        .runUncontrolled());
        assertTrue(e.getMessage().contains("actor bad threw"), e.getMessage());
        assertSame(cause, e.getCause());
    }

    @Test
    void invariantsAreCheckedAtTheEnd() {
        AssertionError e =
                assertThrows(
                        AssertionError.class,
                        () ->
                                Explorer.scenario("invariant")
                                        .setup(() -> new SharedInt("n", 0))
                                        .actor("T", n -> n.set(5))
                                        .invariant("n stays below 3", n -> n.peek() < 3)
                                        .runUncontrolled());
        assertTrue(e.getMessage().contains("n stays below 3"), e.getMessage());
    }

    @Test
    void aScenarioWithoutActorsIsRefused() {
        IllegalStateException e =
                assertThrows(
                        IllegalStateException.class,
                        () -> Explorer.scenario("empty").setup(Object::new).runUncontrolled());
        assertTrue(e.getMessage().contains("has no actors"), e.getMessage());
    }
}
