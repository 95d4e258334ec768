package example.corpus;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

/** Method references that are themselves intercepted operations. */
public class MethodReferences implements Callable<Object> {
    final AtomicInteger counter = new AtomicInteger();
    final CountDownLatch latch = new CountDownLatch(1);

    @Override
    public Object call() throws InterruptedException {
        List<Thread> threads =
                List.of(new Thread(counter::incrementAndGet), new Thread(counter::incrementAndGet));
        threads.forEach(Thread::start); // site: ref-start
        for (Thread t : threads) {
            t.join();
        }
        Runnable countDown = latch::countDown; // site: ref-count-down
        countDown.run();
        IntSupplier get = counter::get; // site: ref-get
        Supplier<String> text = counter::toString;
        return get.getAsInt() + ":" + latch.getCount() + ":" + text.get();
    }
}
