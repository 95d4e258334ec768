package io.refguard.netty.usage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.refguard.DoubleReleaseException;
import io.refguard.LeakException;
import io.refguard.Report;
import io.refguard.Report.Role;
import io.refguard.Site;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/**
 * {@link NettySamples} run in parallel under refguard's JUnit leak check: each test is blamed for
 * its own pooled buffers only, and the double release fails its test naming both releases.
 */
class NettyJUnitTest {

    @RepeatedTest(2)
    void parallelNettyTestsEachFailForTheirOwnBuffersAndTheDoubleReleaseNamesBothReleases() {
        NettySamples.reset();
        EngineExecutionResults r =
                EngineTestKit.engine("junit-jupiter")
                        .enableImplicitConfigurationParameters(false)
                        .configurationParameters(
                                Map.of(
                                        "junit.jupiter.execution.parallel.enabled", "true",
                                        "junit.jupiter.execution.parallel.mode.default",
                                                "concurrent",
                                        "junit.jupiter.execution.parallel.config.strategy", "fixed",
                                        "junit.jupiter.execution.parallel.config.fixed.parallelism",
                                                "4"))
                        .selectors(selectClass(NettySamples.class))
                        .execute();

        Site first = onlyLeak(failure(r, "leaksFirst"));
        Site second = onlyLeak(failure(r, "leaksSecond"));
        assertEquals(Lines.of("leaksFirst"), first.lineNumber());
        assertEquals("leaksFirst", first.methodName());
        assertEquals(Lines.of("leaksSecond"), second.lineNumber());
        assertEquals(NettySamples.THREADS.get("leaksFirst").getName(), first.threadName());
        assertEquals(NettySamples.THREADS.get("leaksSecond").getName(), second.threadName());
        assertEquals(Optional.empty(), outcome(r, "cleanWhileTheOthersLeak").getThrowable());
        Set<Thread> threads =
                new HashSet<>(
                        List.of(
                                NettySamples.THREADS.get("leaksFirst"),
                                NettySamples.THREADS.get("leaksSecond"),
                                NettySamples.THREADS.get("cleanWhileTheOthersLeak")));
        assertEquals(
                3, threads.size(), "the three tests held their buffers at once on three threads");

        Throwable twice = failure(r, "releasesTwice");
        DoubleReleaseException e =
                assertInstanceOf(DoubleReleaseException.class, twice, () -> stackTrace(twice));
        assertEquals(
                Lines.of("firstRelease"),
                e.report().site(Role.RELEASED).lineNumber(),
                e.getMessage());
        assertEquals(
                Lines.of("secondRelease"),
                e.report().site(Role.RELEASED_AGAIN).lineNumber(),
                e.getMessage());
        assertEquals("releasesTwice", e.report().site(Role.RELEASED_AGAIN).methodName());
    }

    private static Site onlyLeak(Throwable failure) {
        LeakException leak =
                assertInstanceOf(LeakException.class, failure, () -> stackTrace(failure));
        assertEquals(1, leak.reports().size(), leak.getMessage());
        assertTrue(leak.getMessage().contains("NettySamples"), leak.getMessage());
        return leak.reports().get(0).site(Report.Role.ACQUIRED);
    }

    private static Throwable failure(EngineExecutionResults r, String method) {
        TestExecutionResult result = outcome(r, method);
        assertEquals(
                TestExecutionResult.Status.FAILED,
                result.getStatus(),
                method + " should have failed");
        return result.getThrowable().orElseThrow();
    }

    private static TestExecutionResult outcome(EngineExecutionResults r, String method) {
        for (Event e : r.testEvents().finished().list()) {
            if (e.getTestDescriptor().getSource().orElse(null) instanceof MethodSource
                    && ((MethodSource) e.getTestDescriptor().getSource().get())
                            .getMethodName()
                            .equals(method)) {
                return e.getPayload(TestExecutionResult.class).orElseThrow();
            }
        }
        throw new AssertionError("no finished test " + method);
    }

    private static String stackTrace(Throwable t) {
        StringWriter w = new StringWriter();
        t.printStackTrace(new PrintWriter(w));
        return w.toString();
    }
}
