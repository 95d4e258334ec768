package example.determinism;

/**
 * Objects with a finalizer that counts in another class's statics. A finalizer would run on the
 * JVM's finalizer thread whenever a collection finds the object, usually one from an earlier run,
 * re-initializing {@link Tally} there instead of on the run's own thread. Under exploration the
 * program's classes have no finalizer: the program checks that its class has none and fails if it
 * does.
 */
public final class Finalized {

    private Finalized() {}

    static final class Handle {
        @Override
        @SuppressWarnings({"deprecation", "removal"})
        protected void finalize() {
            Tally.freed++;
        }
    }

    static final class Tally {
        static int freed;
    }

    public static void main(String[] args) throws InterruptedException {
        for (int i = 0; i < 1_000; i++) {
            new Handle();
        }
        System.gc();
        Thread t = new Thread(Finalized::count);
        t.start();
        count();
        t.join();
        for (java.lang.reflect.Method m : Handle.class.getDeclaredMethods()) {
            if (m.getName().equals("finalize") && m.getParameterCount() == 0) {
                throw new AssertionError("Handle is finalized under exploration");
            }
        }
    }

    private static void count() {
        synchronized (Tally.class) {
            Tally.freed += 0;
        }
    }
}
