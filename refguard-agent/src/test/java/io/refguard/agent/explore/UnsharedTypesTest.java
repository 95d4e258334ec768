package io.refguard.agent.explore;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import example.jdk.BufferUses;
import io.refguard.explore.ExploreResult;
import io.refguard.explore.InterleavingFailure;
import org.junit.jupiter.api.Test;

/**
 * JDK objects that are not thread-safe besides the collections ({@link UnsharedTypes}): two
 * threads' unordered calls are reported, a change against anything and a read against a change;
 * reads together, a duplicate per thread and a hand-over are not.
 */
class UnsharedTypesTest {

    private static ExploreResult explore(Class<?> program) {
        return AgentExplorer.mainClass(program.getName()).explore();
    }

    private static String failure(Class<?> program) {
        InterleavingFailure f =
                assertThrows(InterleavingFailure.class, () -> explore(program), program::getName);
        return f.table();
    }

    @Test
    void aDuplicatePerThreadIsNoRace() {
        ExploreResult r = explore(BufferUses.OwnDuplicates.class);
        assertTrue(r.exhausted(), r::toString);
    }

    @Test
    void absoluteReadsTogetherAndAChangeAfterJoinAreNoRace() {
        ExploreResult r = explore(BufferUses.AbsoluteReads.class);
        assertTrue(r.exhausted(), r::toString);
    }

    @Test
    void askingABuffersFixedPropertiesIsNoUseOfItsState() {
        ExploreResult r = explore(BufferUses.FixedPropertiesAfterHandOver.class);
        assertTrue(r.exhausted(), r::toString);
    }

    @Test
    void aBitSetSetByTwoThreadsIsReported() {
        String table = failure(BufferUses.SharedBits.class);
        assertTrue(table.contains("two threads use BitSet#1 without synchronization"), table);
        assertTrue(table.contains("or keep the bits in an AtomicLongArray"), table);
    }

    @Test
    void aChecksumUpdatedByTwoThreadsIsReported() {
        String table = failure(BufferUses.SharedChecksum.class);
        assertTrue(table.contains("two threads use CRC32#1 without synchronization"), table);
        assertTrue(table.contains("CRC32.update()"), table);
    }

    @Test
    void aMatcherSharedByTwoThreadsIsReportedAndAMatcherPerThreadIsNot() {
        String table = failure(BufferUses.SharedMatcher.class);
        assertTrue(table.contains("two threads use Matcher#1 without synchronization"), table);
        assertTrue(table.contains("the Pattern itself may be shared"), table);
        ExploreResult r = explore(BufferUses.OwnMatchers.class);
        assertTrue(r.exhausted(), r::toString);
    }
}
