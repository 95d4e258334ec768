package programs.libs.harness;

import java.time.Duration;
import java.util.NoSuchElementException;
import org.apache.commons.pool2.BasePooledObjectFactory;
import org.apache.commons.pool2.PooledObject;
import org.apache.commons.pool2.impl.DefaultPooledObject;
import org.apache.commons.pool2.impl.GenericObjectPool;
import org.apache.commons.pool2.impl.GenericObjectPoolConfig;

/**
 * Plain threads, no refguard: the race of Pool2InvalidateWakeupBug, widened only by where the
 * main thread invalidates. A pool of one; its object is out; a borrower starts and waits up to
 * 20 ms; the main thread invalidates the object after spinning 0 to 1,999 times. Counts the
 * borrows that timed out although the pool had room. With {@code add}, the main thread then calls
 * {@code addObject()}, as Pool2LeakOnErrorFix does. Arguments: tries, and optionally {@code add}.
 */
public final class Pool2InvalidateWakeupStress {
    public static void main(String[] args) throws Exception {
        int n = Integer.parseInt(args[0]);
        boolean add = args.length > 1 && args[1].equals("add");
        int timeouts = 0;
        for (int i = 0; i < n; i++) {
            GenericObjectPoolConfig<Object> cfg = new GenericObjectPoolConfig<>();
            cfg.setMaxTotal(1);
            cfg.setJmxEnabled(false);
            GenericObjectPool<Object> pool =
                    new GenericObjectPool<>(
                            new BasePooledObjectFactory<Object>() {
                                @Override
                                public Object create() {
                                    return new Object();
                                }

                                @Override
                                public PooledObject<Object> wrap(Object o) {
                                    return new DefaultPooledObject<>(o);
                                }
                            },
                            cfg);
            Object held = pool.borrowObject();
            boolean[] timedOut = new boolean[1];
            Thread borrower =
                    new Thread(
                            () -> {
                                try {
                                    pool.returnObject(pool.borrowObject(Duration.ofMillis(20)));
                                } catch (NoSuchElementException e) {
                                    timedOut[0] = true;
                                } catch (Exception e) {
                                    throw new IllegalStateException(e);
                                }
                            });
            borrower.start();
            for (int k = i % 2000; k > 0; k--) {
                Thread.onSpinWait();
            }
            pool.invalidateObject(held);
            if (add) {
                pool.addObject();
            }
            borrower.join();
            if (timedOut[0]) {
                timeouts++;
            }
            pool.close();
        }
        System.out.println(
                timeouts + " of " + n + " borrows timed out although the pool had room");
    }
}
