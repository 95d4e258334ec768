package io.refguard.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import example.Lines;
import example.PresenceSamples;
import io.refguard.LeakException;
import io.refguard.Report;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/**
 * {@code @RefGuardLeakCheck(mode = PRESENCE)}: a count without sites, then a TRACKED re-run that
 * names them.
 */
class PresenceLeakCheckTest {

    @Test
    void aPresenceLeakFailsWithTheCountAndTheTrackedRerunNamesTheSite() {
        PresenceSamples.reset();
        EngineExecutionResults r = Kit.run(selectClass(PresenceSamples.class));
        Kit.assertPassed(r, "leaksNothing");

        Throwable failure = Kit.failure(r, "leaksAReference");
        LeakException count =
                assertInstanceOf(LeakException.class, failure, () -> Kit.stackTrace(failure));
        Report presence = count.reports().get(0);
        assertFalse(presence.tracked(), count.getMessage());
        assertTrue(presence.object().startsWith("1 object "), count.getMessage());
        assertTrue(count.getMessage().contains("TRACKED"), count.getMessage());

        assertEquals(1, failure.getSuppressed().length, () -> Kit.stackTrace(failure));
        LeakException named =
                assertInstanceOf(
                        LeakException.class,
                        failure.getSuppressed()[0],
                        () -> Kit.stackTrace(failure));
        assertEquals(1, named.reports().size(), named.getMessage());
        assertEquals(
                Lines.of("presenceLeak"),
                named.reports().get(0).site(Report.Role.ACQUIRED).lineNumber(),
                named.getMessage());
        assertTrue(named.getMessage().contains("re-run in TRACKED mode"), named.getMessage());
    }

    @Test
    void aLeakTheRerunDoesNotRepeatIsSaidSo() {
        PresenceSamples.reset();
        EngineExecutionResults r = Kit.run(selectClass(PresenceSamples.class));
        Throwable failure = Kit.failure(r, "leaksOnlyTheFirstTime");
        assertInstanceOf(LeakException.class, failure, () -> Kit.stackTrace(failure));
        Throwable note = failure.getSuppressed()[0];
        assertInstanceOf(IllegalStateException.class, note, () -> Kit.stackTrace(failure));
        assertTrue(note.getMessage().contains("leaked nothing"), note.getMessage());
    }
}
