package io.refguard.bench.api;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.module.ModuleDescriptor;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.Test;

/**
 * Pins the public API of each published library module against a checked-in signature file under
 * {@code src/test/resources/api}: for a module with a {@code module-info}, its descriptor (what it
 * requires and exports) and every public type of an exported package; for a class-path-only module,
 * every public type of {@code io.refguard}; with each type's public and protected members, one line
 * each. A change to the API fails the build until the file is regenerated, so it is deliberate and
 * shows in review:
 *
 * <pre>
 * mvn -pl refguard-bench -am test -Dtest=PublicApiTest -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Drefguard.api.update=true
 * </pre>
 *
 * It lives here because this module sees every library module.
 */
class PublicApiTest {

    /** Module name to a class it holds, which locates its classes. */
    static final Map<String, String> MODULES = new LinkedHashMap<>();

    static {
        MODULES.put("refguard-core", "io.refguard.Ref");
        MODULES.put("refguard-explore", "io.refguard.explore.Explorer");
        MODULES.put("refguard-agent", "io.refguard.agent.explore.AgentExplorer");
        MODULES.put("refguard-runner", "io.refguard.run.Explored");
        MODULES.put("refguard-junit", "io.refguard.junit.ExploreTest");
        MODULES.put("refguard-netty", "io.refguard.netty.RefGuardNetty");
    }

    private static final Path SIGNATURES = Path.of("src", "test", "resources", "api");

    @Test
    void thePublicApiIsTheCheckedInOne() throws Exception {
        boolean update = Boolean.getBoolean("refguard.api.update");
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, String> m : MODULES.entrySet()) {
            List<String> now = signature(Class.forName(m.getValue(), false, loader()));
            Path file = SIGNATURES.resolve(m.getKey() + ".txt");
            if (update) {
                Files.createDirectories(SIGNATURES);
                Files.write(file, now, StandardCharsets.UTF_8);
                continue;
            }
            if (!Files.exists(file)) {
                problems.add(m.getKey() + ": no signature file " + file);
                continue;
            }
            List<String> pinned = Files.readAllLines(file, StandardCharsets.UTF_8);
            TreeSet<String> added = new TreeSet<>(now);
            added.removeAll(pinned);
            TreeSet<String> removed = new TreeSet<>(pinned);
            removed.removeAll(now);
            if (!added.isEmpty() || !removed.isEmpty()) {
                problems.add(
                        m.getKey()
                                + ":\n"
                                + added.stream()
                                        .map(s -> "  + " + s)
                                        .collect(Collectors.joining("\n"))
                                + (added.isEmpty() || removed.isEmpty() ? "" : "\n")
                                + removed.stream()
                                        .map(s -> "  - " + s)
                                        .collect(Collectors.joining("\n")));
            }
        }
        if (!problems.isEmpty()) {
            fail(
                    "the public API changed; if that is deliberate, regenerate the signature files"
                            + " with -Drefguard.api.update=true (see PublicApiTest):\n"
                            + String.join("\n", problems));
        }
    }

    private static ClassLoader loader() {
        return PublicApiTest.class.getClassLoader();
    }

    /** One sorted line per public type and per public or protected member of the module. */
    static List<String> signature(Class<?> marker) throws IOException, URISyntaxException {
        Path where = Path.of(marker.getProtectionDomain().getCodeSource().getLocation().toURI());
        TreeSet<String> lines = new TreeSet<>();
        ModuleDescriptor module = descriptor(where);
        Set<String> exportedPackages = null;
        if (module != null) {
            exportedPackages = new TreeSet<>();
            for (ModuleDescriptor.Exports e : module.exports()) {
                lines.add(
                        "module "
                                + module.name()
                                + " exports "
                                + e.source()
                                + (e.isQualified() ? " to " + new TreeSet<>(e.targets()) : ""));
                if (!e.isQualified()) {
                    exportedPackages.add(e.source());
                }
            }
            for (ModuleDescriptor.Requires r : module.requires()) {
                if (!r.name().equals("java.base")) {
                    lines.add(
                            "module "
                                    + module.name()
                                    + " requires "
                                    + r.modifiers().stream()
                                            .map(m -> m.toString().toLowerCase(Locale.ROOT) + " ")
                                            .sorted()
                                            .collect(Collectors.joining())
                                    + r.name()); // without the version it was compiled against
                }
            }
        }
        for (String name : classNames(where)) {
            Class<?> c;
            try {
                c = Class.forName(name, false, loader());
            } catch (ClassNotFoundException | LinkageError e) {
                continue; // a class of an optional dependency that is absent here
            }
            if (!exported(c)
                    || exportedPackages != null && !exportedPackages.contains(c.getPackageName())) {
                continue; // not reachable: a non-public type, or a package the module keeps
            }
            String type = c.getName();
            lines.add(type + " " + kind(c) + supertypes(c));
            for (Constructor<?> k : c.getDeclaredConstructors()) {
                if (visible(k.getModifiers())) {
                    lines.add(
                            type
                                    + " "
                                    + modifiers(k.getModifiers())
                                    + "<init>"
                                    + params(k.getParameterTypes()));
                }
            }
            for (Method m : c.getDeclaredMethods()) {
                if (visible(m.getModifiers()) && !m.isSynthetic() && !m.isBridge()) {
                    lines.add(
                            type
                                    + " "
                                    + modifiers(m.getModifiers())
                                    + m.getGenericReturnType().getTypeName()
                                    + " "
                                    + m.getName()
                                    + params(m.getParameterTypes()));
                }
            }
            for (Field f : c.getDeclaredFields()) {
                if (visible(f.getModifiers()) && !f.isSynthetic()) {
                    lines.add(
                            type
                                    + " "
                                    + modifiers(f.getModifiers())
                                    + f.getGenericType().getTypeName()
                                    + " "
                                    + f.getName());
                }
            }
        }
        return new ArrayList<>(lines);
    }

    /** The module descriptor of the classes at {@code where}, or null for a class-path library. */
    private static ModuleDescriptor descriptor(Path where) throws IOException {
        if (Files.isDirectory(where)) {
            Path info = where.resolve("module-info.class");
            if (!Files.exists(info)) {
                return null;
            }
            try (InputStream in = Files.newInputStream(info)) {
                return ModuleDescriptor.read(in);
            }
        }
        try (JarFile jar = new JarFile(where.toFile())) {
            ZipEntry info = jar.getEntry("module-info.class");
            if (info == null) {
                return null;
            }
            try (InputStream in = jar.getInputStream(info)) {
                return ModuleDescriptor.read(in);
            }
        }
    }

    private static List<String> classNames(Path where) throws IOException {
        List<String> names = new ArrayList<>();
        if (Files.isDirectory(where)) {
            try (Stream<Path> files = Files.walk(where)) {
                files.map(p -> where.relativize(p).toString().replace('\\', '/'))
                        .filter(PublicApiTest::ownClassFile)
                        .forEach(p -> names.add(toName(p)));
            }
        } else {
            try (JarFile jar = new JarFile(where.toFile())) {
                jar.stream()
                        .map(e -> e.getName())
                        .filter(PublicApiTest::ownClassFile)
                        .forEach(p -> names.add(toName(p)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return names;
    }

    private static boolean ownClassFile(String path) {
        return path.startsWith("io/refguard/")
                && !path.startsWith("io/refguard/agent/shaded/") // ASM, relocated into the agent
                && path.endsWith(".class")
                && !path.endsWith("package-info.class")
                && !path.endsWith("module-info.class");
    }

    private static String toName(String path) {
        return path.substring(0, path.length() - ".class".length()).replace('/', '.');
    }

    /** Public, and every enclosing type public too: reachable by users. */
    private static boolean exported(Class<?> c) {
        if (c.isAnonymousClass() || c.isLocalClass() || c.isSynthetic()) {
            return false;
        }
        for (Class<?> k = c; k != null; k = k.getEnclosingClass()) {
            if (!Modifier.isPublic(k.getModifiers())) {
                return false;
            }
        }
        return true;
    }

    private static boolean visible(int modifiers) {
        return Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers);
    }

    private static String kind(Class<?> c) {
        if (c.isAnnotation()) {
            return "@interface";
        }
        if (c.isInterface()) {
            return "interface";
        }
        if (c.isEnum()) {
            return "enum";
        }
        if (c.isRecord()) {
            return "record";
        }
        return (Modifier.isAbstract(c.getModifiers()) ? "abstract " : "")
                + (Modifier.isFinal(c.getModifiers()) ? "final " : "")
                + "class";
    }

    private static String supertypes(Class<?> c) {
        List<String> s = new ArrayList<>();
        Class<?> sup = c.getSuperclass();
        if (sup != null && sup != Object.class && !c.isEnum() && !c.isRecord()) {
            s.add(sup.getName());
        }
        Arrays.stream(c.getInterfaces()).map(Class::getName).sorted().forEach(s::add);
        return s.isEmpty() ? "" : " : " + String.join(", ", s);
    }

    private static String modifiers(int m) {
        return (Modifier.isProtected(m) ? "protected " : "")
                + (Modifier.isStatic(m) ? "static " : "")
                + (Modifier.isAbstract(m) ? "abstract " : "")
                + (Modifier.isFinal(m) ? "final " : "");
    }

    private static String params(Class<?>[] types) {
        return Arrays.stream(types)
                .map(Class::getTypeName)
                .collect(Collectors.joining(", ", "(", ")"));
    }
}
