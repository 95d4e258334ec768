package example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.refguard.LeakScope;
import io.refguard.Ref;
import io.refguard.junit.RefGuardLeakCheck;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Leak-checked sample tests, one static class per situation. */
public final class LeakSamples {

    private LeakSamples() {}

    /**
     * The check on a class: leaks in the test method, in executor tasks, and failures of its own.
     */
    @RefGuardLeakCheck
    public static class Checked {

        @Test
        void leaksOneReference() {
            Buffer b = new Buffer();
            Ref<Buffer> kept = Lines.mark("leaksOneReference", b.acquire());
            assertNotNull(kept);
            b.close();
        }

        @Test
        void closesEverything() {
            try (Buffer b = new Buffer();
                    Ref<Buffer> r = b.acquire()) {
                assertSame(b, r.get());
            }
        }

        @Test
        void leaksAndFailsOnItsOwn() {
            Buffer b = new Buffer();
            Lines.mark("leaksAndFailsOnItsOwn", b.acquire());
            b.close();
            assertEquals(1, 2, "the sample's own failure");
        }

        @Test
        void leaksInAnExecutorTask(LeakScope scope) throws Exception {
            Buffer b = new Buffer();
            ExecutorService pool = Executors.newSingleThreadExecutor();
            try {
                pool.submit(scope.wrap(() -> Lines.mark("leaksInAnExecutorTask", b.acquire())))
                        .get();
            } finally {
                pool.shutdown();
            }
            b.close();
        }

        @Test
        void leaksOnAThreadThatJoinedTheCurrentScope() throws Exception {
            Buffer b = new Buffer();
            Runnable task = () -> Lines.mark("currentScope", b.acquire());
            Thread t = new Thread(LeakScope.current().wrap(task), "joined-worker");
            t.start();
            t.join();
            b.close();
        }

        @Test
        void leaksOnAnUnboundThread() throws Exception {
            Buffer b = new Buffer();
            Thread t =
                    new Thread(
                            b::acquire); // not joined to the test's scope: not the test's reference
            t.start();
            t.join();
            b.close();
        }

        @RefGuardLeakCheck(enabled = false)
        @Test
        void leaksWithTheCheckOff() {
            new Buffer().acquire();
        }
    }

    /** The test method runs on a thread of its own, so that a timeout can interrupt it. */
    @RefGuardLeakCheck
    public static class SeparateThread {
        @Test
        @Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
        void leaksOnTheTimeoutThread() {
            Lines.mark("separateThread", new Buffer());
        }
    }

    /** An aborted test that leaked: the leak fails it. */
    @RefGuardLeakCheck
    public static class Aborted {
        @Test
        void leaksThenAborts() {
            Lines.mark("aborted", new Buffer());
            Assumptions.abort("the sample aborts");
        }
    }

    /** The annotation on an enclosing class covers its {@code @Nested} classes. */
    @RefGuardLeakCheck
    public static class Outer {
        @Nested
        class Inner {
            @Test
            void leaks() {
                Lines.mark("nested", new Buffer());
            }

            @Nested
            @RefGuardLeakCheck(enabled = false)
            class Exempt {
                @Test
                void leaks() {
                    new Buffer();
                }
            }
        }
    }

    /** A fixture acquired before and closed after each test: not a leak. */
    @RefGuardLeakCheck
    public static class FixtureClosedAfterEach {
        private Buffer fixture;

        @BeforeEach
        void open(LeakScope scope) {
            assertNotNull(scope);
            fixture = new Buffer();
        }

        @AfterEach
        void close() {
            fixture.close();
        }

        @Test
        void usesTheFixture() {
            try (Ref<Buffer> r = fixture.acquire()) {
                assertSame(fixture, r.get());
            }
        }
    }

    /** A fixture acquired before each test and never closed: a leak of the test. */
    @RefGuardLeakCheck
    public static class FixtureNeverClosed {
        private Buffer fixture;

        @BeforeEach
        void open() {
            fixture = Lines.mark("fixtureNeverClosed", new Buffer());
        }

        @Test
        void usesTheFixture() {
            assertNotNull(fixture);
        }
    }

    /**
     * The same fixture, with lifecycle methods outside the check: the fixture is no leak of the
     * test (it is not even tracked, being constructed outside the scope), the test's own objects
     * are.
     */
    @RefGuardLeakCheck(lifecycleMethods = false)
    public static class FixtureOutsideTheCheck {
        private Buffer fixture;

        @BeforeEach
        void open() {
            fixture = new Buffer();
        }

        @Test
        void usesTheFixture() {
            assertNotNull(fixture);
        }

        @Test
        void leaksInTheTestItself() {
            Lines.mark("outsideTheCheck", new Buffer());
        }
    }

    /** Every repetition is checked on its own. */
    @RefGuardLeakCheck
    public static class Repeated {
        @RepeatedTest(2)
        void leaksEachTime() {
            Lines.mark("repeated", new Buffer());
        }
    }

    /** No annotation: checked only when the extension is auto-detected. */
    public static class Unannotated {
        @Test
        void leaks() {
            Lines.mark("unannotated", new Buffer());
        }

        @RefGuardLeakCheck(enabled = false)
        @Test
        void leaksExempt() {
            new Buffer();
        }

        @Test
        void receivesTheScope(LeakScope scope) {
            assertSame(scope, LeakScope.current());
        }
    }

    /** Annotated and, in some runs, auto-detected as well: still one check. */
    @RefGuardLeakCheck
    public static class AnnotatedAndAutoDetected {
        @Test
        void leaks(LeakScope scope) {
            assertSame(scope, LeakScope.current());
            Lines.mark("annotatedAndAutoDetected", new Buffer());
        }
    }
}
