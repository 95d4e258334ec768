package io.refguard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** The command silences the GC backstop, but never the checker's warnings about its settings. */
class CheckerWarningsTest {

    @Test
    void settingsWarningsReachStandardErrorAsOneLineAndBackstopWarningsDoNot() {
        StringWriter err = new StringWriter();
        Main.configureLogging(new PrintWriter(err, true));
        System.getLogger("io.refguard.RefGuard")
                .log(
                        System.Logger.Level.WARNING,
                        "refguard: system property refguard.mode='loud' is not valid:\nuse off, sampled or tracked.");
        System.getLogger("io.refguard")
                .log(System.Logger.Level.WARNING, "refguard: leak of Buffer@1 (backstop)");
        assertEquals(
                "refguard: warning: system property refguard.mode='loud' is not valid: use off, sampled or"
                        + " tracked.\n",
                err.toString().replace(System.lineSeparator(), "\n"));
    }
}
