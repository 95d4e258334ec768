package io.refguard.agent.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import example.statics.FirstUseTogether;
import example.statics.HolderIdiom;
import example.statics.InitializerCycle;
import example.statics.NewOrder;
import example.statics.StaticsEachRun;
import example.statics.ThrowingInitializer;
import io.refguard.agent.AgentOptions;
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
        ExploreResult r =
                AgentExplorer.mainClass(StaticsEachRun.class.getName())
                        .explore(ExploreOptions.exhaustive());
        assertEquals(ExploreResult.Stop.EXHAUSTED, r.stop(), r::toString);
        assertTrue(r.runs() > 2, r::toString);
    }

    @Test
    void anExplorationAfterAnotherOfTheSameProgramStartsFresh() {
        // the second exploration gets the first one's loader, classes compiled already
        AgentExplorer first = AgentExplorer.mainClass(StaticsEachRun.class.getName());
        first.explore(ExploreOptions.exhaustive());
        AgentExplorer second = AgentExplorer.mainClass(StaticsEachRun.class.getName());
        ExploreResult r = second.explore(ExploreOptions.exhaustive());
        assertEquals(ExploreResult.Stop.EXHAUSTED, r.stop(), r::toString);
        assertEquals(first.instrumentedClasses(), second.instrumentedClasses());
    }

    @Test
    void reusedClassesKeepTheirStatics() {
        // the same program with statics carried over fails in its second run: the check can fail
        InterleavingFailure f =
                assertThrows(
                        InterleavingFailure.class,
                        () ->
                                AgentExplorer.mainClass(StaticsEachRun.class.getName())
                                        .reuseClasses(true)
                                        .explore(ExploreOptions.exhaustive()));
        assertEquals(FailureKind.THREAD_THREW, f.report().failure().kind(), f::getMessage);
        // the first run starts fresh (even after earlier explorations), the second does not
        assertTrue(f.getMessage().contains("runs carried over"), f::getMessage);
        assertTrue(f.getMessage().contains("after 2 runs"), f::getMessage);
    }

    @Test
    void newInitializesItsClassBeforeTheArgumentsInEveryRun() {
        // before, runs after the first re-initialized the class in its constructor, after the
        // arguments; and a guard placed between a new and its label broke the method's frames
        ExploreResult r =
                AgentExplorer.mainClass(NewOrder.class.getName())
                        .explore(ExploreOptions.exhaustive());
        assertEquals(ExploreResult.Stop.EXHAUSTED, r.stop(), r::toString);
        assertTrue(r.runs() > 2, r::toString);
    }

    @Test
    void aThreadThatUsesAClassBeingInitializedWaitsForIt() {
        // the holder idiom: the second thread waits for the first one's initialization of Holder
        ExploreResult r =
                AgentExplorer.mainClass(HolderIdiom.Fixed.class.getName())
                        .explore(ExploreOptions.exhaustive());
        assertEquals(ExploreResult.Stop.EXHAUSTED, r.stop(), r::toString);
        InterleavingFailure racy =
                assertThrows(
                        InterleavingFailure.class,
                        () ->
                                AgentExplorer.mainClass(HolderIdiom.class.getName())
                                        .explore(ExploreOptions.exhaustive()));
        assertTrue(racy.getMessage().contains("2 caches created"), racy::getMessage);
    }

    @Test
    void aThreadInitializingAClassInTheJvmIsNotSwitchedAwayFrom() {
        // the first run initializes Levels in the JVM; a switch inside its loop used to leave the
        // other thread blocked in the JVM, reported after ten seconds as stuck
        String name = FirstUseTogether.class.getName();
        ExploreResult r =
                AgentExplorer.mainClass(name)
                        .agentOptions(AgentOptions.forProgram(name).withPlainFields(true))
                        .explore(ExploreOptions.exhaustive());
        assertEquals(ExploreResult.Stop.EXHAUSTED, r.stop(), r::toString);
    }

    @Test
    void initializersThatWaitForEachOtherDeadlockAsInTheJvm() {
        InterleavingFailure f =
                assertThrows(
                        InterleavingFailure.class,
                        () ->
                                AgentExplorer.mainClass(InitializerCycle.class.getName())
                                        .explore(ExploreOptions.exhaustive()));
        assertEquals(FailureKind.DEADLOCK, f.report().failure().kind(), f::getMessage);
        assertTrue(f.getMessage().contains("initialization of Right"), f::getMessage);
    }

    /**
     * As above with initializers that have no point of their own: the point before a nested
     * initialization ({@code ProgramStatics.beforeInit}) lets the other thread start it first.
     * Before, the first thread ran both initializers in one step and the cycle was verified.
     */
    @Test
    void initializersWithoutPointsDeadlockToo() {
        String name = InitializerCycle.Silent.class.getName();
        InterleavingFailure f =
                assertThrows(
                        InterleavingFailure.class,
                        () -> AgentExplorer.mainClass(name).explore(ExploreOptions.exhaustive()));
        assertEquals(FailureKind.DEADLOCK, f.report().failure().kind(), f::getMessage);
        assertTrue(f.getMessage().contains("initialization of High"), f::getMessage);
        ExploreResult fixed =
                AgentExplorer.mainClass(name).args("fixed").explore(ExploreOptions.exhaustive());
        assertTrue(fixed.exhausted(), fixed::toString);
    }

    @Test
    void aThrowingStaticInitializerIsReportedAsTheProgramThrewIt() {
        // the report comes from a re-run of the failing schedule, which must fail the same way
        InterleavingFailure f =
                assertThrows(
                        InterleavingFailure.class,
                        () ->
                                AgentExplorer.mainClass(ThrowingInitializer.class.getName())
                                        .explore(ExploreOptions.exhaustive()));
        assertTrue(f.getMessage().contains("java.lang.ExceptionInInitializerError"), f::getMessage);
        assertEquals("no settings path", rootCause(f).getMessage(), f::getMessage);
    }

    private static Throwable rootCause(Throwable t) {
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }
}
