package io.refguard.junit;

import io.refguard.CheckMode;
import java.lang.reflect.Method;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The leak check's settings for one test, from the nearest {@link RefGuardLeakCheck}: on the test
 * method, else on its class (superclasses included), else on the enclosing classes of a
 * {@code @Nested} class; with no annotation (auto-detected registration) the check is on with the
 * defaults.
 */
final class LeakCheckSettings {

    private static final LeakCheckSettings DEFAULTS =
            new LeakCheckSettings(true, true, CheckMode.TRACKED, true);

    private final boolean enabled;
    private final boolean lifecycleMethods;
    private final CheckMode mode;
    private final boolean rerunTracked;

    private LeakCheckSettings(
            boolean enabled, boolean lifecycleMethods, CheckMode mode, boolean rerunTracked) {
        this.enabled = enabled;
        this.lifecycleMethods = lifecycleMethods;
        this.mode = mode;
        this.rerunTracked = rerunTracked;
    }

    static LeakCheckSettings of(ExtensionContext context) {
        Optional<Method> method = context.getTestMethod();
        if (method.isPresent()) {
            Optional<RefGuardLeakCheck> onMethod =
                    AnnotationSupport.findAnnotation(method.get(), RefGuardLeakCheck.class);
            if (onMethod.isPresent()) {
                return from(onMethod.get());
            }
        }
        for (Class<?> c = context.getTestClass().orElse(null);
                c != null;
                c = c.getEnclosingClass()) {
            Optional<RefGuardLeakCheck> onClass =
                    AnnotationSupport.findAnnotation(c, RefGuardLeakCheck.class);
            if (onClass.isPresent()) {
                return from(onClass.get());
            }
        }
        return DEFAULTS;
    }

    private static LeakCheckSettings from(RefGuardLeakCheck a) {
        return new LeakCheckSettings(a.enabled(), a.lifecycleMethods(), a.mode(), a.rerunTracked());
    }

    boolean enabled() {
        return enabled;
    }

    boolean lifecycleMethods() {
        return lifecycleMethods;
    }

    CheckMode mode() {
        return mode;
    }

    boolean rerunTracked() {
        return rerunTracked;
    }
}
