package io.refguard.hook;

import java.util.List;

/**
 * A module of refguard declaring the packages of its main code, so that {@link LibraryCode} counts
 * their frames as refguard's machinery. Each module above the core registers one implementation as
 * a {@link java.util.ServiceLoader} service ({@code
 * META-INF/services/io.refguard.hook.LibraryPackages}); the core names none of their packages.
 */
public interface LibraryPackages {

    /**
     * The module's main-code packages, by name, such as {@code io.refguard.explore}; each covers
     * its own classes only, not its subpackages. Scenario models a module ships as examples are
     * user code and stay off the list.
     */
    List<String> packages();
}
