package io.refguard.agent.explore;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.concurrent.ThreadPoolExecutor;

/**
 * The program's own subclasses of {@code ThreadPoolExecutor}, as its documentation invites: a pool
 * that overrides the hooks {@code beforeExecute}, {@code afterExecute} and {@code terminated} (to
 * time tasks, log their failures, set up a thread's context). Such a pool runs on its model as a
 * pool built directly does ({@link DirectPools}): a method it inherits from the JDK runs on the
 * model, one it overrides runs as the program's code. The model calls the hooks the subclass
 * overrides where the JDK's worker does: {@code beforeExecute(worker, task)} before each task and
 * {@code afterExecute(task, thrown)} after it, on the worker, and {@code terminated()} once, on the
 * thread that ends the last worker after shutdown (or shuts down a pool with none); the pool counts
 * as terminated only when {@code terminated()} has returned. A {@code ScheduledThreadPoolExecutor}
 * subclass's {@code decorateTask} is called as the JDK calls it, with the model's task; one that
 * returns a task of its own (a wrapper) ends the run inconclusive, since the model runs its own
 * tasks. A subclass's {@code super.execute(task)} reaches the model too ({@code
 * LibraryCall.isSuperCall}), and {@code submit} on a subclass that overrides {@code execute} goes
 * through the override ({@link DirectPools}).
 */
final class PoolSubclasses {

    private PoolSubclasses() {}

    /**
     * The hooks a subclass overrides, bound to no receiver; a null handle for a hook it inherits
     * from the JDK, which does nothing.
     */
    record Hooks(
            MethodHandle before,
            MethodHandle after,
            MethodHandle terminated,
            MethodHandle decorateRunnable,
            MethodHandle decorateCallable) {

        void beforeExecute(Object pool, Thread worker, Runnable task) throws Throwable {
            if (before != null) {
                before.invoke(pool, worker, task);
            }
        }

        void afterExecute(Object pool, Runnable task, Throwable thrown) throws Throwable {
            if (after != null) {
                after.invoke(pool, task, thrown);
            }
        }

        void terminated(Object pool) throws Throwable {
            if (terminated != null) {
                terminated.invoke(pool);
            }
        }

        /**
         * A scheduled pool's {@code decorateTask(source, task)}, where {@code source} is the {@code
         * Runnable} or {@code Callable} the program scheduled; {@code task} when the subclass does
         * not override it.
         */
        Object decorateTask(Object pool, Object source, Object task) throws Throwable {
            MethodHandle d =
                    source instanceof java.util.concurrent.Callable<?>
                            ? decorateCallable
                            : decorateRunnable;
            return d == null ? task : d.invoke(pool, source, task);
        }
    }

    /**
     * Whether {@code pool} is the program's subclass and inherits {@code name} of {@code type} from
     * the JDK: the call runs on the pool's model.
     */
    static boolean inherits(Object pool, String name, MethodType type) {
        return pool instanceof ThreadPoolExecutor && ProgramSubclasses.inherits(pool, name, type);
    }

    /**
     * Whether {@code pool} is the program's subclass and overrides {@code name} of {@code type}.
     */
    static boolean overrides(Object pool, String name, MethodType type) {
        return pool instanceof ThreadPoolExecutor
                && pool.getClass().getClassLoader() != null
                && !inherits(pool, name, type);
    }

    /** The hooks {@code pool}'s class overrides, or null when it is the JDK's or overrides none. */
    static Hooks hooks(ThreadPoolExecutor pool) {
        return pool.getClass().getClassLoader() == null ? null : HOOKS.get(pool.getClass());
    }

    private static final ClassValue<Hooks> HOOKS =
            new ClassValue<>() {
                @Override
                protected Hooks computeValue(Class<?> type) {
                    MethodHandle before =
                            hook(
                                    type,
                                    "beforeExecute",
                                    MethodType.methodType(
                                            void.class, Thread.class, Runnable.class));
                    MethodHandle after =
                            hook(
                                    type,
                                    "afterExecute",
                                    MethodType.methodType(
                                            void.class, Runnable.class, Throwable.class));
                    MethodHandle terminated =
                            hook(type, "terminated", MethodType.methodType(void.class));
                    Class<?> scheduled = java.util.concurrent.RunnableScheduledFuture.class;
                    MethodHandle decorateRunnable =
                            hook(
                                    type,
                                    "decorateTask",
                                    MethodType.methodType(scheduled, Runnable.class, scheduled));
                    MethodHandle decorateCallable =
                            hook(
                                    type,
                                    "decorateTask",
                                    MethodType.methodType(
                                            scheduled,
                                            java.util.concurrent.Callable.class,
                                            scheduled));
                    return before == null
                                    && after == null
                                    && terminated == null
                                    && decorateRunnable == null
                                    && decorateCallable == null
                            ? null
                            : new Hooks(
                                    before, after, terminated, decorateRunnable, decorateCallable);
                }
            };

    /**
     * The protected hook {@code name} as {@code type} overrides it, reached through a lookup in
     * {@code type} itself; null when no class of the program declares it.
     */
    private static MethodHandle hook(Class<?> type, String name, MethodType signature) {
        for (Class<?> c = type; c.getClassLoader() != null; c = c.getSuperclass()) {
            try {
                c.getDeclaredMethod(name, signature.parameterArray());
                return MethodHandles.privateLookupIn(type, MethodHandles.lookup())
                        .findVirtual(type, name, signature);
            } catch (NoSuchMethodException notHere) {
                // look further up
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(
                        "refguard cannot call "
                                + type.getName()
                                + "."
                                + name
                                + " ("
                                + e
                                + "); exclude the class from instrumentation",
                        e);
            }
        }
        return null;
    }
}
