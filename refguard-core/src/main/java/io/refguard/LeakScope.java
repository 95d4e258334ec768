package io.refguard;

import io.refguard.hook.Access;
import io.refguard.hook.Hooks;
import io.refguard.hook.SchedulingHook;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * A leak check around a piece of work, typically one test:
 *
 * <pre>{@code
 * try (LeakScope scope = LeakScope.open()) {
 *     runTheCodeUnderTest();
 * } // throws LeakException listing every reference acquired inside and still open
 * }</pre>
 *
 * <p>While a scope is bound to a thread, objects constructed on that thread get the scope's {@link
 * #mode()} (default {@link CheckMode#TRACKED}) instead of the JVM-wide one, and every tracked
 * reference acquired on that thread belongs to the scope. A reference belongs to the scope of the
 * thread that acquired it, wherever it is closed; so tests running in parallel on different
 * threads, each in its own scope, never blame each other. Objects constructed outside any tracking
 * scope keep the mode they were constructed with.
 *
 * <p>{@link #open()} binds the scope to the opening thread until {@link #close()}. Other threads
 * join with {@link #bind()}, or by running tasks made with {@link #wrap(Runnable)} and {@link
 * #wrap(Callable)}. Bindings nest per thread; closing one restores the previous scope.
 *
 * <p>In {@link CheckMode#PRESENCE} mode the scope only counts: each object constructed on a bound
 * thread adds one, its final release (on any thread) takes one off, and {@code close()} fails when
 * the count is not zero, naming how many objects were never freed and how to get their sites. The
 * count belongs to the scope, so parallel tests in scopes of their own never mix counts.
 *
 * <p>Concurrency: the set of open references is a concurrent set, updated by acquiring and closing
 * threads; each update is a scheduling point for the interleaving explorer. A reference closed
 * before {@code close()} starts is never listed (its removal happens-before the scan); one closed
 * concurrently with {@code close()} may or may not be.
 */
public final class LeakScope implements AutoCloseable {

    private static final ThreadLocal<LeakScope> CURRENT = new ThreadLocal<>();

    /**
     * Number of live bindings on all threads. Object construction reads it first and looks the
     * thread-local up only when it is non-zero, so code that never uses scopes pays one volatile
     * read, not a thread-local lookup.
     */
    private static final AtomicInteger BINDINGS = new AtomicInteger();

    private final CheckMode mode;
    private final Site openedAt;
    private final String name; // what the scope covers, for messages; null: say where it opened
    private final Set<RefState> open = ConcurrentHashMap.newKeySet();
    private final AtomicLong sequence = new AtomicLong();

    /** PRESENCE mode: objects constructed under this scope and not freed yet. */
    private final LongAdder present = new LongAdder();

    private final Binding openerBinding; // null for a detached scope
    private volatile boolean closed;

    /**
     * Checker errors about this scope's objects thrown on threads not bound to it ({@link #noted}).
     */
    private final List<RefGuardException> elsewhere =
            java.util.Collections.synchronizedList(new ArrayList<>());

    /**
     * Set once {@code close()} has claimed every reference it lists. Until then the GC backstop
     * leaves this scope's references to it, so each leak is reported once, by the scope.
     */
    private volatile boolean swept;

    private LeakScope(CheckMode mode, boolean bindOpener, String name) {
        this.mode = Objects.requireNonNull(mode, "mode");
        this.name = name;
        this.openedAt = Sites.capture();
        this.openerBinding = bindOpener ? new Binding(this) : null;
    }

    /**
     * Opens a {@link CheckMode#TRACKED} scope bound to the current thread until {@link #close()}.
     */
    public static LeakScope open() {
        return new LeakScope(CheckMode.TRACKED, true, null);
    }

    /**
     * Opens a scope with {@code mode} for objects constructed under it, bound to the current
     * thread.
     */
    public static LeakScope open(CheckMode mode) {
        return new LeakScope(mode, true, null);
    }

    /**
     * Opens a scope bound to no thread: threads join it with {@link #bind()}. Use this when the
     * thread that opens and closes the scope does not run the checked code itself, as a harness
     * driving worker threads does.
     */
    public static LeakScope openDetached(CheckMode mode) {
        return new LeakScope(mode, false, null);
    }

    /**
     * {@link #openDetached(CheckMode)} with a name for what the scope covers, such as {@code "test
     * RequestTest.answers()"}; leak messages say "scope of" that name instead of where the scope
     * was opened, which for a harness is the harness's own code.
     */
    public static LeakScope openDetached(CheckMode mode, String name) {
        return new LeakScope(mode, false, Objects.requireNonNull(name, "name"));
    }

    /** The scope bound to the current thread, or {@code null}. */
    public static LeakScope current() {
        return CURRENT.get();
    }

    /**
     * {@link #current()}, but skips the thread-local lookup when no thread is bound to any scope.
     */
    static LeakScope boundScope() {
        return BINDINGS.get() == 0 ? null : CURRENT.get();
    }

    /**
     * Returns {@code error}, a checker error about an object of {@code scope}, having kept it for
     * the scope's {@link #close()} when the calling thread is not bound to that scope: an event
     * loop's or a pool's thread, where the exception ends a task that the test never joins. The
     * scope's close then fails with it, so the test that owns the object fails as if it had thrown
     * on its own thread.
     */
    static <E extends RefGuardException> E noted(E error, LeakScope scope) {
        if (scope != null && !scope.closed && boundScope() != scope) {
            scope.elsewhere.add(error);
        }
        return error;
    }

    /** Of {@code tracker}'s object, or null for an untracked object. */
    static LeakScope of(Tracker tracker) {
        return tracker == null ? null : tracker.creator.scope;
    }

    /** The mode given to objects constructed on threads bound to this scope. */
    public CheckMode mode() {
        return mode;
    }

    /** Whether {@link #close()} has run. */
    public boolean isClosed() {
        return closed;
    }

    /**
     * Binds this scope to the current thread until the returned binding is closed.
     *
     * @throws IllegalStateException when this scope is already closed
     */
    public Binding bind() {
        checkOpen("bind()");
        return new Binding(this);
    }

    /**
     * A task that runs {@code task} with this scope bound to whichever thread runs it. Wait for
     * wrapped tasks to finish before closing the scope; a wrapped task that starts after the scope
     * closed fails with {@link IllegalStateException}.
     */
    public Runnable wrap(Runnable task) {
        Objects.requireNonNull(task, "task");
        return () -> {
            Binding b = bind();
            try {
                task.run();
            } finally {
                b.close();
            }
        };
    }

    /** Like {@link #wrap(Runnable)}, for a task with a result. */
    public <V> Callable<V> wrap(Callable<V> task) {
        Objects.requireNonNull(task, "task");
        return () -> {
            Binding b = bind();
            try {
                return task.call();
            } finally {
                b.close();
            }
        };
    }

    /**
     * A report for each reference that belongs to this scope and is still open, in acquire order.
     */
    public List<Report> openReferences() {
        List<RefState> states = new ArrayList<>(open);
        states.sort(Comparator.comparingLong(s -> s.sequence));
        List<Report> reports = new ArrayList<>(states.size());
        for (RefState s : states) {
            reports.add(Reports.leak(s, null));
        }
        return reports;
    }

    /**
     * Closes the scope: unbinds it from the opening thread and checks for leaks. Idempotent.
     *
     * @throws LeakException when references that belong to this scope are still open; they are not
     *     reported again by the GC backstop
     * @throws RefGuardException the first double release, use after release or acquire of a dead
     *     object of this scope that another thread, not bound to the scope, threw meanwhile (an
     *     event loop, a pool); later ones, and the leaks, are added to it as suppressed
     * @throws IllegalStateException when called on another thread than the one that opened a bound
     *     scope (that thread's binding could not be undone); close it where it was opened
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        if (openerBinding != null) {
            if (openerBinding.thread != Thread.currentThread()) {
                throw new IllegalStateException(
                        "refguard: close this leak scope on the thread that opened it ("
                                + openerBinding.thread.getName()
                                + ", at "
                                + openedAt
                                + "), not on "
                                + Thread.currentThread().getName());
            }
            openerBinding.close();
        }
        closed = true;
        List<RefState> states = new ArrayList<>(open);
        states.sort(Comparator.comparingLong(s -> s.sequence));
        List<Report> reports = new ArrayList<>(states.size() + 1);
        for (RefState s : states) {
            if (s.claimLeakReport()) {
                reports.add(Reports.leak(s, null));
            }
        }
        swept = true;
        WatchTable.reportCollected(); // the backstop's reports of earlier collections, if any
        long unfreed = present.sum();
        if (unfreed > 0) {
            reports.add(Reports.presenceLeak(unfreed));
        }
        LeakException leaks =
                reports.isEmpty()
                        ? null
                        : new LeakException(
                                name != null ? "scope of " + name : "scope opened at " + openedAt,
                                reports);
        List<RefGuardException> errors;
        synchronized (elsewhere) {
            errors = new ArrayList<>(elsewhere);
        }
        if (!errors.isEmpty()) {
            RefGuardException first = errors.get(0);
            errors.subList(1, errors.size()).forEach(first::addSuppressed);
            if (leaks != null) {
                first.addSuppressed(leaks);
            }
            throw first;
        }
        if (leaks != null) {
            throw leaks;
        }
    }

    /**
     * Whether {@code close()} has listed this scope's leaks (the backstop's cue to report its own).
     */
    boolean swept() {
        return swept;
    }

    /** PRESENCE mode: an object was constructed on a thread bound to this scope. */
    void presenceCreated() {
        present.increment();
    }

    /** PRESENCE mode: an object counted by this scope was freed. */
    void presenceFreed() {
        present.decrement();
    }

    /**
     * Registers a reference acquired under this scope; returns its sequence number, or 0 when the
     * scope had already closed (then the reference is the GC backstop's alone).
     */
    long register(RefState s) {
        SchedulingHook h = Hooks.scheduling();
        if (h != null) {
            h.beforeInternalAccess(this, Access.UPDATE, "scope-register");
        }
        long n = sequence.incrementAndGet();
        if (closed) {
            return 0;
        }
        open.add(s);
        return n;
    }

    void unregister(RefState s) {
        SchedulingHook h = Hooks.scheduling();
        if (h != null) {
            h.beforeInternalAccess(this, Access.UPDATE, "scope-unregister");
        }
        open.remove(s);
    }

    private void checkOpen(String what) {
        if (closed) {
            throw new IllegalStateException(
                    "refguard: "
                            + what
                            + " on a leak scope that is already closed (opened at "
                            + openedAt
                            + "); wait for the work bound to a scope, such as wrapped tasks, before closing it");
        }
    }

    @Override
    public String toString() {
        return "LeakScope(" + mode + ", opened at " + openedAt + (closed ? ", closed)" : ")");
    }

    /**
     * One binding of a scope to a thread, undone by {@link #close()}. Bindings on one thread nest
     * and must be closed in reverse order, on the thread that made them.
     */
    public static final class Binding implements AutoCloseable {
        private final LeakScope scope;
        private final LeakScope previous;
        private final Thread thread;
        private boolean closed; // confined to {@link #thread}

        Binding(LeakScope scope) {
            this.scope = scope;
            this.thread = Thread.currentThread();
            this.previous = CURRENT.get();
            CURRENT.set(scope);
            BINDINGS.incrementAndGet();
        }

        /**
         * Restores the scope that was bound before. Idempotent.
         *
         * @throws IllegalStateException when called on another thread, or out of nesting order
         */
        @Override
        public void close() {
            if (Thread.currentThread() != thread) {
                throw new IllegalStateException(
                        "refguard: close a leak scope binding on the thread that made it ("
                                + thread.getName()
                                + "), not on "
                                + Thread.currentThread().getName());
            }
            if (closed) {
                return;
            }
            if (CURRENT.get() != scope) {
                throw new IllegalStateException(
                        "refguard: leak scope bindings closed out of order on thread "
                                + thread.getName()
                                + "; close the innermost binding first (use try-with-resources)");
            }
            closed = true;
            BINDINGS.decrementAndGet();
            if (previous == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(previous);
            }
        }
    }
}
