package io.refguard;

import java.util.List;
import java.util.Objects;

/**
 * One lifetime bug found by the checker, as data: its kind, the object, the code sites involved
 * and, for tracked objects with access records on, the object's first and last access records.
 * {@link #toString()} renders the plain-text report that the matching {@link RefGuardException}
 * carries as its message, for example:
 *
 * <pre>
 * refguard: double release of Buffer@3f2a (tracked)
 *   first released at  BufferPool.recycle(BufferPool.java:88) on thread worker-2
 *   released again at  Request.finish(Request.java:41) on thread worker-1
 *   acquired at        Request.start(Request.java:17) on thread worker-1
 * </pre>
 *
 * <p>Instances are immutable.
 */
public final class Report {

    /** What went wrong. */
    public enum Kind {
        /** A reference was never closed (found by a {@link LeakScope} or the GC backstop). */
        LEAK("leak of"),
        /** The same reference was closed twice. */
        DOUBLE_RELEASE("double release of"),
        /** A closed reference, or a dead object, was used. */
        USE_AFTER_RELEASE("use after release of"),
        /** A new reference was requested on an object whose count had reached zero. */
        ACQUIRE_DEAD("acquire of dead"),
        /** A reference was released on an object whose count had already reached zero. */
        RELEASE_DEAD("release of dead"),
        /** An acquire would have overflowed the count; it was rejected and undone. */
        OVERFLOW("reference count overflow of");

        private final String text;

        Kind(String text) {
            this.text = text;
        }

        /**
         * The phrase that starts a report and precedes the object, such as {@code "double release
         * of"}.
         */
        public String text() {
            return text;
        }
    }

    /** The part a site played in a report. */
    public enum Role {
        /** Where the reference in question was acquired (or its object created). */
        ACQUIRED,
        /** Where the reference was closed (the first time, for a double release). */
        RELEASED,
        /** Where the already closed reference was closed again. */
        RELEASED_AGAIN,
        /** Where the offending operation ran: the use, acquire or release that failed. */
        USED,
        /** Where the object's last reference was released, freeing it. */
        FREED
    }

    /** A site with its role and the label it is shown under. */
    public static final class Entry {
        private final Role role;
        private final String label;
        private final Site site;

        Entry(Role role, String label, Site site) {
            this.role = role;
            this.label = label;
            this.site = site;
        }

        /** The part this site played. */
        public Role role() {
            return role;
        }

        /** The label the site is shown under, such as {@code "released again at"}. */
        public String label() {
            return label;
        }

        /** The site. */
        public Site site() {
            return site;
        }
    }

    private final Kind kind;
    private final String object;
    private final boolean tracked;
    private final List<Entry> entries;
    private final List<AccessRecord> records;
    private final int recordCount;
    private final String advice;

    Report(
            Kind kind,
            String object,
            boolean tracked,
            List<Entry> entries,
            List<AccessRecord> records,
            int recordCount,
            String advice) {
        this.kind = kind;
        this.object = object;
        this.tracked = tracked;
        this.entries = List.copyOf(entries);
        this.records = List.copyOf(records);
        this.recordCount = recordCount;
        this.advice = advice;
        JfrEvents.reported(this);
    }

    /** What went wrong. */
    public Kind kind() {
        return kind;
    }

    /** The object, as {@code SimpleClassName@identityHashHex}. */
    public String object() {
        return object;
    }

    /** Whether the object was tracked; only tracked objects have acquire and release sites. */
    public boolean tracked() {
        return tracked;
    }

    /** The sites involved, in the order the report shows them. */
    public List<Entry> entries() {
        return entries;
    }

    /** The site playing {@code role}, or {@code null} when this report has none. */
    public Site site(Role role) {
        Objects.requireNonNull(role, "role");
        for (Entry e : entries) {
            if (e.role == role) {
                return e.site;
            }
        }
        return null;
    }

    /**
     * The object's retained access records (the first, then the last few), or an empty list when
     * records were off for it.
     */
    public List<AccessRecord> records() {
        return records;
    }

    /** How many access records the object had in total, retained or not. */
    public int recordCount() {
        return recordCount;
    }

    /** A hint on how to get more detail or what to do, or {@code null}. */
    public String advice() {
        return advice;
    }

    /** The plain-text report, several lines, without a trailing newline. */
    @Override
    public String toString() {
        return ReportText.render(this);
    }
}
