package io.refguard.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import example.ExploreSamples;
import example.LeakSamples;
import io.refguard.explore.replay.ReplayToken;
import java.lang.reflect.Method;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

/** Reading the replay properties and matching the test filter. */
class ReplaySelectionTest {

    private static final String TOKEN = ReplayToken.of(7, new int[] {0, 0, 1}).encode();

    @AfterEach
    void clearProperties() {
        System.clearProperty(ReplaySelection.TOKEN_PROPERTY);
        System.clearProperty(ReplaySelection.TEST_PROPERTY);
        System.clearProperty(ReplaySelection.EXPLORER_TOKEN_PROPERTY);
    }

    private static ReplaySelection select(String filter) {
        System.setProperty(ReplaySelection.TOKEN_PROPERTY, " " + TOKEN + " ");
        if (filter == null) {
            System.clearProperty(ReplaySelection.TEST_PROPERTY);
        } else {
            System.setProperty(ReplaySelection.TEST_PROPERTY, filter);
        }
        return ReplaySelection.fromSystemProperties();
    }

    private static Method method(Class<?> c, String name) throws NoSuchMethodException {
        return c.getDeclaredMethod(name, Exploration.class);
    }

    @Test
    void noTokenNoReplay() {
        assertNull(ReplaySelection.fromSystemProperties());
        System.setProperty(ReplaySelection.TOKEN_PROPERTY, "  ");
        assertNull(ReplaySelection.fromSystemProperties());
    }

    @Test
    void theTokenIsReadTrimmed() {
        ReplaySelection s = select(null);
        assertEquals(TOKEN, s.token());
        assertFalse(s.filtered());
    }

    @Test
    void theExplorersPropertyServesWhenOursIsUnset() {
        System.setProperty(ReplaySelection.EXPLORER_TOKEN_PROPERTY, TOKEN);
        ReplaySelection s = ReplaySelection.fromSystemProperties();
        assertEquals(TOKEN, s.token());
        assertEquals(ReplaySelection.EXPLORER_TOKEN_PROPERTY, s.property());

        String other = ReplayToken.of(8, new int[] {1}).encode();
        System.setProperty(ReplaySelection.TOKEN_PROPERTY, other);
        s = ReplaySelection.fromSystemProperties();
        assertEquals(other, s.token());
        assertEquals(ReplaySelection.TOKEN_PROPERTY, s.property());
    }

    @Test
    void withoutAFilterEveryTestIsSelected() throws Exception {
        assertTrue(
                select(null)
                        .selects(
                                ExploreSamples.class,
                                method(ExploreSamples.class, "anotherScenario")));
        assertTrue(
                select(" ")
                        .selects(
                                ExploreSamples.class,
                                method(ExploreSamples.class, "anotherScenario")));
    }

    @Test
    void aFilterNamesAMethodAClassOrBoth() throws Exception {
        Method m = method(ExploreSamples.class, "anotherScenario");
        for (String yes :
                new String[] {
                    "anotherScenario",
                    "ExploreSamples",
                    "ExploreSamples#anotherScenario",
                    ExploreSamples.class.getName() + "#anotherScenario",
                    "#anotherScenario",
                    "ExploreSamples#"
                }) {
            ReplaySelection s = select(yes);
            assertTrue(s.filtered());
            assertTrue(s.selects(ExploreSamples.class, m), yes);
        }
        for (String no :
                new String[] {
                    "another",
                    "Samples#anotherScenario",
                    "ExploreSamples#badDuration",
                    "LeakSamples#anotherScenario",
                    "io.refguard.ExploreSamples#anotherScenario"
                }) {
            assertFalse(select(no).selects(ExploreSamples.class, m), no);
        }
    }

    @Test
    void nestedClassesMatchBySimpleBinaryOrDottedName() throws Exception {
        Method m = LeakSamples.Checked.class.getDeclaredMethod("closesEverything");
        for (String yes :
                new String[] {
                    "Checked#closesEverything",
                    LeakSamples.Checked.class.getName() + "#closesEverything",
                    "example.LeakSamples.Checked#closesEverything"
                }) {
            assertTrue(select(yes).selects(LeakSamples.Checked.class, m), yes);
        }
    }

    @Test
    void replayArgumentsNameTheTestByItsBinaryName() throws Exception {
        assertEquals(
                "-Drefguard.replay="
                        + TOKEN
                        + " -Drefguard.replay.test=example.ExploreSamples"
                        + "#anotherScenario",
                ReplaySelection.arguments(
                        TOKEN,
                        ExploreSamples.class,
                        method(ExploreSamples.class, "anotherScenario")));
    }

    @Test
    void anUnreadableTokenSaysWhichPropertyAndWhy() {
        System.setProperty(ReplaySelection.EXPLORER_TOKEN_PROPERTY, "not a token");
        ExtensionConfigurationException e =
                assertThrows(
                        ExtensionConfigurationException.class,
                        ReplaySelection::fromSystemProperties);
        assertTrue(
                e.getMessage()
                        .startsWith(
                                "system property refguard.explore.replay: 'not a token' is not a"
                                        + " refguard replay token"),
                e.getMessage());
        System.setProperty(ReplaySelection.TOKEN_PROPERTY, "rg1-@@@@");
        e =
                assertThrows(
                        ExtensionConfigurationException.class,
                        ReplaySelection::fromSystemProperties);
        assertTrue(
                e.getMessage()
                        .startsWith(
                                "system property refguard.replay: replay token 'rg1-@@@@' is damaged"),
                e.getMessage());
    }
}
