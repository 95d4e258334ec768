package io.refguard.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import example.Lines;
import example.ParallelLeakSamples;
import io.refguard.LeakException;
import io.refguard.Report;
import io.refguard.Site;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/**
 * Tests running in parallel each get only their own leaks: {@link ParallelLeakSamples} runs three
 * tests at once (a barrier holds each until all three hold their references), two of which leak.
 * Repeated to vary which worker thread runs which test.
 */
class ParallelLeakCheckTest {

    @RepeatedTest(3)
    void twoTestsLeakingAtOnceEachBlameOnlyTheirOwnReference() {
        ParallelLeakSamples.reset();
        EngineExecutionResults r = Kit.run(Kit.parallel(), selectClass(ParallelLeakSamples.class));

        Site first = onlyLeak(Kit.failure(r, "leaksFirst"));
        Site second = onlyLeak(Kit.failure(r, "leaksSecond"));
        Kit.assertPassed(r, "leaksNothing");

        assertEquals("leaksFirst", first.methodName());
        assertEquals(Lines.of("leaksFirst"), first.lineNumber());
        assertEquals("leaksSecond", second.methodName());
        assertEquals(Lines.of("leaksSecond"), second.lineNumber());

        Set<Thread> threads = new HashSet<>(ParallelLeakSamples.THREADS.values());
        assertEquals(
                3,
                threads.size(),
                "the three tests ran on three threads at once: " + ParallelLeakSamples.THREADS);
        assertEquals(ParallelLeakSamples.THREADS.get("leaksFirst").getName(), first.threadName());
        assertEquals(ParallelLeakSamples.THREADS.get("leaksSecond").getName(), second.threadName());
        assertFalse(threads.contains(Thread.currentThread()));
    }

    private static Site onlyLeak(Throwable failure) {
        LeakException leak =
                assertInstanceOf(LeakException.class, failure, () -> Kit.stackTrace(failure));
        List<Report> reports = leak.reports();
        assertEquals(1, reports.size(), leak.getMessage());
        return reports.get(0).site(Report.Role.ACQUIRED);
    }
}
