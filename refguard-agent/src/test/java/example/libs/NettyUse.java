package example.libs;

import io.netty.util.concurrent.DefaultPromise;
import io.netty.util.concurrent.ImmediateEventExecutor;
import io.netty.util.concurrent.Promise;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * netty-common, instrumented with the program: a {@code DefaultPromise} that one thread completes
 * while another waits for it (netty waits with {@code synchronized} and {@code wait()}), with a
 * listener that must run exactly once.
 */
public final class NettyUse {

    private NettyUse() {}

    public static void main(String[] args) throws InterruptedException {
        // the immediate executor counts every thread as its event loop, where blocking is refused
        Promise<String> promise =
                new DefaultPromise<>(ImmediateEventExecutor.INSTANCE) {
                    @Override
                    protected void checkDeadLock() {}
                };
        AtomicInteger notified = new AtomicInteger();
        Thread completer = new Thread(() -> promise.setSuccess("done"), "completer");
        completer.start();
        promise.addListener(f -> notified.incrementAndGet());
        promise.await();
        completer.join();
        assert "done".equals(promise.getNow());
        assert notified.get() == 1 : "listener ran " + notified.get() + " times";
    }
}
