package io.refguard.agent;

import io.refguard.agent.bridge.AccessKind;
import io.refguard.agent.bridge.AcquireOp;
import io.refguard.agent.bridge.AwaitOp;
import io.refguard.agent.bridge.ExecutorKind;
import io.refguard.agent.bridge.Instruction;
import io.refguard.agent.bridge.Instructions;
import io.refguard.agent.bridge.LockOp;
import io.refguard.agent.bridge.ParkOp;
import io.refguard.agent.bridge.PassThroughInterceptor;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.Lock;

/**
 * Performs every operation for real (as its base class does) and records, for the one thread it was
 * created on, each interception: what, on which object, from which site.
 */
final class RecordingInterceptor extends PassThroughInterceptor {

    /** One interception. */
    record Event(String what, Object target, Instruction site) {
        @Override
        public String toString() {
            return what + " @" + site.line();
        }
    }

    private final Thread recorded = Thread.currentThread();
    private final List<Event> events = new ArrayList<>();

    List<Event> events() {
        return events;
    }

    private void record(String what, Object target, int site) {
        if (Thread.currentThread() == recorded) {
            events.add(new Event(what, target, Instructions.get(site)));
        }
    }

    @Override
    public void beforeAccess(Object target, AccessKind kind, int site) {
        record("access " + kind, target, site);
    }

    @Override
    public void monitorEnter(Object monitor, int site) {
        record("monitorEnter", monitor, site);
        super.monitorEnter(monitor, site);
    }

    @Override
    public void monitorExit(Object monitor, int site) {
        record("monitorExit", monitor, site);
        super.monitorExit(monitor, site);
    }

    @Override
    public boolean holdsMonitor(Object monitor, int site) {
        record("holdsMonitor", monitor, site);
        return super.holdsMonitor(monitor, site);
    }

    @Override
    public void monitorWait(Object monitor, long timeoutMillis, int site)
            throws InterruptedException {
        record("wait " + timeoutMillis, monitor, site);
        super.monitorWait(monitor, timeoutMillis, site);
    }

    @Override
    public void monitorNotify(Object monitor, boolean all, int site) {
        record(all ? "notifyAll" : "notify", monitor, site);
        super.monitorNotify(monitor, all, site);
    }

    @Override
    public void park(Object blocker, ParkOp op, long time, int site) {
        record("park " + op, blocker, site);
        super.park(blocker, op, time, site);
    }

    @Override
    public void unpark(Thread thread, int site) {
        record("unpark", thread, site);
        super.unpark(thread, site);
    }

    @Override
    public boolean lock(Lock lock, LockOp op, long time, TimeUnit unit, int site)
            throws InterruptedException {
        record("lock " + op, lock, site);
        return super.lock(lock, op, time, unit, site);
    }

    @Override
    public void unlock(Lock lock, int site) {
        record("unlock", lock, site);
        super.unlock(lock, site);
    }

    @Override
    public Condition newCondition(Lock lock, int site) {
        record("newCondition", lock, site);
        return super.newCondition(lock, site);
    }

    @Override
    public long await(
            Condition condition, AwaitOp op, long time, TimeUnit unit, Date deadline, int site)
            throws InterruptedException {
        record("await " + op, condition, site);
        return super.await(condition, op, time, unit, deadline, site);
    }

    @Override
    public void signal(Condition condition, boolean all, int site) {
        record(all ? "signalAll" : "signal", condition, site);
        super.signal(condition, all, site);
    }

    @Override
    public boolean acquire(
            Semaphore semaphore, AcquireOp op, int permits, long time, TimeUnit unit, int site)
            throws InterruptedException {
        record("acquire " + op + " " + permits, semaphore, site);
        return super.acquire(semaphore, op, permits, time, unit, site);
    }

    @Override
    public void release(Semaphore semaphore, int permits, int site) {
        record("release " + permits, semaphore, site);
        super.release(semaphore, permits, site);
    }

    @Override
    public boolean awaitLatch(CountDownLatch latch, long time, TimeUnit unit, int site)
            throws InterruptedException {
        record("awaitLatch", latch, site);
        return super.awaitLatch(latch, time, unit, site);
    }

    @Override
    public void countDown(CountDownLatch latch, int site) {
        record("countDown", latch, site);
        super.countDown(latch, site);
    }

    @Override
    public void threadStart(Thread thread, int site) {
        record("start", thread, site);
        super.threadStart(thread, site);
    }

    @Override
    public void threadJoin(Thread thread, long millis, int nanos, int site)
            throws InterruptedException {
        record("join " + millis, thread, site);
        super.threadJoin(thread, millis, nanos, site);
    }

    @Override
    public void threadSleep(long millis, int nanos, int site) throws InterruptedException {
        record("sleep " + millis, null, site);
        super.threadSleep(millis, nanos, site);
    }

    @Override
    public void threadYield(boolean spinWait, int site) {
        record(spinWait ? "spinWait" : "yield", null, site);
        super.threadYield(spinWait, site);
    }

    @Override
    public void threadInterrupt(Thread thread, int site) {
        record("interrupt", thread, site);
        super.threadInterrupt(thread, site);
    }

    @Override
    public ThreadFactory threadFactory(ThreadFactory base, int site) {
        record(base == null ? "threadFactory default" : "threadFactory given", base, site);
        return super.threadFactory(base, site);
    }

    @Override
    public ExecutorService newExecutor(
            ExecutorKind kind, int threads, ThreadFactory factory, int site) {
        record("newExecutor " + kind + " " + threads, factory, site);
        return super.newExecutor(kind, threads, factory, site);
    }
}
