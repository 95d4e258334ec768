package sample;

/** A class with a volatile field, which the agent instruments. */
public class Counter {
    private volatile int value;

    public void increment() {
        value = value + 1;
    }

    public int value() {
        return value;
    }
}
