package io.refguard.swap;

/**
 * A {@link HotSwapSet} reload failed because a member could not be opened. The current set is
 * unchanged: no member of it was closed, and the members the failed reload had opened were closed.
 * The cause is the opener's exception; fix what it names (a missing file, say) and reload.
 */
public final class ReloadException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Object key;

    ReloadException(Object key, Throwable cause) {
        super(
                "refguard: reload failed opening member '"
                        + key
                        + "': "
                        + cause
                        + "; the current set is unchanged (no member freed), the members opened by this reload were closed",
                cause);
        this.key = key;
    }

    /** The key whose member could not be opened. */
    public Object key() {
        return key;
    }
}
