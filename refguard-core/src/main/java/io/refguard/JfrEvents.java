package io.refguard;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Enabled;
import jdk.jfr.Event;
import jdk.jfr.FlightRecorder;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/**
 * The checker's JDK Flight Recorder events: {@code io.refguard.Acquire} and {@code Release} for
 * tracked objects (off unless a recording enables them, as {@code refguard.jfc} does), and {@code
 * Leak}, {@code DoubleRelease} and {@code UseAfterRelease} for every report the checker makes (on
 * by default, with stack traces).
 *
 * <p>Only slow paths call in: reports, and the tracked path that already walks the stack for its
 * site. The untracked acquire and release never do, so they stay one atomic add. When no recording
 * runs, an event is a disabled-check on an object the JIT does not allocate. A runtime without the
 * {@code jdk.jfr} module gets no events and no error.
 */
final class JfrEvents {

    /** Whether this runtime has JFR; the event classes are never loaded without it. */
    private static final boolean AVAILABLE = ModuleLayer.boot().findModule("jdk.jfr").isPresent();

    private JfrEvents() {}

    /**
     * A lifetime operation on a tracked object: {@code create}, {@code acquire}, {@code share},
     * {@code release}.
     */
    static void tracked(Tracker t, String operation, Site site) {
        // no recording can want an event before the recorder exists: then no event object
        if (!AVAILABLE || !FlightRecorder.isInitialized()) {
            return;
        }
        boolean release = "release".equals(operation);
        if (!release
                && !"acquire".equals(operation)
                && !"share".equals(operation)
                && !"create".equals(operation)) {
            return; // touches are access records, not count changes
        }
        LifetimeEvent e = release ? new Release() : new Acquire();
        if (e.isEnabled()) {
            e.object = t.object();
            e.operation = operation;
            e.site = site == null ? null : site.toString();
            e.commit();
        }
    }

    /** A report the checker just made: a leak, a double release, a use after release. */
    static void reported(Report r) {
        if (!AVAILABLE) {
            return;
        }
        BugEvent e;
        switch (r.kind()) {
            case LEAK:
                e = new Leak();
                break;
            case DOUBLE_RELEASE:
            case RELEASE_DEAD:
                e = new DoubleRelease();
                break;
            case USE_AFTER_RELEASE:
            case ACQUIRE_DEAD:
                e = new UseAfterRelease();
                break;
            default:
                return; // an overflow is none of these
        }
        if (e.isEnabled()) {
            e.kind = r.kind().name();
            e.object = r.object();
            e.tracked = r.tracked();
            e.acquiredAt = site(r, Report.Role.ACQUIRED);
            e.releasedAt = site(r, Report.Role.RELEASED);
            Site culprit = r.site(Report.Role.RELEASED_AGAIN);
            e.at = culprit != null ? culprit.toString() : site(r, Report.Role.USED);
            e.freedAt = site(r, Report.Role.FREED);
            e.report = r.toString();
            e.commit();
        }
    }

    private static String site(Report r, Report.Role role) {
        Site s = r.site(role);
        return s == null ? null : s.toString();
    }

    /** Fields shared by Acquire and Release. */
    @Category({"refguard", "Lifetime"})
    @StackTrace(false)
    abstract static class LifetimeEvent extends Event {
        @Label("Object")
        @Description("The tracked object, as SimpleClassName@identityHash")
        String object;

        @Label("Operation")
        @Description("create, acquire or share; or release")
        String operation;

        @Label("Site")
        @Description("The code site of the operation and its thread")
        String site;
    }

    /** A tracked object's count went up: created, acquired or shared. */
    @Name("io.refguard.Acquire")
    @Label("Acquire")
    @Description("A reference to a tracked object was created, acquired or shared")
    @Enabled(false)
    static final class Acquire extends LifetimeEvent {}

    /** A tracked reference was closed. */
    @Name("io.refguard.Release")
    @Label("Release")
    @Description("A reference to a tracked object was closed")
    @Enabled(false)
    static final class Release extends LifetimeEvent {}

    /** Fields shared by the checker's reports. */
    @Category({"refguard", "Checker"})
    @StackTrace(true)
    abstract static class BugEvent extends Event {
        @Label("Kind")
        @Description("The report's kind, e.g. LEAK, DOUBLE_RELEASE, ACQUIRE_DEAD")
        String kind;

        @Label("Object")
        String object;

        @Label("Tracked")
        @Description("Whether the object was tracked; only tracked objects have their sites")
        boolean tracked;

        @Label("At")
        @Description("Where the offending operation ran: the second release, the use")
        String at;

        @Label("Acquired At")
        String acquiredAt;

        @Label("Released At")
        String releasedAt;

        @Label("Freed At")
        String freedAt;

        @Label("Report")
        @Description("The checker's full report, with access records when they are on")
        String report;
    }

    /**
     * A reference was still open at the end of its leak scope, or became unreachable while open.
     */
    @Name("io.refguard.Leak")
    @Label("Leak")
    @Description("A reference was never closed")
    static final class Leak extends BugEvent {}

    /** A reference was closed twice, or a dead object released. */
    @Name("io.refguard.DoubleRelease")
    @Label("Double Release")
    @Description("A reference was closed again, or a dead object was released")
    static final class DoubleRelease extends BugEvent {}

    /** A closed reference or a dead object was used or acquired. */
    @Name("io.refguard.UseAfterRelease")
    @Label("Use After Release")
    @Description("A closed reference or a dead object was used or acquired")
    static final class UseAfterRelease extends BugEvent {}
}
