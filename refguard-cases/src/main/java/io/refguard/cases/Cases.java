package io.refguard.cases;

import io.refguard.explore.report.FailureKind;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The case corpus: every seed bug, buggy before fixed, in seed order. The command line and the
 * tests read the same list.
 */
public final class Cases {

    private static final String PKG = "io.refguard.cases.";

    private static final List<SeedCase> ALL =
            List.of(
                    buggy(
                            "reftable-iterator",
                            1,
                            "reload frees readers under an open iterator",
                            "reftable.Reftable_01_ReloadUnderOpenIterator",
                            2,
                            FailureKind.THREAD_THREW,
                            "UseAfterReleaseException"),
                    fixed(
                            "reftable-iterator",
                            1,
                            "iterators hold a reference per reader",
                            "reftable.Reftable_02_IteratorsHoldReferences",
                            2),
                    buggy(
                            "reftable-failed-reload",
                            1,
                            "a failed reload frees readers the stack still owns",
                            "reftable.Reftable_03_FailedReloadFreesReusedReaders",
                            2,
                            FailureKind.THREAD_THREW,
                            "UseAfterReleaseException"),
                    fixed(
                            "reftable-failed-reload",
                            1,
                            "reused readers get temporary references",
                            "reftable.Reftable_04_ReusedReadersGetTemporaryReferences",
                            2),
                    buggy(
                            "nsinfo-double-put",
                            2,
                            "the dso lock is too narrow: two threads put one reference",
                            "nsinfo.Nsinfo_01_LockTooNarrow",
                            2,
                            FailureKind.THREAD_THREW,
                            "DoubleReleaseException"),
                    fixed(
                            "nsinfo-double-put",
                            2,
                            "the lock covers every exchange of dso->nsinfo",
                            "nsinfo.Nsinfo_02_LockCoversTheExchange",
                            2),
                    buggy(
                            "fork-half-done-list",
                            3,
                            "a fork's snapshot sees a half-done list_add",
                            "fork.Fork_01_SnapshotSeesHalfDoneAdd",
                            2,
                            FailureKind.INVARIANT,
                            "the recovery check on a snapshot failed"),
                    fixed(
                            "fork-half-done-list",
                            3,
                            "an in-flight journal the child replays",
                            "fork.Fork_02_InFlightJournal",
                            2),
                    buggy(
                            "double-read",
                            4,
                            "READING won twice: a second read into a live buffer",
                            "readpath.DoubleRead_01_ReadingWonTwice",
                            3,
                            FailureKind.THREAD_THREW,
                            "an I/O is overwriting its pages"),
                    fixed(
                            "double-read",
                            4,
                            "UPTODATE checked again after winning READING",
                            "readpath.DoubleRead_02_RecheckUptodate",
                            3),
                    buggy(
                            "readahead-release",
                            5,
                            "reclaim frees a buffer read-ahead puts under I/O",
                            "readahead.Readahead_01_TreeRefBeforeIo",
                            2,
                            FailureKind.THREAD_THREW,
                            "UseAfterReleaseException"),
                    fixed(
                            "readahead-release",
                            5,
                            "the tree reference is checked after io_pages is set",
                            "readahead.Readahead_02_TreeRefAfterIo",
                            2));

    private Cases() {}

    /** Every case, in seed order, each buggy variant before its fix. */
    public static List<SeedCase> all() {
        return ALL;
    }

    /** The distinct case names, in seed order. */
    public static Set<String> names() {
        Set<String> names = new LinkedHashSet<>();
        for (SeedCase c : ALL) {
            names.add(c.name());
        }
        return names;
    }

    /**
     * The cases with the given names, both variants of each, in corpus order; all cases when {@code
     * names} is empty.
     *
     * @throws IllegalArgumentException naming each unknown name and listing the known ones
     */
    public static List<SeedCase> select(List<String> names) {
        if (names.isEmpty()) {
            return ALL;
        }
        Set<String> known = names();
        List<String> unknown = new ArrayList<>();
        for (String n : names) {
            if (!known.contains(n)) {
                unknown.add(n);
            }
        }
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException(
                    (unknown.size() == 1 ? "no case is named " : "no cases are named ")
                            + String.join(", ", unknown)
                            + "; the cases are: "
                            + String.join(", ", known));
        }
        List<SeedCase> out = new ArrayList<>();
        for (SeedCase c : ALL) {
            if (names.contains(c.name())) {
                out.add(c);
            }
        }
        return out;
    }

    private static SeedCase buggy(
            String name,
            int seed,
            String title,
            String cls,
            int bound,
            FailureKind kind,
            String text) {
        return new SeedCase(name, seed, Variant.BUGGY, title, PKG + cls, bound, kind, text);
    }

    private static SeedCase fixed(String name, int seed, String title, String cls, int bound) {
        return new SeedCase(name, seed, Variant.FIXED, title, PKG + cls, bound, null, null);
    }
}
