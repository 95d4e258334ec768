package io.refguard.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks a test that explores a scenario under the interleaving explorer. The method takes an {@link
 * Exploration} and hands it the scenario; the annotation's attributes are the exploration options.
 *
 * <pre>{@code
 * @ExploreTest(preemptionBound = 3)
 * void incrementsAreNotLost(Exploration exploration) {
 *     exploration.explore(Explorer.scenario("counter")
 *             .setup(() -> new SharedInt("count", 0))
 *             .actor("T1", c -> c.incrementAndGet())
 *             .actor("T2", c -> c.incrementAndGet())
 *             .check(c -> assertEquals(2, c.peek())));
 * }
 * }</pre>
 *
 * <p>A failing schedule fails the test with the explorer's report: one column per thread, the
 * failure, and the replay token. Running the tests again with {@code -Drefguard.replay=<token>}
 * (and optionally {@code -Drefguard.replay.test=Class#method}) replays just that schedule, once,
 * and prints its report; exploration tests the token does not belong to are skipped.
 *
 * <p>Attributes left at their defaults take the value of the explorer's system property ({@code
 * refguard.explore.strategy}, {@code refguard.explore.preemptionBound}, ...; see {@link
 * io.refguard.explore.ExploreOptions}), or the explorer's default when that is unset; set
 * attributes win over the properties. With JUnit parallel execution, exploration tests run at the
 * same time as each other and as other tests: each exploration has its own threads and state.
 */
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Test
@ExtendWith(ExploreExtension.class)
public @interface ExploreTest {

    /**
     * The JUnit resource lock exploration tests used to hold so that they ran one at a time. They
     * no longer hold it: explorations run side by side. Kept so that code naming it in its own
     * {@code @ResourceLock} still compiles; such a lock can be removed.
     *
     * @deprecated explorations no longer need to be serialized
     */
    @Deprecated String EXPLORER_LOCK = "io.refguard.explore.Explorer";

    /** The value of {@link #preemptionBound()} that lifts the bound. */
    int UNBOUNDED = Integer.MAX_VALUE;

    /**
     * The search strategy, by the name the command line and {@code refguard.explore.strategy} use
     * ({@code default}, {@code exhaustive}, {@code random}, {@code pct}, {@code pos}, {@code surw},
     * {@code pct-races}, {@code dpor}: {@link io.refguard.explore.ExploreOptions.Strategy#id()});
     * empty leaves it to {@code refguard.explore.strategy}. A name that is none of these fails the
     * test with the list.
     */
    String strategy() default "";

    /**
     * The exhaustive search's preemption bound, at least 0, or {@link #UNBOUNDED}; {@code -1}
     * leaves it to {@code refguard.explore.preemptionBound} (default 2).
     */
    int preemptionBound() default -1;

    /** The run budget, at least 1; {@code 0} leaves it to {@code refguard.explore.maxRuns}. */
    long maxRuns() default 0;

    /**
     * The wall-time budget, such as {@code "500ms"}, {@code "30s"}, {@code "2m"} or {@code
     * "PT30S"}; empty leaves it to {@code refguard.explore.maxTime} (default 60s).
     */
    String maxTime() default "";

    /**
     * The seed of the random strategies, a number such as {@code "42"} or {@code "0x5EED"}, or
     * {@code "random"} for a new one each run of the test, read as {@code refguard.explore.seed}
     * and the command line's {@code --seed} are; empty leaves it to {@code refguard.explore.seed}.
     */
    String seed() default "";

    /** PCT's depth, at least 1; {@code 0} leaves it to {@code refguard.explore.pctDepth}. */
    int pctDepth() default 0;

    /**
     * The step bound of one run, at least 1; {@code 0} leaves it to {@code
     * refguard.explore.maxSteps}.
     */
    int maxSteps() default 0;

    /**
     * How long a thread may stay away from scheduling points before its run fails as stuck, written
     * like {@link #maxTime()}; empty leaves it to {@code refguard.explore.runTimeout}.
     */
    String runTimeout() default "";
}
