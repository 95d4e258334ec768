package io.refguard.explore.scheduling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.refguard.explore.ExploreOptions;
import io.refguard.explore.Explorer;
import io.refguard.explore.InterleavingFailure;
import io.refguard.explore.RefguardDeclared;
import io.refguard.explore.Scenario;
import io.refguard.explore.sync.SharedInt;
import org.junit.jupiter.api.Test;

/**
 * Actors written as method references into library code are reported at the line declaring them;
 * those refguard declares, at none.
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

    /**
     * An actor that refguard's own code declares (the agent's actor for a program's main) has no
     * line of its own: its steps that no frame names show none, not a line further up the stack
     * (this test's, or refguard's command line's).
     */
    @Test
    void anActorRefguardDeclaresHasNoLine() {
        Scenario<SharedInt> s = Explorer.scenario("declared").setup(() -> new SharedInt("x", 0));
        RefguardDeclared.incrementer(s, "T1");
        RefguardDeclared.incrementer(s, "T2");
        s.check(x -> assertEquals(3, x.peek()));
        InterleavingFailure f =
                assertThrows(
                        InterleavingFailure.class, () -> s.explore(ExploreOptions.exhaustive()));
        String table = f.table();
        assertTrue(table.contains("x.getAndAdd"), table);
        assertFalse(
                table.lines().anyMatch(row -> row.startsWith("|") && row.contains(".java")), table);
    }
}
