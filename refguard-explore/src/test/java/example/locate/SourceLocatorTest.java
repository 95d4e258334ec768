package example.locate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.refguard.explore.runtime.SourceLocator;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

/**
 * Where a failure happened: the first frame of the program's code in what was thrown. In a package
 * of its own, as a program's code is (refguard's own packages count as library code).
 */
class SourceLocatorTest {

    private static final StackTraceElement[] JDK_ONLY = {
        new StackTraceElement(
                "java.util.concurrent.CompletableFuture",
                "encodeThrowable",
                "CompletableFuture.java",
                332),
        new StackTraceElement("java.lang.Thread", "run", "Thread.java", 840)
    };

    @Test
    void anExceptionTheJdkMadeIsLocatedByTheProgramsCause() {
        NullPointerException cause = new NullPointerException("no segment");
        CompletionException wrapper = new CompletionException(cause);
        wrapper.setStackTrace(JDK_ONLY);
        assertEquals(
                "SourceLocatorTest.java:" + cause.getStackTrace()[0].getLineNumber(),
                SourceLocator.locate(wrapper));
    }

    @Test
    void nothingOfTheProgramAnywhereIsNoLocation() {
        IllegalStateException cause = new IllegalStateException();
        cause.setStackTrace(JDK_ONLY);
        CompletionException wrapper = new CompletionException(cause);
        wrapper.setStackTrace(JDK_ONLY);
        assertNull(SourceLocator.locate(wrapper));
    }
}
