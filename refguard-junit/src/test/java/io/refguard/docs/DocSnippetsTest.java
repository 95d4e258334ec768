package io.refguard.docs;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Compiles every Java snippet of README.md and docs/*.md against refguard's modules (and runs those
 * with a {@code main}), so that the documentation's code keeps compiling as the API moves. How a
 * snippet becomes a compilation unit is described in {@link DocSnippets}: imports as written,
 * fragments wrapped in a class and method, placeholders from {@link DocFixtures}.
 */
class DocSnippetsTest {

    private static final Path ROOT = Path.of("..");
    private static final Path OUT = Path.of("target", "doc-snippets");

    @TestFactory
    Stream<DynamicTest> everySnippetCompiles() throws IOException {
        List<Path> documents = new ArrayList<>();
        documents.add(ROOT.resolve("README.md"));
        try (Stream<Path> docs = Files.list(ROOT.resolve("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(documents::add);
        }
        List<DocSnippets.Snippet> snippets = new ArrayList<>();
        for (Path d : documents) {
            String name = ROOT.relativize(d).toString().replace(File.separatorChar, '/');
            snippets.addAll(DocSnippets.extract(name, Files.readString(d, StandardCharsets.UTF_8)));
        }
        assertFalse(snippets.size() < 10, "the documents have Java snippets: " + snippets);
        // snippets of one document in one package form one group; every other snippet is its own
        Map<String, List<DocSnippets.Snippet>> groups = new LinkedHashMap<>();
        for (DocSnippets.Snippet s : snippets) {
            String pkg = DocSnippets.packageOf(s.text());
            groups.computeIfAbsent(
                            pkg == null ? s.toString() : s.document() + ":" + pkg,
                            k -> new ArrayList<>())
                    .add(s);
        }
        return groups.values().stream()
                .map(
                        g ->
                                DynamicTest.dynamicTest(
                                        g.stream()
                                                .map(Object::toString)
                                                .collect(Collectors.joining(", ")),
                                        () -> compileAndRun(g)));
    }

    private static void compileAndRun(List<DocSnippets.Snippet> group) throws Exception {
        DocSnippets.Snippet s = group.get(0);
        Path dir = OUT.resolve(s.document().replaceAll("[^A-Za-z0-9]", "_") + "_" + s.line());
        Path classes = dir.resolve("classes");
        Files.createDirectories(classes);
        List<File> sources = new ArrayList<>();
        for (DocSnippets.Snippet each : group) {
            String[] unit = DocSnippets.unit(each);
            Path src = dir.resolve("src").resolve(each.line() + "").resolve(unit[1] + ".java");
            Files.createDirectories(src.getParent());
            Files.writeString(src, unit[0], StandardCharsets.UTF_8);
            sources.add(src.toFile());
        }
        Path src = dir.resolve("src");

        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        StringWriter log = new StringWriter();
        boolean ok;
        try (StandardJavaFileManager files =
                javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
            ok =
                    javac.getTask(
                                    log,
                                    files,
                                    diagnostics,
                                    List.of(
                                            "--release",
                                            "17",
                                            "-proc:none",
                                            "-classpath",
                                            classPath(),
                                            "-d",
                                            classes.toString()),
                                    null,
                                    files.getJavaFileObjectsFromFiles(sources))
                            .call();
        }
        if (!ok) {
            String errors =
                    diagnostics.getDiagnostics().stream()
                            .filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
                            .map(
                                    d ->
                                            "  "
                                                    + (d.getSource() == null
                                                            ? ""
                                                            : d.getSource().getName())
                                                    + ":"
                                                    + d.getLineNumber()
                                                    + ": "
                                                    + d.getMessage(Locale.ROOT))
                            .collect(Collectors.joining("\n"));
            fail(
                    "the snippet at "
                            + group
                            + " does not compile (wrapped under "
                            + src
                            + "):\n"
                            + errors
                            + "\n"
                            + log);
        }
        try (URLClassLoader loader =
                new URLClassLoader(
                        new URL[] {classes.toUri().toURL()},
                        DocSnippetsTest.class.getClassLoader())) {
            try (Stream<Path> compiled = Files.walk(classes)) {
                for (Path c :
                        compiled.filter(p -> p.toString().endsWith(".class"))
                                .collect(Collectors.toList())) {
                    String name =
                            classes.relativize(c)
                                    .toString()
                                    .replace(File.separatorChar, '.')
                                    .replaceAll("\\.class$", "");
                    Class<?> k = Class.forName(name, false, loader);
                    Method main;
                    try {
                        main = k.getMethod("main", String[].class);
                    } catch (NoSuchMethodException e) {
                        continue;
                    }
                    if (Modifier.isStatic(main.getModifiers())) {
                        main.invoke(null, (Object) new String[0]);
                    }
                }
            }
        }
    }

    /**
     * Surefire passes the test class path in a property (its own class path is one manifest jar).
     */
    private static String classPath() {
        String cp = System.getProperty("surefire.test.class.path");
        return cp != null && !cp.isBlank() ? cp : System.getProperty("java.class.path");
    }
}
