package io.refguard.usage;

import io.refguard.hook.LibraryPackages;
import java.util.List;

/** A module's registration as a test declares it: one package of pretended machinery. */
public final class RegisteredPackages implements LibraryPackages {

    /** Created by the service loader. */
    public RegisteredPackages() {}

    @Override
    public List<String> packages() {
        return List.of("io.refguard.usage.registered");
    }
}
