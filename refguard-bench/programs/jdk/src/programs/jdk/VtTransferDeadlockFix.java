package programs.jdk;

public class VtTransferDeadlockFix {
    static class Account {
        final int id; int balance;
        Account(int id, int balance) { this.id = id; this.balance = balance; }
    }

    static void transfer(Account from, Account to, int amount) {
        Account first = from.id < to.id ? from : to;      // FIX: always lock the lower id first
        Account second = first == from ? to : from;
        synchronized (first) {
            synchronized (second) {
                from.balance -= amount;
                to.balance += amount;
            }
        }
    }

    public static void main(String[] args) throws Exception {
        Account a = new Account(1, 100), b = new Account(2, 100);
        Thread t1 = Thread.ofVirtual().name("pay-ab").start(() -> transfer(a, b, 10));
        Thread t2 = Thread.ofVirtual().name("pay-ba").start(() -> transfer(b, a, 5));
        t1.join();
        t2.join();
        if (a.balance + b.balance != 200) throw new AssertionError("money created or lost");
    }
}
