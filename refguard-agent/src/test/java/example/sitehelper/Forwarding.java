package example.sitehelper;

import io.refguard.Ref;

/**
 * A {@code Ref} of the user's own that forwards every call to another. The tests leave this package
 * uninstrumented, so a stack walk from inside a forwarded call names this class, while a site
 * supplied by the agent names the instrumented caller of the wrapper.
 */
public final class Forwarding<T> implements Ref<T> {

    private final Ref<T> target;

    /** A wrapper forwarding to {@code target}, which it owns: closing it closes the target. */
    public Forwarding(Ref<T> target) {
        this.target = target;
    }

    /** Closes {@code ref} from this uninstrumented class: a capture no bracket covers. */
    public static void release(Ref<?> ref) {
        ref.close(); // site: helper release
    }

    @Override
    public T get() {
        return target.get();
    }

    @Override
    public void close() {
        target.close(); // site: forwarded close
    }

    @Override
    public Ref<T> share() {
        return target.share();
    }

    @Override
    public Ref<T> touch(Object hint) {
        return target.touch(hint);
    }

    @Override
    public boolean isOpen() {
        return target.isOpen();
    }
}
