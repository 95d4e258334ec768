package io.refguard.bench.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.refguard.hook.LibraryCode;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@link LibraryCode} counts the packages each module declares (its {@value
 * LibraryCode#DECLARATIONS} resource) as refguard's machinery, so that reports skip refguard's own
 * frames and nothing else. Every package of the main code of each library module must be declared,
 * except the explorer's models, which are scenarios (user code). The command's own declaration is
 * checked in refguard-cli.
 */
class LibraryPackagesTest {

    private static final Set<String> USER_CODE = Set.of("io.refguard.explore.models");

    @Test
    void everyMainPackageOfRefguardIsListedAsMachinery() throws Exception {
        Set<String> packages = new TreeSet<>();
        for (String marker : PublicApiTest.MODULES.values()) {
            Class<?> fromModule = Class.forName(marker, false, getClass().getClassLoader());
            packages.addAll(
                    packagesOf(
                            Path.of(
                                    fromModule
                                            .getProtectionDomain()
                                            .getCodeSource()
                                            .getLocation()
                                            .toURI())));
        }
        assertTrue(packages.size() >= 10, "found the modules' classes: " + packages);
        for (String p : packages) {
            if (p.startsWith("io.refguard.agent.shaded")) {
                continue; // the relocated ASM inside the agent jar, never on a user's stack
            }
            boolean listed = LibraryCode.contains(p + ".AnyClass");
            assertEquals(
                    !USER_CODE.contains(p),
                    listed,
                    () ->
                            p
                                    + (listed
                                            ? " is user code but LibraryCode lists it"
                                            : " is not declared in its module's "
                                                    + LibraryCode.DECLARATIONS
                                                    + ": add it"));
        }
    }

    private static Set<String> packagesOf(Path location) throws IOException, URISyntaxException {
        Set<String> packages = new TreeSet<>();
        if (Files.isDirectory(location)) {
            try (Stream<Path> files = Files.walk(location)) {
                files.filter(f -> f.toString().endsWith(".class"))
                        .map(f -> location.relativize(f.getParent()).toString().replace('/', '.'))
                        .filter(p -> p.startsWith("io.refguard"))
                        .forEach(packages::add);
            }
        } else {
            try (JarFile jar = new JarFile(location.toFile())) {
                jar.stream()
                        .map(e -> e.getName())
                        .filter(
                                n ->
                                        n.endsWith(".class")
                                                && n.startsWith("io/refguard/")
                                                && n.contains("/"))
                        .map(n -> n.substring(0, n.lastIndexOf('/')).replace('/', '.'))
                        .forEach(packages::add);
            }
        }
        return packages;
    }
}
