package io.refguard.cli;

import io.refguard.CheckMode;
import io.refguard.cases.CaseRunner;
import io.refguard.cases.Cases;
import io.refguard.cases.SeedCase;
import io.refguard.cases.Variant;
import io.refguard.run.Outcome;
import io.refguard.run.Verdict;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code refguard cases [NAME...]}: runs the seed cases, each with its own options, printing a
 * progress line per case on standard error and a summary table (or JSON) on standard output. Exits
 * 0 when every case met its expectation (each buggy variant found, each fix verified), 4 when the
 * only cases that did not were inconclusive, 1 otherwise.
 */
@Command(
        name = "cases",
        sortOptions = false,
        description = {
            "Runs the seed cases: each buggy variant must be found, each fix verified.",
            "A progress line per case goes to standard error, the summary to standard output."
        })
final class CasesCommand implements Callable<Integer> {

    @Parameters(
            paramLabel = "NAME",
            arity = "0..*",
            description = "Cases to run, both variants of each (default: all). See --list.")
    List<String> names = new ArrayList<>();

    @Option(
            names = "--variant",
            paramLabel = "buggy|fixed",
            converter = VariantConverter.class,
            description = "Run only this variant of each case.")
    Variant variant;

    @Option(
            names = "--reports",
            description = "Print the report (interleaving table) of every failure found.")
    boolean reports;

    @Option(
            names = "--json",
            description = "Print a JSON array, one object per case, instead of the table.")
    boolean json;

    @Option(names = "--list", description = "List the cases and exit.")
    boolean list;

    @Spec CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<SeedCase> selected = new ArrayList<>();
        for (SeedCase c : Cases.select(names)) {
            if (variant == null || c.variant() == variant) {
                selected.add(c);
            }
        }
        if (list) {
            for (SeedCase c : selected) {
                out.printf(
                        "%-24s seed %d  %-6s %s%n",
                        c.name(), c.seed(), c.variant().id(), c.title());
            }
            return ExitCodes.CLEAN;
        }
        List<Outcome> outcomes = new ArrayList<>();
        long start = System.nanoTime();
        int width = String.valueOf(selected.size()).length();
        for (int i = 0; i < selected.size(); i++) {
            SeedCase c = selected.get(i);
            err.printf(
                    "[%" + width + "d/%d] %s (%s) ... ",
                    i + 1,
                    selected.size(),
                    c.name(),
                    c.variant().id());
            err.flush();
            Outcome o = CaseRunner.run(c, CheckMode.TRACKED);
            err.printf(
                    "%s: %d %s, %s%n",
                    o.verdict().text(),
                    o.schedules(),
                    o.schedules() == 1 ? "schedule" : "schedules",
                    SummaryTable.millis(o.millis()));
            err.flush();
            outcomes.add(o);
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        if (json) {
            List<String> objects = new ArrayList<>();
            for (Outcome o : outcomes) {
                objects.add(Json.object(o));
            }
            out.println(Json.array(objects));
        } else {
            if (reports) {
                for (Outcome o : outcomes) {
                    if (o.table() != null) {
                        out.println(o.name() + " (" + o.variant() + "):");
                        out.println(o.table());
                    }
                }
            }
            out.print(SummaryTable.render(outcomes));
            out.println(totals(outcomes, millis));
        }
        out.flush();
        if (outcomes.stream().allMatch(Outcome::asExpected)) {
            return ExitCodes.CLEAN;
        }
        boolean wrong =
                outcomes.stream()
                        .anyMatch(o -> !o.asExpected() && o.verdict() != Verdict.INCONCLUSIVE);
        return wrong ? ExitCodes.BUG_FOUND : ExitCodes.INCONCLUSIVE;
    }

    /**
     * {@code 6 of 6 bugs found, 6 of 6 fixes verified, in 4.1 s}, and what went wrong if anything.
     */
    static String totals(List<Outcome> outcomes, long millis) {
        int buggy = 0;
        int found = 0;
        int fixed = 0;
        int verified = 0;
        int unexpected = 0;
        for (Outcome o : outcomes) {
            if (Variant.BUGGY.id().equals(o.variant())) {
                buggy++;
                found += o.verdict() == Verdict.BUG_FOUND ? 1 : 0;
            } else {
                fixed++;
                verified += o.verdict() == Verdict.VERIFIED ? 1 : 0;
            }
            unexpected += o.asExpected() ? 0 : 1;
        }
        String s =
                found
                        + " of "
                        + buggy
                        + (buggy == 1 ? " bug" : " bugs")
                        + " found, "
                        + verified
                        + " of "
                        + fixed
                        + (fixed == 1 ? " fix" : " fixes")
                        + " verified, in "
                        + SummaryTable.millis(millis);
        if (unexpected > 0) {
            s +=
                    "; "
                            + unexpected
                            + (unexpected == 1 ? " case did" : " cases did")
                            + " not get the expected"
                            + " verdict: rerun with --reports to see the failures";
        }
        return s;
    }

    /** Reads {@code buggy} or {@code fixed}. */
    static final class VariantConverter implements ITypeConverter<Variant> {
        @Override
        public Variant convert(String value) {
            try {
                return Variant.valueOf(value.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(
                        "'" + value + "' is not a variant; use buggy or fixed");
            }
        }
    }
}
