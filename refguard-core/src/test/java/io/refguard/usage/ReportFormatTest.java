package io.refguard.usage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.refguard.DoubleReleaseException;
import io.refguard.LeakException;
import io.refguard.LeakScope;
import io.refguard.Ref;
import io.refguard.RefGuard;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Pins the exact plain-text layout of reports, the samples shown in docs/CHECKER.md. Only the
 * identity hash (taken from the report) and the line numbers (found independently) vary.
 */
@SuppressWarnings("try") // scopes and bindings in try-with-resources act by being open
class ReportFormatTest {

    @AfterEach
    void restoreSettings() {
        RefGuard.resetToDefaults();
    }

    @Test
    void doubleReleaseAcrossThreads() throws Exception {
        try (LeakScope scope = LeakScope.open();
                Buffer b = new Buffer()) {
            int acquired = Lines.next();
            Ref<Buffer> r = b.acquire();
            AtomicReference<Integer> first = new AtomicReference<>();
            Thread worker =
                    new Thread(
                            () -> {
                                first.set(Lines.next());
                                r.close();
                            },
                            "worker-2");
            worker.start();
            worker.join();
            int again = Lines.next();
            var e = assertThrows(DoubleReleaseException.class, () -> r.close());

            String method = "ReportFormatTest.doubleReleaseAcrossThreads";
            String lambda = "ReportFormatTest.lambda$doubleReleaseAcrossThreads$";
            String text = e.getMessage();
            String expected =
                    "refguard: double release of "
                            + e.report().object()
                            + " (tracked)\n"
                            + "  first released at  "
                            + lambda
                            + "0(ReportFormatTest.java:"
                            + first.get()
                            + ") on thread worker-2\n"
                            + "  released again at  "
                            + lambda
                            + "1(ReportFormatTest.java:"
                            + again
                            + ") on thread main\n"
                            + "  acquired at        "
                            + method
                            + "(ReportFormatTest.java:"
                            + acquired
                            + ") on thread main";
            assertEquals(expected, text);
        }
    }

    @Test
    void leakWithAccessRecords() {
        RefGuard.setRecords(true);
        RefGuard.setRecordsLast(2);
        LeakScope scope = LeakScope.open();
        int opened = Lines.here() - 1;
        int created = Lines.next();
        Buffer b = new Buffer();
        b.close();
        b = new Buffer();
        int touched = Lines.next();
        b.touch("parsed");
        int acquired = Lines.next();
        Ref<Buffer> r = b.acquire();
        int touched2 = Lines.next();
        r.touch("queued");
        b.close();

        LeakException e = assertThrows(LeakException.class, () -> scope.close());
        String m = "ReportFormatTest.leakWithAccessRecords(ReportFormatTest.java:";
        String expected =
                "refguard: leak scope closed with 1 open reference (scope opened at "
                        + m
                        + opened
                        + ") on thread main); close each on every path:\n"
                        + "refguard: leak of "
                        + e.report().object()
                        + " (tracked)\n"
                        + "  acquired at        "
                        + m
                        + acquired
                        + ") on thread main\n"
                        + "  access records (first and last 2 of 5):\n"
                        + "    #1 create at "
                        + m
                        + (created + 2)
                        + ") on thread main\n"
                        + "    ...\n"
                        + "    #4 touch \"queued\" at "
                        + m
                        + touched2
                        + ") on thread main\n"
                        + "    #5 release at "
                        + m
                        + (touched2 + 1)
                        + ") on thread main";
        assertEquals(expected, e.getMessage());
        assertEquals(touched + 2, acquired);
        r.close();
    }
}
