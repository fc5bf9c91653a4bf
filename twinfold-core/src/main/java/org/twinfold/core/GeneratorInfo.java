package org.twinfold.core;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * Identity of a generator as recorded in manifests: which simulator or surrogate, which version of
 * its code, and every setting that changes its output.
 *
 * @param id stable name, such as {@code oscillator-verlet} or {@code mlp-surrogate}
 * @param version version of the generator's algorithm; change it whenever output changes
 * @param settings configuration values that change the output, as strings, sorted by key so that two
 *     identical runs write identical manifests
 */
public record GeneratorInfo(String id, String version, Map<String, String> settings) {

    public GeneratorInfo {
        settings = Collections.unmodifiableMap(new TreeMap<>(Map.copyOf(settings)));
    }
}
