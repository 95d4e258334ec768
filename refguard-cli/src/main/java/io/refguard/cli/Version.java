package io.refguard.cli;

import picocli.CommandLine;

/** The version printed by {@code refguard --version}: the jar's implementation version. */
final class Version implements CommandLine.IVersionProvider {

    @Override
    public String[] getVersion() {
        String v = Version.class.getPackage().getImplementationVersion();
        return new String[] {
            "refguard " + (v == null ? "(development build)" : v),
            "Java " + Runtime.version() + " (" + System.getProperty("java.vm.name") + ")"
        };
    }
}
