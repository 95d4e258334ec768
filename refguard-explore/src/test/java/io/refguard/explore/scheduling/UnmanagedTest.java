package io.refguard.explore.scheduling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.refguard.explore.ActorHandle;
import io.refguard.explore.Coordinator;
import io.refguard.hook.Access;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.junit.jupiter.api.Test;

/** Outside an exploration the facade does the plain thing. */
class UnmanagedTest {

    @Test
    void pointsDoNothingAndTheThreadIsNotManaged() {
        assertFalse(Coordinator.isManaged());
        Coordinator.point("nothing happens");
        Coordinator.point(new Object(), Access.READ, "read");
        assertFalse(Coordinator.isManaged());
    }

    @Test
    void lockOnAJdkLockLocksItForReal() {
        ReentrantLock lock = new ReentrantLock();
        Coordinator.lock(lock);
        assertTrue(lock.isHeldByCurrentThread());
        assertTrue(Coordinator.tryLock(lock));
        assertEquals(2, lock.getHoldCount());
        Coordinator.unlock(lock);
        Coordinator.unlock(lock);
        assertFalse(lock.isLocked());
    }

    @Test
    void awaitAndSignalUseTheJdkCondition() throws Exception {
        ReentrantLock lock = new ReentrantLock();
        Condition ready = lock.newCondition();
        AtomicBoolean flag = new AtomicBoolean();
        ActorHandle waiter =
                Coordinator.spawn(
                        "plain waiter",
                        () -> {
                            lock.lock();
                            try {
                                while (!flag.get()) {
                                    Coordinator.await(lock, ready);
                                }
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            } finally {
                                lock.unlock();
                            }
                        });
        lock.lock();
        try {
            flag.set(true);
            Coordinator.signalAll(lock, ready);
        } finally {
            lock.unlock();
        }
        Coordinator.join(waiter);
        assertEquals("plain waiter", waiter.name());
    }

    @Test
    void spawnStartsAPlainThreadAndBlockUntilSpins() throws Exception {
        AtomicInteger n = new AtomicInteger();
        ActorHandle h = Coordinator.spawn("plain", n::incrementAndGet);
        Coordinator.blockUntil(() -> n.get() == 1, n, "wait for plain");
        Coordinator.join(h);
        assertEquals(1, n.get());
    }
}
