package programs.jdk;

import java.util.concurrent.locks.ReentrantLock;

/**
 * Accounts guarded by locks of the application's own: a named lock, and below it an audited lock
 * that counts its acquisitions. A transfer locks the source account, then the target; two opposite
 * transfers can each hold one lock and wait for the other.
 */
public class AuditedLockBug {
    static class NamedLock extends ReentrantLock {
        final String name;
        NamedLock(String name) { this.name = name; }
    }

    static final class AuditedLock extends NamedLock {
        int acquisitions;
        AuditedLock(String name) { super(name); }
        @Override public void lock() { super.lock(); acquisitions++; }
    }

    static final class Account {
        final AuditedLock lock;
        long balance = 100;
        Account(String name) { lock = new AuditedLock(name); }
    }

    static void transfer(Account from, Account to, long amount) {
        from.lock.lock(); // BUG: the order depends on the direction of the transfer
        try {
            to.lock.lock();
            try {
                from.balance -= amount;
                to.balance += amount;
            } finally {
                to.lock.unlock();
            }
        } finally {
            from.lock.unlock();
        }
    }

    public static void main(String[] args) throws Exception {
        Account a = new Account("a"), b = new Account("b");
        Thread t1 = new Thread(() -> transfer(a, b, 10), "a-to-b");
        Thread t2 = new Thread(() -> transfer(b, a, 20), "b-to-a");
        t1.start(); t2.start(); t1.join(); t2.join();
        if (a.balance + b.balance != 200) throw new AssertionError("money lost");
    }
}
