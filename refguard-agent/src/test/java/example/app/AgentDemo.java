package example.app;

import example.probe.CountingInterceptor;
import io.refguard.agent.bridge.SyncBridge;
import java.lang.reflect.Method;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A small program run in a child JVM under {@code -javaagent}: two threads increment a counter in a
 * synchronized method and an atomic, first with no interceptor, then with a counting one.
 */
public final class AgentDemo {
    private long count;
    private final AtomicLong atomic = new AtomicLong();

    synchronized void increment() {
        count++; // site: count
    }

    long run() throws InterruptedException {
        Runnable work =
                () -> {
                    for (int k = 0; k < 1000; k++) {
                        increment();
                        atomic.incrementAndGet();
                    }
                };
        Thread a = new Thread(work);
        Thread b = new Thread(work);
        a.start();
        b.start();
        a.join();
        b.join();
        return count + atomic.get();
    }

    public static void main(String[] args) throws Exception {
        boolean split = false;
        for (Method m : AgentDemo.class.getDeclaredMethods()) {
            split |= m.getName().equals("increment$refguard$modeled");
        }
        System.out.println("split=" + split);
        System.out.println("plain=" + new AgentDemo().run());
        CountingInterceptor counting = new CountingInterceptor();
        SyncBridge.install(counting);
        long intercepted = new AgentDemo().run();
        SyncBridge.uninstall(counting);
        System.out.println("intercepted=" + intercepted);
        System.out.println("monitorEnters=" + counting.monitorEnters.get());
        System.out.println("accesses=" + counting.accesses.get());
        System.out.println("starts=" + counting.starts.get());
        System.out.println("firstEnter=" + counting.firstEnter.get().location());
    }
}
