package io.refguard.jfr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.refguard.CheckMode;
import io.refguard.DoubleReleaseException;
import io.refguard.LeakException;
import io.refguard.LeakScope;
import io.refguard.Ref;
import io.refguard.RefCounted;
import io.refguard.RefGuard;
import io.refguard.UseAfterReleaseException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import jdk.jfr.Configuration;
import jdk.jfr.FlightRecorder;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The checker's JFR events, recorded in this JVM and read back from the recording file. */
class JfrEventsTest {

    static final class Buffer extends RefCounted<Buffer> {
        @Override
        protected void deallocate() {}
    }

    @AfterEach
    void reset() {
        RefGuard.resetToDefaults();
    }

    @Test
    void bugsAreRecordedWithTheirSitesUnderTheDefaultSettings(@TempDir Path dir) throws Exception {
        List<RecordedEvent> events;
        try (Recording r = new Recording()) {
            r.enable("io.refguard.Leak");
            r.enable("io.refguard.DoubleRelease");
            r.enable("io.refguard.UseAfterRelease");
            r.enable("io.refguard.Acquire"); // not in the test's settings below: see the next test
            r.start();
            RefGuard.setMode(CheckMode.TRACKED);
            Buffer b = new Buffer();
            Ref<Buffer> ref = b.acquire();
            ref.close();
            assertThrows(DoubleReleaseException.class, () -> ref.close());
            assertThrows(UseAfterReleaseException.class, () -> ref.get());
            LeakScope scope = LeakScope.open(CheckMode.TRACKED);
            Buffer leaked = new Buffer();
            assertThrows(LeakException.class, scope::close);
            leaked.toString();
            events = read(r, dir);
        }
        RecordedEvent dr = only(events, "io.refguard.DoubleRelease");
        assertEquals("DOUBLE_RELEASE", dr.getString("kind"));
        assertTrue(dr.getString("at").startsWith("JfrEventsTest.lambda$"), dr.getString("at"));
        assertTrue(dr.getString("at").contains("(JfrEventsTest.java:"), dr.getString("at"));
        assertTrue(dr.getString("releasedAt").contains("JfrEventsTest.java:"), dr.toString());
        assertTrue(dr.getBoolean("tracked"));
        assertNotNull(dr.getStackTrace(), "reports carry the stack where they were found");
        assertTrue(
                dr.getString("report").startsWith("refguard: double release of Buffer@"),
                dr.getString("report"));

        RecordedEvent uar = only(events, "io.refguard.UseAfterRelease");
        assertEquals("USE_AFTER_RELEASE", uar.getString("kind"));
        // the GC backstop may report, during this recording, objects that earlier tests left
        // unreleased: only this test's leak counts
        RecordedEvent leak =
                only(
                        events.stream()
                                .filter(
                                        e ->
                                                !e.getEventType()
                                                                .getName()
                                                                .equals("io.refguard.Leak")
                                                        || e.getString("acquiredAt")
                                                                .contains("bugsAreRecorded"))
                                .collect(Collectors.toList()),
                        "io.refguard.Leak");
        assertTrue(leak.getString("acquiredAt").contains("JfrEventsTest.java:"), leak.toString());
        assertTrue(
                events.stream()
                        .anyMatch(e -> e.getEventType().getName().equals("io.refguard.Acquire")),
                "enabled by the recording, tracked acquires are recorded");
    }

    @Test
    void acquireAndReleaseAreOffUnlessEnabledAndTheJfcFileEnablesThem(@TempDir Path dir)
            throws Exception {
        RefGuard.setMode(CheckMode.TRACKED);
        try (Recording plain = new Recording()) {
            plain.enable("io.refguard.Leak");
            plain.start();
            new Buffer().acquire().close();
            assertTrue(
                    read(plain, dir).stream()
                            .noneMatch(e -> e.getEventType().getName().startsWith("io.refguard.")));
        }
        Configuration settings;
        try (Reader jfc =
                new InputStreamReader(
                        JfrEventsTest.class.getResourceAsStream("/refguard.jfc"),
                        StandardCharsets.UTF_8)) {
            settings = Configuration.create(jfc);
        }
        assertEquals("refguard", settings.getLabel());
        List<RecordedEvent> events;
        try (Recording r = new Recording(settings)) {
            r.start();
            Buffer b = new Buffer();
            b.acquire().close();
            b.close();
            events = read(r, dir);
        }
        // the GC backstop may report, during this recording, what earlier tests leaked
        List<RecordedEvent> lifetime =
                events.stream()
                        .filter(
                                e ->
                                        e.getEventType()
                                                .getName()
                                                .matches("io\\.refguard\\.(Acquire|Release)"))
                        .collect(Collectors.toList());
        List<String> ops =
                lifetime.stream()
                        .map(
                                e ->
                                        e.getEventType().getName().substring(12)
                                                + ":"
                                                + e.getString("operation"))
                        .collect(Collectors.toList());
        assertEquals(
                List.of("Acquire:create", "Acquire:acquire", "Release:release", "Release:release"),
                ops);
        assertTrue(
                lifetime.get(0).getString("object").startsWith("Buffer@"),
                lifetime.get(0).toString());
        assertTrue(
                lifetime.get(1).getString("site").contains("JfrEventsTest.java:"),
                lifetime.get(1).toString());
    }

    @Test
    void eventTypesAreRegisteredUnderTheirNames() {
        new Buffer(); // loads the checker
        RefGuard.setMode(CheckMode.TRACKED);
        try (Recording r = new Recording()) {
            r.enable("io.refguard.Acquire");
            r.start();
            new Buffer().close();
        }
        List<String> names =
                FlightRecorder.getFlightRecorder().getEventTypes().stream()
                        .map(t -> t.getName())
                        .filter(n -> n.startsWith("io.refguard."))
                        .sorted()
                        .collect(Collectors.toList());
        assertTrue(
                names.containsAll(List.of("io.refguard.Acquire", "io.refguard.Release")),
                names.toString());
    }

    private static List<RecordedEvent> read(Recording r, Path dir) throws Exception {
        r.stop();
        Path file = dir.resolve("r" + r.getId() + ".jfr");
        r.dump(file);
        return RecordingFile.readAllEvents(file).stream()
                .filter(e -> e.getEventType().getName().startsWith("io.refguard."))
                .sorted((a, b) -> a.getStartTime().compareTo(b.getStartTime()))
                .collect(Collectors.toList());
    }

    private static RecordedEvent only(List<RecordedEvent> events, String name) {
        List<RecordedEvent> found =
                events.stream()
                        .filter(e -> e.getEventType().getName().equals(name))
                        .collect(Collectors.toList());
        assertEquals(1, found.size(), () -> name + " in " + events);
        return found.get(0);
    }
}
