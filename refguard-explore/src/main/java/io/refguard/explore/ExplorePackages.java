package io.refguard.explore;

import io.refguard.hook.LibraryPackages;
import java.util.List;

/**
 * The main-code packages of this module, registered as a {@link LibraryPackages} service so that
 * reports and sites skip their frames as refguard's own.
 */
public final class ExplorePackages implements LibraryPackages {

    /** Created by {@link java.util.ServiceLoader}. */
    public ExplorePackages() {}

    @Override
    public List<String> packages() {
        return List.of(
                "io.refguard.explore",
                "io.refguard.explore.replay",
                "io.refguard.explore.report",
                "io.refguard.explore.runtime",
                "io.refguard.explore.strategy",
                "io.refguard.explore.sync");
    }
}
