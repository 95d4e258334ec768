package io.refguard.agent.explore;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Collection;
import java.util.Map;

/**
 * What a {@code Collections.synchronized*} wrapper holds: the collection or map it wraps ({@code
 * SynchronizedCollection.c}, {@code SynchronizedMap.m}) and the object its methods synchronize on
 * ({@code mutex}: the wrapper, or for a view such as a map's key set, the wrapper it is a view of,
 * or the {@code Hashtable} behind it). Readable when {@code java.util} is open to refguard (the
 * agent and the command line's jar open it); otherwise both answers are null.
 */
final class SynchronizedWrappers {

    private static final Class<?> COLLECTION_TYPE;
    private static final Class<?> MAP_TYPE;
    private static final VarHandle COLLECTION;
    private static final VarHandle COLLECTION_MUTEX;
    private static final VarHandle MAP;
    private static final VarHandle MAP_MUTEX;

    static {
        VarHandle[] h = new VarHandle[4];
        Class<?> c = null;
        Class<?> m = null;
        try {
            c = Class.forName("java.util.Collections$SynchronizedCollection");
            m = Class.forName("java.util.Collections$SynchronizedMap");
            MethodHandles.Lookup lc = MethodHandles.privateLookupIn(c, MethodHandles.lookup());
            MethodHandles.Lookup lm = MethodHandles.privateLookupIn(m, MethodHandles.lookup());
            h[0] = lc.findVarHandle(c, "c", Collection.class);
            h[1] = lc.findVarHandle(c, "mutex", Object.class);
            h[2] = lm.findVarHandle(m, "m", Map.class);
            h[3] = lm.findVarHandle(m, "mutex", Object.class);
        } catch (ReflectiveOperationException | RuntimeException e) {
            h = new VarHandle[4]; // java.util not open to refguard, or a JDK without the fields
        }
        COLLECTION_TYPE = c;
        MAP_TYPE = m;
        COLLECTION = h[0];
        COLLECTION_MUTEX = h[1];
        MAP = h[2];
        MAP_MUTEX = h[3];
    }

    private SynchronizedWrappers() {}

    /** The collection or map {@code wrapper} wraps, or null when it cannot be read. */
    static Object inside(Object wrapper) {
        return read(wrapper, COLLECTION, MAP);
    }

    /** The object {@code wrapper}'s methods synchronize on, or null when it cannot be read. */
    static Object mutex(Object wrapper) {
        return read(wrapper, COLLECTION_MUTEX, MAP_MUTEX);
    }

    private static Object read(Object wrapper, VarHandle ofCollection, VarHandle ofMap) {
        if (ofCollection == null) {
            return null;
        }
        if (MAP_TYPE.isInstance(wrapper)) {
            return ofMap.get(wrapper);
        }
        return COLLECTION_TYPE.isInstance(wrapper) ? ofCollection.get(wrapper) : null;
    }
}
