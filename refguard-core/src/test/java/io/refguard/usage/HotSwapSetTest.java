package io.refguard.usage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.refguard.LeakScope;
import io.refguard.Ref;
import io.refguard.RefCounted;
import io.refguard.swap.HotSwapSet;
import io.refguard.swap.MemberSet;
import io.refguard.swap.ReloadException;
import java.io.FileNotFoundException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * The hot-swapped member set, modelled on the reftable reader stack: reloads reuse open members,
 * readers keep the members of the set they hold, and a failed reload frees nothing it should not.
 */
@SuppressWarnings("try") // scopes and bindings in try-with-resources act by being open
class HotSwapSetTest {

    /** A table reader: a member with a name that counts its opens and frees. */
    static final class Table extends RefCounted<Table> {
        final String name;
        final AtomicInteger frees = new AtomicInteger();
        volatile boolean freed;

        Table(String name) {
            this.name = name;
        }

        String name() {
            ensureAccessible();
            return name;
        }

        @Override
        protected void deallocate() {
            freed = true;
            frees.incrementAndGet();
        }
    }

    /** Opens tables, failing for names listed as missing, and remembers every table it opened. */
    static final class Disk {
        final Map<String, List<Table>> opened = new ConcurrentHashMap<>();
        final List<String> missing = new ArrayList<>();

        Table open(String name) throws FileNotFoundException {
            if (missing.contains(name)) {
                throw new FileNotFoundException(name + ".ref");
            }
            Table t = new Table(name);
            opened.computeIfAbsent(name, k -> new java.util.concurrent.CopyOnWriteArrayList<>())
                    .add(t);
            return t;
        }

        Table only(String name) {
            List<Table> ts = opened.get(name);
            assertEquals(1, ts.size(), name + " opened more than once");
            return ts.get(0);
        }

        List<Table> all() {
            List<Table> out = new ArrayList<>();
            opened.values().forEach(out::addAll);
            return out;
        }
    }

    @Test
    void reloadReusesListedMembersAndFreesDroppedOnesAfterTheirLastReader() {
        try (LeakScope scope = LeakScope.open()) {
            Disk disk = new Disk();
            HotSwapSet<String, Table> stack = new HotSwapSet<>(disk::open);
            stack.reload(List.of("t1", "t2"));
            Ref<MemberSet<String, Table>> iterator =
                    stack.acquire(); // an open iterator over t1, t2

            stack.reload(List.of("t2", "t3"));
            Table t1 = disk.only("t1");
            assertTrue(t1.isAlive(), "the open iterator still uses t1");
            assertEquals("t1", iterator.get().member(0).name());
            try (Ref<MemberSet<String, Table>> now = stack.acquire()) {
                assertEquals(List.of("t2", "t3"), now.get().keys());
                assertSame(disk.only("t2"), now.get().member("t2"), "t2 is reused, not reopened");
                assertNull(now.get().member("t1"));
            }
            iterator.close();
            assertEquals(1, t1.frees.get(), "t1 is freed when its last iterator closes");
            assertTrue(disk.only("t2").isAlive());

            stack.close();
            for (Table t : disk.all()) {
                assertEquals(1, t.frees.get(), t.name + " freed exactly once");
            }
        }
    }

    @Test
    void aReloadThatFailsHalfWayLeavesTheCurrentSetIntact() {
        try (LeakScope scope = LeakScope.open()) {
            Disk disk = new Disk();
            HotSwapSet<String, Table> stack = new HotSwapSet<>(disk::open);
            stack.reload(List.of("t1", "t2"));
            disk.missing.add("gone");

            ReloadException e =
                    assertThrows(
                            ReloadException.class,
                            () -> stack.reload(List.of("t1", "t3", "gone", "t4")));
            assertEquals("gone", e.key());
            assertTrue(e.getCause() instanceof FileNotFoundException);
            assertTrue(e.getMessage().contains("current set is unchanged"), e.getMessage());

            Table t1 = disk.only("t1");
            Table t2 = disk.only("t2");
            assertTrue(t1.isAlive() && t2.isAlive(), "no reused member is freed");
            assertEquals(1, t1.refCount(), "the failed reload's reference on t1 was dropped");
            assertEquals(
                    1,
                    disk.only("t3").frees.get(),
                    "the member the failed reload opened is closed");
            assertNull(disk.opened.get("t4"), "nothing is opened after the failure");
            try (Ref<MemberSet<String, Table>> now = stack.acquire()) {
                assertEquals(List.of("t1", "t2"), now.get().keys());
                assertSame(t1, now.get().member(0));
            }

            disk.missing.clear();
            stack.reload(List.of("t2", "gone"));
            stack.close();
            for (Table t : disk.all()) {
                assertEquals(1, t.frees.get(), t.name + " freed exactly once");
            }
        }
    }

    @Test
    void badReloadsAreRefusedUpFront() {
        try (LeakScope scope = LeakScope.open()) {
            HotSwapSet<String, Table> stack = new HotSwapSet<>(name -> null);
            assertThrows(IllegalArgumentException.class, () -> stack.reload(List.of("a", "a")));
            ReloadException e =
                    assertThrows(ReloadException.class, () -> stack.reload(List.of("a")));
            assertTrue(e.getCause() instanceof NullPointerException);
            stack.close();
            assertThrows(IllegalStateException.class, () -> stack.reload(List.of()));
        }
    }

    @Test
    void readersRacingReloadsAlwaysHoldLiveMembers() throws Exception {
        Disk disk = new Disk();
        AtomicReference<HotSwapSet<String, Table>> current = new AtomicReference<>();
        AtomicInteger sawFreed = new AtomicInteger();
        List<List<String>> versions =
                List.of(
                        List.of("a", "b"),
                        List.of("b", "c"),
                        List.of("c", "d", "a"),
                        List.of("e"),
                        List.of("a", "e"));
        Race.rounds(
                3,
                20,
                () -> {
                    HotSwapSet<String, Table> stack = new HotSwapSet<>(disk::open);
                    stack.reload(versions.get(0));
                    current.set(stack);
                },
                (actor, round) -> {
                    HotSwapSet<String, Table> stack = current.get();
                    if (actor == 0) {
                        for (int i = 0; i < 100; i++) {
                            stack.reload(versions.get(i % versions.size()));
                        }
                        return;
                    }
                    for (int i = 0; i < 300; i++) {
                        try (Ref<MemberSet<String, Table>> s = stack.acquire()) {
                            for (Table t : s.get().members()) {
                                if (t.freed) {
                                    sawFreed.incrementAndGet();
                                }
                                t.name();
                            }
                        }
                    }
                },
                () -> {
                    assertEquals(0, sawFreed.get(), "a reader held a freed member");
                    current.get().close();
                    for (Table t : disk.all()) {
                        assertFalse(t.isAlive());
                        assertEquals(1, t.frees.get(), t.name + " freed exactly once");
                    }
                    disk.opened.clear();
                });
    }
}
