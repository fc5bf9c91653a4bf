package org.twinfold.core.provenance;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where a dataset or a checkpoint came from: enough to rerun it and to tell which code made it.
 * Saved as JSON beside every dataset and checkpoint.
 *
 * @param producer the generator or trainer that made the artefact, such as {@code oscillator-verlet}
 * @param producerVersion version of that generator or trainer
 * @param configuration every configuration value that changes the output, as strings
 * @param seed the run's random seed
 * @param parents SHA-256 of the manifests of the datasets this artefact was made from, by role
 * @param toolkitVersion twinfold version
 * @param javaVersion {@code java.version} of the JVM
 * @param operatingSystem {@code os.name os.version os.arch}
 * @param createdAt creation time, ISO-8601 UTC
 * @param commandLine the command that made it, or an empty string when made from code
 */
public record Provenance(String producer, String producerVersion, Map<String, String> configuration, long seed,
                         Map<String, String> parents, String toolkitVersion, String javaVersion,
                         String operatingSystem, String createdAt, String commandLine) {

    public Provenance {
        configuration = new TreeMap<>(configuration);
        parents = new TreeMap<>(parents);
    }

    /** Records a new artefact made now on this JVM. */
    public static Provenance now(String producer, String producerVersion, Map<String, String> configuration,
                                 long seed, Map<String, String> parents, String commandLine) {
        return new Provenance(producer, producerVersion, configuration, seed, parents, ToolkitVersion.get(),
                System.getProperty("java.version"),
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                        + System.getProperty("os.arch"),
                Instant.now().toString(), commandLine == null ? "" : commandLine);
    }
}
