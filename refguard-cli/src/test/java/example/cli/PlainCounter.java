package example.cli;

/**
 * A program for the command's tests: two threads increment a plain (non-volatile) counter, so one
 * increment can overwrite the other; found only when plain fields are scheduling points.
 */
public final class PlainCounter {

    static int count;

    private PlainCounter() {}

    public static void main(String[] args) throws InterruptedException {
        Runnable increment = () -> count++;
        Thread a = new Thread(increment, "A");
        Thread b = new Thread(increment, "B");
        a.start();
        b.start();
        a.join();
        b.join();
        if (count != 2) {
            throw new AssertionError("both increments must count, got " + count);
        }
    }
}
