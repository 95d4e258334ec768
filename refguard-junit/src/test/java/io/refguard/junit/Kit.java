package io.refguard.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/**
 * Runs sample test classes through JUnit's EngineTestKit, in this JVM, with only the configuration
 * given (no junit-platform.properties, no system properties), and finds outcomes by test method
 * name.
 */
final class Kit {

    private Kit() {}

    /** Configuration that runs the tests of a class in parallel on four threads. */
    static Map<String, String> parallel() {
        Map<String, String> config = new HashMap<>();
        config.put("junit.jupiter.execution.parallel.enabled", "true");
        config.put("junit.jupiter.execution.parallel.mode.default", "concurrent");
        config.put("junit.jupiter.execution.parallel.config.strategy", "fixed");
        config.put("junit.jupiter.execution.parallel.config.fixed.parallelism", "4");
        return config;
    }

    /** Configuration with extension auto-detection on. */
    static Map<String, String> autoDetection() {
        return Map.of("junit.jupiter.extensions.autodetection.enabled", "true");
    }

    static EngineExecutionResults run(DiscoverySelector... selectors) {
        return run(Map.of(), selectors);
    }

    static EngineExecutionResults run(Map<String, String> config, DiscoverySelector... selectors) {
        return EngineTestKit.engine("junit-jupiter")
                .enableImplicitConfigurationParameters(false)
                .configurationParameters(config)
                .selectors(selectors)
                .execute();
    }

    /** The results of every finished test whose method is {@code method}, in finishing order. */
    static List<TestExecutionResult> results(EngineExecutionResults r, String method) {
        List<TestExecutionResult> out = new ArrayList<>();
        for (Event e : r.testEvents().finished().list()) {
            if (method.equals(methodName(e))) {
                out.add(e.getPayload(TestExecutionResult.class).orElseThrow());
            }
        }
        return out;
    }

    /** The result of the one finished test whose method is {@code method}. */
    static TestExecutionResult result(EngineExecutionResults r, String method) {
        List<TestExecutionResult> all = results(r, method);
        if (all.size() != 1) {
            fail(
                    "expected one finished test "
                            + method
                            + ", found "
                            + all.size()
                            + "; all events: "
                            + r.allEvents().list());
        }
        return all.get(0);
    }

    /** The failure of the one test whose method is {@code method}; fails unless it failed. */
    static Throwable failure(EngineExecutionResults r, String method) {
        TestExecutionResult result = result(r, method);
        assertEquals(
                TestExecutionResult.Status.FAILED,
                result.getStatus(),
                () -> method + ": " + result);
        return result.getThrowable().orElseThrow();
    }

    /** Fails unless the one test whose method is {@code method} passed. */
    static void assertPassed(EngineExecutionResults r, String method) {
        TestExecutionResult result = result(r, method);
        assertEquals(
                TestExecutionResult.Status.SUCCESSFUL,
                result.getStatus(),
                () ->
                        method
                                + " should pass: "
                                + result.getThrowable().map(Kit::stackTrace).orElse(""));
    }

    /** The reason the test whose method is {@code method} was skipped, or null if it was not. */
    static String skipReason(EngineExecutionResults r, String method) {
        for (Event e : r.testEvents().skipped().list()) {
            if (method.equals(methodName(e))) {
                return e.getPayload(String.class).orElse("");
            }
        }
        return null;
    }

    /** The values of the report entries with {@code key} that the test {@code method} published. */
    static List<String> reportEntries(EngineExecutionResults r, String method, String key) {
        List<String> out = new ArrayList<>();
        for (Event e : r.allEvents().reportingEntryPublished().list()) {
            if (method.equals(methodName(e))) {
                e.getPayload(org.junit.platform.engine.reporting.ReportEntry.class)
                        .map(entry -> entry.getKeyValuePairs().get(key))
                        .ifPresent(out::add);
            }
        }
        return out;
    }

    static String stackTrace(Throwable t) {
        java.io.StringWriter w = new java.io.StringWriter();
        t.printStackTrace(new java.io.PrintWriter(w));
        return w.toString();
    }

    private static String methodName(Event e) {
        TestSource source = e.getTestDescriptor().getSource().orElse(null);
        return source instanceof MethodSource ? ((MethodSource) source).getMethodName() : null;
    }

    /** What {@code r} printed to {@code System.out} while it ran. */
    static String printed(Runnable r) {
        PrintStream out = System.out;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            r.run();
        } finally {
            System.setOut(out);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
