package programs.jdk;

import java.util.concurrent.locks.ReentrantLock;

/** AuditedLockBug whose transfers lock the two accounts in the order of their names. */
public class AuditedLockFix {
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
        Account first = from.lock.name.compareTo(to.lock.name) < 0 ? from : to;
        Account second = first == from ? to : from;
        first.lock.lock();
        try {
            second.lock.lock();
            try {
                from.balance -= amount;
                to.balance += amount;
            } finally {
                second.lock.unlock();
            }
        } finally {
            first.lock.unlock();
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
