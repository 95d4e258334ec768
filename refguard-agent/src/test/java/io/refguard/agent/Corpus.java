package io.refguard.agent;

import example.corpus.ArrayElements;
import example.corpus.Atomics;
import example.corpus.JdkLibrary;
import example.corpus.Locks;
import example.corpus.MethodReferences;
import example.corpus.Monitors;
import example.corpus.Parking;
import example.corpus.Pools;
import example.corpus.Shapes;
import example.corpus.Threads;
import example.corpus.VolatileFields;
import example.corpus.WaitNotify;
import java.util.List;
import java.util.concurrent.Callable;

/** The corpus classes and how tests load them. */
final class Corpus {

    static final List<Class<?>> CLASSES =
            List.of(
                    VolatileFields.class,
                    Atomics.class,
                    Monitors.class,
                    WaitNotify.class,
                    Locks.class,
                    Parking.class,
                    Threads.class,
                    Pools.class,
                    Shapes.class,
                    MethodReferences.class,
                    JdkLibrary.class,
                    ArrayElements.class);

    static final AgentOptions OPTIONS = AgentOptions.defaults().withInclude("example.corpus.*");

    private Corpus() {}

    static InstrumentingClassLoader loader(AgentOptions options) {
        return new InstrumentingClassLoader(Corpus.class.getClassLoader(), options);
    }

    /** A new instance of {@code c} as defined by {@code loader}. */
    static Object instance(ClassLoader loader, Class<?> c) throws Exception {
        return Class.forName(c.getName(), true, loader).getDeclaredConstructor().newInstance();
    }

    static Object call(Object instance) throws Exception {
        return ((Callable<?>) instance).call();
    }
}
