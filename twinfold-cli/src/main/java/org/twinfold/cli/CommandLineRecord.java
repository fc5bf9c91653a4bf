package org.twinfold.cli;

/** The command line of this process, recorded in every dataset's and checkpoint's provenance. */
final class CommandLineRecord {
    private static volatile String text = "twinfold";

    private CommandLineRecord() {
    }

    static void set(java.util.List<String> args) {
        text = "twinfold " + String.join(" ", args);
    }

    static String get() {
        return text;
    }
}
