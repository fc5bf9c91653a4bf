package org.twinfold.cli;

import org.twinfold.core.provenance.ToolkitVersion;
import picocli.CommandLine.IVersionProvider;

/** Prints the twinfold, Java and operating system versions for {@code --version}. */
final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {
            "twinfold " + ToolkitVersion.get(),
            "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")",
            System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch")
        };
    }
}
