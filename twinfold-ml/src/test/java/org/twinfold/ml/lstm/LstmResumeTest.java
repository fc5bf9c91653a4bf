package org.twinfold.ml.lstm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.twinfold.core.testkit.AllClose.assertAllClose;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.twinfold.ml.train.LearningRateSchedule;
import org.twinfold.ml.train.TrainingConfig;
import org.twinfold.ml.train.TrainingListener;

/** Operator training killed mid-way and restarted from its checkpoint predicts as an uninterrupted run. */
class LstmResumeTest {
    private static final int STEPS = 30;
    private static final float[][][] TRAJECTORIES = HarmonicOscillator.trajectories(10, 20, true, 5);
    private static final float[][][] WINDOWS = HarmonicOscillator.firstFrames(TRAJECTORIES, 5);

    @TempDir
    Path folder;

    private static LstmOptions options() {
        return LstmOptions.builder().optHiddenSize(8).optLayers(2).optBatchSize(16).build();
    }

    private static TrainingConfig config() {
        return TrainingConfig.builder().setTotalSteps(STEPS).setSeed(13)
                .setSchedule(LearningRateSchedule.constant(5e-3)).optEmaDecay(0.9).optCheckpointEvery(10).build();
    }

    @Test
    void killedTrainingResumesToSamePredictions() throws Exception {
        float[][] straight;
        try (LstmOperator operator = LstmOperator.train(TRAJECTORIES, options(), config()).operator()) {
            straight = operator.predict(WINDOWS);
        }

        // The first run dies at step 25, after the checkpoint of step 20.
        TrainingListener killer = report -> {
            if (report.step() == 25) {
                throw new IllegalStateException("simulated kill");
            }
        };
        assertThrows(IllegalStateException.class,
                () -> LstmOperator.train(TRAJECTORIES, options(), config(), folder, killer));

        LstmTraining resumed = LstmOperator.train(TRAJECTORIES, options(), config(), folder, report -> { });
        try (LstmOperator operator = resumed.operator()) {
            assertEquals(20, resumed.result().startStep());
            assertEquals(STEPS, resumed.result().finalStep());
            assertAllClose(flatten(straight), flatten(operator.predict(WINDOWS)), 1e-5, 1e-6);
        }
    }

    private static float[] flatten(float[][] rows) {
        float[] flat = new float[rows.length * rows[0].length];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(rows[i], 0, flat, i * rows[0].length, rows[0].length);
        }
        return flat;
    }
}
