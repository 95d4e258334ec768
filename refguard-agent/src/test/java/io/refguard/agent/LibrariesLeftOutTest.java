package io.refguard.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A library that keeps state threads share and that the default exclusions leave uninstrumented
 * (Mockito's stubs) is noted when a program's loader defines its classes, so that a search which
 * passes can say its state was not interleaved; a library left out that keeps none is not.
 */
class LibrariesLeftOutTest {

    @Test
    void aMockingLibraryTheProgramLoadsUninstrumentedIsNoted() throws Exception {
        List<Path> classPath = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (entry.contains("mockito") || entry.contains("byte-buddy")) {
                classPath.add(Path.of(entry));
            }
        }
        assertTrue(classPath.size() >= 2, classPath::toString);
        AgentOptions options = AgentOptions.forProgram("example.Main");
        try (InstrumentingClassLoader loader =
                new InstrumentingClassLoader(
                        LibrariesLeftOutTest.class.getClassLoader(), options, classPath)) {
            Class.forName("net.bytebuddy.ByteBuddy", false, loader);
            assertEquals(List.of(), options.librariesLeftOut(), "a code generator is not noted");
            Class.forName("org.mockito.Mockito", false, loader);
        }
        List<String> left = options.librariesLeftOut();
        assertEquals(1, left.size(), left::toString);
        assertTrue(left.get(0).startsWith("org.mockito (a mocking library"), left::toString);
    }

    @Test
    void aLibraryANarrowedIncludeLeavesOutIsNotedByItsPackage() throws Exception {
        List<Path> classPath = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (entry.contains("commons-pool2")) {
                classPath.add(Path.of(entry));
            }
        }
        assertEquals(1, classPath.size(), classPath::toString);
        AgentOptions options = AgentOptions.forProgram("example.Main").withInclude("example.*");
        try (InstrumentingClassLoader loader =
                new InstrumentingClassLoader(
                        LibrariesLeftOutTest.class.getClassLoader(), options, classPath)) {
            Class.forName("org.apache.commons.pool2.impl.GenericObjectPool", false, loader);
        }
        assertEquals(List.of("org.apache (not matched by --include)"), options.librariesLeftOut());
        // with the default include it is instrumented, and nothing is noted
        AgentOptions all = AgentOptions.forProgram("example.Main");
        try (InstrumentingClassLoader loader =
                new InstrumentingClassLoader(
                        LibrariesLeftOutTest.class.getClassLoader(), all, classPath)) {
            Class.forName("org.apache.commons.pool2.impl.GenericObjectPool", false, loader);
        }
        assertEquals(List.of(), all.librariesLeftOut());
    }
}
