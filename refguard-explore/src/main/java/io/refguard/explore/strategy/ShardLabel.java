package io.refguard.explore.strategy;

import io.refguard.explore.runtime.Chooser;
import io.refguard.explore.runtime.RunStatus;

/** A randomized search of one shard: the search itself, described with the shard's name. */
final class ShardLabel implements Search {

    private final Search inner;
    private final String shard;

    ShardLabel(Search inner, int shardIndex, int shardCount) {
        this.inner = inner;
        this.shard = Shards.describe(shardIndex, shardCount);
    }

    @Override
    public boolean hasNextRun() {
        return inner.hasNextRun();
    }

    @Override
    public Chooser chooser() {
        return inner.chooser();
    }

    @Override
    public void runFinished(RunStatus status, int preemptions, long scheduleHash) {
        inner.runFinished(status, preemptions, scheduleHash);
    }

    @Override
    public String divergence() {
        return inner.divergence();
    }

    @Override
    public String limit() {
        return inner.limit();
    }

    @Override
    public long distinctSchedules() {
        return inner.distinctSchedules();
    }

    @Override
    public boolean exhausted() {
        return inner.exhausted();
    }

    @Override
    public boolean boundLimited() {
        return inner.boundLimited();
    }

    @Override
    public boolean randomized() {
        return inner.randomized();
    }

    @Override
    public String describe() {
        return inner.describe() + shard;
    }
}
