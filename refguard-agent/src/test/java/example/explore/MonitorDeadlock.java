package example.explore;

/**
 * Two threads take the same two monitors in opposite orders: if each takes its first monitor before
 * the other takes its second, both wait forever. The fix takes them in one order.
 */
public final class MonitorDeadlock {

    static final Object a = new Object();
    static final Object b = new Object();

    private MonitorDeadlock() {}

    static void aThenB() {
        synchronized (a) { // site: aThenB.a
            synchronized (b) { // site: aThenB.b
                Math.abs(0);
            }
        }
    }

    static void bThenA() {
        synchronized (b) { // site: bThenA.b
            synchronized (a) { // site: bThenA.a
                Math.abs(0);
            }
        }
    }

    public static void main(String[] args) throws InterruptedException {
        Thread t1 = new Thread(MonitorDeadlock::aThenB, "T1");
        Thread t2 = new Thread(MonitorDeadlock::bThenA, "T2");
        t1.start(); // site: start1
        t2.start(); // site: start2
        t1.join(); // site: join1
        t2.join(); // site: join2
    }

    /** The fix: both threads lock a, then b. */
    public static final class Fixed {
        private Fixed() {}

        public static void main(String[] args) throws InterruptedException {
            Thread t1 = new Thread(MonitorDeadlock::aThenB, "T1");
            Thread t2 = new Thread(MonitorDeadlock::aThenB, "T2");
            t1.start();
            t2.start();
            t1.join();
            t2.join();
        }
    }
}
