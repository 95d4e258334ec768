package programs.jdk;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.LongAdder;

/** Two responses arrive on two I/O threads; each completes its future, whose action counts the
 *  response's bytes. The actions run on the completing threads. */
public class ResponseBytesFix {
    static final LongAdder received = new LongAdder();   // FIX: a thread-safe counter

    public static void main(String[] args) throws Exception {
        CompletableFuture<Integer> first = new CompletableFuture<>(), second = new CompletableFuture<>();
        first.thenAccept(received::add);
        second.thenAccept(received::add);
        Thread io1 = new Thread(() -> first.complete(100), "io-1");
        Thread io2 = new Thread(() -> second.complete(200), "io-2");
        io1.start(); io2.start(); io1.join(); io2.join();
        if (received.sum() != 300) throw new AssertionError("received " + received.sum() + " bytes of 300");
    }
}
