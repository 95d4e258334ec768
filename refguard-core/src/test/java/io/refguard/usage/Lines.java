package io.refguard.usage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.refguard.Report;
import io.refguard.Site;

/** Finds the test's own source lines, independently of refguard, to check the sites it reports. */
final class Lines {

    private Lines() {}

    /** The line of the statement that called this method. */
    static int here() {
        return new Throwable().getStackTrace()[1].getLineNumber();
    }

    /**
     * The line after the statement that called this method: mark a statement by calling it just
     * before.
     */
    static int next() {
        return new Throwable().getStackTrace()[1].getLineNumber() + 1;
    }

    /**
     * Asserts that {@code report} names {@code role} at {@code file:line} on the current thread.
     */
    static void assertSite(Report report, Report.Role role, String file, int line) {
        Site site = report.site(role);
        assertNotNull(site, () -> "no " + role + " site in:\n" + report);
        assertEquals(file, site.fileName(), () -> role + " site in:\n" + report);
        assertEquals(line, site.lineNumber(), () -> role + " line in:\n" + report);
        assertEquals(Thread.currentThread().getName(), site.threadName());
        assertTrue(
                report.toString().contains(file + ":" + line),
                () -> "message does not name " + file + ":" + line + ":\n" + report);
    }
}
