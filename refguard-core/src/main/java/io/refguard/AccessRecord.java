package io.refguard;

/**
 * One access record of a tracked object: what happened to it, where, and the optional hint given to
 * {@link Ref#touch(Object)}. Records are kept only while access records are switched on (see {@link
 * RefGuard#setRecords(boolean)}); a report shows the first record and the last few.
 */
public final class AccessRecord {

    private final int index;
    private final String event;
    private final String hint;
    private final Site site;

    AccessRecord(int index, String event, String hint, Site site) {
        this.index = index;
        this.event = event;
        this.hint = hint;
        this.site = site;
    }

    /** The 1-based position of this record among all records of its object. */
    public int index() {
        return index;
    }

    /**
     * What happened: {@code "create"}, {@code "acquire"}, {@code "share"}, {@code "touch"} or
     * {@code "release"}; for an object tracked through an adapter, the method of the library that
     * was called, such as {@code "retain"}.
     */
    public String event() {
        return event != null ? event : site.calledMethod();
    }

    /** The hint passed to {@code touch}, as a string, or {@code null} when none was given. */
    public String hint() {
        return hint;
    }

    /** Where it happened. */
    public Site site() {
        return site;
    }

    /** Renders as {@code #3 touch "parsed" at Parser.run(Parser.java:40) on thread main}. */
    @Override
    public String toString() {
        return "#"
                + index
                + " "
                + event()
                + (hint == null ? "" : " \"" + hint + "\"")
                + " at "
                + site;
    }
}
