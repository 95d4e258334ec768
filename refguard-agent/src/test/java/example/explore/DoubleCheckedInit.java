package example.explore;

/**
 * Lazy initialization that checks outside the lock but not again inside it: two threads can both
 * see no instance, then create one each, one after the other. The fix checks again under the lock
 * (and publishes through a volatile field).
 */
public final class DoubleCheckedInit {

    static final class Connection {
        static int opened; // guarded by Holder.class

        Connection() {
            opened++;
        }
    }

    static final class Holder {
        private static volatile Connection instance;

        static Connection get(boolean recheck) {
            if (instance == null) { // site: check
                synchronized (Holder.class) {
                    if (!recheck || instance == null) {
                        instance = new Connection(); // site: create
                    }
                }
            }
            return instance;
        }
    }

    static void run(boolean recheck) throws InterruptedException {
        Thread t1 = new Thread(() -> Holder.get(recheck), "T1");
        Thread t2 = new Thread(() -> Holder.get(recheck), "T2");
        t1.start();
        t2.start();
        t1.join();
        t2.join();
        assert Connection.opened == 1 : Connection.opened + " connections opened"; // site: assert
    }

    private DoubleCheckedInit() {}

    public static void main(String[] args) throws InterruptedException {
        run(false);
    }

    /** The fix: check again under the lock. */
    public static final class Fixed {
        private Fixed() {}

        public static void main(String[] args) throws InterruptedException {
            run(true);
        }
    }
}
