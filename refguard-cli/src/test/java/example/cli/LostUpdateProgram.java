package example.cli;

/**
 * A program for the command's tests: two threads increment a volatile counter with a read and a
 * write, so one increment can overwrite the other; {@code main} asserts that both counted, unless
 * its argument is {@code lenient}.
 */
public final class LostUpdateProgram {

    static volatile int count;

    private LostUpdateProgram() {}

    public static void main(String[] args) throws InterruptedException {
        Runnable increment = () -> count = count + 1;
        Thread a = new Thread(increment, "A");
        Thread b = new Thread(increment, "B");
        a.start();
        b.start();
        a.join();
        b.join();
        boolean lenient = args.length > 0 && args[0].equals("lenient");
        if (count != 2 && !lenient) {
            throw new AssertionError("both increments must count, got " + count);
        }
    }
}
