package programs.jdk;

import java.util.concurrent.CompletableFuture;

/** Two responses arrive on two I/O threads; each completes its future, whose action counts the
 *  response's bytes. The actions run on the completing threads. */
public class ResponseBytesBug {
    static long received;                             // BUG: two I/O threads add to it unsynchronized

    public static void main(String[] args) throws Exception {
        CompletableFuture<Integer> first = new CompletableFuture<>(), second = new CompletableFuture<>();
        first.thenAccept(n -> received += n);
        second.thenAccept(n -> received += n);
        Thread io1 = new Thread(() -> first.complete(100), "io-1");
        Thread io2 = new Thread(() -> second.complete(200), "io-2");
        io1.start(); io2.start(); io1.join(); io2.join();
        if (received != 300) throw new AssertionError("received " + received + " bytes of 300");
    }
}
