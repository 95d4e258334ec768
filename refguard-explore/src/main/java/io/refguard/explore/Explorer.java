package io.refguard.explore;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * The interleaving explorer's entry point. A scenario is a setup, named actors that run
 * concurrently on the state it creates, optional invariants checked at every scheduling point, and
 * a final check; the explorer runs it once per schedule, one thread at a time, choosing at every
 * scheduling point who goes next.
 *
 * <pre>{@code
 * Explorer.scenario("lost update")
 *     .setup(Counter::new)
 *     .actor("T1", Counter::increment)
 *     .actor("T2", Counter::increment)
 *     .check(c -> assertEquals(2, c.value()))
 *     .explore(ExploreOptions.exhaustive().preemptionBound(2));
 * }</pre>
 *
 * <p>Scheduling points are the operations of the modeled types in {@code io.refguard.explore.sync},
 * the calls of {@link io.refguard.explore.Coordinator}, refguard-core's reference-count operations,
 * and whatever the refguard agent instruments. Code between two points runs atomically as far as
 * the explorer is concerned. Several explorations may run at once in one JVM, each on its own
 * thread (JUnit parallel execution): each has its own threads and state.
 */
public final class Explorer {

    private Explorer() {}

    /** Starts a scenario; its name identifies it in reports and replay tokens. */
    public static Start scenario(String name) {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException(
                    "a scenario needs a name: it heads reports and keys replay tokens");
        }
        return new Start(name);
    }

    /** A named scenario without state yet. */
    public static final class Start {
        private final String name;

        Start(String name) {
            this.name = name;
        }

        /**
         * Sets the state factory, called once before every run on the exploring thread. Each run
         * must get fresh, equal state: the explorer relies on runs being repeatable.
         */
        public <S> Scenario<S> setup(Supplier<? extends S> setup) {
            return new Scenario<>(name, Objects.requireNonNull(setup, "setup"));
        }
    }
}
