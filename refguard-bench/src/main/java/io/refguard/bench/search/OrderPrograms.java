package io.refguard.bench.search;

import static io.refguard.bench.search.CounterPrograms.require;
import static io.refguard.bench.search.CounterPrograms.suffix;
import static io.refguard.explore.report.FailureKind.THREAD_THREW;

import io.refguard.explore.Coordinator;
import io.refguard.explore.Explorer;
import io.refguard.explore.Scenario;
import io.refguard.explore.sync.SharedInt;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A reader that must not see a pair of writes half done: reorder (many setters, one checker), one
 * checker among many locked writers, and two-stage updates.
 */
final class OrderPrograms {

    private OrderPrograms() {}

    static List<Program> all() {
        List<Program> all = new ArrayList<>();
        for (int n : new int[] {3, 5, 10, 20, 50, 100}) {
            all.add(Program.of("reorder-" + n, "reorder", n, THREAD_THREW, f -> reorder(n, f)));
        }
        for (int w : new int[] {10, 20, 31, 50}) {
            all.add(
                    Program.of(
                            "checker-" + w + "-writers",
                            "one checker, many writers",
                            w + 1,
                            THREAD_THREW,
                            f -> oneChecker(w, f)));
        }
        all.add(Program.of("two-stage-2", "two-stage", 2, THREAD_THREW, f -> twoStage(1, f)));
        all.add(Program.of("two-stage-8", "two-stage", 8, THREAD_THREW, f -> twoStage(7, f)));
        return all;
    }

    static final class Pair {
        final ReentrantLock lock = new ReentrantLock();
        final SharedInt a = new SharedInt("a", 0);
        final SharedInt b = new SharedInt("b", 0);
    }

    /** {@code n - 1} setters write a = 1 then b = -1; one checker must see both or neither. */
    static Scenario<?> reorder(int n, boolean fixed) {
        Scenario<Pair> s = Explorer.scenario("reorder-" + n + suffix(fixed)).setup(Pair::new);
        for (int i = 0; i < n - 1; i++) {
            s.actor(
                    "set" + i,
                    p -> {
                        lockIf(fixed, p.lock);
                        p.a.set(1);
                        p.b.set(-1);
                        unlockIf(fixed, p.lock);
                    });
        }
        return s.actor(
                "check",
                p -> {
                    lockIf(fixed, p.lock);
                    int a = p.a.get();
                    int b = p.b.get();
                    unlockIf(fixed, p.lock);
                    require(a == 0 && b == 0 || a == 1 && b == -1, "saw a=" + a + ", b=" + b);
                });
    }

    static final class Board {
        final ReentrantLock lock = new ReentrantLock();
        final SharedInt a = new SharedInt("a", 0);
        final SharedInt b = new SharedInt("b", 0);
        final SharedInt[] own;

        Board(int writers) {
            own = new SharedInt[writers];
            for (int i = 0; i < writers; i++) {
                own[i] = new SharedInt("own" + i, 0);
            }
        }
    }

    /**
     * {@code w} writers each do private work, then write the pair (a, b) under a lock; one checker
     * reads the pair without it, and fails only when it runs between one writer's two writes.
     */
    static Scenario<?> oneChecker(int w, boolean fixed) {
        Scenario<Board> s =
                Explorer.scenario("checker-" + w + "-writers" + suffix(fixed))
                        .setup(() -> new Board(w));
        for (int i = 0; i < w; i++) {
            int me = i + 1;
            s.actor(
                    "W" + me,
                    bd -> {
                        SharedInt own = bd.own[me - 1];
                        own.set(own.get() + 1);
                        own.set(own.get() + 1);
                        Coordinator.lock(bd.lock);
                        bd.a.set(me);
                        bd.b.set(me);
                        Coordinator.unlock(bd.lock);
                    });
        }
        return s.actor(
                "check",
                bd -> {
                    lockIf(fixed, bd.lock);
                    int a = bd.a.get();
                    int b = bd.b.get();
                    unlockIf(fixed, bd.lock);
                    require(a == b, "torn pair: a=" + a + ", b=" + b);
                });
    }

    static final class Stages {
        final ReentrantLock first = new ReentrantLock();
        final ReentrantLock second = new ReentrantLock();
        final SharedInt data1 = new SharedInt("data1", 0);
        final SharedInt data2 = new SharedInt("data2", 0);
    }

    /**
     * Writers set data1 under one lock, then data2 = data1 + 1 under another; a reader that sees
     * data1 set must see data2 match. The fix holds the first lock through both stages.
     */
    static Scenario<?> twoStage(int writers, boolean fixed) {
        Scenario<Stages> s =
                Explorer.scenario("two-stage-" + (writers + 1) + suffix(fixed)).setup(Stages::new);
        for (int i = 0; i < writers; i++) {
            s.actor(
                    "W" + i,
                    st -> {
                        Coordinator.lock(st.first);
                        st.data1.set(1);
                        if (!fixed) {
                            Coordinator.unlock(st.first);
                        }
                        Coordinator.lock(st.second);
                        st.data2.set(st.data1.get() + 1);
                        Coordinator.unlock(st.second);
                        if (fixed) {
                            Coordinator.unlock(st.first);
                        }
                    });
        }
        return s.actor(
                "reader",
                st -> {
                    Coordinator.lock(st.first);
                    int d1 = st.data1.get();
                    if (!fixed) {
                        Coordinator.unlock(st.first);
                    }
                    if (d1 == 1) {
                        Coordinator.lock(st.second);
                        int d2 = st.data2.get();
                        Coordinator.unlock(st.second);
                        require(d2 == d1 + 1, "data1=" + d1 + " but data2=" + d2);
                    }
                    if (fixed) {
                        Coordinator.unlock(st.first);
                    }
                });
    }

    static void lockIf(boolean on, Object lock) {
        if (on) {
            Coordinator.lock(lock);
        }
    }

    static void unlockIf(boolean on, Object lock) {
        if (on) {
            Coordinator.unlock(lock);
        }
    }
}
