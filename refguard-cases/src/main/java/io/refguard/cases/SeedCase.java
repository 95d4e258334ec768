package io.refguard.cases;

import io.refguard.explore.ExploreOptions;
import io.refguard.explore.report.FailureKind;
import io.refguard.run.Verdict;
import java.util.Objects;

/**
 * One entry of the case corpus: one side ({@link Variant}) of one seed bug, the scenario class that
 * models it, how to explore it, and what the exploration must conclude. Immutable.
 *
 * <p>The scenario class follows the convention of {@link io.refguard.run.ScenarioClasses}: a public
 * static {@code scenario()} method returning the {@link io.refguard.explore.Scenario}. Cases are
 * run by {@link CaseRunner}, loaded through an instrumenting class loader so that the
 * synchronization in their model code becomes scheduling points.
 */
public final class SeedCase {

    private final String name;
    private final int seed;
    private final Variant variant;
    private final String title;
    private final String scenarioClass;
    private final int preemptionBound;
    private final FailureKind expectedKind;
    private final String expectedText;

    SeedCase(
            String name,
            int seed,
            Variant variant,
            String title,
            String scenarioClass,
            int preemptionBound,
            FailureKind expectedKind,
            String expectedText) {
        this.name = Objects.requireNonNull(name, "name");
        this.seed = seed;
        this.variant = Objects.requireNonNull(variant, "variant");
        this.title = Objects.requireNonNull(title, "title");
        this.scenarioClass = Objects.requireNonNull(scenarioClass, "scenarioClass");
        this.preemptionBound = preemptionBound;
        this.expectedKind = expectedKind;
        this.expectedText = expectedText;
        if ((variant == Variant.BUGGY) != (expectedKind != null)) {
            throw new IllegalArgumentException(
                    "case "
                            + name
                            + ": a buggy case names the failure it must"
                            + " produce, a fixed case none");
        }
    }

    /** The case's name, shared by its two variants, such as {@code reftable-iterator}. */
    public String name() {
        return name;
    }

    /** The number of the seed bug it models, 1 to 5 (see {@code docs/CASES.md}). */
    public int seed() {
        return seed;
    }

    /** Buggy or fixed. */
    public Variant variant() {
        return variant;
    }

    /** One line saying what this side of the case shows. */
    public String title() {
        return title;
    }

    /** The binary name of the scenario class. */
    public String scenarioClass() {
        return scenarioClass;
    }

    /** The class-name pattern of the model code to instrument: the scenario class's package. */
    public String include() {
        return scenarioClass.substring(0, scenarioClass.lastIndexOf('.')) + ".*";
    }

    /** The preemption bound within which the fixed variant is verified (2, or 3 where needed). */
    public int preemptionBound() {
        return preemptionBound;
    }

    /**
     * Exhaustive search within {@link #preemptionBound()}, the other settings at their defaults.
     */
    public ExploreOptions options() {
        return ExploreOptions.exhaustive().preemptionBound(preemptionBound);
    }

    /**
     * What the exploration must conclude: {@code BUG_FOUND} when buggy, {@code VERIFIED} when
     * fixed.
     */
    public Verdict expected() {
        return variant == Variant.BUGGY ? Verdict.BUG_FOUND : Verdict.VERIFIED;
    }

    /** For a buggy case, the kind of failure the seed bug produces; null for a fixed one. */
    public FailureKind expectedKind() {
        return expectedKind;
    }

    /**
     * For a buggy case, text that the failure's summary contains when it is the seed bug (such as
     * the checker's exception name); null for a fixed one.
     */
    public String expectedText() {
        return expectedText;
    }

    /** {@code name (variant)}. */
    @Override
    public String toString() {
        return name + " (" + variant.id() + ")";
    }
}
