package org.twinfold.core.provenance;

/** The twinfold version, read from the jar manifest; {@code development} when run from classes. */
public final class ToolkitVersion {

    private ToolkitVersion() {
    }

    public static String get() {
        String version = ToolkitVersion.class.getPackage().getImplementationVersion();
        return version == null ? "development" : version;
    }
}
