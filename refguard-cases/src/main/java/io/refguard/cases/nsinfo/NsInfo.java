package io.refguard.cases.nsinfo;

import io.refguard.RefCounted;

/**
 * perf's {@code struct nsinfo}: the namespaces of a profiled process, reference-counted ({@code
 * nsinfo__get}/{@code nsinfo__put}). Immutable apart from its count. Reports name instances {@code
 * NsInfo#1}, {@code NsInfo#2}, ... in order of first appearance in a run.
 */
final class NsInfo extends RefCounted<NsInfo> {

    /** The process id as perf sees it. */
    final int tgid;

    NsInfo(int tgid) {
        this.tgid = tgid;
    }

    /** {@code nsinfo__copy()}: a new nsinfo with the same ids, owned by the caller. */
    NsInfo copy() {
        ensureAccessible();
        return new NsInfo(tgid);
    }

    @Override
    protected void deallocate() {
        // free(nsi)
    }
}
