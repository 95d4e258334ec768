package example;

import io.refguard.CheckMode;
import io.refguard.Ref;
import io.refguard.junit.RefGuardLeakCheck;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Tests checked in PRESENCE mode: counted without sites, re-run in TRACKED mode when they leak. */
@RefGuardLeakCheck(mode = CheckMode.PRESENCE)
public class PresenceSamples {

    /** How many times a test body ran, over all instances. */
    public static final java.util.concurrent.atomic.AtomicInteger RUNS =
            new java.util.concurrent.atomic.AtomicInteger();

    private Buffer fixture;

    @BeforeEach
    void setUp() {
        fixture = new Buffer();
    }

    @AfterEach
    void tearDown() {
        fixture.close();
    }

    @Test
    void leaksAReference() {
        RUNS.incrementAndGet();
        Ref<Buffer> kept = Lines.mark("presenceLeak", fixture.acquire());
        kept.get();
    }

    @Test
    void leaksNothing() {
        try (Buffer b = new Buffer();
                Ref<Buffer> r = fixture.acquire()) {
            r.get();
            b.acquire().close();
        }
    }

    /** Leaks only on its first run: the re-run says it leaked nothing. */
    @Test
    void leaksOnlyTheFirstTime() {
        if (FIRST.compareAndSet(true, false)) {
            new Buffer().acquire();
        }
    }

    private static final java.util.concurrent.atomic.AtomicBoolean FIRST =
            new java.util.concurrent.atomic.AtomicBoolean(true);

    /** Prepares a run. */
    public static void reset() {
        RUNS.set(0);
        FIRST.set(true);
    }
}
