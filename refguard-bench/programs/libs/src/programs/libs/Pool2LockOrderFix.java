package programs.libs;

import org.apache.commons.pool2.BasePooledObjectFactory;
import org.apache.commons.pool2.PooledObject;
import org.apache.commons.pool2.impl.DefaultPooledObject;
import org.apache.commons.pool2.impl.GenericObjectPool;
import org.apache.commons.pool2.impl.GenericObjectPoolConfig;

/** Two single-connection pools (a primary and an audit database). A transfer takes both:
 *  Fixed: both paths borrow primary first, then audit. */
public class Pool2LockOrderFix {
    static GenericObjectPool<StringBuilder> pool(String name) {
        GenericObjectPoolConfig<StringBuilder> cfg = new GenericObjectPoolConfig<>();
        cfg.setMaxTotal(1);
        cfg.setJmxEnabled(false);
        return new GenericObjectPool<>(new BasePooledObjectFactory<StringBuilder>() {
            @Override public StringBuilder create() { return new StringBuilder(name); }
            @Override public PooledObject<StringBuilder> wrap(StringBuilder c) { return new DefaultPooledObject<>(c); }
        }, cfg);
    }

    static void transfer(GenericObjectPool<StringBuilder> first, GenericObjectPool<StringBuilder> second, String op)
            throws Exception {
        StringBuilder a = first.borrowObject();
        try {
            StringBuilder b = second.borrowObject();
            try {
                a.append(' ').append(op);
                b.append(' ').append(op);
            } finally { second.returnObject(b); }
        } finally { first.returnObject(a); }
    }

    public static void main(String[] args) throws Exception {
        GenericObjectPool<StringBuilder> primary = pool("primary");
        GenericObjectPool<StringBuilder> audit = pool("audit");
        primary.returnObject(primary.borrowObject());           // open both connections up front
        audit.returnObject(audit.borrowObject());
        Thread pay = new Thread(() -> {
            try { transfer(primary, audit, "pay"); } catch (Exception e) { throw new RuntimeException(e); }
        }, "pay");
        Thread refund = new Thread(() -> {
            try { transfer(primary, audit, "refund"); } catch (Exception e) { throw new RuntimeException(e); }   // FIX: same order
        }, "refund");
        pay.start(); refund.start();
        pay.join(); refund.join();
        StringBuilder p = primary.borrowObject();
        if (p.length() != "primary pay refund".length()) throw new AssertionError(p.toString());
        primary.returnObject(p);
        primary.close(); audit.close();
    }
}
