package io.refguard.explore.html;

import static org.junit.jupiter.api.Assertions.assertThrows;

import io.refguard.CheckMode;
import io.refguard.Ref;
import io.refguard.RefGuard;
import io.refguard.explore.Coordinator;
import io.refguard.explore.ExploreOptions;
import io.refguard.explore.Explorer;
import io.refguard.explore.InterleavingFailure;
import io.refguard.explore.Named;
import io.refguard.explore.sync.SharedInt;
import io.refguard.explore.sync.SharedRef;

/** Failing scenarios whose reports the HTML tests render: a use of a freed buffer, a leak. */
final class ReportFixtures {

    private ReportFixtures() {}

    /** A cache slot read by two readers while an evictor takes the buffer out and releases it. */
    static final class Cache {
        final SharedRef<Buffer> slot = new SharedRef<>("slot", new Buffer("buf#1"));
        final SharedInt hits = new SharedInt("hits", 0);
    }

    static int lookUp(Cache cache) {
        Buffer b = cache.slot.get();
        if (b == null) {
            return -1;
        }
        try (Ref<Buffer> ref = b.acquire()) { // races with the eviction's release
            cache.hits.incrementAndGet();
            return ref.get().read();
        }
    }

    static void evict(Cache cache) {
        Buffer b = cache.slot.getAndSet(null);
        if (b != null) {
            b.close(); // drops the cache's (the creator's) reference
        }
    }

    /** Three threads; fails with the checker's error when a reader acquires the freed buffer. */
    static InterleavingFailure acquireAfterEviction() {
        return tracked(
                () ->
                        assertThrows(
                                InterleavingFailure.class,
                                () ->
                                        Explorer.scenario("cache eviction")
                                                .setup(Cache::new)
                                                .actor("reader-1", ReportFixtures::lookUp)
                                                .actor("reader-2", ReportFixtures::lookUp)
                                                .actor("evictor", ReportFixtures::evict)
                                                .explore(
                                                        ExploreOptions.exhaustive()
                                                                .preemptionBound(1))));
    }

    /**
     * A reader that forgets to close its reference: a leak with its acquire site and access
     * records.
     */
    static InterleavingFailure forgottenReference() {
        return tracked(
                () ->
                        assertThrows(
                                InterleavingFailure.class,
                                () ->
                                        Explorer.scenario("forgotten reference")
                                                .setup(Cache::new)
                                                .actor(
                                                        "reader",
                                                        c -> {
                                                            Ref<Buffer> ref =
                                                                    c.slot.get().acquire();
                                                            ref.touch("handed to the parser");
                                                            c.hits.incrementAndGet();
                                                        })
                                                .actor("evictor", ReportFixtures::evict)
                                                .explore(ExploreOptions.exhaustive())));
    }

    /** Two transfers that lock two accounts in opposite orders: a deadlock with blocked rows. */
    static InterleavingFailure lockOrderDeadlock() {
        return assertThrows(
                InterleavingFailure.class,
                () ->
                        Explorer.scenario("lock-order deadlock")
                                .setup(
                                        () ->
                                                new Object[] {
                                                    new Lock("account A"), new Lock("account B")
                                                })
                                .actor("T1", l -> transfer((Lock) l[0], (Lock) l[1]))
                                .actor("T2", l -> transfer((Lock) l[1], (Lock) l[0]))
                                .explore(ExploreOptions.exhaustive()));
    }

    /** A lock named in reports. */
    record Lock(String name) implements Named {
        @Override
        public String reportName() {
            return name;
        }
    }

    static void transfer(Lock from, Lock to) {
        Coordinator.lock(from);
        try {
            Coordinator.lock(to);
            Coordinator.unlock(to);
        } finally {
            Coordinator.unlock(from);
        }
    }

    private static InterleavingFailure tracked(
            java.util.function.Supplier<InterleavingFailure> run) {
        RefGuard.setMode(CheckMode.TRACKED);
        RefGuard.setRecords(true);
        try {
            return run.get();
        } finally {
            RefGuard.resetToDefaults();
        }
    }
}
