package io.refguard.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;

import example.methodrefs.RefMethodReferences;
import java.io.InputStream;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;

/**
 * Method references and lambdas into refguard's reference API, instrumented with supplied-site
 * brackets (as under the agent with its default {@code sites=true}): a bound {@code buffer::close}
 * once failed to link with a {@code BootstrapMethodError}. The brackets run as no-ops in this JVM;
 * {@code CallSitesIT} runs the same class under the real agent.
 */
class RefMethodReferencesTest {

    @Test
    void everyFormRunsInstrumentedExactlyAsWithout() throws Exception {
        String name = RefMethodReferences.class.getName();
        ClassLoader app = getClass().getClassLoader();
        ClassLoader l =
                new ClassLoader(app) {
                    @Override
                    protected Class<?> loadClass(String n, boolean resolve)
                            throws ClassNotFoundException {
                        if (!n.startsWith(name)) {
                            return super.loadClass(n, resolve);
                        }
                        synchronized (getClassLoadingLock(n)) {
                            Class<?> c = findLoadedClass(n);
                            if (c != null) return c;
                            try (InputStream in =
                                    app.getResourceAsStream(n.replace('.', '/') + ".class")) {
                                byte[] b = in.readAllBytes();
                                ClassInstrumenter.Result r =
                                        ClassInstrumenter.instrument(
                                                b,
                                                app,
                                                AgentOptions.defaults()
                                                        .withInclude("example.methodrefs.*"),
                                                true);
                                if (r != null) b = r.bytes();
                                return defineClass(n, b, 0, b.length);
                            } catch (java.io.IOException e) {
                                throw new ClassNotFoundException(n, e);
                            }
                        }
                    }
                };
        Object o = Class.forName(name, true, l).getDeclaredConstructor().newInstance();
        @SuppressWarnings("unchecked")
        List<String> seen = ((Callable<List<String>>) o).call();
        assertEquals(new RefMethodReferences().call(), seen);
    }
}
