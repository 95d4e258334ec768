package io.refguard.agent.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import example.statics.StaticsEachRun;
import io.refguard.explore.ExploreOptions;
import io.refguard.explore.ExploreResult;
import io.refguard.explore.InterleavingFailure;
import io.refguard.explore.report.FailureKind;
import org.junit.jupiter.api.Test;

/**
 * Every run of a program starts from fresh static state, though its classes are defined once:
 * counters, collections and objects made by static initializers, a superclass's statics, and an
 * initializer that reads another class's statics are all as in a new JVM.
 */
class FreshStaticsTest {

    @Test
    void everyRunStartsFromFreshStatics() {
        ExploreResult r = AgentExplorer.mainClass(StaticsEachRun.class.getName())
                .explore(ExploreOptions.exhaustive());
        assertEquals(ExploreResult.Stop.EXHAUSTED, r.stop(), r::toString);
        assertTrue(r.runs() > 2, r::toString);
    }

    @Test
    void reusedClassesKeepTheirStatics() {
        // the same program with statics carried over fails in its second run: the check can fail
        InterleavingFailure f = assertThrows(InterleavingFailure.class,
                () -> AgentExplorer.mainClass(StaticsEachRun.class.getName()).reuseClasses(true)
                        .explore(ExploreOptions.exhaustive()));
        assertEquals(FailureKind.THREAD_THREW, f.report().failure().kind(), f::getMessage);
        assertTrue(f.getMessage().contains("carried over"), f::getMessage);
    }
}
