package io.refguard.netty;

import io.refguard.hook.LibraryPackages;
import java.util.List;

/**
 * The main-code packages of this module, registered as a {@link LibraryPackages} service so that
 * reports and sites skip their frames as refguard's own.
 */
public final class NettyPackages implements LibraryPackages {

    /** Created by {@link java.util.ServiceLoader}. */
    public NettyPackages() {}

    @Override
    public List<String> packages() {
        return List.of("io.refguard.netty");
    }
}
