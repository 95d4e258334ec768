package io.refguard.hook;

import io.refguard.LeakScope;

/** A {@link RunScope} backed by a core {@link LeakScope}; see {@link Hooks#openRunScope()}. */
final class LeakRunScope implements RunScope {

    private final LeakScope scope;

    LeakRunScope(LeakScope scope) {
        this.scope = scope;
    }

    @Override
    public Binding bindCurrentThread() {
        return scope.bind()::close;
    }

    /**
     * @throws io.refguard.LeakException when references acquired under the run are still open
     */
    @Override
    public void close() {
        scope.close();
    }
}
