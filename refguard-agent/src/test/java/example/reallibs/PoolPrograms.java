package example.reallibs;

import java.util.concurrent.atomic.AtomicInteger;
import org.apache.commons.pool2.BasePooledObjectFactory;
import org.apache.commons.pool2.PooledObject;
import org.apache.commons.pool2.impl.DefaultPooledObject;
import org.apache.commons.pool2.impl.GenericObjectPool;

/** commons-pool2: a bounded pool used correctly, and one check-then-act across two calls. */
public final class PoolPrograms {

    private PoolPrograms() {}

    static final class Buffers extends BasePooledObjectFactory<StringBuilder> {
        final AtomicInteger created = new AtomicInteger();

        @Override
        public StringBuilder create() {
            created.incrementAndGet();
            return new StringBuilder();
        }

        @Override
        public PooledObject<StringBuilder> wrap(StringBuilder b) {
            return new DefaultPooledObject<>(b);
        }
    }

    /** The bug: each thread pre-fills the pool if it looks empty, so both may add an object. */
    public static final class PrefillTwice {
        public static void main(String[] args) throws Exception {
            Buffers factory = new Buffers();
            try (GenericObjectPool<StringBuilder> pool = new GenericObjectPool<>(factory)) {
                pool.setMaxTotal(2);
                Runnable prefill =
                        () -> {
                            try {
                                if (pool.getNumIdle() == 0) {
                                    pool.addObject();
                                }
                            } catch (Exception e) {
                                throw new IllegalStateException(e);
                            }
                        };
                Both.run(prefill, prefill);
            }
            assert factory.created.get() == 1 : "created " + factory.created.get() + " objects";
        }
    }
}
