package io.refguard.junit;

import io.refguard.explore.InterleavingFailure;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where a failing exploration test's HTML report goes: {@code refguard/<Class>.<method>.html} under
 * the directory named by {@code -Drefguard.html.dir}, else under Surefire's report directory
 * ({@code ${basedir}/target/surefire-reports}, Maven's {@code basedir} being set in the forked test
 * JVM), else, in a Gradle project, {@code build/test-results/refguard}. {@code
 * -Drefguard.html=false} writes none.
 */
final class HtmlReports {

    /** Turns the pages off when {@code false}. */
    static final String ENABLED_PROPERTY = "refguard.html";

    /** The directory to write them to. */
    static final String DIR_PROPERTY = "refguard.html.dir";

    private HtmlReports() {}

    /**
     * Writes the page of {@code failure} for the test {@code method}; the failure's message then
     * ends with its path. A page that cannot be written is reported as a suppressed exception of
     * the failure, never instead of it.
     */
    static void write(InterleavingFailure failure, Class<?> testClass, Method method) {
        if ("false".equalsIgnoreCase(System.getProperty(ENABLED_PROPERTY, "true").strip())) {
            return;
        }
        Path file = directory().resolve(testClass.getName() + "." + method.getName() + ".html");
        try {
            failure.writeHtml(file);
        } catch (UncheckedIOException e) {
            failure.addSuppressed(e);
        }
    }

    static Path directory() {
        String dir = System.getProperty(DIR_PROPERTY);
        if (dir != null && !dir.isBlank()) {
            return Path.of(dir.strip());
        }
        String basedir = System.getProperty("basedir");
        if (basedir != null && !basedir.isBlank()) {
            return Path.of(basedir, "target", "surefire-reports", "refguard");
        }
        if (Files.isDirectory(Path.of("build")) && !Files.isDirectory(Path.of("target"))) {
            return Path.of("build", "test-results", "refguard");
        }
        return Path.of("target", "surefire-reports", "refguard");
    }
}
