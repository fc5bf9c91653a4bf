package org.twinfold.ml.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.twinfold.core.testkit.AllClose.assertAllClose;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointTest {

    @TempDir
    Path folder;

    @Test
    void saveLoadRoundtrip() throws Exception {
        TinyProblem problem = new TinyProblem();
        ObjectNode metadata = JsonNodeFactory.instance.objectNode().put("schema", "y float32 [1]");
        ObjectNode normalization = JsonNodeFactory.instance.objectNode().put("outputMean", 0.25);
        TrainingConfig config = TrainingConfig.builder().setTotalSteps(30).setSeed(5)
                .setSchedule(LearningRateSchedule.constant(1e-2)).optEmaDecay(0.99)
                .optCheckpointEvery(10).optKeepCheckpoints(2).build();

        try (NDManager manager = NDManager.newBaseManager()) {
            Block block = TinyProblem.newBlock(manager, 3);
            Files.createDirectories(folder.resolve(".tmp-step-000000000005"));
            try (TrainingLoop loop = TrainingLoop.builder().setBlock(block).setConfig(config)
                    .setLoss(TinyProblem.meanSquaredError()).setBatches(problem.batches())
                    .optCheckpointFolder(folder).optMetadata(metadata).optNormalization(normalization).build()) {
                TrainingResult result = loop.run();
                assertEquals(30, result.finalStep());
                assertEquals(folder.resolve("step-000000000030"), result.lastCheckpoint().orElseThrow());

                List<Path> kept = CheckpointStore.complete(folder);
                assertEquals(List.of(folder.resolve("step-000000000020"), folder.resolve("step-000000000030")), kept);
                assertFalse(Files.exists(folder.resolve(".tmp-step-000000000005")));

                Checkpoint checkpoint = Checkpoint.read(folder);
                assertEquals(30, checkpoint.state().step());
                assertEquals(5, checkpoint.state().seed());
                assertEquals(30, checkpoint.state().optimizerStepCount());
                assertTrue(checkpoint.state().hasEma());
                assertTrue(checkpoint.state().trainingWallSeconds() > 0);
                assertEquals(metadata, checkpoint.metadata());
                assertEquals(normalization, checkpoint.normalization());
                assertEquals(5, checkpoint.provenance().get("seed").asLong());
                assertEquals("0.99", checkpoint.provenance().get("config").get("emaDecay").asText());
                assertTrue(checkpoint.provenance().get("environment").get("djlVersion").asText().startsWith("0.36"));

                try (NDManager other = NDManager.newBaseManager()) {
                    Block fresh = TinyProblem.newBlock(other, 99);
                    Map<String, NDArray> freshParameters = NamedArrays.parametersOf(fresh);
                    checkpoint.loadWeightsInto(freshParameters, false, other);
                    assertAllClose(TinyProblem.flatWeights(block), TinyProblem.flatWeights(fresh), 0, 0);

                    checkpoint.loadWeightsInto(freshParameters, true, other);
                    float[] emaFlat = TinyProblem.flatWeights(fresh);
                    loop.ema().orElseThrow().copyInto(NamedArrays.parametersOf(block));
                    assertAllClose(TinyProblem.flatWeights(block), emaFlat, 0, 0);
                }

                Map<String, NDArray> savedFirst = Map.copyOf(loop.optimizer().firstMoments());
                float[] firstBefore = savedFirst.values().iterator().next().toFloatArray();
                try (NDManager other = NDManager.newBaseManager();
                        AdamOptimizer restored = new AdamOptimizer(config.optimizer(),
                                NamedArrays.parametersOf(TinyProblem.newBlock(other, 99)), other)) {
                    restored.restore(checkpoint.folder().resolve(CheckpointFiles.OPTIMIZER), 30);
                    assertEquals(30, restored.stepCount());
                    String firstName = savedFirst.keySet().iterator().next();
                    assertAllClose(loop.optimizer().firstMoments().get(firstName).toFloatArray(),
                            restored.firstMoments().get(firstName).toFloatArray(), 0, 0);
                    assertAllClose(loop.optimizer().secondMoments().get(firstName).toFloatArray(),
                            restored.secondMoments().get(firstName).toFloatArray(), 0, 0);
                }
                assertEquals(firstBefore.length, savedFirst.values().iterator().next().size());
            }
        }
    }

    @Test
    void newerFormatRejected() {
        ObjectNode json = new TrainingState(1, 2, 1, 0.5, 1.0, false).toJson();
        json.put("formatVersion", TrainingState.FORMAT_VERSION + 1);
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> TrainingState.fromJson(json, "state.json"));
        assertTrue(e.getMessage().contains("format version 2"), e.getMessage());
    }

    @Test
    void stateJsonRoundtrip() {
        TrainingState state = new TrainingState(40, 9, 40, Double.POSITIVE_INFINITY, 12.5, true);
        assertEquals(state, TrainingState.fromJson(state.toJson(), "state.json"));
    }
}
