package org.twinfold.ml.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A checkpoint folder read back: its scalar state and JSON parts, with methods that load its arrays
 * into a network.
 *
 * @param folder the checkpoint folder
 * @param state step, seed, optimizer step count, running minimum loss, wall time
 * @param normalization data normalization as supplied by the trainer's caller
 * @param metadata caller metadata (schema, dataset provenance, network structure)
 * @param provenance trainer, configuration and environment
 */
public record Checkpoint(Path folder, TrainingState state, JsonNode normalization, JsonNode metadata,
        JsonNode provenance) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Reads a checkpoint folder, or the newest checkpoint when {@code folder} is a folder of checkpoints.
     *
     * @throws IllegalArgumentException when no complete checkpoint is found there
     */
    public static Checkpoint read(Path folder) throws IOException {
        Path checkpoint = folder;
        if (!Files.isRegularFile(folder.resolve(CheckpointFiles.STATE))) {
            checkpoint = CheckpointStore.latest(folder).orElseThrow(() -> new IllegalArgumentException(
                    "no complete checkpoint in " + folder + "; expected " + CheckpointFiles.STATE
                            + " there or sub-folders named step-000000001000"));
        }
        JsonNode stateJson = JSON.readTree(checkpoint.resolve(CheckpointFiles.STATE).toFile());
        TrainingState state = TrainingState.fromJson(stateJson, checkpoint.resolve(CheckpointFiles.STATE).toString());
        return new Checkpoint(checkpoint, state,
                readJson(checkpoint.resolve(CheckpointFiles.NORMALIZATION)),
                readJson(checkpoint.resolve(CheckpointFiles.METADATA)),
                readJson(checkpoint.resolve(CheckpointFiles.PROVENANCE)));
    }

    /**
     * Copies the saved weights into {@code parameters} in place.
     *
     * @param ema true for the EMA weights (the checkpoint must have them), false for the raw weights
     */
    public void loadWeightsInto(Map<String, NDArray> parameters, boolean ema, NDManager scratch) throws IOException {
        if (ema && !state.hasEma()) {
            throw new IllegalArgumentException("checkpoint " + folder + " has no EMA weights; train with an EMA decay"
                    + " or load the raw weights");
        }
        Path file = folder.resolve(ema ? CheckpointFiles.EMA_WEIGHTS : CheckpointFiles.WEIGHTS);
        try (NDManager readManager = scratch.newSubManager()) {
            NamedArrays.copyInto(NamedArrays.read(readManager, file), parameters, "weights in " + file);
        }
    }

    private static JsonNode readJson(Path file) throws IOException {
        return JSON.readTree(file.toFile());
    }
}
