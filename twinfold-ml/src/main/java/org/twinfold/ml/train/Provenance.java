package org.twinfold.ml.train;

import ai.djl.engine.Engine;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/** Builds the provenance block of a checkpoint: trainer, every configuration value, seed and environment. */
final class Provenance {
    /** Version of the training algorithm; change it whenever the same config would give other weights. */
    static final String TRAINER_VERSION = "1";

    private Provenance() {
    }

    static ObjectNode of(String trainerName, TrainingConfig config, Map<String, String> extraSettings, Engine engine) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("trainer", trainerName);
        node.put("trainerVersion", TRAINER_VERSION);
        String toolkitVersion = Provenance.class.getPackage().getImplementationVersion();
        node.put("toolkitVersion", toolkitVersion == null ? "unknown (not run from a released jar)" : toolkitVersion);
        node.put("seed", config.seed());

        ObjectNode settings = node.putObject("config");
        config.describe().forEach(settings::put);
        extraSettings.forEach(settings::put);

        ObjectNode environment = node.putObject("environment");
        environment.put("javaVersion", System.getProperty("java.version"));
        environment.put("javaVendor", System.getProperty("java.vendor"));
        environment.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version")
                + " " + System.getProperty("os.arch"));
        environment.put("djlVersion", Engine.getDjlVersion());
        environment.put("engine", engine.getEngineName() + " " + engine.getVersion());
        environment.put("intraOpThreads", System.getProperty("ai.djl.pytorch.num_threads", "default"));
        environment.put("interOpThreads", System.getProperty("ai.djl.pytorch.num_interop_threads", "default"));
        return node;
    }
}
