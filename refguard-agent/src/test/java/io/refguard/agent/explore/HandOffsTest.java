package io.refguard.agent.explore;

import static org.junit.jupiter.api.Assertions.assertTrue;

import example.jdk.HandOffs;
import io.refguard.explore.ExploreResult;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The check of collections shared without synchronization against every hand-over of {@link
 * HandOffs}: a list filled by one thread and passed to another through a latch, a queue, a future,
 * a lock, a volatile field, ... is ordered, so each program passes an exhaustive search. A check
 * that missed one of these edges would report the program's second {@code add} as unordered.
 */
class HandOffsTest {

    static Stream<Class<?>> handOffs() {
        return HandOffs.ALL.stream();
    }

    @ParameterizedTest
    @MethodSource("handOffs")
    void anOrderedHandOverPasses(Class<?> program) {
        ExploreResult r = AgentExplorer.mainClass(program.getName()).explore();
        assertTrue(r.exhausted(), r::toString);
    }
}
