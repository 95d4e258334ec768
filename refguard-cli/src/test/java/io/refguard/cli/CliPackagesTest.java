package io.refguard.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.refguard.hook.LibraryCode;
import org.junit.jupiter.api.Test;

/**
 * The command declares its package as refguard's machinery, so its frames never show as the user's
 * code in a report; the seed cases it runs stay user code.
 */
class CliPackagesTest {

    @Test
    void theCommandsFramesAreMachineryAndTheCasesAreNot() {
        assertTrue(LibraryCode.contains(RefguardCommand.class.getName()));
        assertTrue(LibraryCode.contains("io.refguard.run.Explored"));
        assertFalse(LibraryCode.contains("io.refguard.cases.reftable.Stack"));
    }
}
