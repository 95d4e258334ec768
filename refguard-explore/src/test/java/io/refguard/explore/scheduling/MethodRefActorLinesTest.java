package io.refguard.explore.scheduling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.refguard.explore.ExploreOptions;
import io.refguard.explore.Explorer;
import io.refguard.explore.InterleavingFailure;
import io.refguard.explore.Scenario;
import io.refguard.explore.sync.SharedInt;
import org.junit.jupiter.api.Test;

/**
 * Actors written as method references into library code are reported at the line declaring them.
 */
class MethodRefActorLinesTest {

    @Test
    void aMethodReferenceActorIsReportedAtItsDeclaration() {
        Scenario<SharedInt> s = Explorer.scenario("refs").setup(() -> new SharedInt("x", 0));
        int t1 = new Throwable().getStackTrace()[0].getLineNumber() + 1;
        s.actor("T1", SharedInt::incrementAndGet);
        int t2 = new Throwable().getStackTrace()[0].getLineNumber() + 1;
        s.actor("T2", x -> x.incrementAndGet());
        s.check(x -> assertEquals(3, x.peek()));
        InterleavingFailure f =
                assertThrows(
                        InterleavingFailure.class, () -> s.explore(ExploreOptions.exhaustive()));
        String table = f.table();
        assertTrue(table.contains("x.getAndAdd (MethodRefActorLinesTest.java:" + t1 + ")"), table);
        assertTrue(table.contains("x.getAndAdd (MethodRefActorLinesTest.java:" + t2 + ")"), table);
    }
}
