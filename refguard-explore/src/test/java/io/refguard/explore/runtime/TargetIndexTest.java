package io.refguard.explore.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.refguard.explore.Coordinator;
import io.refguard.hook.Access;
import io.refguard.hook.FieldOf;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The runtime's index of targets names exactly the threads whose next step does not commute with a
 * given thread's ({@link ChoicePoint#independent}), in id order, at every decision of runs whose
 * threads read, write and update a few objects and fields of one of them, make points without a
 * target, take a lock, block, finish, and start later than others.
 */
class TargetIndexTest {

    @Test
    void theIndexNamesTheSameThreadsAsTheDefinition() {
        Object first = new Object();
        Object[] objects = {
            first,
            new Object(),
            new Object(),
            FieldOf.of(first, "a"),
            FieldOf.of(first, "b"),
            FieldOf.any(first),
            FieldOf.of(first, "a") // the same field as another part: equal, not identical
        };
        Access[] accesses = Access.values();
        Object lock = new Object();
        int threads = 70; // two words of 64
        List<String> names = new ArrayList<>();
        List<Runnable> bodies = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int id = t;
            names.add("T" + t);
            bodies.add(
                    () -> {
                        for (int i = 0; i < 4; i++) {
                            int k = (id * 7 + i * 3) % (objects.length + 2);
                            if (k < objects.length) {
                                Coordinator.point(
                                        objects[k], accesses[(id + i) % accesses.length], "op");
                            } else if (k == objects.length) {
                                Coordinator.point("unknown");
                            } else {
                                Coordinator.lock(lock);
                                Coordinator.unlock(lock);
                            }
                        }
                    });
        }
        SplittableRandom random = new SplittableRandom(7);
        int[] checked = {0};
        Chooser comparing =
                p -> {
                    for (int c = 0; c < p.threadCount(); c++) {
                        List<Integer> expected = new ArrayList<>();
                        if (!p.pendingStart(c)) {
                            for (int u = 0; u < p.threadCount(); u++) {
                                if (u != c && !p.independent(u, c)) {
                                    expected.add(u);
                                }
                            }
                        }
                        List<Integer> indexed = new ArrayList<>();
                        for (int u = p.nextDependent(c, 0); u >= 0; u = p.nextDependent(c, u + 1)) {
                            indexed.add(u);
                        }
                        assertEquals(expected, indexed, "threads racing with " + c);
                        checked[0]++;
                    }
                    return p.nthEnabled(random.nextInt(p.enabledCount()));
                };
        try (RunEngine engine = new RunEngine(10_000, Duration.ofSeconds(10))) {
            for (int run = 0; run < 3; run++) {
                assertEquals(
                        RunStatus.COMPLETED,
                        engine.run(names, bodies, comparing, null, null, null),
                        String.valueOf(engine.failureCause()));
            }
        }
        assertTrue(checked[0] > 3 * threads * threads, "decisions checked: " + checked[0]);
    }
}
