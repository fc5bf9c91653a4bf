package org.twinfold.ml.mlp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.twinfold.ml.train.LearningRateSchedule;
import org.twinfold.ml.train.NamedArrays;
import org.twinfold.ml.train.TrainingConfig;

class MlpRegressorTest {
    private static final int STEPS = 600;

    @TempDir
    Path folder;

    private static TrainingConfig config() {
        return TrainingConfig.builder().setTotalSteps(STEPS).setSeed(2024)
                .setSchedule(LearningRateSchedule.warmupCosine(3e-3, 50, STEPS, 1e-5))
                .optEmaDecay(0.99).optCheckpointEvery(STEPS).build();
    }

    @Test
    void learnsDampedSine() throws Exception {
        float[][][] train = DampedSine.sample(512, 1);
        float[][][] test = DampedSine.sample(128, 2);
        MlpOptions options = MlpOptions.builder().optHiddenWidths(List.of(64, 64)).optActivation(MlpActivation.SILU)
                .optInputRanges(DampedSine.SPACE).optBatchSize(64).build();

        float[][] predicted;
        try (MlpRegressor regressor = MlpRegressor.train(train[0], train[1], options, config(), folder, r -> { })) {
            predicted = regressor.predict(test[0]);
        }
        double rmse = DampedSine.rmse(test[1], predicted);
        double baseline = DampedSine.rmse(test[1], meanField(train[1], test[1].length));
        // Predicting the mean training field gives RMSE 0.25 on this held-out set. With seed 2024 and
        // 2 threads the MLP measured 0.014; the limit 0.03 leaves a factor two for other thread counts
        // and libtorch builds, and still fails a network that learned only the mean field.
        assertTrue(baseline > 0.2, "mean-field baseline RMSE " + baseline);
        assertTrue(rmse < 0.03, "held-out RMSE " + rmse + " (mean-field baseline " + baseline + ")");

        try (MlpRegressor loaded = MlpRegressor.load(folder)) {
            float[][] again = loaded.predict(test[0]);
            assertEquals(rmse, DampedSine.rmse(test[1], again), 1e-7);
            // A loaded model only predicts: no parameter may make libtorch record an autograd graph.
            NamedArrays.parametersOf(loaded.block()).forEach((name, array) ->
                    assertFalse(array.hasGradient(), name + " requires a gradient after load"));
        }
    }

    @Test
    void nanTrainingDataRejected() {
        float[][][] train = DampedSine.sample(16, 1);
        train[1][5][7] = Float.NaN;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MlpRegressor.train(train[0], train[1], MlpOptions.builder().build(), config()));
        assertTrue(e.getMessage().contains("row 5, column 7"), e.getMessage());
        assertTrue(e.getMessage().contains("training outputs"), e.getMessage());
    }

    @Test
    void infiniteInputRejected() {
        float[][][] train = DampedSine.sample(16, 1);
        train[0][3][1] = Float.POSITIVE_INFINITY;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MlpRegressor.train(train[0], train[1], MlpOptions.builder().build(), config()));
        assertTrue(e.getMessage().contains("training inputs contain Infinity at row 3, column 1"), e.getMessage());
    }

    private static float[][] meanField(float[][] outputs, int rows) {
        float[] mean = new float[outputs[0].length];
        for (float[] row : outputs) {
            for (int k = 0; k < mean.length; k++) {
                mean[k] += row[k] / outputs.length;
            }
        }
        float[][] result = new float[rows][];
        for (int i = 0; i < rows; i++) {
            result[i] = mean;
        }
        return result;
    }
}
