package io.refguard.explore.runtime;

/**
 * What blocked threads wait for, in words, for deadlock reports and traced runs. Failure and
 * tracing paths only: names objects through the run's {@link ObjectNamer}.
 */
final class Waits {

    private Waits() {}

    /** One line per live thread of a run in which none can go on. */
    static String describeDeadlock(Execution x) {
        StringBuilder sb = new StringBuilder("every live thread is blocked:");
        for (int i = 0; i < x.threadCount; i++) {
            Actor a = x.slots[i];
            if (a.live()) {
                sb.append("\n  ").append(a.name).append(" waits for ").append(describe(x, a));
            }
        }
        return sb.toString();
    }

    /** What blocked actor {@code a} waits for, e.g. {@code lock account A, held by T2}. */
    static String describe(Execution x, Actor a) {
        ObjectNamer namer = x.namer;
        switch (a.block) {
            case LOCK:
                {
                    Actor owner = a.lock.owner;
                    return "lock "
                            + namer.name(a.lock.key)
                            + (owner == null ? "" : ", held by " + owner.name);
                }
            case WAIT:
                return a.notified
                        ? "lock "
                                + namer.name(a.lock.key)
                                + " to return from await, held by "
                                + (a.lock.owner == null ? "nobody" : a.lock.owner.name)
                        : "a signal on " + namer.name(a.pendingTarget);
            case JOIN:
                return a.joinTarget.name + " to finish";
            case UNTIL:
                return "'"
                        + a.pendingLabel
                        + "'"
                        + (a.pendingTarget == null ? "" : " on " + namer.name(a.pendingTarget));
            default:
                return "nothing";
        }
    }
}
