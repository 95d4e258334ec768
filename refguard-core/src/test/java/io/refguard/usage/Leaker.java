package io.refguard.usage;

import io.refguard.Ref;

/**
 * Leaks handles from one line of user code, for tests in refguard's own package (whose frames sites
 * skip).
 */
public final class Leaker {

    private Leaker() {}

    /** A new buffer, tracked if the mode says so; close it when done. */
    public static AutoCloseable newBuffer() {
        return new Buffer();
    }

    /**
     * Acquires a handle on {@code buffer} and drops it; returns the acquire site as {@code
     * Class.method(File:line)}.
     */
    public static String leakOne(AutoCloseable buffer) {
        int line = Lines.next();
        Ref<Buffer> r = ((Buffer) buffer).acquire();
        r.touch(null);
        return Leaker.class.getName() + ".leakOne(Leaker.java:" + line + ")";
    }
}
