package io.refguard;

/**
 * One counted reference to a {@link RefCounted} object. Whoever holds a {@code Ref} owns one count
 * on the object and must {@link #close()} it exactly once; the object is freed when its last
 * reference is closed.
 *
 * <p>For a tracked object (see {@link CheckMode}) every reference is its own handle object, so the
 * checker can tell references apart: a handle that is never closed is a leak reported with its
 * acquire site, a handle closed twice is a double release reported with both release sites, and a
 * handle used after {@code close()} is a use after release reported with its release site. For an
 * untracked object a {@code Ref} is the object itself and these checks reduce to the dead-object
 * checks; the API is the same either way, so code never changes with the mode.
 *
 * <p>A handle may be passed between threads; publishing it safely (through a volatile, a lock, an
 * executor) is the caller's job, as for any object.
 *
 * @param <T> the type of the referenced object
 */
public interface Ref<T> extends AutoCloseable {

    /**
     * The referenced object.
     *
     * @throws UseAfterReleaseException when this reference was closed (tracked), or the object was
     *     freed (untracked)
     */
    T get();

    /**
     * Releases this reference, once. Everything this thread did with the object before {@code
     * close()} happens-before the object's {@code deallocate()}.
     *
     * @throws DoubleReleaseException when this reference was already closed (tracked objects)
     * @throws DeadObjectException when the object had already been freed (untracked objects)
     */
    @Override
    void close();

    /**
     * A new reference to the same object, acquired through this one; close both.
     *
     * @throws UseAfterReleaseException when this reference was closed or the object freed
     */
    Ref<T> share();

    /**
     * Adds an access record with {@code hint} (converted with {@code String.valueOf}) when access
     * records are on for the object, and checks that this reference is still open.
     *
     * @return this reference
     * @throws UseAfterReleaseException when this reference was closed or the object freed
     */
    Ref<T> touch(Object hint);

    /** Whether this reference has not been closed (for untracked objects: the object is alive). */
    boolean isOpen();
}
