package io.refguard.bench.search;

import io.refguard.cases.CaseRunner;
import io.refguard.cases.Cases;
import io.refguard.cases.SeedCase;
import io.refguard.cases.Variant;
import io.refguard.explore.report.FailureKind;
import java.util.ArrayList;
import java.util.List;

/**
 * The bug-finding corpus: small buggy programs after the classic families of concurrency-testing
 * benchmarks, each with its fix, written with the explorer's explicit API (no agent), plus the seed
 * cases of refguard-cases.
 */
public final class Corpus {

    private Corpus() {}

    /** The written programs, family by family. */
    public static List<Program> programs() {
        List<Program> all = new ArrayList<>();
        all.addAll(CounterPrograms.all());
        all.addAll(OrderPrograms.all());
        all.addAll(LockPrograms.all());
        all.addAll(ContainerPrograms.all());
        all.addAll(HandoffPrograms.all());
        return all;
    }

    /** The seed cases, one program per buggy/fixed pair. */
    public static List<Program> seedCases() {
        List<Program> all = new ArrayList<>();
        for (SeedCase buggy : Cases.all()) {
            if (buggy.variant() != Variant.BUGGY) {
                continue;
            }
            SeedCase fixed =
                    Cases.all().stream()
                            .filter(
                                    c ->
                                            c.name().equals(buggy.name())
                                                    && c.variant() == Variant.FIXED)
                            .findFirst()
                            .orElseThrow(() -> new IllegalStateException("no fix for " + buggy));
            FailureKind kind = buggy.expectedKind();
            all.add(
                    new Program(
                            "seed-" + buggy.name(),
                            "seed case",
                            0,
                            kind,
                            f -> CaseRunner.scenario(f ? fixed : buggy),
                            true));
        }
        return all;
    }

    /** Programs and seed cases. */
    public static List<Program> all() {
        List<Program> all = new ArrayList<>(programs());
        all.addAll(seedCases());
        return all;
    }
}
