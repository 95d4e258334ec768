package io.refguard.agent.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import example.multi.app.CrossPackage;
import example.multi.app.MockedLedger;
import example.multi.app.PooledConnections;
import example.multi.app.TwoPools;
import io.refguard.agent.AgentOptions;
import io.refguard.explore.ExploreOptions;
import io.refguard.explore.ExploreResult;
import io.refguard.explore.InterleavingFailure;
import io.refguard.explore.report.FailureKind;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Programs spread over several packages, with their locks in a library package or a library jar,
 * explored with the default options: every class of the program's class path is instrumented and
 * defined by the program's loader, so a library's monitors are scheduling points, the library and
 * the program link against each other's types, and Mockito mocks a package-private class.
 */
class ProgramClassPathTest {

    private static final Path TEST_CLASSES = Path.of("target/test-classes");

    private static ExploreOptions quick() {
        return ExploreOptions.exhaustive().runTimeout(Duration.ofSeconds(10));
    }

    @Test
    void aDeadlockInsideALibraryPackageIsFoundWithTheDefaultOptions() {
        InterleavingFailure f =
                assertThrows(
                        InterleavingFailure.class,
                        () -> AgentExplorer.mainClass(TwoPools.class.getName()).explore(quick()));
        assertEquals(FailureKind.DEADLOCK, f.report().failure().kind(), f::getMessage);
        assertTrue(
                f.getMessage().contains("SlotPool.java:"),
                "the library's lines: " + f.getMessage());

        ExploreResult fixed =
                AgentExplorer.mainClass(TwoPools.Fixed.class.getName()).explore(quick());
        assertEquals(ExploreResult.Stop.EXHAUSTED, fixed.stop(), fixed::toString);
    }

    @Test
    void aLibraryJarIsDefinedTogetherWithTheProgramEvenWithANarrowInclude(@TempDir Path dir)
            throws IOException {
        Path app = dir.resolve("app");
        copyPackage("example/multi/app", app);
        Path lib = dir.resolve("lib.jar");
        jarPackage("example/multi/lib", lib);
        // only the program is instrumented, but the library is still defined by the same loader
        AgentExplorer explorer =
                AgentExplorer.mainClass(CrossPackage.class.getName())
                        .classPath(List.of(app, lib))
                        .agentOptions(AgentOptions.defaults().withInclude("example.multi.app.*"));
        ExploreResult r = explorer.explore(quick());
        assertEquals(ExploreResult.Stop.EXHAUSTED, r.stop(), r::toString);

        // with the default options the library's monitors are scheduling points too
        AgentExplorer all =
                AgentExplorer.mainClass(CrossPackage.class.getName()).classPath(List.of(app, lib));
        ExploreResult wide = all.explore(quick());
        assertTrue(
                all.instrumentedClasses() > explorer.instrumentedClasses(), "library instrumented");
        assertTrue(
                wide.runs() > r.runs(),
                "more interleavings with the library's locks: " + wide + " vs " + r);

        InterleavingFailure f =
                assertThrows(
                        InterleavingFailure.class,
                        () ->
                                AgentExplorer.mainClass(TwoPools.class.getName())
                                        .classPath(List.of(app, lib))
                                        .explore(quick()));
        assertEquals(FailureKind.DEADLOCK, f.report().failure().kind(), f::getMessage);
    }

    @Test
    void commonsPoolBorrowAndReturnIsVerified() {
        // commons-pool2 times every borrow (Instant.now) and keeps the longest wait: on the
        // virtual clock, every run of a schedule reads the same times and takes the same steps
        AgentExplorer explorer = AgentExplorer.mainClass(PooledConnections.class.getName());
        ExploreResult r = explorer.explore(quick());
        assertEquals(ExploreResult.Stop.EXHAUSTED, r.stop(), r::toString);
        assertTrue(r.runs() > 2, r::toString);
        assertTrue(
                explorer.instrumentedClasses() > 5,
                "commons-pool2 instrumented: " + explorer.instrumentedClasses());
        assertEquals(0, explorer.instrumentationFailures(), "see standard error");
    }

    @Test
    void mockitoMocksAPackagePrivateClassOfTheProgram() {
        ExploreResult r =
                AgentExplorer.mainClass(MockedLedger.class.getName()).explore(quick().maxRuns(4));
        assertTrue(r.runs() >= 2, r::toString);
    }

    @Test
    void mockitoOnTheProgramClassPathMocksAPackagePrivateClass() {
        List<Path> classPath = new ArrayList<>(List.of(TEST_CLASSES));
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (entry.contains("mockito")
                    || entry.contains("byte-buddy")
                    || entry.contains("objenesis")) {
                classPath.add(Path.of(entry));
            }
        }
        assertTrue(classPath.size() >= 4, classPath::toString);
        // the first run defines Mockito and Byte Buddy in the program's loader and sets them up
        // (slow on a busy machine): a warm-up that later runs of the same schedule are not held to
        ExploreResult r =
                AgentExplorer.mainClass(MockedLedger.class.getName())
                        .classPath(classPath)
                        .explore(quick().runTimeout(Duration.ofSeconds(90)));
        assertEquals(ExploreResult.Stop.EXHAUSTED, r.stop(), r::toString);
        assertTrue(r.runs() >= 2, r::toString);
    }

    private static void copyPackage(String pkg, Path to) throws IOException {
        Path from = TEST_CLASSES.resolve(pkg);
        Files.createDirectories(to.resolve(pkg));
        try (Stream<Path> files = Files.list(from)) {
            for (Path f : files.toList()) {
                Files.copy(f, to.resolve(pkg).resolve(f.getFileName().toString()));
            }
        }
    }

    private static void jarPackage(String pkg, Path jar) throws IOException {
        try (OutputStream out = Files.newOutputStream(jar);
                JarOutputStream j = new JarOutputStream(out);
                Stream<Path> files = Files.list(TEST_CLASSES.resolve(pkg))) {
            for (Path f : files.toList()) {
                j.putNextEntry(new JarEntry(pkg + "/" + f.getFileName()));
                j.write(Files.readAllBytes(f));
                j.closeEntry();
            }
        }
    }
}
