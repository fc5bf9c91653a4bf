package org.twinfold.ml;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.twinfold.core.Task;
import org.twinfold.core.dataset.Dataset;
import org.twinfold.core.dataset.Json;

/**
 * The part of a checkpoint's metadata that every family writes the same way: the task, the fields
 * of the training data, and the training dataset by absolute path, manifest hash and size.
 * {@code twinfold evaluate} finds the training set again through the absolute path, whichever folder
 * it runs in.
 */
public final class TrainingMetadata {

    private TrainingMetadata() {
    }

    /** Returns a new metadata node with the keys {@code task}, {@code fields} and {@code trainingData}. */
    public static ObjectNode of(Task task, Dataset data) {
        ObjectNode node = Json.mapper().createObjectNode();
        node.put("task", task.name());
        node.set("fields", Json.mapper().valueToTree(data.manifest().fields()));
        ObjectNode training = node.putObject("trainingData");
        training.put("path", data.folder().toAbsolutePath().normalize().toString());
        training.put("manifestSha256", data.manifestSha256());
        training.put("samples", data.size());
        return node;
    }
}
