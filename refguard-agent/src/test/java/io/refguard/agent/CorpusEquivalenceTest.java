package io.refguard.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.refguard.agent.bridge.PassThroughInterceptor;
import io.refguard.agent.bridge.SyncBridge;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * Every corpus class, instrumented, verifies and loads on the running JDK and computes what the
 * uninstrumented class computes: without an interceptor (the bridge performs the original
 * operations) and with a pass-through interceptor managing every thread (monitors emulated,
 * executors built with the interceptor's factory).
 */
class CorpusEquivalenceTest {

    static final List<Class<?>> CORPUS = Corpus.CLASSES;

    @ParameterizedTest
    @FieldSource("CORPUS")
    void sameResultWithoutInterceptor(Class<?> c) throws Exception {
        Object expected = Corpus.call(c.getDeclaredConstructor().newInstance());
        InstrumentingClassLoader loader = Corpus.loader(Corpus.OPTIONS);
        Object instance = Corpus.instance(loader, c);
        assertNotSame(c, instance.getClass());
        assertSame(loader, instance.getClass().getClassLoader());
        assertEquals(expected, Corpus.call(instance));
        assertTrue(loader.transformer().instrumentedCount() > 0, "nothing was instrumented");
        assertEquals(0, loader.transformer().failureCount(), "see standard error");
    }

    @ParameterizedTest
    @FieldSource("CORPUS")
    void sameResultThroughPassThroughInterceptor(Class<?> c) throws Exception {
        Object expected = Corpus.call(c.getDeclaredConstructor().newInstance());
        InstrumentingClassLoader loader = Corpus.loader(Corpus.OPTIONS);
        PassThroughInterceptor interceptor = new PassThroughInterceptor();
        SyncBridge.install(interceptor);
        try {
            assertEquals(expected, Corpus.call(Corpus.instance(loader, c)));
        } finally {
            SyncBridge.uninstall(interceptor);
        }
        assertEquals(0, loader.transformer().failureCount(), "see standard error");
    }

    @ParameterizedTest
    @FieldSource("CORPUS")
    void sameResultWithPlainFieldsInstrumented(Class<?> c) throws Exception {
        Object expected = Corpus.call(c.getDeclaredConstructor().newInstance());
        InstrumentingClassLoader loader = Corpus.loader(Corpus.OPTIONS.withPlainFields(true));
        assertEquals(expected, Corpus.call(Corpus.instance(loader, c)));
        assertEquals(0, loader.transformer().failureCount(), "see standard error");
    }
}
