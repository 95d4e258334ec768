package example.reallibs;

/** Runs two tasks on two threads of the program and waits for both. */
final class Both {

    private Both() {}

    static void run(Runnable a, Runnable b) throws InterruptedException {
        Thread ta = new Thread(a, "A");
        Thread tb = new Thread(b, "B");
        ta.start();
        tb.start();
        ta.join();
        tb.join();
    }
}
