package example.explore;

import java.util.concurrent.locks.ReentrantLock;

/**
 * A transfer between two accounts locks the source account first, so two opposite transfers can
 * deadlock. The fix locks the account with the lower number first.
 */
public final class ReentrantLockDeadlock {

    static final class Account {
        final int number;
        final ReentrantLock lock = new ReentrantLock();
        int balance = 100;

        Account(int number) {
            this.number = number;
        }
    }

    static void transfer(Account from, Account to, int amount, boolean ordered) {
        if (ordered && to.number < from.number) {
            to.lock.lock();
            from.lock.lock();
        } else {
            from.lock.lock(); // site: outer
            to.lock.lock(); // site: inner
        }
        try {
            from.balance -= amount;
            to.balance += amount;
        } finally {
            to.lock.unlock();
            from.lock.unlock();
        }
    }

    static void run(boolean ordered) throws InterruptedException {
        Account x = new Account(1);
        Account y = new Account(2);
        Thread t1 = new Thread(() -> transfer(x, y, 10, ordered), "T1");
        Thread t2 = new Thread(() -> transfer(y, x, 20, ordered), "T2");
        t1.start();
        t2.start();
        t1.join();
        t2.join();
        assert x.balance + y.balance == 200 : "money was created or lost";
    }

    private ReentrantLockDeadlock() {}

    public static void main(String[] args) throws InterruptedException {
        run(false);
    }

    /** The fix: lock in account-number order. */
    public static final class Fixed {
        private Fixed() {}

        public static void main(String[] args) throws InterruptedException {
            run(true);
        }
    }
}
