package org.twinfold.ml.lstm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.twinfold.ml.train.LearningRateSchedule;
import org.twinfold.ml.train.TrainingConfig;

/**
 * Trains a small operator of x'' = -x that predicts the correction to the constant-velocity step, with
 * standardized inputs and input noise, and checks that it beats constant velocity one step ahead, that
 * {@link LstmOperator#predict} and {@link Rollout} agree, and that a checkpoint reloads exactly.
 */
class CorrectionOperatorTest {
    private static final Logger LOG = LoggerFactory.getLogger(CorrectionOperatorTest.class);
    private static final int STEPS = 300;
    private static final int WINDOW = 5;

    @TempDir
    Path folder;

    @Test
    void correctionOperatorBeatsConstantVelocity() throws Exception {
        float[][][] training = HarmonicOscillator.trajectories(64, 40, true, 1);
        float[][][] test = HarmonicOscillator.trajectories(16, WINDOW + 1, true, 99);
        float[][][] windows = HarmonicOscillator.firstFrames(test, WINDOW);
        LstmOptions options = LstmOptions.builder().optHiddenSize(16).optBatchSize(64)
                .optTarget(PredictionTarget.EXTRAPOLATION_CORRECTION).optStandardize(true).optInputNoise(1e-3)
                .build();
        TrainingConfig config = TrainingConfig.builder().setTotalSteps(STEPS).setSeed(3)
                .setSchedule(LearningRateSchedule.warmupCosine(1e-2, 15, STEPS, 1e-4)).optCheckpointEvery(STEPS)
                .build();

        LstmTraining trained = LstmOperator.train(training, options, config, folder, report -> { });
        float[][] predicted;
        RolloutResult rollout;
        try (LstmOperator operator = trained.operator()) {
            assertEquals(PredictionTarget.EXTRAPOLATION_CORRECTION, operator.target());
            predicted = operator.predict(windows);
            rollout = Rollout.run(operator, windows, 1);
        }

        double operatorError = 0;
        double constantVelocityError = 0;
        for (int b = 0; b < test.length; b++) {
            float truth = test[b][WINDOW][0];
            operatorError += Math.abs(truth - predicted[b][0]) / test.length;
            constantVelocityError += Math.abs(truth - (2 * test[b][WINDOW - 1][0] - test[b][WINDOW - 2][0]))
                    / test.length;
            assertArrayEquals(predicted[b], rollout.frames()[b][WINDOW], 1e-6f, "trajectory " + b);
        }
        LOG.info("one-step |dx|: operator {}, constant velocity {}, validation MSE {}", operatorError,
                constantVelocityError, trained.validationMeanSquaredError());
        // Constant velocity misses by about |x| Delta_R^2 = 0.01 |x|, 0.0055 here; with seed 3 the operator
        // measured 1.2e-4 on this machine. The limit of a fifth leaves room for other thread counts.
        assertTrue(operatorError < 0.2 * constantVelocityError, "operator " + operatorError + ", constant velocity "
                + constantVelocityError);

        try (LstmOperator loaded = LstmOperator.load(folder)) {
            assertEquals(PredictionTarget.EXTRAPOLATION_CORRECTION, loaded.target());
            float[][] again = loaded.predict(windows);
            for (int b = 0; b < test.length; b++) {
                assertArrayEquals(predicted[b], again[b], "trajectory " + b);
            }
        }
    }
}
