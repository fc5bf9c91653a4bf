package org.twinfold.ml.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.twinfold.core.testkit.AllClose.assertAllClose;

import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Training killed mid-way and restarted reaches the weights of an uninterrupted run. */
class ResumeTest {
    private static final int STEPS = 60;

    @TempDir
    Path folder;

    private static TrainingConfig config() {
        return TrainingConfig.builder().setTotalSteps(STEPS).setSeed(11)
                .setSchedule(LearningRateSchedule.warmupCosine(2e-2, 10, STEPS, 1e-4))
                .optOptimizer(AdamSettings.adamW(1e-2)).optMaxGradientNorm(1.0).optEmaDecay(0.95)
                .optCheckpointEvery(10).build();
    }

    private static TrainingLoop loop(Block block, TinyProblem problem, Path checkpoints, TrainingListener listener) {
        TrainingLoop.Builder builder = TrainingLoop.builder().setBlock(block).setConfig(config())
                .setLoss(TinyProblem.meanSquaredError()).setBatches(problem.batches()).optListener(listener);
        if (checkpoints != null) {
            builder.optCheckpointFolder(checkpoints);
        }
        return builder.build();
    }

    @Test
    void killedRunResumesToSameWeights() {
        TinyProblem problem = new TinyProblem();
        float[] straightWeights;
        float[] straightEma;
        try (NDManager manager = NDManager.newBaseManager()) {
            Block block = TinyProblem.newBlock(manager, 21);
            try (TrainingLoop straight = loop(block, problem, null, report -> { })) {
                straight.run();
                straightWeights = TinyProblem.flatWeights(block);
                straight.ema().orElseThrow().copyInto(NamedArrays.parametersOf(block));
                straightEma = TinyProblem.flatWeights(block);
            }
        }

        // The first run dies at step 35, after the checkpoint of step 30 and before that of step 40.
        try (NDManager manager = NDManager.newBaseManager()) {
            Block block = TinyProblem.newBlock(manager, 21);
            TrainingListener killer = report -> {
                if (report.step() == 35) {
                    throw new IllegalStateException("simulated kill");
                }
            };
            try (TrainingLoop first = loop(block, problem, folder, killer)) {
                assertThrows(IllegalStateException.class, first::run);
            }
        }
        assertEquals(30, CheckpointStore.stepOf(CheckpointStore.latest(folder).orElseThrow()));

        // The restart uses a network with other initial weights: everything must come from the checkpoint.
        try (NDManager manager = NDManager.newBaseManager()) {
            Block block = TinyProblem.newBlock(manager, 22);
            try (TrainingLoop second = loop(block, problem, folder, report -> { })) {
                TrainingResult result = second.run();
                assertEquals(30, result.startStep());
                assertEquals(STEPS, result.finalStep());
                assertAllClose(straightWeights, TinyProblem.flatWeights(block), 1e-5, 1e-6);
                second.ema().orElseThrow().copyInto(NamedArrays.parametersOf(block));
                assertAllClose(straightEma, TinyProblem.flatWeights(block), 1e-5, 1e-6);
            }
        }
    }
}
