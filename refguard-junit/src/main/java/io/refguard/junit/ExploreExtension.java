package io.refguard.junit;

import java.lang.reflect.Method;
import java.util.Optional;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Runs {@link ExploreTest} methods: gives each its {@link Exploration}, checks that it explored
 * something, explores the body of a method without one as a program ({@link ProgramMethod}), and,
 * while a replay is requested, skips the exploration tests the replay does not select. Registered
 * by {@code @ExploreTest}, which is the only way to use it.
 */
final class ExploreExtension
        implements ExecutionCondition, ParameterResolver, InvocationInterceptor {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(ExploreExtension.class);
    private static final String KEY = "exploration";

    /** Creates the extension; JUnit does this when it registers it. */
    ExploreExtension() {}

    /**
     * Skips exploration tests that {@code refguard.replay.test} does not select while a replay
     * token is set. An unreadable token skips nothing: each exploration test runs and fails, saying
     * why the token cannot be read.
     */
    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        Optional<Method> method = context.getTestMethod();
        if (method.isEmpty()) {
            return ConditionEvaluationResult.enabled("not an exploration test");
        }
        ReplaySelection replay;
        try {
            replay = ReplaySelection.fromSystemProperties();
        } catch (ExtensionConfigurationException e) {
            return ConditionEvaluationResult.enabled(
                    "the test reports the unreadable replay token");
        }
        if (replay == null || replay.selects(context.getRequiredTestClass(), method.get())) {
            return ConditionEvaluationResult.enabled("exploration test");
        }
        return ConditionEvaluationResult.disabled(
                ReplaySelection.TEST_PROPERTY
                        + "="
                        + replay.filter()
                        + " selects another test to replay");
    }

    /** Supports an {@link Exploration} parameter of the test method itself. */
    @Override
    public boolean supportsParameter(
            ParameterContext parameterContext, ExtensionContext extensionContext) {
        return parameterContext.getParameter().getType() == Exploration.class
                && extensionContext
                        .getTestMethod()
                        .map(m -> m.equals(parameterContext.getDeclaringExecutable()))
                        .orElse(false);
    }

    /**
     * The test's exploration, with the options of its {@link ExploreTest} annotation.
     *
     * @throws ParameterResolutionException when the method is not annotated with
     *     {@code @ExploreTest}
     */
    @Override
    public Object resolveParameter(
            ParameterContext parameterContext, ExtensionContext extensionContext) {
        ExtensionContext.Store store = extensionContext.getStore(NAMESPACE);
        Exploration existing = store.get(KEY, Exploration.class);
        if (existing != null) {
            return existing;
        }
        Method method = extensionContext.getRequiredTestMethod();
        if (!AnnotationSupport.isAnnotated(method, ExploreTest.class)) {
            throw new ParameterResolutionException(
                    "refguard: "
                            + method
                            + " takes an Exploration, which only"
                            + " @ExploreTest methods receive: annotate it with @ExploreTest");
        }
        Exploration exploration =
                new Exploration(extensionContext, extensionContext.getRequiredTestClass(), method);
        store.put(KEY, exploration);
        return exploration;
    }

    /**
     * Configures the test's exploration and runs the test method: with an {@link Exploration}
     * parameter once, failing it if it explored nothing; without one, its body explored as a
     * program through the agent ({@link ProgramMethod}).
     *
     * @throws ExtensionConfigurationException without running the method when an annotation
     *     attribute, an explorer system property or the replay token is not valid, or, for the
     *     plain form, when the agent is missing; after running it, when it returned without
     *     exploring a scenario
     */
    @Override
    public void interceptTestMethod(
            Invocation<Void> invocation,
            ReflectiveInvocationContext<Method> invocationContext,
            ExtensionContext context)
            throws Throwable {
        Method method = invocationContext.getExecutable();
        Exploration exploration = context.getStore(NAMESPACE).get(KEY, Exploration.class);
        boolean program = exploration == null;
        if (program) {
            exploration = new Exploration(context, context.getRequiredTestClass(), method);
        }
        try {
            ExploreTest annotation =
                    AnnotationSupport.findAnnotation(method, ExploreTest.class).orElseThrow();
            exploration.configure(
                    ExploreSettings.options(annotation, method),
                    ReplaySelection.fromSystemProperties());
        } catch (RuntimeException e) {
            invocation.skip();
            throw e;
        }
        if (program) {
            invocation.skip();
            ProgramMethod.explore(
                    exploration,
                    invocationContext.getTarget().orElse(null),
                    method,
                    invocationContext.getArguments());
            return;
        }
        invocation.proceed();
        if (exploration.explored() == 0) {
            throw new ExtensionConfigurationException(
                    "refguard: @ExploreTest method "
                            + describe(method)
                            + " returned without exploring a scenario: pass it to exploration.explore(...)");
        }
    }

    private static String describe(Method method) {
        return method.getDeclaringClass().getSimpleName() + "." + method.getName() + "()";
    }
}
