package io.refguard.agent.explore;

import io.refguard.agent.AgentOptions;
import io.refguard.agent.InstrumentingClassLoader;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Program loaders kept between explorations: a program explored again in the same JVM (the next
 * test, the next benchmark iteration) gets the loader of the last exploration, whose classes are
 * instrumented and compiled already. That is sound because a program's statics are re-initialized
 * in every run anyway ({@link InstrumentingClassLoader#forProgram}). A loader serves one
 * exploration at a time: one running at the same time gets a loader of its own. At most {@link
 * #KEPT} idle loaders are kept; the least recently used is closed when another is returned.
 */
final class ProgramLoaders {

    /** How many idle loaders are kept. */
    static final int KEPT = 4;

    /** What makes two explorations load the same program the same way. */
    record Key(ClassLoader parent, String options, List<Path> classPath) {
        Key {
            classPath = classPath.stream().map(p -> p.toAbsolutePath().normalize()).toList();
        }
    }

    /** Idle loaders, least recently returned first. */
    private static final LinkedHashMap<Key, InstrumentingClassLoader> IDLE = new LinkedHashMap<>();

    private ProgramLoaders() {}

    /** An idle loader for {@code key}, or a new one. */
    static InstrumentingClassLoader take(Key key, AgentOptions options) {
        synchronized (IDLE) {
            InstrumentingClassLoader idle = IDLE.remove(key);
            if (idle != null) {
                return idle;
            }
        }
        return InstrumentingClassLoader.forProgram(key.parent(), options, key.classPath());
    }

    /** Keeps {@code loader} for the next exploration of {@code key}, closing the oldest kept. */
    static void give(Key key, InstrumentingClassLoader loader) {
        InstrumentingClassLoader evicted = null;
        synchronized (IDLE) {
            InstrumentingClassLoader before = IDLE.put(key, loader);
            if (before != null && before != loader) {
                evicted = before;
            } else if (IDLE.size() > KEPT) {
                Iterator<Map.Entry<Key, InstrumentingClassLoader>> oldest =
                        IDLE.entrySet().iterator();
                evicted = oldest.next().getValue();
                oldest.remove();
            }
        }
        if (evicted != null) {
            evicted.close();
        }
    }
}
