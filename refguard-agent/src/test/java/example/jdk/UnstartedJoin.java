package example.jdk;

/**
 * Joins a thread that was never started, plainly and with a timeout, after one that ran: the JDK
 * returns at once from both, as the thread is not alive. Correct.
 */
public final class UnstartedJoin {

    private UnstartedJoin() {}

    public static void main(String[] args) throws InterruptedException {
        int[] ran = new int[1];
        Thread started = new Thread(() -> ran[0]++, "started");
        Thread never = new Thread(() -> ran[0]--, "never");
        started.start();
        started.join();
        never.join();
        never.join(50);
        if (ran[0] != 1 || never.isAlive()) {
            throw new AssertionError("ran " + ran[0]);
        }
    }
}
