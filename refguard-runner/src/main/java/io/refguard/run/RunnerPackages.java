package io.refguard.run;

import io.refguard.hook.LibraryPackages;
import java.util.List;

/**
 * The main-code packages of this module, registered as a {@link LibraryPackages} service so that
 * reports and sites skip their frames as refguard's own.
 */
public final class RunnerPackages implements LibraryPackages {

    /** Created by {@link java.util.ServiceLoader}. */
    public RunnerPackages() {}

    @Override
    public List<String> packages() {
        return List.of("io.refguard.run");
    }
}
