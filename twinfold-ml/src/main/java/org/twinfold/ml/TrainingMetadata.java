package org.twinfold.ml;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.twinfold.core.Task;
import org.twinfold.core.dataset.Dataset;
import org.twinfold.core.dataset.Json;

/**
 * The part of a checkpoint's metadata that every family writes the same way: the task, the fields
 * of the training data, the training dataset by absolute path, manifest hash and size, and the
 * family's settings, so that a resumed or repeated training can be checked against them.
 * {@code twinfold evaluate} finds the training set again through the absolute path, whichever folder
 * it runs in.
 */
public final class TrainingMetadata {

    private TrainingMetadata() {
    }

    /** Returns a new metadata node with the keys task, fields, trainingData and settings. */
    public static ObjectNode of(Task task, Dataset data, Map<String, String> settings) {
        ObjectNode node = Json.mapper().createObjectNode();
        node.put("task", task.name());
        node.set("fields", Json.mapper().valueToTree(data.manifest().fields()));
        ObjectNode training = node.putObject("trainingData");
        training.put("path", data.folder().toAbsolutePath().normalize().toString());
        training.put("manifestSha256", data.manifestSha256());
        training.put("samples", data.size());
        ObjectNode recorded = node.putObject("settings");
        new TreeMap<>(settings).forEach(recorded::put);
        return node;
    }

    /**
     * Returns the family settings recorded in a checkpoint's caller metadata, or empty when the checkpoint
     * predates their recording.
     */
    public static Optional<Map<String, String>> settings(JsonNode caller) {
        JsonNode recorded = caller.get("settings");
        if (recorded == null || !recorded.isObject()) {
            return Optional.empty();
        }
        Map<String, String> settings = new TreeMap<>();
        recorded.properties().forEach(entry -> settings.put(entry.getKey(), entry.getValue().asText()));
        return Optional.of(settings);
    }
}
