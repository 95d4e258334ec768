package io.refguard.cases;

import java.util.Locale;

/** Which side of a seed bug a case models. */
public enum Variant {
    /** The code as it was before the fix: exploration must find the bug. */
    BUGGY,
    /** The code with the upstream fix: exploration must verify it within the case's bound. */
    FIXED;

    /** The lower-case name used on the command line and in JSON: {@code buggy} or {@code fixed}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
