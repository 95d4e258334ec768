package example.cli;

import java.util.concurrent.atomic.AtomicInteger;

/** A program that prints to standard output while it is explored: --json must keep stdout clean. */
public final class Chatty {

    private Chatty() {}

    public static void main(String[] args) throws InterruptedException {
        AtomicInteger n = new AtomicInteger();
        Thread t =
                new Thread(
                        () -> {
                            n.incrementAndGet();
                            System.out.println("hello from the program");
                        });
        t.start();
        n.incrementAndGet();
        t.join();
    }
}
