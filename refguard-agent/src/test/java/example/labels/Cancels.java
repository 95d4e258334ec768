package example.labels;

import java.util.Timer;
import java.util.TimerTask;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Every kind of cancel of scheduled work, then a failure, so the report shows each cancel's step: a
 * timer task's, a timer's, a one-shot and a periodic scheduled future's.
 */
public final class Cancels {

    private Cancels() {}

    public static void main(String[] args) {
        Timer timer = new Timer();
        TimerTask tick =
                new TimerTask() {
                    @Override
                    public void run() {}
                };
        timer.schedule(tick, 10);
        tick.cancel(); // site: task
        timer.cancel(); // site: timer
        ScheduledExecutorService pool = Executors.newSingleThreadScheduledExecutor();
        pool.schedule(() -> {}, 10, TimeUnit.MILLISECONDS).cancel(false); // site: once
        pool.scheduleAtFixedRate(() -> {}, 10, 10, TimeUnit.MILLISECONDS)
                .cancel(false); // site: periodic
        pool.shutdown();
        throw new AssertionError("show the steps");
    }
}
