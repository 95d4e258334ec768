package io.refguard;

import java.util.ArrayList;
import java.util.List;

/** Builds the {@link Report} for each kind of bug from the checker's state. */
final class Reports {

    static final String TRACK_ADVICE =
            "The object is untracked, so its acquire and release sites are unknown."
                    + " To see them, track it: run with -Drefguard.mode=TRACKED (or REFGUARD_MODE=TRACKED),"
                    + " or create it inside a LeakScope.";

    static final String PRESENCE_ADVICE =
            "PRESENCE mode counts objects without recording where they were"
                    + " created or acquired. To name each site, run the same code in TRACKED mode: a TRACKED scope"
                    + " (LeakScope.open()), -Drefguard.mode=TRACKED outside scopes, or for a JUnit test"
                    + " @RefGuardLeakCheck(mode = TRACKED); @RefGuardLeakCheck(mode = PRESENCE) re-runs a failing test"
                    + " once in TRACKED mode by itself.";

    static final String SAMPLED_ADVICE =
            "The object was sampled in SAMPLED mode, which records where objects are created and"
                    + " acquired but not where references are closed. To see where, run the same code in"
                    + " TRACKED mode: -Drefguard.mode=TRACKED (or REFGUARD_MODE=TRACKED), or inside a"
                    + " LeakScope.";

    private Reports() {}

    /**
     * PRESENCE mode: {@code unfreed} objects constructed under a scope were still alive when it
     * closed.
     */
    static Report presenceLeak(long unfreed) {
        return new Report(
                Report.Kind.LEAK,
                unfreed
                        + (unfreed == 1 ? " object" : " objects")
                        + " constructed in the scope and never freed",
                false,
                List.of(),
                List.of(),
                0,
                PRESENCE_ADVICE);
    }

    /**
     * A second close of {@code s}, at {@code again}: the stack is walked now if that close was not
     * recorded (SAMPLED mode), since the report names it.
     */
    static Report doubleRelease(RefState s, Site again) {
        if (!again.recorded()) {
            again = Sites.capture();
        }
        List<Report.Entry> e = new ArrayList<>(3);
        e.add(new Report.Entry(Report.Role.RELEASED, "first released at", s.releasedAt()));
        e.add(new Report.Entry(Report.Role.RELEASED_AGAIN, "released again at", again));
        e.add(new Report.Entry(Report.Role.ACQUIRED, s.acquireLabel(), s.acquiredAt));
        return tracked(Report.Kind.DOUBLE_RELEASE, s.tracker, e, null);
    }

    /**
     * A release of an object whose count another library keeps, after its count reached zero: the
     * release that freed it and this one.
     */
    static Report releasedAfterFree(Tracker t, Site again) {
        List<Report.Entry> e = new ArrayList<>(3);
        e.add(new Report.Entry(Report.Role.RELEASED, "freed at", t.freedAt));
        e.add(new Report.Entry(Report.Role.RELEASED_AGAIN, "released again at", again));
        e.add(new Report.Entry(Report.Role.ACQUIRED, "created at", t.creator.acquiredAt));
        return tracked(Report.Kind.DOUBLE_RELEASE, t, e, null);
    }

    static Report useAfterRelease(RefState s, Site used) {
        List<Report.Entry> e = new ArrayList<>(3);
        e.add(new Report.Entry(Report.Role.USED, "used at", used));
        e.add(new Report.Entry(Report.Role.RELEASED, "released at", s.releasedAt()));
        e.add(new Report.Entry(Report.Role.ACQUIRED, s.acquireLabel(), s.acquiredAt));
        return tracked(Report.Kind.USE_AFTER_RELEASE, s.tracker, e, null);
    }

    static Report leak(RefState s, String advice) {
        List<Report.Entry> e = new ArrayList<>(1);
        e.add(new Report.Entry(Report.Role.ACQUIRED, s.acquireLabel(), s.acquiredAt));
        return tracked(Report.Kind.LEAK, s.tracker, e, advice);
    }

    /**
     * A misuse of a dead object: a use ({@code USE_AFTER_RELEASE}), acquire ({@code ACQUIRE_DEAD})
     * or release ({@code RELEASE_DEAD}) after the count reached zero. {@code obj} is the object, or
     * its description when the object itself is not at hand.
     */
    static Report deadObject(Report.Kind kind, Object obj, Tracker t, Site at) {
        String label =
                kind == Report.Kind.ACQUIRE_DEAD
                        ? "acquire tried at"
                        : kind == Report.Kind.RELEASE_DEAD
                                ? "released at"
                                : kind == Report.Kind.DOUBLE_RELEASE
                                        ? "released again at"
                                        : "used at";
        List<Report.Entry> e = new ArrayList<>(2);
        e.add(new Report.Entry(Report.Role.USED, label, at));
        if (t == null) {
            return new Report(
                    kind,
                    obj instanceof String ? (String) obj : Tracker.describe(obj),
                    false,
                    e,
                    List.of(),
                    0,
                    TRACK_ADVICE);
        }
        Site freed = t.freedAt;
        if (freed != null) {
            e.add(new Report.Entry(Report.Role.FREED, "freed at", freed));
        }
        e.add(new Report.Entry(Report.Role.ACQUIRED, "created at", t.creator.acquiredAt));
        return tracked(kind, t, e, null);
    }

    static Report overflow(Object obj, Tracker t, Site at, int maxCount) {
        List<Report.Entry> e = new ArrayList<>(2);
        e.add(new Report.Entry(Report.Role.USED, "acquire tried at", at));
        String advice =
                "The count is at its maximum ("
                        + maxCount
                        + "); the acquire was undone and the count"
                        + " left unchanged. A reference is probably acquired in a loop and never closed.";
        if (t == null) {
            return new Report(
                    Report.Kind.OVERFLOW,
                    Tracker.describe(obj),
                    false,
                    e,
                    List.of(),
                    0,
                    advice + " " + TRACK_ADVICE);
        }
        e.add(new Report.Entry(Report.Role.ACQUIRED, "created at", t.creator.acquiredAt));
        return tracked(Report.Kind.OVERFLOW, t, e, advice);
    }

    private static Report tracked(
            Report.Kind kind, Tracker t, List<Report.Entry> e, String advice) {
        for (Report.Entry entry : e) {
            if (advice == null && entry.site() != null && !entry.site().recorded()) {
                advice = SAMPLED_ADVICE;
            }
        }
        Records r = t.records;
        return new Report(
                kind,
                t.object(),
                true,
                e,
                r == null ? List.of() : r.snapshot(),
                r == null ? 0 : r.total(),
                advice);
    }
}
