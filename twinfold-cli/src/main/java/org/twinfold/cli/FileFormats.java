package org.twinfold.cli;

import java.util.Locale;

/** The external file formats that {@code export} and {@code import} convert. */
final class FileFormats {
    static final String CALOCHALLENGE = "calochallenge";

    private FileFormats() {
    }

    /** Checks that {@code --format} names the CaloChallenge format, the only one supported. */
    static void requireCaloChallenge(String format) {
        if (!CALOCHALLENGE.equals(format.toLowerCase(Locale.ROOT))) {
            throw new IllegalArgumentException("--format is '" + format + "'; the only supported format is "
                    + CALOCHALLENGE);
        }
    }
}
