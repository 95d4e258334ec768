package io.refguard.agent.explore;

import java.lang.invoke.MethodType;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The program's own subclasses of JDK classes that are modeled at their API: a {@code Phaser} whose
 * {@code onAdvance} ends it after some phases, a {@code FutureTask} whose {@code done} hands the
 * result on, a {@code LinkedBlockingQueue} whose {@code offer} refuses tasks so that a pool grows.
 * A method the subclass inherits from the JDK runs on the JDK class's model; one it overrides runs
 * as the program's own code, and its {@code super.m(...)} calls reach the model ({@code
 * LibraryCall.isSuperCall}). An override the JDK calls inside a modeled operation runs as one step
 * with it (a {@code Phaser}'s {@code onAdvance} inside {@code arrive}); a {@code FutureTask}'s
 * {@code done} runs as explored code on the thread that runs the task ({@code LibraryOps.inline}).
 */
final class ProgramSubclasses {

    private ProgramSubclasses() {}

    /**
     * Whether {@code receiver}'s class is the program's and inherits {@code name} of {@code type}
     * from the JDK: no class of the program on the way up declares it.
     */
    static boolean inherits(Object receiver, String name, MethodType type) {
        Class<?> c = receiver.getClass();
        if (c.getClassLoader() == null) {
            return false;
        }
        return !DECLARED.get(c)
                .computeIfAbsent(
                        name + type.toMethodDescriptorString(),
                        m -> {
                            for (Class<?> k = c;
                                    k.getClassLoader() != null;
                                    k = k.getSuperclass()) {
                                try {
                                    k.getDeclaredMethod(name, type.parameterArray());
                                    return Boolean.TRUE;
                                } catch (NoSuchMethodException inherited) {
                                    // look further up
                                }
                            }
                            return Boolean.FALSE;
                        });
    }

    /**
     * The first class of the JDK among {@code c}'s superclasses ({@code c} itself when it is one).
     */
    static Class<?> jdkSuperclass(Class<?> c) {
        Class<?> k = c;
        while (k.getClassLoader() != null) {
            k = k.getSuperclass();
        }
        return k;
    }

    /**
     * Per program class, by name and descriptor: whether one of its own classes declares the
     * method. Looked up once per method, not on every call.
     */
    private static final ClassValue<Map<String, Boolean>> DECLARED =
            new ClassValue<>() {
                @Override
                protected Map<String, Boolean> computeValue(Class<?> type) {
                    return new ConcurrentHashMap<>();
                }
            };
}
