package org.twinfold.ml.lstm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.twinfold.ml.train.LearningRateSchedule;
import org.twinfold.ml.train.TrainingConfig;

/**
 * An operator with per-frame features ({@link SpringForce}, a = -k x with k per trajectory): the windows
 * carry the scaled features after each frame, the checkpoint records them, and a loaded operator
 * predicts and rolls out exactly as the trained one.
 */
class FeatureOperatorTest {
    private static final int WINDOW = 3;
    private static final int STEPS = 20;

    @TempDir
    Path folder;

    @Test
    void windowsCarryScaledFeatures() {
        // One trajectory of (x, v) frames with k = 2, so the feature of frame f is -2 x_f.
        float[][][] trajectories = {{{1, 0}, {2, 0}, {3, 0}, {4, 0}, {5, 0}}};
        double[][] parameters = {{2}};
        SpringForce features = new SpringForce();
        float[][][] featureFrames = InputFrames.computeAll(features, trajectories, parameters);
        Standardization frames = new Standardization(new double[] {3, 0}, new double[] {1, 1});
        Standardization featureScaling = new Standardization(new double[] {-6}, new double[] {2});
        InputFrames inputs = new InputFrames(frames, features, featureScaling);

        FrameWindows windows = FrameWindows.of(trajectories, featureFrames, parameters, new int[] {0}, WINDOW, inputs,
                PredictionTarget.NEXT_FRAME, null);

        assertEquals(2, windows.count());
        assertEquals(2 * WINDOW * 3, windows.inputs().length);
        // Window 0 contains frames 0..2: (x - 3, v, (-2 x + 6) / 2) per frame.
        assertArrayEquals(new float[] {-2, 0, 2, -1, 0, 1, 0, 0, 0}, Arrays.copyOfRange(windows.inputs(), 0, 9));
        assertArrayEquals(new float[] {-1, 0, 1, 0, 0, 0, 1, 0, -1}, Arrays.copyOfRange(windows.inputs(), 9, 18));
        assertArrayEquals(new float[] {1, 0, 2, 0}, windows.targets());
    }

    @Test
    void loadedOperatorRollsOutIdentically() throws Exception {
        float[][][] training = HarmonicOscillator.trajectories(8, 12, true, 1);
        double[][] parameters = springConstants(training.length);
        float[][][] initial = HarmonicOscillator.firstFrames(HarmonicOscillator.trajectories(3, WINDOW, true, 9), WINDOW);
        double[][] initialParameters = springConstants(initial.length);
        LstmOptions options = LstmOptions.builder().optWindowLength(WINDOW).optHiddenSize(4).optBatchSize(8)
                .optTarget(PredictionTarget.EXTRAPOLATION_CORRECTION).optStandardize(true)
                .optFeatures(new SpringForce()).build();
        TrainingConfig config = TrainingConfig.builder().setTotalSteps(STEPS).setSeed(5)
                .setSchedule(LearningRateSchedule.warmupCosine(1e-2, 2, STEPS, 1e-4)).optCheckpointEvery(STEPS)
                .build();

        RolloutResult trained;
        float[][] predicted;
        try (LstmOperator operator = LstmOperator.train(training, parameters, options, config, folder,
                report -> { }).operator()) {
            assertEquals(1, operator.architecture().featureSize());
            trained = Rollout.run(operator, initial, initialParameters, 6);
            predicted = operator.predict(initial, initialParameters);
        }

        try (LstmOperator loaded = LstmOperator.load(folder, SpringForce::fromJson)) {
            assertTrue(loaded.features().isPresent());
            RolloutResult again = Rollout.run(loaded, initial, initialParameters, 6);
            for (int b = 0; b < initial.length; b++) {
                assertArrayEquals(predicted[b], trained.frames()[b][WINDOW], 1e-6f, "prediction " + b);
                for (int f = 0; f < WINDOW + 6; f++) {
                    assertArrayEquals(trained.frames()[b][f], again.frames()[b][f], "trajectory " + b + ", frame " + f);
                }
            }
        }

        IllegalArgumentException noFactory = assertThrows(IllegalArgumentException.class,
                () -> LstmOperator.load(folder).close());
        assertTrue(noFactory.getMessage().contains("per-frame features {\"kind\":\"spring\"}"), noFactory.getMessage());
    }

    @Test
    void trajectoriesWithoutParametersRejected() {
        float[][][] training = HarmonicOscillator.trajectories(4, 8, true, 1);
        LstmOptions options = LstmOptions.builder().optWindowLength(WINDOW).optFeatures(new SpringForce()).build();
        TrainingConfig config = TrainingConfig.builder().setTotalSteps(1).setSeed(5)
                .setSchedule(LearningRateSchedule.warmupCosine(1e-2, 0, 1, 1e-4)).build();

        IllegalArgumentException none = assertThrows(IllegalArgumentException.class,
                () -> LstmOperator.train(training, options, config));
        assertTrue(none.getMessage().contains("need one parameter array per trajectory, 4 in all, but got none"),
                none.getMessage());

        double[][] empty = {{1}, {1}, {}, {1}};
        IllegalArgumentException short2 = assertThrows(IllegalArgumentException.class,
                () -> LstmOperator.train(training, empty, options, config, null, report -> { }));
        assertTrue(short2.getMessage().startsWith("trajectory 2 has 0 parameters"), short2.getMessage());
    }

    @Test
    void featuresWithInputNoiseRejected() {
        LstmOptions.Builder builder = LstmOptions.builder().optFeatures(new SpringForce()).optInputNoise(0.01);

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, builder::build);
        assertTrue(e.getMessage().contains("input noise is not supported with per-frame features"), e.getMessage());
    }

    @Test
    void stepTargetWithoutStepRejected() {
        LstmOptions.Builder builder = LstmOptions.builder().optFeatures(new SpringForce())
                .optTarget(PredictionTarget.STEP_CORRECTION);

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, builder::build);
        assertTrue(e.getMessage().contains("needs features that offer a step"), e.getMessage());
    }

    private static double[][] springConstants(int count) {
        double[][] parameters = new double[count][];
        for (int i = 0; i < count; i++) {
            parameters[i] = new double[] {1.0};
        }
        return parameters;
    }
}
