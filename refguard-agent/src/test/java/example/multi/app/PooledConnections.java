package example.multi.app;

import java.util.concurrent.atomic.AtomicInteger;
import org.apache.commons.pool2.BasePooledObjectFactory;
import org.apache.commons.pool2.PooledObject;
import org.apache.commons.pool2.impl.DefaultPooledObject;
import org.apache.commons.pool2.impl.GenericObjectPool;

/**
 * Two threads borrow from and return to a commons-pool2 pool of one object: the second waits inside
 * the library (its own deque, locks and conditions) until the first returns it.
 */
public class PooledConnections {
    static final class Connections extends BasePooledObjectFactory<StringBuilder> {
        final AtomicInteger created = new AtomicInteger();

        @Override
        public StringBuilder create() {
            created.incrementAndGet();
            return new StringBuilder();
        }

        @Override
        public PooledObject<StringBuilder> wrap(StringBuilder obj) {
            return new DefaultPooledObject<>(obj);
        }
    }

    public static void main(String[] args) throws Exception {
        Connections factory = new Connections();
        try (GenericObjectPool<StringBuilder> pool = new GenericObjectPool<>(factory)) {
            pool.setMaxTotal(1);
            Runnable use =
                    () -> {
                        try {
                            StringBuilder c = pool.borrowObject();
                            c.append('x');
                            pool.returnObject(c);
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    };
            Thread a = new Thread(use, "A");
            Thread b = new Thread(use, "B");
            a.start();
            b.start();
            a.join();
            b.join();
        }
        assert factory.created.get() == 1 : "created " + factory.created.get() + " objects";
    }
}
