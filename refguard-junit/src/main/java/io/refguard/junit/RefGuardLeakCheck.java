package io.refguard.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Fails every test of the annotated class (or the annotated test method) that leaves a
 * reference-counted reference open, naming where each leaked reference was acquired.
 *
 * <pre>{@code
 * @RefGuardLeakCheck
 * class BufferPoolTest {
 *     @Test
 *     void recyclesBuffers() {
 *         Buffer b = pool.take();   // a leak if never closed: the test fails and names this line
 *         ...
 *     }
 * }
 * }</pre>
 *
 * <p>Each test gets its own {@link io.refguard.LeakScope}, in {@link io.refguard.CheckMode#TRACKED}
 * mode unless {@link #mode()} says otherwise, opened before the {@code @BeforeEach} methods and
 * closed after the {@code @AfterEach} methods, and bound to the thread that runs the test method
 * (and, by default, its {@code @BeforeEach} and {@code @AfterEach} methods). Objects constructed
 * there are tracked, and every reference acquired there belongs to the test. Work the test hands to
 * other threads joins the test's scope through {@link io.refguard.LeakScope#wrap(Runnable)} on the
 * scope, which a test receives as a {@link io.refguard.LeakScope} parameter or reads with {@link
 * io.refguard.LeakScope#current()}.
 *
 * <p>The same check applies to every test of a run, without annotations, when {@link
 * LeakCheckExtension} is registered through JUnit's extension auto-detection ({@code
 * junit.jupiter.extensions.autodetection.enabled=true}); {@code enabled = false} then exempts a
 * class or method. In a method annotated {@link ExploreTest}, the explorer checks each run under a
 * scope of its own, nested inside the test's, and the test's scope checks what the method does
 * outside its scenarios.
 *
 * <p>The nearest annotation wins: the method's, then its class's, then the enclosing classes' of a
 * {@code @Nested} class. Superclasses pass the annotation on.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(LeakCheckExtension.class)
public @interface RefGuardLeakCheck {

    /**
     * Whether the check runs; {@code false} exempts the annotated class or method, for a test that
     * deliberately keeps a reference open past its end.
     */
    boolean enabled() default true;

    /**
     * Whether references acquired by {@code @BeforeEach} and {@code @AfterEach} methods belong to
     * the test. When {@code false}, only the test method's own references are checked (they may
     * still be closed by an {@code @AfterEach} method); a fixture that a {@code @BeforeEach} method
     * acquires and an {@code @AfterAll} method closes needs {@code false}.
     */
    boolean lifecycleMethods() default true;

    /**
     * The mode of the test's scope: {@link io.refguard.CheckMode#TRACKED} (the default) names the
     * site of every leaked reference; {@link io.refguard.CheckMode#PRESENCE} only counts the
     * objects created in the test and not freed, at about the cost of no checking, and re-runs a
     * test that leaks once in TRACKED mode to name the sites (see {@link #rerunTracked()}).
     */
    io.refguard.CheckMode mode() default io.refguard.CheckMode.TRACKED;

    /**
     * In {@link io.refguard.CheckMode#PRESENCE} mode, whether a test that leaks is run once more,
     * on a fresh instance with its {@code @BeforeEach} and {@code @AfterEach} methods, in TRACKED
     * mode; the test still fails with the count, and the re-run's leaks, with their sites, are
     * added to that failure. Extensions other than this one do not take part in the re-run.
     */
    boolean rerunTracked() default true;
}
