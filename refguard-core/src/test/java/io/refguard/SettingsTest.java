package io.refguard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Reading settings from system properties and environment variables. */
class SettingsTest {

    private static Settings load(Map<String, String> props, Map<String, String> env) {
        return Settings.load(props::get, env::get);
    }

    @Test
    void nothingSetGivesTheDefaults() {
        Settings s = load(Map.of(), Map.of());
        assertEquals(CheckMode.SAMPLED, s.mode);
        assertEquals(128, s.sampleInterval);
        assertEquals(false, s.records);
        assertEquals(4, s.recordsLast);
    }

    @Test
    void variablesApplyAndPropertiesWin() {
        Settings s =
                load(
                        Map.of("refguard.mode", "tracked"),
                        Map.of(
                                "REFGUARD_MODE",
                                "OFF",
                                "REFGUARD_SAMPLE_INTERVAL",
                                "7",
                                "REFGUARD_RECORDS",
                                "TRUE",
                                "REFGUARD_RECORDS_LAST",
                                "9"));
        assertEquals(CheckMode.TRACKED, s.mode);
        assertEquals(7, s.sampleInterval);
        assertEquals(true, s.records);
        assertEquals(9, s.recordsLast);
    }

    @Test
    void variableNamesFollowThePropertyNames() {
        assertEquals("REFGUARD_MODE", Settings.variableFor("refguard.mode"));
        assertEquals("REFGUARD_SAMPLE_INTERVAL", Settings.variableFor("refguard.sampleInterval"));
        assertEquals("REFGUARD_RECORDS_LAST", Settings.variableFor("refguard.records.last"));
    }

    @Test
    void badValuesNameTheSourceAndTheAcceptedValues() {
        IllegalArgumentException mode =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> load(Map.of("refguard.mode", "paranoid"), Map.of()));
        assertTrue(mode.getMessage().contains("system property refguard.mode"), mode.getMessage());
        assertTrue(mode.getMessage().contains("'paranoid'"), mode.getMessage());
        assertTrue(
                mode.getMessage().contains("OFF, SAMPLED, PRESENCE or TRACKED"), mode.getMessage());

        IllegalArgumentException interval =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> load(Map.of(), Map.of("REFGUARD_SAMPLE_INTERVAL", "0")));
        assertTrue(
                interval.getMessage().contains("environment variable REFGUARD_SAMPLE_INTERVAL"),
                interval.getMessage());

        IllegalArgumentException records =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> load(Map.of("refguard.records", "yes"), Map.of()));
        assertTrue(records.getMessage().contains("true or false"), records.getMessage());

        IllegalArgumentException last =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> load(Map.of("refguard.records.last", "abc"), Map.of()));
        assertTrue(last.getMessage().contains("from 0 to 1024"), last.getMessage());
    }

    @Test
    void aBadValueAtStartupWarnsOnceAndFallsBackToTheDefaults() {
        List<String> warnings = new ArrayList<>();
        Map<String, String> props = Map.of("refguard.mode", "fast", "refguard.records", "true");
        Settings s = RefGuard.initial(props::get, Map.<String, String>of()::get, warnings::add);
        assertEquals(Settings.DEFAULTS.mode, s.mode);
        assertEquals(
                Settings.DEFAULTS.records,
                s.records,
                "every setting falls back, not only the bad one");
        assertEquals(1, warnings.size(), warnings.toString());
        assertTrue(
                warnings.get(0).contains("'fast'")
                        && warnings.get(0).contains("refguard.mode")
                        && warnings.get(0).contains("default settings"),
                warnings.get(0));
    }
}
