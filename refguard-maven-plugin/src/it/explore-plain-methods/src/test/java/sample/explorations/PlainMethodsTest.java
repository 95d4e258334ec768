package sample.explorations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.management.ManagementFactory;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/**
 * Runs {@link CacheExplorations} as a user's build would and checks each outcome: under the agent
 * the racy cache fails with its table and a replay token that fails again, the fixed cache passes;
 * in the Surefire execution whose argLine drops the agent, and in the build that skips the plugin
 * ({@code -Drefguard.skip=true}), both fail as inconclusive, saying the agent is missing.
 */
class PlainMethodsTest {

    /**
     * Whether this test JVM has the agent: not when its argLine drops it or the plugin is skipped.
     */
    private static final boolean AGENT = System.getProperty("sample.agent") == null;

    @Test
    void thisExecutionRunsWithTheAgentOrWithout() {
        List<String> args = ManagementFactory.getRuntimeMXBean().getInputArguments();
        boolean agent =
                args.stream()
                        .anyMatch(a -> a.startsWith("-javaagent:") && a.contains("refguard-agent"));
        assertEquals(AGENT, agent, args.toString());
    }

    @Test
    void theRacyCacheFailsWithItsTableAndAReplayTokenThatFailsAgain() {
        TestExecutionResult result = outcome("racyCacheLoadsOnce");
        assertEquals(TestExecutionResult.Status.FAILED, result.getStatus());
        Throwable failure = result.getThrowable().orElseThrow();
        String message = String.valueOf(failure.getMessage());
        if (!AGENT) {
            assertAgentMissing(failure);
            return;
        }
        assertEquals(
                "io.refguard.explore.InterleavingFailure",
                failure.getClass().getName(),
                trace(failure));
        assertTrue(
                message.contains("Scenario \"CacheExplorations.racyCacheLoadsOnce()\" failed"),
                message);
        assertTrue(
                message.contains("| step |") && message.contains("| main"), "a table: " + message);
        assertTrue(message.contains("RacyCache.java:"), "the cache's lines: " + message);
        assertTrue(
                message.contains("loads of key k")
                        && message.contains("expected: <1> but was: <2>"),
                message);
        System.out.println(message);
        int at = message.indexOf("Replay: rg1-");
        assertTrue(at >= 0, "a replay token: " + message);
        String token = message.substring(at + "Replay: ".length()).split("\\s")[0];

        System.setProperty("refguard.replay", token);
        System.setProperty("refguard.replay.test", "CacheExplorations#racyCacheLoadsOnce");
        try {
            TestExecutionResult replayed = outcome("racyCacheLoadsOnce");
            assertEquals(TestExecutionResult.Status.FAILED, replayed.getStatus());
            String again = replayed.getThrowable().orElseThrow().getMessage();
            assertTrue(
                    again.contains("Found by replay of a token") && again.contains(token), again);
        } finally {
            System.clearProperty("refguard.replay");
            System.clearProperty("refguard.replay.test");
        }
    }

    @Test
    void aScenarioOverThePlainCacheIsExploredThroughTheAgent() {
        TestExecutionResult result =
                outcome(
                        DiscoverySelectors.selectMethod(
                                CacheExplorations.class,
                                "racyCacheScenario",
                                "io.refguard.junit.Exploration"));
        assertEquals(TestExecutionResult.Status.FAILED, result.getStatus());
        Throwable failure = result.getThrowable().orElseThrow();
        String message = String.valueOf(failure.getMessage());
        if (!AGENT) {
            // no points at all without the agent: nothing was interleaved
            assertEquals(
                    "io.refguard.explore.InterleavingInconclusive",
                    failure.getClass().getName(),
                    trace(failure));
            return;
        }
        assertEquals(
                "io.refguard.explore.InterleavingFailure",
                failure.getClass().getName(),
                trace(failure));
        assertTrue(message.contains("expected: <1> but was: <2>"), message);
        assertTrue(message.contains("RacyCache.java:"), "the cache's lines: " + message);
    }

    @Test
    void theFixedCachePasses() {
        TestExecutionResult result = outcome("fixedCacheLoadsOnce");
        if (!AGENT) {
            assertEquals(TestExecutionResult.Status.FAILED, result.getStatus());
            assertAgentMissing(result.getThrowable().orElseThrow());
            return;
        }
        assertEquals(
                TestExecutionResult.Status.SUCCESSFUL,
                result.getStatus(),
                () -> trace(result.getThrowable().orElse(null)));
    }

    private static void assertAgentMissing(Throwable failure) {
        String message = failure.getMessage();
        assertEquals(
                "io.refguard.explore.InterleavingInconclusive",
                failure.getClass().getName(),
                trace(failure));
        assertTrue(message.startsWith("refguard: inconclusive: "), trace(failure));
        assertTrue(
                message.contains("the agent is missing")
                        && message.contains("refguard-maven-plugin")
                        && message.contains("@{argLine}"),
                trace(failure));
    }

    private static TestExecutionResult outcome(String method) {
        return outcome(DiscoverySelectors.selectMethod(CacheExplorations.class, method));
    }

    private static TestExecutionResult outcome(
            org.junit.platform.engine.discovery.MethodSelector method) {
        List<Event> finished =
                EngineTestKit.engine("junit-jupiter")
                        .selectors(method)
                        .execute()
                        .testEvents()
                        .finished()
                        .list();
        assertEquals(1, finished.size(), finished.toString());
        return finished.get(0).getPayload(TestExecutionResult.class).orElseThrow();
    }

    private static String trace(Throwable t) {
        if (t == null) {
            return "no exception";
        }
        StringWriter out = new StringWriter();
        t.printStackTrace(new PrintWriter(out));
        return out.toString();
    }
}
