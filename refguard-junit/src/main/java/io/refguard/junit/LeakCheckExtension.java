package io.refguard.junit;

import io.refguard.CheckMode;
import io.refguard.LeakException;
import io.refguard.LeakScope;
import java.lang.reflect.Method;
import java.util.Optional;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;
import org.opentest4j.TestAbortedException;

/**
 * The leak check behind {@link RefGuardLeakCheck}: a {@link LeakScope} per test, closed when the
 * test ends, whose leaks fail the test.
 *
 * <p>Register it with {@code @RefGuardLeakCheck} on a class or method, with
 * {@code @ExtendWith(LeakCheckExtension.class)}, or for every test of a run through JUnit's
 * extension auto-detection: this jar lists it in {@code
 * META-INF/services/org.junit.jupiter.api.extension.Extension}, and {@code
 * junit.jupiter.extensions.autodetection.enabled=true} turns that on.
 *
 * <p>Outcome: a test that leaves references open fails with the core's {@link LeakException}, whose
 * message lists each open reference with its acquire site. A test that failed for another reason
 * keeps its own failure, with the {@code LeakException} added to it as suppressed; an aborted test
 * that leaked fails with the {@code LeakException}.
 *
 * <p>Test methods, {@code @BeforeEach} and {@code @AfterEach} methods and their parameters may
 * declare a {@link LeakScope} parameter to receive the test's scope, for example to {@link
 * LeakScope#wrap(Runnable) wrap} tasks handed to an executor.
 */
public final class LeakCheckExtension
        implements BeforeEachCallback, AfterEachCallback, InvocationInterceptor, ParameterResolver {

    /*
     * Parallel execution. JUnit runs a test's beforeEach callbacks, lifecycle methods, the test
     * method and its afterEach callbacks one after the other, each finished before the next
     * starts, so the scope stored for a test is seen by every later step of that test. The scope
     * itself is detached: it is bound only for the duration of each intercepted method, on
     * whichever thread runs it (a test method run on a separate thread by @Timeout included), and
     * a binding is a thread-local of that thread. A reference belongs to the scope bound where it
     * was acquired, so concurrent tests, each on its own thread, never see each other's references.
     */

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(LeakCheckExtension.class);
    private static final String KEY = "scope";

    /** Creates the extension; JUnit does this when it registers it. */
    public LeakCheckExtension() {}

    /** Opens the test's scope, unless the check is off for this test. */
    @Override
    public void beforeEach(ExtensionContext context) {
        LeakCheckSettings settings = LeakCheckSettings.of(context);
        if (!settings.enabled()) {
            return;
        }
        ExtensionContext.Store store = context.getStore(NAMESPACE);
        if (store.get(KEY) != null) {
            return; // registered twice (say, by annotation and by auto-detection): one check
            // suffices
        }
        store.put(
                KEY,
                new TestScope(
                        this,
                        LeakScope.openDetached(settings.mode(), testName(context)),
                        settings.lifecycleMethods(),
                        settings.rerunTracked()));
    }

    /**
     * Closes the test's scope. Leaks fail the test; if it already failed, they are added to its
     * failure as suppressed. An aborted test (a failed assumption) that leaked fails with the leak.
     */
    @Override
    public void afterEach(ExtensionContext context) {
        ExtensionContext.Store store = context.getStore(NAMESPACE);
        TestScope test = store.get(KEY, TestScope.class);
        if (test == null || test.owner != this) {
            return;
        }
        store.remove(KEY);
        try {
            test.scope.close();
        } catch (LeakException leak) {
            if (test.scope.mode() == CheckMode.PRESENCE && test.rerunTracked) {
                leak.addSuppressed(TrackedRerun.run(context, this, test.lifecycleMethods));
            }
            Optional<Throwable> failure = context.getExecutionException();
            if (failure.isPresent() && !(failure.get() instanceof TestAbortedException)) {
                failure.get().addSuppressed(leak);
                return;
            }
            throw leak; // over an abort, JUnit makes the leak the failure and suppresses the abort
        }
    }

    @Override
    public void interceptBeforeEachMethod(
            Invocation<Void> invocation,
            ReflectiveInvocationContext<Method> invocationContext,
            ExtensionContext context)
            throws Throwable {
        proceedBound(invocation, context, true);
    }

    @Override
    public void interceptTestMethod(
            Invocation<Void> invocation,
            ReflectiveInvocationContext<Method> invocationContext,
            ExtensionContext context)
            throws Throwable {
        proceedBound(invocation, context, false);
    }

    @Override
    public void interceptTestTemplateMethod(
            Invocation<Void> invocation,
            ReflectiveInvocationContext<Method> invocationContext,
            ExtensionContext context)
            throws Throwable {
        proceedBound(invocation, context, false);
    }

    @Override
    public void interceptAfterEachMethod(
            Invocation<Void> invocation,
            ReflectiveInvocationContext<Method> invocationContext,
            ExtensionContext context)
            throws Throwable {
        proceedBound(invocation, context, true);
    }

    /** Runs one method with the test's scope bound to the thread that runs it. */
    private void proceedBound(
            Invocation<Void> invocation, ExtensionContext context, boolean lifecycle)
            throws Throwable {
        TestScope test = context.getStore(NAMESPACE).get(KEY, TestScope.class);
        if (test == null
                || test.owner != this
                || lifecycle && !test.lifecycleMethods
                || test.scope.isClosed()) {
            invocation.proceed();
            return;
        }
        LeakScope.Binding binding = test.scope.bind();
        try {
            invocation.proceed();
        } finally {
            binding.close();
        }
    }

    /** Supports {@link LeakScope} parameters. */
    @Override
    public boolean supportsParameter(
            ParameterContext parameterContext, ExtensionContext extensionContext) {
        return parameterContext.getParameter().getType() == LeakScope.class;
    }

    /**
     * The test's scope.
     *
     * @throws ParameterResolutionException when the test has none: the parameter is on a
     *     constructor or a class-level method, or the check is off for this test
     */
    @Override
    public Object resolveParameter(
            ParameterContext parameterContext, ExtensionContext extensionContext) {
        TestScope test = extensionContext.getStore(NAMESPACE).get(KEY, TestScope.class);
        if (test == null) {
            throw new ParameterResolutionException(
                    "refguard: "
                            + parameterContext.getDeclaringExecutable()
                            + " asks for the test's LeakScope, but there is none here: only test methods and"
                            + " @BeforeEach/@AfterEach methods of a leak-checked test receive one (not constructors,"
                            + " not @BeforeAll/@AfterAll, not tests with"
                            + " @RefGuardLeakCheck(enabled = false)); remove the parameter or enable the check");
        }
        return test.scope;
    }

    /**
     * Stores {@code scope} as the test's while {@link TrackedRerun} runs, so parameters receive it.
     */
    void storeForRerun(ExtensionContext context, LeakScope scope, boolean lifecycleMethods) {
        context.getStore(NAMESPACE).put(KEY, new TestScope(this, scope, lifecycleMethods, false));
    }

    /** Ends {@link #storeForRerun}. */
    void endRerun(ExtensionContext context) {
        context.getStore(NAMESPACE).remove(KEY);
    }

    /**
     * The scope of one test and who opened it. Not AutoCloseable: JUnit must not close it for us.
     */
    private static final class TestScope {
        final LeakCheckExtension owner;
        final LeakScope scope;
        final boolean lifecycleMethods;
        final boolean rerunTracked;

        TestScope(
                LeakCheckExtension owner,
                LeakScope scope,
                boolean lifecycleMethods,
                boolean rerunTracked) {
            this.owner = owner;
            this.scope = scope;
            this.lifecycleMethods = lifecycleMethods;
            this.rerunTracked = rerunTracked;
        }
    }

    /** How leak messages name the test: {@code test Class.method()}, plus the invocation's name. */
    static String testName(ExtensionContext context) {
        String method = context.getRequiredTestMethod().getName() + "()";
        String name = "test " + context.getRequiredTestClass().getSimpleName() + "." + method;
        String display = context.getDisplayName();
        return display.equals(method) ? name : name + " [" + display + "]";
    }
}
