package io.refguard.agent.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import example.semantics.Entry;
import io.refguard.agent.AgentOptions;
import io.refguard.agent.RefguardAgent;
import io.refguard.explore.ExploreOptions;
import io.refguard.explore.ExploreResult;
import io.refguard.explore.InterleavingFailure;
import io.refguard.explore.InterleavingInconclusive;
import io.refguard.explore.report.FailureKind;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The entry point's contract: arguments, entry shapes, class path, and errors for bad input. */
class AgentExplorerTest {

    @Test
    void argumentsReachMain() {
        ExploreResult r =
                AgentExplorer.mainClass(Entry.WithArgs.class.getName())
                        .args("a", "b")
                        .explore(ExploreOptions.exhaustive());
        assertEquals(1, r.runs(), r::toString);
        InterleavingFailure f =
                assertThrows(
                        InterleavingFailure.class,
                        () ->
                                AgentExplorer.mainClass(Entry.WithArgs.class.getName())
                                        .args("a")
                                        .explore());
        assertTrue(
                f.table().contains("main threw java.lang.AssertionError: arguments a"), f.table());
    }

    @Test
    void aRunnableClassIsAnEntryPoint() {
        InterleavingFailure f =
                assertThrows(
                        InterleavingFailure.class,
                        () ->
                                AgentExplorer.mainClass(Entry.RunnableRace.class.getName())
                                        .explore(ExploreOptions.exhaustive()));
        assertTrue(f.table().contains("main threw java.lang.AssertionError: counted 2"), f.table());
    }

    @Test
    void classesAreFoundOnAGivenClassPath() {
        ExploreResult r =
                AgentExplorer.mainClass(Entry.WithArgs.class.getName())
                        .classPath(List.of(Path.of("target/test-classes")))
                        .args("a", "b")
                        .explore(ExploreOptions.exhaustive());
        assertTrue(r.exhausted(), r::toString);
    }

    @Test
    void anEntryWithoutTheAgentIsInconclusiveAndSaysHowToAttachIt() throws Exception {
        assertFalse(RefguardAgent.attached(), "these tests run without -javaagent");
        InterleavingInconclusive e =
                assertThrows(
                        InterleavingInconclusive.class,
                        () ->
                                AgentExplorer.entry(
                                                "plain threads",
                                                () ->
                                                        () -> {
                                                            int[] count = {0};
                                                            Thread t =
                                                                    new Thread(
                                                                            () ->
                                                                                    count[
                                                                                            0]++); // a real thread: refguard never sees it
                                                            t.start();
                                                            count[0]++;
                                                            try {
                                                                t.join();
                                                            } catch (InterruptedException ex) {
                                                                throw new IllegalStateException(ex);
                                                            }
                                                        })
                                        .explore(ExploreOptions.exhaustive()));
        assertEquals(FailureKind.NOT_INSTRUMENTED, e.kind());
        assertTrue(
                e.getMessage()
                        .startsWith(
                                "Program \"plain threads\" is inconclusive: nothing was"
                                        + " interleaved."),
                e.getMessage());
        assertTrue(
                e.getMessage().contains("agent is not attached")
                        && e.getMessage().contains("prepare-agent")
                        && e.getMessage().contains("@{argLine}"),
                e.getMessage());
    }

    @Test
    void aSequentialProgramLoadedInstrumentedPasses() {
        ExploreResult r =
                AgentExplorer.mainClass(Entry.WithArgs.class.getName())
                        .args("a", "b")
                        .explore(ExploreOptions.exhaustive());
        assertTrue(r.exhausted(), r::toString);
        assertEquals(0, r.choicePoints(), r::toString);
    }

    @Test
    void anUnknownClassIsExplained() {
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> AgentExplorer.mainClass("com.acme.NoSuchMain").explore());
        assertTrue(
                e.getMessage().startsWith("no class com.acme.NoSuchMain on the class path"),
                e.getMessage());
    }

    @Test
    void aClassWithoutEntryPointIsExplained() {
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> AgentExplorer.mainClass(Entry.NoEntry.class.getName()).explore());
        assertTrue(
                e.getMessage()
                        .contains("has no 'static void main(String[])' and is not a" + " Runnable"),
                e.getMessage());
    }

    @Test
    void optionsThatLeaveOutTheMainClassAreExplained() {
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () ->
                                AgentExplorer.mainClass(Entry.WithArgs.class.getName())
                                        .agentOptions(
                                                AgentOptions.defaults().withInclude("com.acme.*"))
                                        .explore());
        assertTrue(e.getMessage().contains("include its package"), e.getMessage());
    }

    @Test
    void badSettingsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> AgentExplorer.mainClass(" "));
        assertThrows(
                IllegalArgumentException.class,
                () -> AgentExplorer.mainClass("a.B").foreignWait(Duration.ZERO));
    }
}
