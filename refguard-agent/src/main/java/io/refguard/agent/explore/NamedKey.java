package io.refguard.agent.explore;

import io.refguard.explore.Named;

/**
 * The explorer's stand-in for one object of the program in one run: the explorer keys its
 * dependency analysis and its reports by identity, and this key gives the object a readable,
 * run-independent name ({@code queue}, {@code lock#2}, {@code Counter#1}) that its own class cannot
 * provide. One key per object per run ({@link RunModel#key}).
 */
class NamedKey implements Named {

    final Object object;
    final String name;

    NamedKey(Object object, String name) {
        this.object = object;
        this.name = name;
    }

    @Override
    public String reportName() {
        return name;
    }

    @Override
    public String toString() {
        return name;
    }
}
