package io.refguard.cases.readahead;

import io.refguard.explore.Named;

/** {@code eb->refs_lock}, a lock object named in reports. */
final class RefsLock implements Named {

    @Override
    public String reportName() {
        return "refs_lock";
    }
}
