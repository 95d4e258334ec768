/**
 * refguard's reference-counted core and its checker: {@code io.refguard} (references, leak scopes,
 * reports), {@code io.refguard.swap} (hot-swapped snapshots) and {@code io.refguard.hook}, the seam
 * through which an explorer schedules the core's operations and an instrumenting agent supplies
 * code sites. The core needs no other library.
 */
module io.refguard.core {
    requires static jdk.jfr;

    exports io.refguard;
    exports io.refguard.swap;
    exports io.refguard.hook;
}
