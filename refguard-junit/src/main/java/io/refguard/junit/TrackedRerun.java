package io.refguard.junit;

import io.refguard.CheckMode;
import io.refguard.LeakException;
import io.refguard.LeakScope;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.HierarchyTraversalMode;

/**
 * Runs a test that leaked in a PRESENCE scope once more in a TRACKED scope, to name the sites the
 * count could not: a fresh instance (the same one under a per-class lifecycle), its
 * {@code @BeforeEach} methods, the test method and its {@code @AfterEach} methods, all on the
 * current thread with the TRACKED scope bound, parameters resolved by JUnit as for the real run.
 */
final class TrackedRerun {

    private TrackedRerun() {}

    /**
     * Re-runs the test of {@code context}.
     *
     * @return the re-run's {@link LeakException}, with the sites, or an exception that says why the
     *     re-run named none (it leaked nothing, or could not run)
     */
    static Throwable run(
            ExtensionContext context, LeakCheckExtension extension, boolean lifecycleMethods) {
        String name = LeakCheckExtension.testName(context) + " re-run in TRACKED mode";
        LeakScope scope = LeakScope.openDetached(CheckMode.TRACKED, name);
        extension.storeForRerun(context, scope, lifecycleMethods);
        Throwable failure = null;
        try {
            Class<?> type = context.getRequiredTestClass();
            Object instance = instance(context, type);
            try {
                invokeAll(
                        context,
                        instance,
                        type,
                        BeforeEach.class,
                        HierarchyTraversalMode.TOP_DOWN,
                        scope,
                        lifecycleMethods);
                try (LeakScope.Binding b = scope.bind()) {
                    context.getExecutableInvoker()
                            .invoke(context.getRequiredTestMethod(), instance);
                }
            } catch (Throwable t) {
                failure = t;
            } finally {
                invokeAll(
                        context,
                        instance,
                        type,
                        AfterEach.class,
                        HierarchyTraversalMode.BOTTOM_UP,
                        scope,
                        lifecycleMethods);
            }
        } catch (Throwable t) {
            extension.endRerun(context);
            closeQuietly(scope);
            return new IllegalStateException(
                    "refguard: could not re-run "
                            + LeakCheckExtension.testName(context)
                            + " in TRACKED mode to name the sites ("
                            + t
                            + "); run it with"
                            + " @RefGuardLeakCheck(mode = TRACKED) instead",
                    t);
        }
        extension.endRerun(context);
        try {
            scope.close();
        } catch (LeakException leak) {
            return leak;
        }
        return new IllegalStateException(
                "refguard: "
                        + name
                        + " leaked nothing"
                        + (failure != null ? " (the re-run failed: " + failure + ")" : "")
                        + "; the leak depends on timing or on state the first run left behind. Run the test with"
                        + " @RefGuardLeakCheck(mode = TRACKED) to name the sites when it leaks");
    }

    private static Object instance(ExtensionContext context, Class<?> type) throws Exception {
        if (context.getTestInstanceLifecycle().orElse(null)
                == org.junit.jupiter.api.TestInstance.Lifecycle.PER_CLASS) {
            return context.getRequiredTestInstance();
        }
        Constructor<?>[] constructors = type.getDeclaredConstructors();
        if (constructors.length != 1) {
            throw new IllegalStateException(
                    type.getName() + " has " + constructors.length + " constructors");
        }
        Constructor<?> c = constructors[0];
        if (type.isMemberClass() && !Modifier.isStatic(type.getModifiers())) {
            List<Object> outer = context.getRequiredTestInstances().getEnclosingInstances();
            return context.getExecutableInvoker().invoke(c, outer.get(outer.size() - 1));
        }
        return context.getExecutableInvoker().invoke(c);
    }

    private static void invokeAll(
            ExtensionContext context,
            Object instance,
            Class<?> type,
            Class<? extends java.lang.annotation.Annotation> annotation,
            HierarchyTraversalMode order,
            LeakScope scope,
            boolean bound) {
        for (Method m : AnnotationSupport.findAnnotatedMethods(type, annotation, order)) {
            LeakScope.Binding b = bound ? scope.bind() : null;
            try {
                context.getExecutableInvoker().invoke(m, instance);
            } finally {
                if (b != null) {
                    b.close();
                }
            }
        }
    }

    private static void closeQuietly(LeakScope scope) {
        try {
            scope.close();
        } catch (LeakException ignored) {
            // the re-run could not complete: its partial leaks name nothing reliable
        }
    }
}
