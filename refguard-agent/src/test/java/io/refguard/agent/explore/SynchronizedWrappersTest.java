package io.refguard.agent.explore;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What refguard reads of a {@code Collections.synchronized*} wrapper (java.util open, as here). */
class SynchronizedWrappersTest {

    @Test
    void aWrapperWrapsItsCollectionAndLocksItself() {
        List<String> list = new ArrayList<>();
        List<String> wrapper = Collections.synchronizedList(list);
        assertSame(list, SynchronizedWrappers.inside(wrapper));
        assertSame(wrapper, SynchronizedWrappers.mutex(wrapper));
        Map<String, Integer> map = new HashMap<>();
        Map<String, Integer> wrapped = Collections.synchronizedMap(map);
        assertSame(map, SynchronizedWrappers.inside(wrapped));
        assertSame(wrapped, SynchronizedWrappers.mutex(wrapped));
    }

    @Test
    void aViewLocksWhatItIsAViewOf() {
        Map<String, Integer> wrapped = Collections.synchronizedMap(new HashMap<>());
        assertSame(wrapped, SynchronizedWrappers.mutex(wrapped.keySet()));
        Hashtable<String, Integer> table = new Hashtable<>();
        assertSame(table, SynchronizedWrappers.mutex(table.entrySet()));
    }

    @Test
    void anythingElseHasNeither() {
        assertNull(SynchronizedWrappers.inside(new ArrayList<>()));
        assertNull(SynchronizedWrappers.mutex(new Object()));
    }
}
