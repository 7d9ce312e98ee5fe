package dev.ior.cli;

import picocli.CommandLine;

/** {@code ior --version}: ior's version and the Java runtime. */
final class VersionProvider implements CommandLine.IVersionProvider {

    /** ior's version, as recorded in files it writes. */
    static String iorVersion() {
        String version = VersionProvider.class.getPackage().getImplementationVersion();
        return version == null ? "development" : version;
    }

    @Override
    public String[] getVersion() {
        return new String[] {
            "ior " + iorVersion(),
            "Java " + Runtime.version() + " (" + System.getProperty("java.vm.name") + ")"
        };
    }
}
