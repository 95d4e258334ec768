package io.refguard.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ConcurrentModificationException;
import java.util.NoSuchElementException;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

/** How a thread's exception is told in a failure: its causes, and wrappers that add nothing. */
class FailureCausesTest {

    @Test
    void aCauseIsListedUnderTheExceptionThatHasAMessageOfItsOwn() {
        String s =
                Failures.withCauses(
                        new AssertionError("borrow failed", new NoSuchElementException()));
        String[] lines = s.split("\\R");
        assertEquals("java.lang.AssertionError: borrow failed", lines[0]);
        assertTrue(lines[1].startsWith("caused by java.util.NoSuchElementException"), s);
    }

    @Test
    void wrappersWithoutAMessageOfTheirOwnAreNamedOnceThenTheirCause() {
        ConcurrentModificationException race = new ConcurrentModificationException("two threads");
        // ForkJoinTask.join rethrows copies of the same class, each wrapping the last
        Throwable copies =
                new ConcurrentModificationException(new ConcurrentModificationException(race));
        assertEquals(
                "java.util.ConcurrentModificationException: two threads",
                Failures.withCauses(copies).split("\\R")[0]);
        assertEquals(
                "java.util.concurrent.ExecutionException wrapping"
                        + " java.util.ConcurrentModificationException: two threads",
                Failures.withCauses(new ExecutionException(race)).split("\\R")[0]);
    }
}
