package org.twinfold.cli;

/**
 * System properties that DJL reads at start-up: load libtorch from the Maven Central native jar
 * without any download. Set before any DJL class loads; a value given with -D wins.
 */
final class DjlSettings {

    private DjlSettings() {
    }

    static void apply() {
        setIfAbsent("ai.djl.offline", "true");
        setIfAbsent("ai.djl.default_engine", "PyTorch");
    }

    static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}
