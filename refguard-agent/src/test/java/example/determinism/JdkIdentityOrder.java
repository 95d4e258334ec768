package example.determinism;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A service registry whose order comes from identity hashes the JDK computes itself, which no
 * {@code hashCode()} refguard gives the program's classes can reach: services in a set backed by an
 * {@code IdentityHashMap} (which calls {@code System.identityHashCode} inside the JDK), worker
 * threads as keys of a {@code HashMap} ({@code Thread} does not override {@code hashCode}), plain
 * {@code Object} locks in a {@code HashSet}, and capturing lambdas, whose classes the JVM spins.
 * Main starts the services in the set's order, runs two workers, and lists what each order gave.
 *
 * <p>The program fails on purpose with a message that shows every order; the {@link Quiet} variant
 * checks nothing, so an exhaustive search over it passes only if every run of each schedule took
 * the same steps.
 */
public final class JdkIdentityOrder {

    static final class Service {
        final String name;
        volatile boolean started;

        Service(String name) {
            this.name = name;
        }
    }

    static volatile boolean diskUp;

    private JdkIdentityOrder() {}

    static String run() throws InterruptedException {
        Set<Service> services = Collections.newSetFromMap(new IdentityHashMap<>());
        for (String n : new String[] {"cache", "disk", "log", "net", "stats", "timer"}) {
            services.add(new Service(n));
        }
        List<String> started = new CopyOnWriteArrayList<>();
        for (Service s : services) { // where the disk's step comes shows the set's order
            if (s.name.equals("disk")) {
                diskUp = true;
            } else {
                s.started = true;
            }
            started.add(s.name);
        }
        Map<Thread, String> workers = new HashMap<>();
        Set<Object> locks = new HashSet<>();
        Set<Runnable> hooks = new HashSet<>();
        List<String> ran = new CopyOnWriteArrayList<>();
        for (int i = 0; i < 4; i++) {
            String name = "w" + i;
            Object lock = new Object();
            locks.add(lock);
            hooks.add(() -> ran.add(name));
            workers.put(
                    new Thread(
                            () -> {
                                synchronized (lock) {
                                    ran.add(name + "!");
                                }
                            }),
                    name);
        }
        StringBuilder order = new StringBuilder("services " + started + " workers");
        List<Thread> running = new ArrayList<>();
        for (Map.Entry<Thread, String> w : workers.entrySet()) {
            order.append(' ').append(w.getValue());
            if (running.size() < 2) { // the first two in the map's order run
                running.add(w.getKey());
                w.getKey().start();
            }
        }
        for (Thread t : running) {
            t.join();
        }
        for (Runnable h : hooks) {
            h.run();
        }
        return order + " locks " + locks.size() + " ran " + ran;
    }

    public static void main(String[] args) throws InterruptedException {
        throw new AssertionError(run());
    }

    /** The same program without the failure. */
    public static final class Quiet {
        private Quiet() {}

        public static void main(String[] args) throws InterruptedException {
            run();
        }
    }
}
