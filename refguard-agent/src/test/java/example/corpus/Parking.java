package example.corpus;

import java.util.concurrent.Callable;
import java.util.concurrent.locks.LockSupport;

/** A thread parks until a volatile flag is set and it is unparked. */
public class Parking implements Callable<Object> {
    volatile boolean go;
    volatile int wakeUps;

    @Override
    public Object call() throws InterruptedException {
        Thread parker =
                new Thread(
                        () -> {
                            while (!go) {
                                LockSupport.park(this);
                            }
                            wakeUps++;
                        });
        parker.start();
        LockSupport.parkNanos(1_000L); // site: park-nanos
        go = true;
        LockSupport.unpark(parker); // site: unpark
        parker.join();
        return wakeUps;
    }
}
