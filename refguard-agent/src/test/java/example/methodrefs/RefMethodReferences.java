package example.methodrefs;

import io.refguard.Ref;
import io.refguard.RefCounted;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Every way Java code can reach refguard's reference API through a method reference or a lambda:
 * bound and unbound references on a {@code RefCounted} subclass and on {@code Ref}, lambdas, and
 * plain calls. Under the agent each of them must run exactly as without it.
 */
public final class RefMethodReferences implements Callable<List<String>> {

    /** A reference-counted subclass, as users write them. */
    public static final class Buffer extends RefCounted<Buffer> {
        public boolean freed;

        @Override
        protected void deallocate() {
            freed = true;
        }
    }

    /** Prints what {@link #call()} saw, one line each. */
    public static void main(String[] args) {
        new RefMethodReferences().call().forEach(System.out::println);
    }

    @Override
    public List<String> call() {
        List<String> seen = new ArrayList<>();
        Buffer buffer = new Buffer();
        Supplier<Ref<Buffer>> boundAcquire = buffer::acquire; // bound, inherited final method
        Ref<Buffer> a = boundAcquire.get();
        Runnable boundClose = a::close; // bound, on Ref
        boundClose.run();
        Supplier<Ref<Buffer>> boundShare = buffer::share;
        Ref<Buffer> s = boundShare.get();
        Function<Buffer, Ref<Buffer>> unboundAcquire = Buffer::acquire; // unbound, on the subclass
        Ref<Buffer> b = unboundAcquire.apply(buffer);
        Consumer<Ref<Buffer>> unboundClose = Ref::close; // unbound, on Ref
        unboundClose.accept(b);
        Predicate<Ref<Buffer>> isOpen = Ref::isOpen;
        seen.add("share open " + isOpen.test(s));
        Function<Ref<Buffer>, Buffer> get = Ref::get;
        seen.add("get " + (get.apply(s) == buffer));
        Runnable lambda = () -> s.close(); // a lambda
        lambda.run();
        Supplier<Boolean> tryAcquire =
                () -> {
                    Ref<Buffer> t = buffer.tryAcquire();
                    boolean ok = t != null;
                    if (t != null) {
                        t.close();
                    }
                    return ok;
                };
        seen.add("tryAcquire " + tryAcquire.get());
        Runnable closeCreator = buffer::close; // bound close on the subclass
        closeCreator.run();
        seen.add("freed " + buffer.freed);
        return seen;
    }
}
