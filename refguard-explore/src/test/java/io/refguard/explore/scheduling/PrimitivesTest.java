package io.refguard.explore.scheduling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.refguard.explore.ActorHandle;
import io.refguard.explore.Coordinator;
import io.refguard.explore.ExploreOptions;
import io.refguard.explore.ExploreResult;
import io.refguard.explore.Explorer;
import io.refguard.explore.InterleavingFailure;
import io.refguard.explore.report.FailureKind;
import io.refguard.explore.report.TraceEvent;
import io.refguard.explore.sync.SharedInt;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The modeled blocking primitives, each explored exhaustively. */
class PrimitivesTest {

    static final ExploreOptions ALL =
            ExploreOptions.exhaustive().preemptionBound(Integer.MAX_VALUE);

    /** A one-slot buffer with monitor wait/notify, written the correct way (wait in a loop). */
    static final class Slot {
        final Object monitor = new Object();
        Integer item;
        final List<Integer> taken = new ArrayList<>();

        void put(int v) throws InterruptedException {
            Coordinator.lock(monitor);
            try {
                while (item != null) {
                    Coordinator.await(monitor);
                }
                item = v;
                Coordinator.signalAll(monitor);
            } finally {
                Coordinator.unlock(monitor);
            }
        }

        void take() throws InterruptedException {
            Coordinator.lock(monitor);
            try {
                while (item == null) {
                    Coordinator.await(monitor);
                }
                taken.add(item);
                item = null;
                Coordinator.signalAll(monitor);
            } finally {
                Coordinator.unlock(monitor);
            }
        }
    }

    @Test
    void waitNotifyHandOffPassesEverySchedule() {
        ExploreResult r =
                Explorer.scenario("one-slot buffer")
                        .setup(Slot::new)
                        .actor(
                                "producer",
                                s -> {
                                    s.put(1);
                                    s.put(2);
                                })
                        .actor(
                                "consumer",
                                s -> {
                                    s.take();
                                    s.take();
                                })
                        .check(s -> assertEquals(List.of(1, 2), s.taken))
                        .explore(ALL);
        assertTrue(r.exhausted());
        assertFalse(r.boundLimited());
        assertTrue(r.distinctSchedules() > 1, r.toString());
    }

    @Test
    void aLostWakeupIsADeadlockNamingTheSignalItWaitsFor() {
        // the consumer tests the flag without the lock, so the notify can come before its wait
        InterleavingFailure f =
                assertThrows(
                        InterleavingFailure.class,
                        () ->
                                Explorer.scenario("lost wake-up")
                                        .setup(
                                                () ->
                                                        new Object[] {
                                                            new Object(), new SharedInt("ready", 0)
                                                        })
                                        .actor(
                                                "waiter",
                                                s -> {
                                                    if (((SharedInt) s[1]).get() == 0) {
                                                        Coordinator.lock(s[0]);
                                                        try {
                                                            Coordinator.await(s[0]);
                                                        } finally {
                                                            Coordinator.unlock(s[0]);
                                                        }
                                                    }
                                                })
                                        .actor(
                                                "notifier",
                                                s -> {
                                                    ((SharedInt) s[1]).set(1);
                                                    Coordinator.lock(s[0]);
                                                    try {
                                                        Coordinator.signal(s[0]);
                                                    } finally {
                                                        Coordinator.unlock(s[0]);
                                                    }
                                                })
                                        .explore(ALL));
        assertEquals(FailureKind.DEADLOCK, f.report().failure().kind());
        assertEquals(
                List.of("waiter waits for a signal on Object#1"), f.report().failure().details());
    }

    @Test
    void spawnedThreadsGetAColumnAndJoinWaitsForThem() {
        InterleavingFailure f =
                assertThrows(
                        InterleavingFailure.class,
                        () ->
                                Explorer.scenario("spawned lost update")
                                        .setup(() -> new SharedInt("n", 0))
                                        .actor(
                                                "main",
                                                n -> {
                                                    ActorHandle child =
                                                            Coordinator.spawn(
                                                                    "child",
                                                                    () -> n.set(n.get() + 1));
                                                    n.set(n.get() + 1);
                                                    Coordinator.join(child);
                                                    assertEquals(
                                                            2,
                                                            n.get(),
                                                            "after join both increments are visible");
                                                })
                                        .explore(ExploreOptions.exhaustive()));
        assertEquals(List.of("main", "child"), f.report().threads());
        assertTrue(f.report().events().contains(new TraceEvent.Spawned(0, 1)));
        assertEquals(FailureKind.THREAD_THREW, f.report().failure().kind());
    }

    @Test
    void joinBlocksUntilTheChildIsDone() {
        ExploreResult r =
                Explorer.scenario("join")
                        .setup(() -> new SharedInt("n", 0))
                        .actor(
                                "main",
                                n -> {
                                    ActorHandle child =
                                            Coordinator.spawn("child", () -> n.incrementAndGet());
                                    Coordinator.join(child);
                                    assertEquals(1, n.get());
                                })
                        .explore(ALL);
        assertTrue(r.exhausted());
    }

    @Test
    void blockUntilModelsALatch() {
        ExploreResult r =
                Explorer.scenario("latch")
                        .setup(
                                () ->
                                        new SharedInt[] {
                                            new SharedInt("data", 0), new SharedInt("latch", 1)
                                        })
                        .actor(
                                "reader",
                                s -> {
                                    Coordinator.blockUntil(
                                            () -> s[1].peek() == 0, s[1], "latch.await");
                                    assertEquals(42, s[0].get());
                                })
                        .actor(
                                "writer",
                                s -> {
                                    s[0].set(42);
                                    s[1].getAndAdd(-1);
                                })
                        .explore(ALL);
        assertTrue(r.exhausted());
    }

    @Test
    void blockUntilThatNeverHoldsIsADeadlock() {
        InterleavingFailure f =
                assertThrows(
                        InterleavingFailure.class,
                        () ->
                                Explorer.scenario("empty semaphore")
                                        .setup(() -> new SharedInt("permits", 0))
                                        .actor(
                                                "T1",
                                                p ->
                                                        Coordinator.blockUntil(
                                                                () -> p.peek() > 0,
                                                                p,
                                                                "acquire permit"))
                                        .explore(ALL));
        assertEquals(
                List.of("T1 waits for 'acquire permit' on permits"),
                f.report().failure().details());
    }

    @Test
    void tryLockFailsWhileAnotherThreadHoldsTheLock() {
        InterleavingFailure f =
                assertThrows(
                        InterleavingFailure.class,
                        () ->
                                Explorer.scenario("tryLock")
                                        .setup(Object::new)
                                        .actor(
                                                "holder",
                                                lock -> {
                                                    Coordinator.lock(lock);
                                                    Coordinator.point("holding");
                                                    Coordinator.unlock(lock);
                                                })
                                        .actor(
                                                "trier",
                                                lock -> {
                                                    if (Coordinator.tryLock(lock)) {
                                                        Coordinator.unlock(lock);
                                                    } else {
                                                        throw new IllegalStateException("busy");
                                                    }
                                                })
                                        .explore(ALL));
        assertEquals(
                "trier threw java.lang.IllegalStateException: busy",
                f.report().failure().summary());
    }

    @Test
    void locksAreReentrant() {
        ExploreResult r =
                Explorer.scenario("reentrant")
                        .setup(Object::new)
                        .actor(
                                "T1",
                                lock -> {
                                    Coordinator.lock(lock);
                                    Coordinator.lock(lock);
                                    Coordinator.unlock(lock);
                                    Coordinator.unlock(lock);
                                })
                        .actor(
                                "T2",
                                lock -> {
                                    Coordinator.lock(lock);
                                    Coordinator.unlock(lock);
                                })
                        .explore(ALL);
        assertTrue(r.exhausted());
    }

    @Test
    void unlockingALockNotHeldFailsThatThread() {
        InterleavingFailure f =
                assertThrows(
                        InterleavingFailure.class,
                        () ->
                                Explorer.scenario("bad unlock")
                                        .setup(Object::new)
                                        .actor("T1", Coordinator::unlock)
                                        .explore(ALL));
        assertEquals(
                "T1 threw java.lang.IllegalMonitorStateException: T1 unlocks Object#1 but does"
                        + " not hold it: unlock only what this thread locked, once per lock",
                f.report().failure().summary());
    }

    /**
     * {@code take}: the lock is taken at the caller's own point, with none of its own; it excludes
     * as {@code lock} does, and a lock taken while holding it nests, so that a reversed order
     * deadlocks.
     */
    @Test
    void takeLocksAtTheCallersPoint() {
        Object[] locks = {new Object(), new Object()};
        ExploreResult excluded =
                Explorer.scenario("take excludes")
                        .setup(() -> new SharedInt("n", 0))
                        .actor("T1", n -> addHolding(n, locks[0]))
                        .actor("T2", n -> addHolding(n, locks[0]))
                        .check(n -> assertEquals(2, n.get()))
                        .explore(ALL);
        assertTrue(excluded.exhausted());
        InterleavingFailure f =
                assertThrows(
                        InterleavingFailure.class,
                        () ->
                                Explorer.scenario("take nests")
                                        .setup(() -> new SharedInt("n", 0))
                                        .actor("T1", n -> nested(locks[0], locks[1]))
                                        .actor("T2", n -> nested(locks[1], locks[0]))
                                        .explore(ALL));
        assertEquals(FailureKind.DEADLOCK, f.report().failure().kind());
    }

    private static void addHolding(SharedInt n, Object lock) {
        Coordinator.point(n, io.refguard.hook.Access.UPDATE, "add");
        Coordinator.take(lock);
        try {
            n.set(n.get() + 1);
        } finally {
            Coordinator.unlock(lock);
        }
    }

    private static void nested(Object outer, Object inner) {
        Coordinator.point(outer, io.refguard.hook.Access.UPDATE, "call");
        Coordinator.take(outer);
        try {
            Coordinator.lock(inner);
            Coordinator.unlock(inner);
        } finally {
            Coordinator.unlock(outer);
        }
    }
}
