package io.refguard.junit;

import io.refguard.agent.AgentOptions;
import io.refguard.agent.RefguardAgent;
import io.refguard.agent.explore.LostTaskFailures;
import io.refguard.explore.InterleavingInconclusive;
import io.refguard.explore.report.FailureKind;
import io.refguard.run.Target;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Optional;

/**
 * The plain form of {@link ExploreTest}: a method without an {@link Exploration} parameter whose
 * whole body is explored as a program through the refguard agent. The body runs as the thread
 * {@code main} once per schedule; the threads it starts (directly or through an {@code Executors}
 * pool) are the other columns of the report, and each of its {@code synchronized} blocks, locks,
 * atomics and volatile accesses is a scheduling point.
 *
 * <p>Without the agent there are no scheduling points, so every schedule would be the same and the
 * test would pass having explored nothing; such a test fails instead, saying how to add the agent.
 */
final class ProgramMethod {

    /** Where JUNIT.md shows the Maven set-up that adds the agent. */
    static final String SETUP_HINT =
            "add the prepare-agent goal of io.refguard:refguard-maven-plugin"
                    + " to the build (it puts -javaagent on Surefire's argLine) and do not skip it"
                    + " (-Drefguard.skip), and if the Surefire configuration"
                    + " sets <argLine> itself, keep the agent with <argLine>@{argLine} ...</argLine>; elsewhere run"
                    + " the test JVM with -javaagent:refguard-agent.jar (see refguard's docs/JUNIT.md)";

    private ProgramMethod() {}

    /**
     * Checks that the agent is active and instruments {@code testClass}, then explores the body.
     *
     * @throws InterleavingInconclusive when the agent is missing or does not cover the test class:
     *     the exploration would see no scheduling point, so it could prove nothing
     */
    static void explore(
            Exploration exploration, Object target, Method method, List<Object> arguments) {
        Class<?> testClass = method.getDeclaringClass();
        String name = testClass.getSimpleName() + "." + method.getName() + "()";
        requireAgent(RefguardAgent.installedOptions(), testClass, name);
        method.setAccessible(true);
        Object[] args = arguments.toArray();
        Target program = Target.program(name, () -> () -> invoke(method, target, args));
        exploration.run(name, program::explore, exploration.options());
        RefguardAgent.installedOptions().ifPresent(agent -> hintPlainFields(agent, name));
        hintLostTaskFailures(program.lostTaskFailures(), name);
    }

    /**
     * After a pass: says that a submitted task or a {@code CompletableFuture} stage threw in some
     * run and nothing read its exception, which the JDK keeps in the future: an assertion there
     * failed unseen.
     */
    static void hintLostTaskFailures(LostTaskFailures lost, String name) {
        if (lost.runs() > 0) {
            System.out.println("refguard: hint: " + name + " passed, but " + lost.describe());
        }
    }

    /**
     * After a pass: names the plain fields that were no scheduling points, since a race on them (a
     * plain {@code count++} from two threads) was not explored, and how to include them.
     */
    static void hintPlainFields(AgentOptions agent, String name) {
        List<String> left = agent.plainFields() ? List.of() : agent.plainFieldsLeft();
        if (left.isEmpty()) {
            return;
        }
        System.out.println(
                "refguard: hint: "
                        + name
                        + " passed, but accesses to plain (non-volatile, non-final) fields were no"
                        + " scheduling points, so a race on one was not explored (fields the"
                        + " instrumented classes use: "
                        + String.join(", ", left.subList(0, Math.min(3, left.size())))
                        + (left.size() > 3 ? " and " + (left.size() - 3) + " more" : "")
                        + "); set the agent's plainFields=true (refguard-maven-plugin:"
                        + " <plainFields>true</plainFields>) to interleave them");
    }

    /**
     * Fails unless the agent runs with options that instrument {@code testClass}; {@code name}
     * names the test method in the message.
     */
    static void requireAgent(Optional<AgentOptions> agent, Class<?> testClass, String name) {
        if (agent.isEmpty()) {
            throw notInstrumented(
                    "refguard: inconclusive: @ExploreTest method "
                            + name
                            + " explores its body as a program, which needs the refguard agent in the test JVM, and"
                            + " the agent is missing: without it no interleaving can be chosen, so nothing would be"
                            + " explored. To add it, "
                            + SETUP_HINT);
        }
        if (!agent.get().instruments(testClass.getName())) {
            throw notInstrumented(
                    "refguard: inconclusive: @ExploreTest method "
                            + name
                            + " explores its body as a program, but the agent's options ("
                            + agent.get()
                            + ") do not"
                            + " instrument "
                            + testClass.getName()
                            + ", so nothing would be explored: widen the"
                            + " agent's include to cover it (or leave include unset: every class of the test class"
                            + " path is instrumented by default)");
        }
    }

    private static InterleavingInconclusive notInstrumented(String message) {
        return new InterleavingInconclusive(FailureKind.NOT_INSTRUMENTED, message, null);
    }

    private static void invoke(Method method, Object target, Object[] args) {
        try {
            method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw ProgramMethod.<RuntimeException>sneaky(e.getCause()); // the body's own failure
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(
                    "refguard: cannot call " + method + ": " + e.getMessage(), e);
        }
    }

    /** Rethrows a checked exception unchanged, so the report shows what the body threw. */
    @SuppressWarnings("unchecked")
    private static <T extends Throwable> T sneaky(Throwable t) throws T {
        throw (T) t;
    }
}
