package io.refguard.swap;

/**
 * Opens the member with a given key for a {@link HotSwapSet} reload, such as a table reader for a
 * table file name.
 *
 * @param <K> the member key type
 * @param <M> the member type
 */
@FunctionalInterface
public interface MemberOpener<K, M> {

    /**
     * Opens the member for {@code key}. The caller takes over the new object's creator reference.
     *
     * @throws Exception when the member cannot be opened; the reload then fails and leaves the
     *     current set as it was
     */
    M open(K key) throws Exception;
}
