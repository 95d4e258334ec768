package io.refguard.explore.html;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.refguard.explore.InterleavingFailure;
import org.junit.jupiter.api.Test;

/**
 * A row of a call on refguard's own types names the call on its object, as the program wrote it: an
 * acquire on the buffer, the close of a reference to it.
 */
class CoreCallRowsTest {

    @Test
    void acquireAndCloseShowAsCallsOnTheirObject() {
        InterleavingFailure f = ReportFixtures.acquireAfterEviction();
        String table = f.table();
        assertTrue(table.contains(" buf#1.acquire() (ReportFixtures.java:"), table);
        assertTrue(table.contains(" Ref(buf#1).close() (ReportFixtures.java:"), table);
        assertTrue(!table.contains("| acquire buf#1") && !table.contains(" close buf#1"), table);
    }
}
