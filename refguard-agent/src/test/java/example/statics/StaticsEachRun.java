package example.statics;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A program whose every run must see fresh static state: a counter, a list created by the static
 * initializer, a final field of a superclass, a static read across classes and an initializer that
 * reads another class's statics. A run that sees anything left by an earlier run fails.
 */
public class StaticsEachRun extends Base {
    static int runs;
    static final List<String> SEEN = new ArrayList<>();
    static final Object IDENTITY = new Object();
    static Object lastIdentity;

    public static void main(String[] args) throws InterruptedException {
        runs++;
        assert runs == 1 : "runs carried over: " + runs;
        assert SEEN.isEmpty() : "list carried over: " + SEEN;
        assert Base.created == 1 : "superclass statics carried over: " + Base.created;
        assert Derived.COPY == 10 : "initializer saw stale statics: " + Derived.COPY;
        Holder.VALUES.add("x");
        assert Holder.VALUES.size() == 1 : "holder carried over: " + Holder.VALUES;
        Thread t =
                new Thread(
                        () -> {
                            SEEN.add("t");
                            Counter.HITS.incrementAndGet();
                        });
        t.start();
        Counter.HITS.incrementAndGet();
        t.join();
        assert Counter.HITS.get() == 2 : "hits: " + Counter.HITS.get();
        Other.remember(IDENTITY);
    }
}

class Base {
    static int created;

    static {
        created++;
    }
}

class Config {
    static int limit = 5;

    static {
        limit *= 2;
    }
}

class Derived {
    static final int COPY = Config.limit;
}

class Holder {
    static final List<String> VALUES = new ArrayList<>();
}

class Counter {
    static final AtomicInteger HITS = new AtomicInteger();
}

class Other {
    static void remember(Object identity) {
        assert StaticsEachRun.lastIdentity == null : "a run saw the object of an earlier run";
        StaticsEachRun.lastIdentity = identity;
    }
}
