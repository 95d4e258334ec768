package io.refguard.explore.scheduling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.refguard.explore.Coordinator;
import io.refguard.explore.ExploreOptions;
import io.refguard.explore.ExploreResult;
import io.refguard.explore.Explorer;
import io.refguard.explore.InterleavingFailure;
import io.refguard.explore.sync.SharedInt;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** {@code Thread} objects started and joined through the facade, as instrumented code does. */
class ThreadObjectsTest {

    @Test
    void aStartedThreadRunsAsAnActorAndSeesItselfAsCurrent() {
        ExploreResult r =
                Explorer.scenario("thread objects")
                        .setup(() -> new SharedInt("n", 0))
                        .actor(
                                "main",
                                n -> {
                                    AtomicReference<Thread> seen = new AtomicReference<>();
                                    Thread[] worker = new Thread[1];
                                    worker[0] =
                                            new Thread(
                                                    () -> {
                                                        seen.set(Coordinator.currentThread());
                                                        n.incrementAndGet();
                                                    },
                                                    "worker");
                                    Coordinator.startThread(worker[0]);
                                    n.incrementAndGet();
                                    Coordinator.joinThread(worker[0]);
                                    assertEquals(2, n.get());
                                    assertSame(
                                            worker[0],
                                            seen.get(),
                                            "currentThread() is the Thread object");
                                    assertTrue(
                                            !worker[0].isAlive(),
                                            "the Thread object itself never started");
                                })
                        .explore(ExploreOptions.exhaustive().preemptionBound(Integer.MAX_VALUE));
        assertTrue(r.exhausted());
        assertTrue(r.distinctSchedules() > 1);
    }

    @Test
    void startingAThreadTwiceFails() {
        InterleavingFailure f =
                assertThrows(
                        InterleavingFailure.class,
                        () ->
                                Explorer.scenario("double start")
                                        .setup(Object::new)
                                        .actor(
                                                "main",
                                                o -> {
                                                    Thread t = new Thread(() -> {}, "once");
                                                    Coordinator.startThread(t);
                                                    Coordinator.startThread(t);
                                                })
                                        .explore(ExploreOptions.exhaustive()));
        assertTrue(
                f.report()
                        .failure()
                        .summary()
                        .startsWith(
                                "main threw java.lang.IllegalThreadStateException: main starts thread 'once' a second time"),
                f.report().failure().summary());
    }

    @Test
    void unmanagedStartAndJoinAreTheRealOnes() throws Exception {
        AtomicReference<Thread> seen = new AtomicReference<>();
        Thread t = new Thread(() -> seen.set(Coordinator.currentThread()), "real");
        Coordinator.startThread(t);
        Coordinator.joinThread(t);
        assertSame(t, seen.get());
        assertSame(Thread.currentThread(), Coordinator.currentThread());
    }
}
