/**
 * refguard's checker behind Netty's leak detection: {@code RefGuardNetty} installs a leak detector
 * factory so that Netty's reference-counted buffers report through refguard. Netty itself is the
 * user's: this module brings no Netty of its own.
 */
module io.refguard.netty {
    requires transitive io.refguard.core;
    requires transitive io.netty.common;

    exports io.refguard.netty;
}
